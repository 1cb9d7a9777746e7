// Model content to hast: user text only ever becomes text nodes, so the serializer escapes it.

import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { catalogFor } from '../../i18n/labels.js';
import { IMAGE_TYPES } from '../../formats.js';
import { dispatch, editionOfTree, type Block, type Handlers, type Inline, type NumberedFootnote, type NumberedReport } from '../../model.js';
import { plainBlocks } from '../../plain-text.js';

/** Which file a tree is written to: the report, or one of its working documents. */
export interface HastContext {
  readonly report: NumberedReport;
  readonly footnotes: ReadonlyMap<string, NumberedFootnote>;
  /** Tables laid out so far: each scroll region gets a name of its own. */
  tables: number;
  /**
   * Laid out in pages (the PDF): each footnote is written at its first call, for the paged-media engine to set at the
   * foot of that page; these are the footnotes written so far. Absent on screen, where footnotes are listed after the text.
   */
  readonly placed?: Set<string>;
  /** How many times each footnote has been called so far: a second call's link needs an id of its own. */
  readonly calls: Map<string, number>;
}

export function hastContext(report: NumberedReport, paged = false): HastContext {
  return { report, footnotes: new Map(report.footnotes.map((f) => [f.key, f])), tables: 0, calls: new Map(), ...(paged ? { placed: new Set<string>() } : {}) };
}

/** Words for assistive technology only: read aloud, never shown (nor printed). */
const hidden = (text: string): Element => h('span', { className: ['visually-hidden'] }, text);

