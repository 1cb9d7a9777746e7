// The clean text: tracked insertions kept as plain text, deletions and comments dropped, and what a tracked change
// deletes whole (a paragraph, decision, list item or table row) gone, so numbers close up (every public edition, and
// the full one with --accept-changes).

import type { Block, Inline, NumberedReport, NumberedTree } from '../model.js';
import { isDeletedItem, isDeletion } from '../number/deletions.js';
import { indexReport } from '../number/index-report.js';
import { mapTree } from '../walk.js';

/** One inline as the clean text has it: a deletion goes, an insertion is its words, a comment only the words it marks. */
export const acceptInline = (node: Inline): Inline[] => (node.type === 'del' ? [] : node.type === 'ins' || node.type === 'comment' ? [...node.children] : [node]);

export function acceptChanges(report: NumberedReport): NumberedReport {
  return indexReport({ ...acceptedTree(report), documents: report.documents.map(acceptChanges) });
}

/** The tree with its changes accepted (not yet indexed): what the public filter starts from too. */
export function acceptedTree<T extends NumberedTree>(tree: T): T {
  const withoutDeleted = mapTree(tree, {
    flow: (node) => {
      if (node.type === 'paragraph') {
        if (node.deleted) return [];
        const decisions = node.decisions ? node.decisions.filter((d) => !isDeletion(d.content)).map((d) => ({ ...d, blocks: keptBlocks(d.blocks) })) : null;
        return [{ ...node, blocks: keptBlocks(node.blocks), decisions }];
      }
      if (node.type === 'loose') {
        const [block] = keptBlocks([node.block]);
        return block ? [{ ...node, block: block as typeof node.block }] : [];
      }
      return [node];
    },
  });
  const accepted = mapTree({ ...withoutDeleted, footnotes: withoutDeleted.footnotes.map((f) => ({ ...f, blocks: keptBlocks(f.blocks) })) }, { inline: acceptInline });
  return { ...accepted, accepted: true };
}

/** Blocks without the list items and table rows a tracked change deletes whole. */
function keptBlocks(blocks: readonly Block[]): Block[] {
  return blocks.flatMap((b): Block[] => {
    switch (b.type) {
      case 'list': {
        const items = b.items.filter((i) => !isDeletedItem(i.blocks)).map((i) => ({ ...i, blocks: keptBlocks(i.blocks) }));
        return items.length ? [{ ...b, items }] : [];
      }
      case 'table':
        return [{ ...b, rows: b.rows.filter((row, r) => r === 0 || !(row.cells.some((c) => c.content.length > 0) && row.cells.every((c) => c.content.length === 0 || isDeletion(c.content)))) }];
      case 'quote':
        return [{ ...b, children: keptBlocks(b.children) }];
      case 'plain':
        return isDeletion(b.content) ? [] : [b];
      default:
        return [b];
    }
  });
}
