// The footnotes an edition still cites, renumbered from 1 in order of citation.

import type { Block, Inline, NumberedFootnote } from '../model.js';
import { walkBlocks, type InlineVisitor } from '../walk.js';

/**
 * `walkContent` visits the edition's text; each cited footnote's blocks go through `mapBlocks` (the
 * edition's filter) and are walked too, so a footnote cited only from another footnote is kept.
 */
export function citedFootnotes(
  all: readonly NumberedFootnote[],
  walkContent: (visit: InlineVisitor) => void,
  mapBlocks: (blocks: readonly Block[]) => Block[],
): NumberedFootnote[] {
  const cited: string[] = [];
  const seen = new Set<string>();
  const cite = (node: Inline) => {
    if (node.type === 'footnote' && !seen.has(node.key)) {
      seen.add(node.key);
      cited.push(node.key);
    }
  };
  walkContent(cite);
  const byKey = new Map(all.map((f) => [f.key, f]));
  const footnotes: NumberedFootnote[] = [];
  for (let i = 0; i < cited.length; i++) {
    const original = byKey.get(cited[i]!);
    if (!original) continue;
    const number = footnotes.length + 1;
    const blocks = mapBlocks(original.blocks);
    footnotes.push({ ...original, blocks, number, anchor: `fn-${number}` });
    walkBlocks(blocks, false, cite);
  }
  return footnotes;
}
