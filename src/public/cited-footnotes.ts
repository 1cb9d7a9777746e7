// The footnotes an edition still cites, renumbered from 1 in order of citation.

import type { Inline, NumberedFootnote, NumberedTree } from '../model.js';
import { footnoteAnchors } from '../number/number-report.js';
import { BODY, mapFootnote, visitBlocks, visitTree, type Mapper } from '../walk.js';

/**
 * The edition's text (items and annexes of `tree`) says which footnotes are cited; each cited
 * footnote goes through the edition's `mapper` and is visited too, so a footnote cited only from
 * another footnote is kept.
 */
export function citedFootnotes(all: readonly NumberedFootnote[], tree: Pick<NumberedTree, 'items' | 'annexes'>, mapper: Mapper): NumberedFootnote[] {
  const byKey = new Map(all.map((f) => [f.key, f]));
  const footnotes: NumberedFootnote[] = [];
  const seen = new Set<string>();
  const cite = {
    inline: (node: Inline) => {
      if (node.type !== 'footnote' || seen.has(node.key)) return;
      seen.add(node.key);
      const original = byKey.get(node.key);
      if (original) footnotes.push({ ...mapFootnote(original, mapper), number: footnotes.length + 1, ...footnoteAnchors(footnotes.length + 1) });
    },
  };
  visitTree(tree, cite);
  for (let i = 0; i < footnotes.length; i++) visitBlocks(footnotes[i]!.blocks, cite, BODY);
  return footnotes;
}
