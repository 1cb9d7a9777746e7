// `acta align`: an original and its translation side by side, with every divergence printed.

import type { Outcome } from '../errors.js';
import { alignMeetings } from '../align/align-meetings.js';
import { refusedOutput, type Terminal } from './terminal.js';

export async function alignCommand(original: string, translation: string, options: { readonly out: string }, terminal: Terminal): Promise<Outcome> {
  if (await refusedOutput(options.out, [translation], terminal)) return 'usage';
  const result = await alignMeetings(original, translation, options.out);
  terminal.problems(result.diagnostics);
  for (const file of result.written) terminal.print(`${file}\n`);
  return result.aligned ? 'ok' : 'input';
}
