// Visits every inline run of the model in reading order, telling whether it sits in restricted text.

import type { Block, Decision, Flow, Inline } from './model.js';

export type InlineVisitor = (node: Inline, restricted: boolean) => void;

export function walkInlines(nodes: readonly Inline[], restricted: boolean, visit: InlineVisitor): void {
  for (const node of nodes) {
    visit(node, restricted);
    if ('children' in node) walkInlines(node.children, restricted || node.type === 'restricted', visit);
  }
}

export function walkBlocks(blocks: readonly Block[], restricted: boolean, visit: InlineVisitor): void {
  for (const block of blocks) {
    switch (block.type) {
      case 'plain':
      case 'heading':
        walkInlines(block.content, restricted, visit);
        break;
      case 'list':
        for (const item of block.items) walkBlocks(item, restricted, visit);
        break;
      case 'table':
        for (const row of block.rows) for (const cell of row) walkInlines(cell, restricted, visit);
        break;
      case 'quote':
        walkBlocks(block.children, restricted, visit);
        break;
      default:
        break;
    }
  }
}

export function walkDecisions(decisions: readonly Decision[], restricted: boolean, visit: InlineVisitor): void {
  for (const d of decisions) {
    walkInlines(d.content, restricted, visit);
    walkBlocks(d.blocks, restricted, visit);
  }
}

export function walkFlow(flow: readonly Flow<{ type: 'paragraph'; content: readonly Inline[]; blocks: readonly Block[]; decisions: readonly Decision[] | null; restricted: boolean }, { title: readonly Inline[] }>[], restricted: boolean, visit: InlineVisitor): void {
  for (const node of flow) {
    switch (node.type) {
      case 'paragraph': {
        const r = restricted || node.restricted;
        walkInlines(node.content, r, visit);
        walkBlocks(node.blocks, r, visit);
        if (node.decisions) walkDecisions(node.decisions, r, visit);
        break;
      }
      case 'heading':
        walkInlines(node.content, restricted || node.restricted, visit);
        break;
      case 'loose':
        walkBlocks([node.block], restricted || node.restricted, visit);
        break;
      case 'subitems':
        for (const s of node.subitems) walkInlines(s.title, restricted, visit);
        break;
    }
  }
}
