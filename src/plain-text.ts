// Plain text of model content with references resolved to their labels, for data outputs.

import { dispatch, type Block, type Handlers, type Inline, type NumberedReport } from './model.js';

const INLINE: Handlers<Inline, [NumberedReport], string> = {
  text: (node) => node.value,
  code: (node) => node.value,
  break: () => ' ',
  emphasis: (node, report) => plainInlines(report, node.children),
  strong: (node, report) => plainInlines(report, node.children),
  strike: (node, report) => plainInlines(report, node.children),
  link: (node, report) => plainInlines(report, node.children),
  ref: (node, report) => (node.children.length ? plainInlines(report, node.children) : (report.targets[node.id]?.label ?? '')),
  footnote: () => '',
  ins: (node, report) => plainInlines(report, node.children),
  // Data carries the text as it reads once the changes are accepted, and without the comments.
  del: () => '',
  comment: (node, report) => plainInlines(report, node.children),
  restricted: (node, report) => plainInlines(report, node.children),
  // Data says what a picture shows; the picture itself is in the documents.
  image: (node) => node.alt,
};

export function plainInlines(report: NumberedReport, nodes: readonly Inline[]): string {
  let out = '';
  for (const node of nodes) out += dispatch(INLINE, node, report);
  return out;
}

const BLOCK: Handlers<Block, [NumberedReport], string[]> = {
  plain: (block, report) => [plainInlines(report, block.content)],
  heading: (block, report) => [plainInlines(report, block.content)],
  list: (block, report) => block.items.flatMap((item) => plainBlocks(report, item.blocks)),
  table: (block, report) => block.rows.map((row) => row.cells.map((cell) => plainInlines(report, cell.content)).join('\t')),
  quote: (block, report) => plainBlocks(report, block.children),
  codeblock: (block) => [block.value],
  rule: () => [],
};

export function plainBlocks(report: NumberedReport, blocks: readonly Block[]): string[] {
  return blocks.flatMap((block) => dispatch(BLOCK, block, report)).map(tidy).filter((l) => l !== '');
}

/** Collapses the line breaks and runs of spaces that Markdown source carries. */
export function tidy(text: string): string {
  return text.replace(/[ \t\r\n]+/g, ' ').trim();
}