const INLINE: Handlers<Inline, [HastContext], ElementContent[]> = {
  text: (node) => [{ type: 'text', value: node.value }],
  emphasis: (node, ctx) => [h('em', inlinesToHast(ctx, node.children))],
  strong: (node, ctx) => [h('strong', inlinesToHast(ctx, node.children))],
  strike: (node, ctx) => [h('s', inlinesToHast(ctx, node.children))],
  code: (node) => [h('code', node.value)],
  break: () => [h('br')],
  link: (node, ctx) => [h('a', { href: node.url }, inlinesToHast(ctx, node.children))],
  ref: (node, ctx) => {
    const target = ctx.report.targets[node.id];
    const words = node.children.length ? inlinesToHast(ctx, node.children) : [{ type: 'text' as const, value: target?.label ?? '' }];
    if (!target) return [h('span', words)];
    // A target in another document of the meeting: a link to that document's file, in the same edition.
    const file = target.elsewhere ? target.elsewhere.href[editionOfTree(ctx.report)].html : '';
    return [h('a', { href: `${file}${target.anchor ? `#${target.anchor}` : ''}`, className: ['ref'] }, words)];
  },
  footnote: (node, ctx) => {
    const footnote = ctx.footnotes.get(node.key);
    const name = catalogFor(ctx.report.meta.language).access.footnoteCall(footnote?.number ?? 0);
    if (footnote && ctx.placed) {
      if (ctx.placed.has(node.key)) return [h('sup', { className: ['fnref'] }, String(footnote.number))];
      ctx.placed.add(node.key);
      return [h('span', { className: ['footnote'], id: footnote.anchor, dataNumber: footnote.number }, footnoteBody(ctx, footnote.blocks))];
    }
    if (!footnote) return [];
    // The first call is the one the note links back to; a later call of the same note gets an id of its own, as ids are unique in a page.
    const call = (ctx.calls.get(node.key) ?? 0) + 1;
    ctx.calls.set(node.key, call);
    const id = call === 1 ? footnote.refAnchor : `${footnote.refAnchor}-${call}`;
    return [h('sup', { className: ['fnref'] }, h('a', { href: `#${footnote.anchor}`, id, ariaLabel: name }, String(footnote.number)))];
  },
  // Who made the change and when: the tooltip, and the datetime machines read.
  ins: (node, ctx) => [h('ins', { title: node.by?.label ?? ctx.report.facts.changes.label, dateTime: node.by?.date ?? ctx.report.facts.changes.date }, inlinesToHast(ctx, node.children))],
  del: (node, ctx) => [h('del', { title: node.by?.label ?? ctx.report.facts.changes.label, dateTime: node.by?.date ?? ctx.report.facts.changes.date }, inlinesToHast(ctx, node.children))],
  // The start and end are said in words, so a screen reader tells what the public edition withholds.
  restricted: (node, ctx) => {
    const catalog = catalogFor(ctx.report.meta.language);
    return [
      h('span', { className: ['restricted'], title: catalog.restricted }, [
        hidden(`${catalog.access.restrictedStart} `),
        ...inlinesToHast(ctx, node.children),
        hidden(` (${catalog.access.restrictedEnd})`),
      ]),
    ];
  },
  // A picture travels inside the page (a data: address), so the HTML file stands alone; the description is its alt text.
  image: (node) => (!node.data ? [] : [h('img', { src: `data:${IMAGE_TYPES[node.format]};base64,${node.data}`, alt: node.alt, width: node.width, height: node.height, className: ['picture'] })]),
  // The words a comment is anchored on are marked, and the comment follows as a note set in the margin by style.css.
  comment: (node, ctx) => {
    const words = inlinesToHast(ctx, node.children);
    if (!node.body) return words;
    const author = (who: string | null) => who ?? ctx.report.facts.changes.author;
    const catalog = catalogFor(ctx.report.meta.language);
    // Replies follow in the same note, each with its author; a resolved thread says so.
    const replies = (node.replies ?? []).flatMap((reply) => [
      h('span', { className: ['comment-reply'] }, [h('span', { className: ['comment-author'] }, `${author(reply.author)}:`), { type: 'text' as const, value: ' ' }, ...inlinesToHast(ctx, reply.body)]),
    ]);
    return [
      ...(words.length ? [h('mark', { className: ['commented'] }, words)] : []),
      h('span', { className: node.done ? ['comment', 'comment-done'] : ['comment'], role: 'note' }, [
        h('span', { className: ['comment-author'] }, `${author(node.author)}:`),
        { type: 'text', value: ' ' },
        ...inlinesToHast(ctx, node.body),
        ...replies,
        ...(node.done ? [h('span', { className: ['comment-state'] }, ` (${catalog.resolved})`)] : []),
      ]),
    ];
  },
};

/**
 * A footnote's text inside the sentence that calls it: phrasing content only, or the HTML parser would close the
 * paragraph around it. Its paragraphs are spans; a list or table in a note keeps its words, one line an entry.
 */
function footnoteBody(ctx: HastContext, blocks: readonly Block[]): ElementContent[] {
  return blocks.flatMap((block) =>
    block.type === 'plain'
      ? [h('span', { className: ['footnote-para'] }, inlinesToHast(ctx, block.content))]
      : plainBlocks(ctx.report, [block]).map((line) => h('span', { className: ['footnote-para'] }, line)),
  );
}

export function inlinesToHast(ctx: HastContext, nodes: readonly Inline[]): ElementContent[] {
  return nodes.flatMap((node) => dispatch(INLINE, node, ctx));
}

export function blocksToHast(ctx: HastContext, blocks: readonly Block[]): Element[] {
  return blocks.map((block) => dispatch(BLOCK, block, ctx));
}

const BLOCK: Handlers<Block, [HastContext], Element> = {
  plain: (block, ctx) => h('p', inlinesToHast(ctx, block.content)),
  heading: (block, ctx) => h(`h${Math.min(block.depth + 1, 6)}`, { id: block.anchor, className: block.restricted ? ['restricted'] : undefined }, inlinesToHast(ctx, block.content)),
  list: (block, ctx) =>
    h(
      block.ordered ? 'ol' : 'ul',
      // A list lettered by hand prints its letters and no bullet as well.
      { start: block.ordered && block.start !== 1 ? block.start : undefined, className: block.lettered ? ['lettered'] : undefined },
      block.items.map((item) => h('li', blocksToHast(ctx, item.blocks))),
    ),
  table: (block, ctx) => {
    const [head, ...rows] = block.rows;
    const align = (i: number) => (block.align[i] ? { style: `text-align:${block.align[i]}` } : {});
    // A wide table scrolls inside its wrapper: a named region the keyboard can reach and scroll.
    const name = catalogFor(ctx.report.meta.language).access.scrollableTable(++ctx.tables);
    // An empty header cell heads nothing: it is a plain cell, so no header is announced empty.
    const headCell = (cell: { content: readonly Inline[] }, i: number) =>
      cell.content.length ? h('th', { scope: 'col', ...align(i) }, inlinesToHast(ctx, cell.content)) : h('td', align(i));
    return h('div', { className: ['table-wrap'], role: 'region', tabIndex: 0, ariaLabel: name }, [
      h('table', [
        h('thead', h('tr', (head?.cells ?? []).map(headCell))),
        h('tbody', rows.map((row) => h('tr', row.cells.map((cell, i) => h('td', align(i), inlinesToHast(ctx, cell.content)))))),
      ]),
    ]);
  },
  quote: (block, ctx) => h('blockquote', blocksToHast(ctx, block.children)),
  codeblock: (block) => h('pre', h('code', block.value)),
  rule: () => h('hr'),
};

export function html(nodes: ElementContent | readonly ElementContent[]): string {
  return toHtml(Array.isArray(nodes) ? { type: 'root', children: [...nodes] } : (nodes as ElementContent));
}
