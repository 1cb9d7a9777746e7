// The clean text: tracked insertions kept as plain text, deletions dropped (for --accept-changes).

import type { Block, Decision, Flow, Inline, NumberedParagraph, NumberedReport } from '../model.js';

export function acceptChanges(report: NumberedReport): NumberedReport {
  const inlines = (nodes: readonly Inline[]): Inline[] =>
    nodes.flatMap((node): Inline[] => {
      if (node.type === 'del') return [];
      if (node.type === 'ins') return inlines(node.children);
      return 'children' in node ? [{ ...node, children: inlines(node.children) } as Inline] : [node];
    });
  const blocks = (nodes: readonly Block[]): Block[] =>
    nodes.map((block): Block => {
      switch (block.type) {
        case 'plain':
        case 'heading':
          return { ...block, content: inlines(block.content) };
        case 'list':
          return { ...block, items: block.items.map(blocks) };
        case 'table':
          return { ...block, rows: block.rows.map((row) => row.map(inlines)) };
        case 'quote':
          return { ...block, children: blocks(block.children) };
        default:
          return block;
      }
    });
  const decisions = (list: readonly Decision[]) => list.map((d) => ({ ...d, content: inlines(d.content), blocks: blocks(d.blocks) }));
  const flow = <S extends { title: readonly Inline[] }>(nodes: readonly Flow<NumberedParagraph, S>[]): Flow<NumberedParagraph, S>[] =>
    nodes.map((node): Flow<NumberedParagraph, S> => {
      switch (node.type) {
        case 'paragraph':
          return { ...node, content: inlines(node.content), blocks: blocks(node.blocks), decisions: node.decisions ? decisions(node.decisions) : null };
        case 'heading':
          return { ...node, content: inlines(node.content) };
        case 'loose':
          return { ...node, block: blocks([node.block])[0] as typeof node.block };
        case 'subitems':
          return { ...node, subitems: node.subitems.map((s) => ({ ...s, title: inlines(s.title) })) };
      }
    });
  return {
    ...report,
    items: report.items.map((item) => ({
      ...item,
      title: inlines(item.title),
      body: flow(item.body),
      subitems: item.subitems.map((s) => ({ ...s, title: inlines(s.title) })),
    })),
    annexes: report.annexes.map((annex) => ({ ...annex, body: flow(annex.body as Flow<NumberedParagraph, { title: readonly Inline[] }>[]) as typeof annex.body })),
    footnotes: report.footnotes.map((f) => ({ ...f, blocks: blocks(f.blocks) })),
    decisions: report.decisions.map((d) => ({ ...d, decision: decisions([d.decision])[0]! })),
  };
}
