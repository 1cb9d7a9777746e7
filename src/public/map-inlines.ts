// Rewrites every inline run of model content with one function, keeping the structure around it.

import type { Block, Decision, Flow, Inline, NumberedParagraph } from '../model.js';

export type InlineMapper = (node: Inline) => Inline[];

export function mapInlines(nodes: readonly Inline[], map: InlineMapper): Inline[] {
  return nodes.flatMap((node) => map('children' in node ? ({ ...node, children: mapInlines(node.children, map) } as Inline) : node));
}

export function mapBlockInlines(blocks: readonly Block[], map: InlineMapper): Block[] {
  return blocks.map((block): Block => {
    switch (block.type) {
      case 'plain':
      case 'heading':
        return { ...block, content: mapInlines(block.content, map) };
      case 'list':
        return { ...block, items: block.items.map((item) => mapBlockInlines(item, map)) };
      case 'table':
        return { ...block, rows: block.rows.map((row) => row.map((cell) => mapInlines(cell, map))) };
      case 'quote':
        return { ...block, children: mapBlockInlines(block.children, map) };
      default:
        return block;
    }
  });
}

export function mapDecisionInlines(decisions: readonly Decision[], map: InlineMapper): Decision[] {
  return decisions.map((d) => ({ ...d, content: mapInlines(d.content, map), blocks: mapBlockInlines(d.blocks, map) }));
}

export function mapFlowInlines<S extends { readonly title: readonly Inline[] }>(
  nodes: readonly Flow<NumberedParagraph, S>[],
  map: InlineMapper,
): Flow<NumberedParagraph, S>[] {
  return nodes.map((node): Flow<NumberedParagraph, S> => {
    switch (node.type) {
      case 'paragraph':
        return {
          ...node,
          content: mapInlines(node.content, map),
          blocks: mapBlockInlines(node.blocks, map),
          decisions: node.decisions ? mapDecisionInlines(node.decisions, map) : null,
        };
      case 'heading':
        return { ...node, content: mapInlines(node.content, map) };
      case 'loose':
        return { ...node, block: mapBlockInlines([node.block], map)[0] as typeof node.block };
      case 'subitems':
        return { ...node, subitems: node.subitems.map((s) => ({ ...s, title: mapInlines(s.title, map) })) };
    }
  });
}
