// The limits a meeting's Markdown keeps (src/limits.ts), checked twice: over the raw text, before the Markdown
// reader, whose time grows faster than the text past them (containers a line is in, marks it must pair, footnote
// calls it must look up; the scan is scan-markdown.ts); and over the trees it read, before anything walks them
// recursively.

import type { Root } from 'mdast';
import { error, pointAt, type Diagnostic } from '../diagnostics.js';
import { LIMITS } from '../limits.js';
import { count, MAX_PER_KIND, scanMarkdown, type ScannedFile } from './scan-markdown.js';

export { scanMarkdown, type ScannedFile } from './scan-markdown.js';

/** Scans every file of a meeting, in reading order, and counts its footnotes meeting-wide. */
export function scanMeeting(files: readonly { readonly path: string; readonly text: string }[]): Diagnostic[] {
  const scanned = files.map((file) => ({ ...file, scanned: scanMarkdown(file.path, file.text) }));
  return [...scanned.flatMap((file) => file.scanned.problems), ...checkFootnoteCounts(scanned)];
}

/** The meeting-wide footnote counts, over the files in reading order: an error at the first definition and the first call past each limit. */
function checkFootnoteCounts(files: readonly { readonly path: string; readonly text: string; readonly scanned: ScannedFile }[]): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const past = (kind: 'definitions' | 'calls', limit: number, message: string) => {
    let seen = 0;
    for (const { path, text, scanned } of files) {
      const offsets = scanned[kind];
      if (seen + offsets.length > limit) {
        const { line, column } = pointAt(text, offsets[limit - seen]!);
        problems.push(error({ file: path, line, column }, 'too-many-footnotes', message));
        return;
      }
      seen += offsets.length;
    }
  };
  past('definitions', LIMITS.footnotes, `Unexpected footnote past the ${count(LIMITS.footnotes)}th, expected at most ${count(LIMITS.footnotes)} footnotes in a meeting`);
  past('calls', LIMITS.footnoteCalls, `Unexpected footnote call past the ${count(LIMITS.footnoteCalls)}th, expected at most ${count(LIMITS.footnoteCalls)} footnote calls in a meeting`);
  return problems;
}

/** What is left of the meeting's count of nodes, shared by the walks of its files in reading order. */
export interface NodeBudget {
  left: number;
}

/** Containers of blocks: each one a level of block nesting. */
const BLOCK_CONTAINERS = new Set(['blockquote', 'list', 'containerDirective', 'footnoteDefinition']);
/** Nodes whose children are not nested inside them in the reader's sense (a list item is its list's level). */
const STRUCTURE = new Set(['root', 'paragraph', 'heading', 'table', 'tableRow', 'tableCell', 'listItem', 'leafDirective']);

const BLOCK_WORDS: Readonly<Record<string, string>> = { blockquote: 'quote', list: 'list', containerDirective: '`:::` block', footnoteDefinition: 'footnote' };

/**
 * Checks a tree the reader made: quotes, lists and `:::` blocks nested at most `blockDepth` deep, emphasis, links,
 * changes and spans at most `inlineDepth`, tables of at most `tableCells` cells, and the meeting's nodes, counted
 * over its files, at most `meetingNodes`. Iterative, so any depth is walked;
 * a tree that passes can be walked recursively by every later stage.
 */
export function checkTree(file: string, tree: Root, budget: NodeBudget = { left: LIMITS.meetingNodes }): Diagnostic[] {
  const problems: Diagnostic[] = [];
  type Node = { type: string; children?: Node[]; position?: Root['position'] };
  const stack: [Node, number, number][] = [[tree as Node, 0, 0]];
  const place = (node: Node) => ({ file, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });
  let deepBlocks = 0;
  let deepInlines = 0;
  while (stack.length > 0) {
    const [node, blocks, inlines] = stack.pop()!;
    if (--budget.left === -1) {
      problems.push(
        error(place(node), 'meeting-too-large', `Unexpected meeting of more than ${count(LIMITS.meetingNodes)} paragraphs, headings, list items, table cells and runs of text or formatting in them, expected at most ${count(LIMITS.meetingNodes)}, ten times the largest real report: split it into meetings`),
      );
    }
    if (node.type === 'table' && node.children) {
      let cells = 0;
      for (const row of node.children) cells += row.children?.length ?? 0;
      if (cells > LIMITS.tableCells) {
        problems.push(error(place(node), 'too-many-cells', `Unexpected table of ${count(cells)} cells, expected at most ${count(LIMITS.tableCells)} in one table: split it into several tables`));
      }
    }
    if (!node.children) continue;
    const block = BLOCK_CONTAINERS.has(node.type);
    const inline = !block && !STRUCTURE.has(node.type);
    const b = blocks + (block ? 1 : 0);
    const n = inlines + (inline ? 1 : 0);
    if (b > LIMITS.blockDepth) {
      if (deepBlocks++ < MAX_PER_KIND) {
        problems.push(error(place(node), 'too-deep', `Unexpected ${BLOCK_WORDS[node.type] ?? 'block'} nested ${b} levels deep (quotes, lists, \`:::\` blocks and footnotes inside one another), expected at most ${LIMITS.blockDepth}`));
      }
      continue;
    }
    if (n > LIMITS.inlineDepth) {
      if (deepInlines++ < MAX_PER_KIND) {
        problems.push(error(place(node), 'too-deep', `Unexpected text nested ${n} levels deep (emphasis, links, changes, comments and restricted spans inside one another), expected at most ${LIMITS.inlineDepth}`));
      }
      continue;
    }
    for (let k = node.children.length - 1; k >= 0; k--) stack.push([node.children[k]!, b, n]);
  }
  return problems;
}
