// Plain text of model content with references resolved to their labels, for data outputs.

import type { Block, Inline, NumberedReport } from '../model.js';

export function plainInlines(report: NumberedReport, nodes: readonly Inline[]): string {
  let out = '';
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
      case 'code':
        out += node.value;
        break;
      case 'break':
        out += ' ';
        break;
      case 'ref':
        out += node.children.length ? plainInlines(report, node.children) : (report.targets[node.id]?.label ?? '');
        break;
      case 'footnote':
        break;
      case 'del':
        // Data carries the text as it reads once the changes are accepted.
        break;
      default:
        out += plainInlines(report, node.children);
    }
  }
  return out;
}

export function plainBlocks(report: NumberedReport, blocks: readonly Block[]): string[] {
  const lines: string[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case 'plain':
      case 'heading':
        lines.push(plainInlines(report, block.content));
        break;
      case 'list':
        for (const item of block.items) lines.push(...plainBlocks(report, item));
        break;
      case 'table':
        for (const row of block.rows) lines.push(row.map((cell) => plainInlines(report, cell)).join('\t'));
        break;
      case 'quote':
        lines.push(...plainBlocks(report, block.children));
        break;
      case 'codeblock':
        lines.push(block.value);
        break;
      default:
        break;
    }
  }
  return lines.map(tidy).filter((l) => l !== '');
}

/** Collapses the line breaks and runs of spaces that Markdown source carries. */
export function tidy(text: string): string {
  return text.replace(/[ \t\r\n]+/g, ' ').trim();
}
