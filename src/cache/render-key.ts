// The key of one output: a hash of everything its renderer reads, so a build renders again only the outputs whose key changed.
// Renderers read their model and the render environment alone; one that came to read anything else (an image file
// beside the Markdown) would have to put it in its output's context, or a changed file would leave a stale output.

import { createHash } from 'node:crypto';
import type { NumberedReport } from '../model.js';
import { codeFingerprint } from './build-cache.js';

/** Each model hashed once: every format of an edition, and every annex's files, share theirs. */
const models = new WeakMap<NumberedReport, string>();

/**
 * The hash of the model a renderer is given, fed to the hash a piece at a time (each item, annex, footnote and working
 * document on its own) so a meeting a hundred times the flagship's size is never one string. JSON never holds a raw
 * newline, which makes it the separator.
 */
export function modelHash(report: NumberedReport): string {
  let hash = models.get(report);
  if (hash !== undefined) return hash;
  const h = createHash('sha256');
  for (const [name, value] of Object.entries(report)) {
    h.update(`${JSON.stringify(name)}\n`);
    if (Array.isArray(value)) {
      h.update(`[${value.length}\n`);
      for (const element of value) h.update(`${JSON.stringify(element) ?? 'undefined'}\n`);
    } else {
      h.update(`${JSON.stringify(value) ?? 'undefined'}\n`);
    }
  }
  hash = h.digest('hex');
  models.set(report, hash);
  return hash;
}

export interface RenderInput {
  /** The output's path in the meeting's output folder. */
  readonly path: string;
  readonly format: string;
  /** The model its renderer is given: an edition, an annex alone, a working document (none when the context says it all). */
  readonly model: NumberedReport | null;
  /** What else reaches the renderer: the part it renders, its base, the templates or reference document of its format. */
  readonly context: unknown;
}

/** The key of one output: acta's own code, the output's place and format, its model and what else reaches its renderer. */
export async function renderKey(input: RenderInput): Promise<string> {
  const context = JSON.stringify(input.context) ?? 'undefined';
  return createHash('sha256')
    .update(JSON.stringify([await codeFingerprint(), input.path, input.format, input.model === null ? null : modelHash(input.model)]))
    .update(context)
    .digest('hex');
}
