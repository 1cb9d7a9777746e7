// What a thrown error means to the person running acta, and so its exit status: one answer for
// the command line, `acta watch` and the worker threads.

import { CommanderError } from 'commander';
import type { Diagnostic } from './diagnostics.js';
import { BrowserUnavailable } from './render/pdf/find-browser.js';
import { TemplateFailed } from './render/html/template-failed.js';
import { UnsafeOutputPath, WriteFailed } from './write/write-outputs.js';

/**
 * A classified error, as plain data so it survives structured clone (a worker thread's message):
 * - input: the user's templates failed while laying out a report, shown as a diagnostic;
 * - refused-write: an output acta may not or cannot write (outside the output folder, disk full…);
 * - usage: wrong arguments (commander has already said what is wrong);
 * - bug: anything else, a bug in acta, reported with its stack.
 */
export type Failure =
  | { readonly kind: 'input'; readonly diagnostic: Diagnostic }
  | { readonly kind: 'refused-write'; readonly message: string }
  | { readonly kind: 'usage'; readonly message: string }
  | { readonly kind: 'bug'; readonly stack: string };

/** How a command ended: ok, or one of the ways it can fail. */
export type Outcome = 'ok' | Failure['kind'];

const EXIT_CODES = { ok: 0, input: 1, 'refused-write': 1, usage: 2, bug: 70 } as const satisfies Record<Outcome, number>;

export function exitCodeOf(outcome: Outcome): number {
  return EXIT_CODES[outcome];
}

/**
 * A failure classified in a worker thread, thrown again in the main thread: the error's class stays
 * behind in the worker, so its kind travels as data instead.
 */
export class ThreadFailure extends Error {
  constructor(readonly failure: Failure) {
    super(failure.kind === 'input' ? failure.diagnostic.message : failure.kind === 'bug' ? (failure.stack.split('\n')[0] ?? '') : failure.message);
    this.name = 'ThreadFailure';
  }
}

export function classifyError(e: unknown): Failure {
  if (e instanceof ThreadFailure) return e.failure;
  if (e instanceof TemplateFailed) return { kind: 'input', diagnostic: e.diagnostic };
  // Nothing half-written: every output is the previous file or a whole new one.
  if (e instanceof WriteFailed || e instanceof UnsafeOutputPath) return { kind: 'refused-write', message: e.message };
  // No browser to print the PDF with: said before anything is written, so nothing is.
  if (e instanceof BrowserUnavailable) return { kind: 'refused-write', message: e.message };
  if (e instanceof CommanderError) return { kind: 'usage', message: e.message };
  return { kind: 'bug', stack: e instanceof Error ? (e.stack ?? e.message) : String(e) };
}
