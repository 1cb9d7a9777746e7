// `acta check`: validates meeting folders and prints every problem; writes nothing.

import type { Outcome } from '../errors.js';
import { checkMeeting } from '../pipeline.js';
import type { Terminal } from './terminal.js';

export async function checkCommand(dirs: readonly string[], terminal: Terminal): Promise<Outcome> {
  let failed = false;
  for (const dir of dirs) {
    const checked = await checkMeeting(dir);
    terminal.problems(checked.diagnostics);
    if (!checked.report) failed = true;
    else {
      const r = checked.report;
      const documents = r.documents.length === 0 ? '' : `, ${r.documents.length} working document${r.documents.length === 1 ? '' : 's'}`;
      terminal.print(`${dir}: ${r.items.length} items, ${r.paragraphCount} paragraphs, ${r.annexes.length} annexes, ${r.decisions.length} decisions${documents}\n`);
    }
  }
  return failed ? 'input' : 'ok';
}
