// `acta issue`: records the report's numbering as issued, so every later build keeps it.

import type { Outcome } from '../errors.js';
import { issueMeeting } from '../pipeline.js';
import type { Terminal } from './terminal.js';

export async function issueCommand(dir: string, terminal: Terminal): Promise<Outcome> {
  const issued = await issueMeeting(dir);
  terminal.problems(issued.diagnostics);
  const report = issued.report;
  if (!report) return 'input';
  const where = dir.replace(/(.)\/+$/, '$1');
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const counts = [
    count(report.paragraphCount, 'paragraph number', 'paragraph numbers'),
    count(report.items.length, 'item', 'items'),
    count(report.annexes.length, 'annex', 'annexes'),
    count(report.decisions.length, 'decision', 'decisions'),
  ].join(', ');
  if (issued.done === 'unchanged') terminal.print(`${where}: already issued, and nothing changed since: the record stays as it is (${counts})\n`);
  else if (issued.done === 'corrigendum') terminal.print(`${where}: the numbering with the changes of ${report.issue!.corrigendumSymbol} is recorded as issued (${counts}); the next changes make a corrigendum of their own\n`);
  else terminal.print(`${where}: issued: ${counts} recorded; from now on every build keeps them, and meeting.md says \`status: issued\`\n`);
  return 'ok';
}
