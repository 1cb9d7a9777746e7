// Where each paragraph of the DOCX acta writes comes from: its file and source offsets, what kind of node it is,
// and where a paragraph inserted next to it belongs. This follows the order in which render/docx writes the model
// (cover and agenda, then items and annexes; footnotes apart); `checkSlots` proves it against the DOCX itself, so a
// writer that changes its order fails loudly instead of mapping edits to the wrong place.

import type { Block, Decision, Flow, Inline, ListItem, NumberedParagraph, NumberedReport, NumberedSubitem, SourceRange, TableBlock } from '../model.js';
import { STYLE } from '../render/docx/styles.js';
import type { DocxParagraph } from './read-docx.js';

/** A stretch of a source file, by offsets. */
export interface Span {
  readonly file: string;
  readonly start: number;
  readonly end: number;
}

export type SlotKind = 'fixed' | 'paragraph' | 'heading' | 'decision' | 'listItem' | 'plain' | 'cell';

export interface Slot {
  readonly kind: SlotKind;
  /** The style acta writes this paragraph in. */
  readonly style: string;
  /** The source text the paragraph shows (its inline content); null for what the Markdown does not hold as text. */
  readonly span: Span | null;
  /** The numbered paragraph at or before it, for messages. */
  readonly near: NumberedParagraph | null;
  /** Where messages about it point. */
  readonly range: SourceRange | null;
  /** Where a top-level paragraph typed right after it belongs, and right before it. */
  readonly after: Span | null;
  readonly before: Span | null;
  /** A decision or a list item: the whole item, marker included. */
  readonly item?: SourceRange;
  /** A top-level paragraph: the node, to delete it. */
  readonly paragraph?: NumberedParagraph;
  /** A table cell: its table, row and column. */
  readonly cell?: { readonly table: TableBlock; readonly row: number; readonly col: number };
  /** A heading or paragraph in an annex: the annex's label, for messages. */
  readonly annex?: string;
}

const at = (range: SourceRange, where: 'start' | 'end'): Span => ({ file: range.file, start: range[where].offset, end: range[where].offset });

/** The source offsets of inline content (the `{#id}` after it included: the id is in the last text node's range). */
export function inlineSpan(content: readonly Inline[]): Span | null {
  const first = content[0];
  const last = content.at(-1);
  return first && last ? { file: first.range.file, start: first.range.start.offset, end: last.range.end.offset } : null;
}

/** Where a paragraph ends in its file, the lists, tables and decisions that belong to it included. */
export function paragraphEnd(node: NumberedParagraph): number {
  let end = node.range.end.offset;
  for (const b of node.blocks) if (b.range.file === node.range.file) end = Math.max(end, b.range.end.offset);
  for (const d of node.decisions ?? []) if (d.range.file === node.range.file) end = Math.max(end, d.range.end.offset);
  return end;
}

const HEADINGS = [STYLE.heading3, STYLE.heading4, STYLE.heading5, STYLE.heading6] as const;
const headingStyle = (depth: number) => HEADINGS[Math.min(Math.max(depth, 3), 6) - 3]!;

interface Context {
  near: NumberedParagraph | null;
  annex: string | undefined;
  readonly out: Slot[];
}

/** The slots of the report's items and annexes, in the order of the DOCX's paragraphs after the cover and agenda. */
export function bodySlots(report: NumberedReport): Slot[] {
  const ctx: Context = { near: null, annex: undefined, out: [] };
  const fixed = (style: string, range: SourceRange | null = null) => ctx.out.push({ kind: 'fixed', style, span: null, near: ctx.near, range, after: null, before: null, ...(ctx.annex ? { annex: ctx.annex } : {}) });
  for (const item of report.items) {
    ctx.out.push({ kind: 'heading', style: STYLE.item, span: inlineSpan(item.title), near: ctx.near, range: item.range, after: item.purpose ? null : at(item.range, 'end'), before: null });
    flowSlots(ctx, item.body, 0);
  }
  // The end mark that closes the body, and each annex below.
  if (report.items.length) fixed(STYLE.stars);
  for (const annex of report.annexes) {
    ctx.annex = annex.label;
    ctx.near = null;
    if (report.public && annex.visibility === 'restricted') {
      fixed(STYLE.notIncluded, annex.range);
      continue;
    }
    fixed(STYLE.annexTitle, annex.range);
    flowSlots(ctx, annex.body, 2);
    if (annex.body.length) fixed(STYLE.stars);
  }
  return ctx.out;
}

