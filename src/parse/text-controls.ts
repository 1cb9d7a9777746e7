// Characters a Markdown file cannot show: controls replaced with a message, bidirectional controls warned about.

import { pointAt, warning, type Diagnostic } from '../diagnostics.js';
import { NOT_TEXT } from './frontmatter.js';

/**
 * Control characters (Word pastes U+000B for a line break), non-characters and lone surrogates are
 * errors in HTML and, most of them, invalid in the XML of a DOCX: each becomes spaces of the same
 * length, so positions stay exact.
 */
const CONTROL = new RegExp(NOT_TEXT.source, 'gu');

export function replaceControls(file: string, text: string, diagnostics: Diagnostic[]): string {
  const first = text.search(CONTROL);
  if (first === -1) return text;
  const { line, column } = pointAt(text, first);
  const code = text.codePointAt(first)!.toString(16).toUpperCase().padStart(4, '0');
  const count = text.match(CONTROL)!.length;
  diagnostics.push(
    warning({ file, line, column }, 'control-character', `Unexpected control character U+${code}${count > 1 ? ` (and ${count - 1} more)` : ''}, expected text; replaced by a space`),
  );
  return text.replace(CONTROL, (c) => ' '.repeat(c.length));
}

/**
 * Invisible direction controls (embeddings, overrides, isolates) make text display in another order than
 * it is stored: `abc\u202Efed` shows as "abcdef". A title or a sentence can then read one way in a
 * report and mean another in its data. Each is kept (a right-to-left text may need one) with a warning
 * at its place.
 */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/gu;

export function warnBidiControls(file: string, text: string, diagnostics: Diagnostic[]): void {
  for (const m of text.matchAll(BIDI_CONTROL)) {
    const { line, column } = pointAt(text, m.index);
    const code = m[0].codePointAt(0)!.toString(16).toUpperCase();
    diagnostics.push(
      warning({ file, line, column }, 'bidi-control', `Unexpected invisible direction control U+${code}, expected text without it: it makes the words around it show in another order than they are written (delete it, unless a right-to-left text needs it)`),
    );
  }
}
