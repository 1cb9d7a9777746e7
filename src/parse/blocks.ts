// The blocks inside a paragraph, footnote or decision (lists, tables, quotes, code, pictures alone), and decision lists.

import type { Content, List, RootContent, Table } from 'mdast';
import { error, warning } from '../diagnostics.js';
import type { DocumentProfile } from '../profiles.js';
import type { Block, Decision, Inline, ListItem, TableRow } from '../model.js';
import { takeDecisionAttributes } from './decision-attributes.js';
import { convertInlines, inlineText, rangeOf, type InlineContext } from './inline.js';
import { checkRestrictedHtml } from './restricted-spelling.js';
import { takeId } from './paragraph-marks.js';

/**
 * A paragraph that is a picture and nothing else: a figure, which belongs to the paragraph before it as a table does,
 * and takes no number.
 */
export function isPictureAlone(node: Content & { type: 'paragraph' }): boolean {
  return node.children.some((c) => c.type === 'image') && node.children.every((c) => c.type === 'image' || (c.type === 'text' && !c.value.trim()) || c.type === 'break');
}

export function convertBlocks(ctx: InlineContext, nodes: readonly (Content | RootContent)[]): Block[] {
  const out: Block[] = [];
  for (const node of nodes) {
    const block = convertBlock(ctx, node);
    if (block) out.push(block);
  }
  return out;
}

export function convertBlock(ctx: InlineContext, node: Content | RootContent): Block | null {
  switch (node.type) {
    case 'paragraph':
      return { type: 'plain', content: convertInlines(ctx, node.children), range: rangeOf(ctx, node) };
    case 'list':
      return convertList(ctx, node);
    case 'table':
      return convertTable(ctx, node);
    case 'blockquote':
      return { type: 'quote', children: convertBlocks(ctx, node.children), range: rangeOf(ctx, node) };
    case 'code':
      return { type: 'codeblock', lang: node.lang ?? null, value: node.value, range: rangeOf(ctx, node) };
    case 'thematicBreak':
      return { type: 'rule', range: rangeOf(ctx, node) };
    case 'heading': {
      const { id, content } = takeId(convertInlines(ctx, node.children), ctx.source);
      return { type: 'heading', depth: node.depth, id, content, restricted: false, range: rangeOf(ctx, node) };
    }
    case 'html':
      checkRestrictedHtml(rangeOf(ctx, node), node.value, ctx.diagnostics);
      if (!node.value.trim().startsWith('<!--')) {
        ctx.diagnostics.push(warning(rangeOf(ctx, node), 'raw-html', 'Unexpected raw HTML block, expected Markdown; it is left out'));
      }
      return null;
    case 'containerDirective':
    case 'leafDirective':
      ctx.diagnostics.push(
        error(rangeOf(ctx, node), 'unknown-directive', `Unexpected block \`${node.type === 'leafDirective' ? '::' : ':::'}${node.name}\` here, expected \`:::restricted\` at the top level of a file`),
      );
      return null;
    case 'definition':
    case 'footnoteDefinition':
    case 'yaml':
      return null;
    default:
      return null;
  }
}

function convertList(ctx: InlineContext, node: List): Block {
  const ordered = node.ordered === true;
  const items = node.children.map((item): ListItem => ({ type: 'listItem', blocks: convertBlocks(ctx, item.children), range: rangeOf(ctx, item) }));
  return { type: 'list', ordered, start: node.start ?? 1, lettered: !ordered && isLettered(items), items, range: rangeOf(ctx, node) };
}

/** Items that open with the letters a, b, c… in order, each followed by `.` or `)` and a space. */
function isLettered(items: readonly ListItem[]): boolean {
  return (
    items.length > 0 &&
    items.every((item, i) => {
      const first = item.blocks[0];
      return first?.type === 'plain' && letterOf(first.content) === String.fromCharCode(97 + i);
    })
  );
}

function convertTable(ctx: InlineContext, node: Table): Block {
  return {
    type: 'table',
    align: (node.align ?? []).map((a) => a ?? null),
    rows: node.children.map((row): TableRow => ({
      type: 'row',
      cells: row.children.map((cell) => ({ type: 'cell', content: convertInlines(ctx, cell.children), range: rangeOf(ctx, cell) })),
      range: rangeOf(ctx, row),
    })),
    range: rangeOf(ctx, node),
  };
}

/** The decisions (or a working document's actions) of the list after a lead phrase, each with its `{#id}` and links. */
export function convertDecisions(ctx: InlineContext, list: List, profile: DocumentProfile): Decision[] {
  const decisions = list.children.map((item): Decision => {
    const [first, ...rest] = item.children;
    if (first?.type !== 'paragraph') return { type: 'decision', content: [], blocks: convertBlocks(ctx, item.children), lettered: false, range: rangeOf(ctx, item), key: null, links: [] };
    const { key, links, content } = takeDecisionAttributes(ctx, convertInlines(ctx, first.children));
    // Only the report's decisions are in the register: a link on an action would be lost without a word.
    if (profile.listOf === 'actions' && links.length > 0) {
      ctx.diagnostics.push(error(links[0]!.range, 'decision-link', 'Unexpected link on an action of a working document, expected links only on the decisions of the report (the register lists those)'));
    }
    return { type: 'decision', content, blocks: convertBlocks(ctx, rest), lettered: false, range: rangeOf(ctx, item), key, links: profile.listOf === 'actions' ? [] : links };
  });
  const lettered = decisions.length > 0 && decisions.every((d, i) => letterOf(d.content) === String.fromCharCode(97 + i));
  return lettered ? decisions.map((d) => ({ ...d, lettered })) : decisions;
}

/** The letter an item's text opens with, followed by `.` or `)` and a space, as authors letter a list by hand. */
function letterOf(content: readonly Inline[]): string | null {
  return /^\s*([a-z])[.)]\s/.exec(inlineText(content))?.[1] ?? null;
}

/**
 * `*(For guidance and decision)*`: wholly in parentheses, emphasised as the format shows it or not
 * (authors forget the asterisks, and the line must not become paragraph 1 and shift every number).
 */