function flowSlots(ctx: Context, body: readonly Flow<NumberedParagraph, NumberedSubitem>[], headingShift: number): void {
  const base = () => ({ near: ctx.near, ...(ctx.annex ? { annex: ctx.annex } : {}) });
  body.forEach((node, i) => {
    const previous = body[i - 1];
    switch (node.type) {
      case 'subitems':
        for (const s of node.subitems) {
          ctx.out.push({ kind: 'heading', style: STYLE.subitem, span: inlineSpan(s.title), ...base(), range: s.range, after: s.purpose ? null : at(s.range, 'end'), before: at(s.range, 'start') });
        }
        break;
      case 'heading':
        ctx.out.push({ kind: 'heading', style: headingStyle(node.depth + headingShift), span: inlineSpan(node.content), ...base(), range: node.range, after: at(node.range, 'end'), before: at(node.range, 'start') });
        break;
      case 'loose': {
        if (node.restricted) ctx.out.push({ kind: 'fixed', style: STYLE.bodyRestricted, span: null, ...base(), range: node.range, after: null, before: at(node.range, 'start') });
        const around = { after: at(node.range, 'end'), before: at(node.range, 'start') };
        blockSlots(ctx, [node.block], node.restricted ? STYLE.bodyRestricted : STYLE.body, around);
        break;
      }
      case 'paragraph': {
        if (node.number !== null) ctx.near = node;
        const end: Span = { file: node.range.file, start: paragraphEnd(node), end: paragraphEnd(node) };
        if (node.restricted && !(previous?.type === 'paragraph' && previous.restricted)) {
          ctx.out.push({ kind: 'fixed', style: STYLE.bodyRestricted, span: null, ...base(), range: node.range, after: null, before: null });
        }
        const style = node.number !== null ? (node.restricted ? STYLE.numberedRestricted : STYLE.numbered) : node.restricted ? STYLE.bodyRestricted : STYLE.body;
        ctx.out.push({ kind: 'paragraph', style, span: inlineSpan(node.content), ...base(), range: node.range, after: end, before: at(node.range, 'start'), paragraph: node });
        const around = { after: end, before: null };
        blockSlots(ctx, node.blocks, STYLE.body, around);
        for (const d of node.decisions ?? []) {
          ctx.out.push({ kind: 'decision', style: STYLE.decision, span: decisionSpan(d), ...base(), range: d.range, ...around, item: d.range });
          blockSlots(ctx, d.blocks, STYLE.body, around);
        }
        break;
      }
    }
  });
}

/** A decision's text; an empty one has its place right after the list marker. */
function decisionSpan(d: Decision): Span | null {
  return inlineSpan(d.content);
}

