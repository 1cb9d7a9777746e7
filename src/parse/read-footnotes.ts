// Footnotes are meeting-wide: each file is read with the definitions of the footnotes it calls from other files.

import type { Root, Text } from 'mdast';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import { visit } from 'unist-util-visit';
import { error, formatPlace, pointAt, type Diagnostic } from '../diagnostics.js';
import type { SourceFile } from '../load/load-meeting.js';
import type { SourceRange } from '../model.js';
import type { Readings } from './readings.js';
import { rangeOf } from './inline.js';

const FOOTNOTE_CALL = /\[\^([^\]\s]+)\]/g;

/**
 * Footnotes are meeting-wide: a definition in any file serves a call in any other. The Markdown
 * reader only takes `[^key]` for a call when its definition is in the same file, so a file that
 * calls a footnote defined elsewhere is read again with the missing definitions appended after its
 * end (no position moves, and those stand-ins are never read as footnotes). A call defined nowhere
 * and a key defined twice are errors. `stop` is asked after each file is read: true ends the reading there (a meeting
 * past a limit is refused without reading the rest), and the files read so far come back.
 */
export function readFootnotesMeetingWide(
  sources: readonly SourceFile[],
  diagnostics: Diagnostic[],
  readings: Readings,
  stop: (file: SourceFile, tree: Root) => boolean = () => false,
): Map<string, { file: SourceFile; tree: Root }> {
  const read = new Map<string, { file: SourceFile; tree: Root }>();
  for (const file of sources) {
    const tree = readings.tree(file.text);
    read.set(file.path, { file, tree });
    if (stop(file, tree)) return read;
  }
  const defined = new Map<string, SourceRange>();
  for (const { file, tree } of read.values()) {
    for (const node of tree.children) {
      if (node.type !== 'footnoteDefinition') continue;
      const key = normalizeIdentifier(node.identifier).toLowerCase();
      const range = rangeOf({ file: file.path }, node);
      const first = defined.get(key);
      if (first) diagnostics.push(error(range, 'footnote-duplicate', `Unexpected second definition of footnote \`[^${node.label ?? node.identifier}]\`, expected each footnote defined once in the meeting (first defined at ${formatPlace(first)})`));
      else defined.set(key, range);
    }
  }
  for (const [name, { file, tree }] of read) {
    const missing = new Set<string>();
    for (const node of readings.readingOf('footnote calls', tree, () => footnoteCallTexts(tree))) {
      // Read from the source: a call typed with a backslash (`\[^1\]`) is text, not a call.
      const start = node.position?.start.offset;
      const typed = start === undefined ? node.value : file.text.slice(start, node.position!.end.offset);
      for (const m of typed.matchAll(FOOTNOTE_CALL)) {
        if (m.index > 0 && typed[m.index - 1] === '\\') continue;
        const key = normalizeIdentifier(m[1]!).toLowerCase();
        if (defined.has(key)) {
          missing.add(m[1]!);
          continue;
        }
        const at = start !== undefined ? pointAt(file.text, start + m.index) : { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
        diagnostics.push(
          error({ file: file.path, line: at.line, column: at.column }, 'footnote-undefined', `Unexpected footnote call \`${m[0]}\` with no definition in the meeting, expected a line \`${m[0]}: the note's text\` in one of its files`),
        );
      }
    }
    if (missing.size === 0) continue;
    const standIns = [...missing].map((label) => `[^${label}]: -`).join('\n\n');
    const again = readings.tree(`${file.text}\n\n${standIns}\n`);
    // A new root, not an edit of the one read: that one may be shared through the cache.
    const children = again.children.filter((node) => node.type !== 'footnoteDefinition' || (node.position?.start.offset ?? 0) < file.text.length);
    read.set(name, { file, tree: { ...again, children } });
  }
  return read;
}

/** The text nodes of a tree that hold `[^…]` (read once a tree: `acta watch` asks again for every unchanged file). */
function footnoteCallTexts(tree: Root): readonly Text[] {
  const texts: Text[] = [];
  const call = new RegExp(FOOTNOTE_CALL.source);
  visit(tree, 'text', (node) => {
    if (call.test(node.value)) texts.push(node);
  });
  return texts;
}
