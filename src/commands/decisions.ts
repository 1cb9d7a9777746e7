// `acta decisions`: the decisions register of one or many meetings, on stdout.

import type { Outcome } from '../errors.js';
import { meetingDecisions, renderDecisions } from '../pipeline.js';
import type { DecisionFormat, MeetingDecisions } from '../render/decisions/format-decisions.js';
import type { Terminal } from './terminal.js';

export interface DecisionsCommandOptions {
  readonly format: DecisionFormat;
  readonly public: boolean;
  /** The actions expected across the working documents (`--actions`), one register a document. */
  readonly actions?: boolean;
}

export async function decisionsCommand(dirs: readonly string[], options: DecisionsCommandOptions, terminal: Terminal): Promise<Outcome> {
  const registers: MeetingDecisions[] = [];
  let failed = false;
  for (const dir of dirs) {
    const checked = await meetingDecisions(dir, options.public ? 'public' : 'full');
    terminal.problems(checked.diagnostics);
    if (!checked.register) failed = true;
    else if (options.actions) registers.push(...checked.actions);
    else registers.push(checked.register);
  }
  // A register with a meeting missing would read as complete: print none.
  if (failed) return 'input';
  terminal.print(renderDecisions(registers, options.format, options.actions ? 'actions' : 'decisions'));
  return 'ok';
}