function blockSlots(ctx: Context, blocks: readonly Block[], textStyle: string, around: { after: Span | null; before: Span | null }): void {
  const base = () => ({ near: ctx.near, ...around, ...(ctx.annex ? { annex: ctx.annex } : {}) });
  for (const block of blocks) {
    switch (block.type) {
      case 'plain':
        ctx.out.push({ kind: 'plain', style: textStyle, span: inlineSpan(block.content), ...base(), range: block.range });
        break;
      case 'heading':
        ctx.out.push({ kind: 'heading', style: headingStyle(block.depth + 2), span: inlineSpan(block.content), ...base(), range: block.range });
        break;
      case 'list':
        listSlots(ctx, block.items, around);
        break;
      case 'table': {
        const columns = Math.max(1, ...block.rows.map((r) => r.cells.length));
        block.rows.forEach((row, r) => {
          for (let col = 0; col < columns; col++) {
            const cell = row.cells[col];
            const span = cell ? inlineSpan(cell.content) ?? emptyCell(cell.range) : null;
            ctx.out.push({ kind: span ? 'cell' : 'fixed', style: r === 0 ? STYLE.tableHeading : STYLE.tableText, span, ...base(), range: cell?.range ?? row.range, cell: { table: block, row: r, col } });
          }
        });
        break;
      }
      case 'quote':
        blockSlots(ctx, block.children, STYLE.quote, around);
        break;
      case 'codeblock':
        for (const _ of block.value.split('\n')) ctx.out.push({ kind: 'fixed', style: STYLE.code, span: null, ...base(), range: block.range });
        break;
      case 'rule':
        ctx.out.push({ kind: 'fixed', style: STYLE.stars, span: null, ...base(), range: block.range });
        break;
    }
  }
}

/** An empty cell's text goes after its `|` and one space. */
function emptyCell(range: SourceRange): Span {
  return { file: range.file, start: range.start.offset + 1, end: range.start.offset + 1 };
}

function listSlots(ctx: Context, items: readonly ListItem[], around: { after: Span | null; before: Span | null }): void {
  for (const item of items) {
    item.blocks.forEach((block, index) => {
      if (index === 0 && block.type === 'plain') {
        ctx.out.push({ kind: 'listItem', style: STYLE.listItem, span: inlineSpan(block.content), near: ctx.near, ...around, range: item.range, item: item.range, ...(ctx.annex ? { annex: ctx.annex } : {}) });
      } else if (block.type === 'list') listSlots(ctx, block.items, around);
      else blockSlots(ctx, [block], STYLE.listItem, around);
    });
  }
}

/** The slots of one footnote's paragraphs, in the order its DOCX note holds them (tables are left out of notes). */
export function footnoteSlots(blocks: readonly Block[]): Slot[] {
  const ctx: Context = { near: null, annex: undefined, out: [] };
  blockSlots(ctx, blocks, STYLE.footnote, { after: null, before: null });
  return ctx.out.filter((s) => s.cell === undefined);
}

/**
 * The DOCX paragraphs acta writes for the report, each with its slot: cover and agenda paragraphs are fixed, the rest
 * follow `bodySlots`. Throws when the two disagree (a writer and this map out of step: a bug, never the user's doing).
 */
export function checkSlots(report: NumberedReport, paragraphs: readonly DocxParagraph[]): Slot[] {
  const body = bodySlots(report);
  const firstBookmark = report.items[0]?.bookmark ?? report.annexes[0]?.bookmark;
  const start = firstBookmark === undefined ? paragraphs.length : paragraphs.findIndex((p) => p.bookmarks.includes(firstBookmark));
  const fixed = (p: DocxParagraph, near: Slot | undefined): Slot => ({ kind: 'fixed', style: p.style, span: null, near: near?.near ?? null, range: near?.range ?? null, after: null, before: null });
  const out: Slot[] = paragraphs.slice(0, Math.max(start, 0)).map((p) => fixed(p, undefined));
  let k = 0;
  for (let i = Math.max(start, 0); i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    const slot = body[k];
    if (slot && p.style === slot.style) {
      out.push(slot);
      k++;
    } else if (p.tokens.length === 0 && p.style === STYLE.normal) {
      // The empty paragraph Word needs after a table that ends a section, to hold the section's properties.
      out.push(fixed(p, body[k - 1]));
    } else {
      throw new Error(`import: paragraph ${i} of the DOCX acta writes is styled ${p.style}, the model says ${slot?.style ?? 'no more paragraphs'}`);
    }
  }
  if (start < 0 || k !== body.length) throw new Error(`import: the DOCX acta writes has ${k} of the model's ${body.length} paragraphs after its agenda`);
  return out;
}
