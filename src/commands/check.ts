// `acta check`: validates meeting folders and prints every problem; writes nothing.

import type { Outcome } from '../errors.js';
import { checkMeeting } from '../pipeline.js';
import { countOf, type Terminal } from './terminal.js';

export async function checkCommand(dirs: readonly string[], terminal: Terminal): Promise<Outcome> {
  let failed = false;
  for (const dir of dirs) {
    const checked = await checkMeeting(dir);
    terminal.problems(checked.diagnostics);
    if (!checked.report) failed = true;
    else {
      const r = checked.report;
      const documents = r.documents.length === 0 ? '' : `, ${countOf(r.documents.length, 'working document')}`;
      terminal.print(`${dir}: ${countOf(r.items.length, 'item')}, ${countOf(r.paragraphCount, 'paragraph')}, ${countOf(r.annexes.length, 'annex', 'annexes')}, ${countOf(r.decisions.length, 'decision')}${documents}\n`);
    }
  }
  return failed ? 'input' : 'ok';
}
