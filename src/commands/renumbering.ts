// `acta renumbering`: what moved between an earlier version of a meeting and now, printed and written as Markdown and JSON.

import type { Outcome } from '../errors.js';
import { UnknownSince } from '../load/load-since.js';
import { renumberMeeting } from '../pipeline.js';
import { refusedOutput, type Terminal } from './terminal.js';

export async function renumberingCommand(dir: string, options: { readonly since: string; readonly out: string }, terminal: Terminal): Promise<Outcome> {
  if (await refusedOutput(options.out, [dir], terminal)) return 'usage';
  try {
    const result = await renumberMeeting(dir, options.since, options.out);
    terminal.problems(result.diagnostics.filter((d) => d.severity === 'error'));
    if (!result.renumbering) return 'input';
    terminal.print(result.markdown);
    return 'ok';
  } catch (e) {
    if (!(e instanceof UnknownSince)) throw e;
    terminal.complain(`acta: ${e.message}\n`);
    return 'usage';
  }
}
