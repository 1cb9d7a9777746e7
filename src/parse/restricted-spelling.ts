// Restricted is fail-safe: a spelling a person could mean as restricted is an error naming the
// right one, so text that was meant to be withheld is never published because of a typo.

import { distance } from 'fastest-levenshtein';
import type { Paragraph, Text } from 'mdast';
import { error, pointAt, type Diagnostic, type Place, type Where } from '../diagnostics.js';

/** The name itself in any case, or a close misspelling of it (`restrcited`, `Restricted`, `restriced`). */
export function looksRestricted(word: string): boolean {
  const w = word.toLowerCase();
  return w === 'restricted' || (w.length >= 7 && distance(w, 'restricted') <= 2);
}

const PUBLISHED = 'as typed, its text would be published';

/**
 * Lines of a paragraph that start with colons were meant as a block fence (`::: restricted`,
 * `::: {.restricted}`, a stray `:::`): Markdown read them as text, so the block around them would
 * be printed in every edition.
 */
export interface FenceState {
  /** A near-miss opener was reported above: the `:::` that closes it needs no message of its own. */
  openerReported: boolean;
}

export function checkFenceLines(file: string, source: string, node: Paragraph, state: FenceState, diagnostics: Diagnostic[]): void {
  const start = node.position?.start;
  const end = node.position?.end;
  if (start?.offset === undefined || end?.offset === undefined) return;
  const lines = source.slice(start.offset, end.offset).split('\n');
  lines.forEach((line, i) => {
    const m = /^([ \t]*)(:{2,})(.*?)\r?$/.exec(line);
    if (!m) return;
    const colons = m[2]!;
    const rest = m[3]!.trim();
    const place: Place = { file, line: start.line + i, column: (i === 0 ? start.column : 1) + m[1]!.length };
    const typed = `${colons}${m[3]!.replace(/\r$/, '')}`;
    const word = /^\{?\s*[.#]?([\p{L}\p{N}_-]+)/u.exec(rest)?.[1];
    if (word && looksRestricted(word)) {
      state.openerReported = true;
      diagnostics.push(
        error(place, 'restricted-syntax', `Unexpected \`${typed}\`, expected \`:::restricted\` (three colons, then the name with no space or braces) on a line of its own to open a restricted block; ${PUBLISHED}`),
      );
    } else if (colons.length >= 3 && rest === '') {
      if (state.openerReported) {
        state.openerReported = false;
        return;
      }
      diagnostics.push(
        error(place, 'directive-syntax', `Unexpected \`${colons}\` line that closes no block, expected it only to close a \`:::restricted\` block opened above it; ${PUBLISHED}`),
      );
    } else if (colons.length >= 3) {
      state.openerReported = true;
      diagnostics.push(
        error(place, 'directive-syntax', `Unexpected \`${typed}\`, expected \`:::restricted\` (no space, no braces) to open a restricted block and \`:::\` alone to close it; ${PUBLISHED}`),
      );
    }
  });
}

/**
 * `[text]{.restricted}` (pandoc's span: its first class) and `: restricted[text]` (a space after the colon). Each
 * pattern runs in time linear in the text: a brace group is found first and its class read apart, since a single
 * pattern that backtracks over the group's dots takes time that grows with their square.
 */
const TEXT_NEAR_MISSES = [
  /\{[^{}\n]*\}/gu,
  /(?:^|[^:\p{L}\p{N}]):\s+([\p{L}\p{N}_-]+)\s*\[/gu,
];
const CLASS = /\.([\p{L}\p{N}_-]+)/u;

/** Inline spellings of `:restricted[…]` that the directive reader did not take. */
export function checkRestrictedText(file: string, source: string, node: Text, diagnostics: Diagnostic[]): void {
  const value = node.value;
  if (!/estr|rest/i.test(value)) return;
  for (const pattern of TEXT_NEAR_MISSES) {
    for (const m of value.matchAll(pattern)) {
      const name = m[1] ?? CLASS.exec(m[0])?.[1];
      if (name === undefined || !looksRestricted(name)) continue;
      const lineStart = value.lastIndexOf('\n', m.index) + 1;
      if (/^[ \t]*:{2,}/.test(value.slice(lineStart))) continue; // a fence line: reported for the paragraph
      const typed = m[0].replace(/^[^:{]*/, '');
      diagnostics.push(
        error(placeIn(file, source, node, m.index + m[0].indexOf(typed)), 'restricted-syntax', `Unexpected \`${typed}\`, expected \`:restricted[text]\` (a colon, the name and the text in brackets, with no space); ${PUBLISHED}`),
      );
    }
  }
}

/** The place of the `directive` node that the reader took for a directive of another name or shape. */
export function checkRestrictedDirective(place: Where, typed: string, name: string, diagnostics: Diagnostic[]): boolean {
  if (!looksRestricted(name)) return false;
  const shown = typed.length > 40 ? `${typed.slice(0, 39)}…` : typed;
  diagnostics.push(
    error(place, 'restricted-syntax', `Unexpected \`${shown}\`, expected \`:restricted[text]\` (a colon, the name and the text in brackets, with no space); ${PUBLISHED}`),
  );
  return true;
}

/** The exact place of an offset inside a text node when its value is its source as typed. */
function placeIn(file: string, source: string, node: Text, index: number): Place {
  const start = node.position?.start;
  const end = node.position?.end;
  if (!start || start.offset === undefined || end?.offset === undefined) return { file, line: start?.line ?? 1, column: start?.column ?? 1 };
  if (source.slice(start.offset, end.offset) !== node.value) return { file, line: start.line, column: start.column };
  const point = pointAt(source, start.offset + index);
  return { file, line: point.line, column: point.column };
}
