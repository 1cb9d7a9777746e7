// `acta register`: one register of decisions across the sessions of one or more archives, into OUT/.

import path from 'node:path';
import type { Outcome } from '../errors.js';
import { registerArchive } from '../pipeline.js';
import type { Terminal } from './terminal.js';

export interface RegisterCommandOptions {
  readonly out: string;
  readonly public: boolean;
  /** One line saying what was written, even when the output is not a terminal. */
  readonly summary: boolean;
}

export async function registerCommand(paths: readonly string[], options: RegisterCommandOptions, terminal: Terminal): Promise<Outcome> {
  const result = await registerArchive(paths, options.out, options.public ? 'public' : 'full');
  terminal.problems(result.diagnostics);
  if (result.written.length === 0) return 'input';
  if (options.summary) {
    const folder = options.out.replace(/(.)\/+$/, '$1');
    terminal.print(`register: ${result.decisions} decisions of ${result.sessions} sessions, ${result.written.map((f) => path.basename(f)).join(', ')} written to ${folder}/\n`);
  }
  return 'ok';
}
