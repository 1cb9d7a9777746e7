// Model content to hast: user text only ever becomes text nodes, so the serializer escapes it.

import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { catalogFor } from '../../i18n/labels.js';
import type { Block, Inline, NumberedFootnote, NumberedReport } from '../../model.js';

export interface HastContext {
  readonly report: NumberedReport;
  /** "PTC, 2 May 2018": who made the tracked changes, shown in their title */
  readonly changesTitle: string;
  readonly changesDate: string;
  readonly footnotes: ReadonlyMap<string, NumberedFootnote>;
}

export function hastContext(report: NumberedReport, changesTitle: string): HastContext {
  return {
    report,
    changesTitle,
    changesDate: report.meta.changes_date ?? report.meta.issued,
    footnotes: new Map(report.footnotes.map((f) => [f.key, f])),
  };
}

export function inlinesToHast(ctx: HastContext, nodes: readonly Inline[]): ElementContent[] {
  const out: ElementContent[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out.push({ type: 'text', value: node.value });
        break;
      case 'emphasis':
        out.push(h('em', inlinesToHast(ctx, node.children)));
        break;
      case 'strong':
        out.push(h('strong', inlinesToHast(ctx, node.children)));
        break;
      case 'strike':
        out.push(h('s', inlinesToHast(ctx, node.children)));
        break;
      case 'code':
        out.push(h('code', node.value));
        break;
      case 'break':
        out.push(h('br'));
        break;
      case 'link':
        out.push(h('a', { href: node.url }, inlinesToHast(ctx, node.children)));
        break;
      case 'ref': {
        const target = ctx.report.targets[node.id];
        const words = node.children.length ? inlinesToHast(ctx, node.children) : [{ type: 'text' as const, value: target?.label ?? '' }];
        out.push(target ? h('a', { href: `#${target.anchor}`, className: ['ref'] }, words) : h('span', words));
        break;
      }
      case 'footnote': {
        const footnote = ctx.footnotes.get(node.key);
        if (footnote) out.push(h('sup', { className: ['fnref'] }, h('a', { href: `#${footnote.anchor}`, id: `${footnote.anchor}-ref` }, String(footnote.number))));
        break;
      }
      case 'ins':
      case 'del':
        out.push(h(node.type, { title: ctx.changesTitle, dateTime: ctx.changesDate }, inlinesToHast(ctx, node.children)));
        break;
      case 'comment':
        // The words a comment is anchored on read as ordinary text; the comment itself is for Word.
        out.push(...inlinesToHast(ctx, node.children));
        break;
      case 'restricted':
        out.push(h('span', { className: ['restricted'], title: catalogFor(ctx.report.meta.language).restricted }, inlinesToHast(ctx, node.children)));
        break;
    }
  }
  return out;
}

export function blocksToHast(ctx: HastContext, blocks: readonly Block[]): Element[] {
  return blocks.map((block) => blockToHast(ctx, block));
}

function blockToHast(ctx: HastContext, block: Block): Element {
  switch (block.type) {
    case 'plain':
      return h('p', inlinesToHast(ctx, block.content));
    case 'heading':
      return h(`h${Math.min(block.depth + 1, 6)}`, { id: block.id ? `sec-${block.id}` : undefined, className: block.restricted ? ['restricted'] : undefined }, inlinesToHast(ctx, block.content));
    case 'list':
      return h(
        block.ordered ? 'ol' : 'ul',
        { start: block.ordered && block.start !== 1 ? block.start : undefined },
        block.items.map((item) => h('li', blocksToHast(ctx, item))),
      );
    case 'table': {
      const [head, ...rows] = block.rows;
      const align = (i: number) => (block.align[i] ? { style: `text-align:${block.align[i]}` } : {});
      return h('div', { className: ['table-wrap'] }, [
        h('table', [
          h('thead', h('tr', (head ?? []).map((cell, i) => h('th', align(i), inlinesToHast(ctx, cell))))),
          h('tbody', rows.map((row) => h('tr', row.map((cell, i) => h('td', align(i), inlinesToHast(ctx, cell)))))),
        ]),
      ]);
    }
    case 'quote':
      return h('blockquote', blocksToHast(ctx, block.children));
    case 'codeblock':
      return h('pre', h('code', block.value));
    case 'rule':
      return h('hr');
  }
}

export function html(nodes: ElementContent | readonly ElementContent[]): string {
  return toHtml(Array.isArray(nodes) ? { type: 'root', children: [...nodes] } : (nodes as ElementContent));
}
