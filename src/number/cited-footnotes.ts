// The footnotes a text cites, numbered from 1 in order of first citation: once by number, and again
// by each edition (public, an annex alone) for the footnotes it still cites.

import type { Footnote, Inline, NumberedFootnote, NumberedTree } from '../model.js';
import { BODY, mapFootnote, visitBlocks, visitTree, type Mapper } from '../walk.js';

/** The HTML anchors of a footnote and of its call, by number. */
export function footnoteAnchors(number: number): { readonly anchor: string; readonly refAnchor: string } {
  return { anchor: `fn-${number}`, refAnchor: `fn-${number}-ref` };
}

/**
 * The edition's text (items and annexes of `tree`) says which footnotes are cited; each cited
 * footnote goes through the edition's `mapper` and is visited too, so a footnote cited only from
 * another footnote is kept.
 */
export function citedFootnotes(all: readonly Footnote[], tree: Pick<NumberedTree, 'items' | 'annexes'>, mapper: Mapper = {}): NumberedFootnote[] {
  const byKey = new Map(all.map((f) => [f.key, f]));
  const footnotes: NumberedFootnote[] = [];
  const seen = new Set<string>();
  const cite = {
    inline: (node: Inline) => {
      if (node.type !== 'footnote' || seen.has(node.key)) return;
      seen.add(node.key);
      const original = byKey.get(node.key);
      if (original) footnotes.push({ ...mapFootnote(original, mapper), type: 'footnoteDefinition', number: footnotes.length + 1, ...footnoteAnchors(footnotes.length + 1) });
    },
  };
  visitTree(tree, cite);
  for (let i = 0; i < footnotes.length; i++) visitBlocks(footnotes[i]!.blocks, cite, BODY);
  return footnotes;
}
