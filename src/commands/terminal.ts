// What a command may do with the terminal: cli.ts gives each command one, and stays the only
// module that holds the console, the process signals and the exit status.

import type { Diagnostic } from '../diagnostics.js';
import { outputPlaceProblem } from '../write/output-place.js';

export interface Terminal {
  /** Problems of the input, one a line on stderr. */
  problems(diagnostics: readonly Diagnostic[]): void;
  /** What the user asked for (a register, a summary, a URL), on stdout. */
  print(text: string): void;
  /** Something acta could not do that has no place in a file (a port in use…), on stderr. */
  complain(text: string): void;
  /** A bug in acta that must not end the command (a rebuild in `acta watch`): its stack and a request to report it. */
  bug(error: unknown): void;
  /** On a terminal, a status line rewritten in place (null clears it); elsewhere nothing. */
  status(text: string | null): void;
  /** Resolves on Ctrl-C or a termination request. */
  interrupted(): Promise<void>;
}

/** Says, for the first meeting whose outputs `--out` would put among its sources, why not; true then (wrong usage, exit 2). */
export async function refusedOutput(out: string, dirs: readonly string[], terminal: Terminal): Promise<boolean> {
  for (const dir of dirs) {
    const problem = await outputPlaceProblem(out, dir);
    if (problem === null) continue;
    terminal.complain(`acta: ${problem}\n`);
    return true;
  }
  return false;
}

/** A count in plain English: "1 file", "4 files", "1 annex", "3 annexes". */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
