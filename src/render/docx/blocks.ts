// Factories for the blocks that belong to a paragraph: lists, tables, quotes, code, rules, headings.

import {
  AlignmentType, BookmarkEnd, BookmarkStart, BorderStyle, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType, type FileChild, type ParagraphChild,
} from 'docx';
import { dispatch, type Block, type Handlers, type Inline, type TableBlock } from '../../model.js';
import { plainInlines } from '../../plain-text.js';
import { columnWidths, measureColumns } from './column-widths.js';
import { inlineRuns } from './inline.js';
import { inlineSpan, traced, type Origin, type Span } from './origins.js';
import { HANG, LIST_HANG, NUMBERING, STYLE, TABLE_TEXT_SIZE } from './styles.js';
import type { WriterEnv, WriterState } from './writer.js';

export interface BlockContext {
  /** Paragraph style for plain text at this place. */
  readonly textStyle: string;
  /** The width tables may take, in twips. */
  readonly width: number;
  /** List nesting level. */
  readonly level: number;
  /** Where a top-level paragraph typed next to these blocks in Word belongs (see origins.ts). */
  readonly around?: Around;
}

export interface Around {
  readonly after: Span | null;
  readonly before: Span | null;
}

const NOWHERE: Around = { after: null, before: null };

/** A paragraph's children inside its origin's hidden bookmark. */
export function tracedRuns(state: WriterState, origin: Omit<Origin, 'near' | 'annex' | 'footnote'>, children: readonly ParagraphChild[]): ParagraphChild[] {
  return traced(state.log, origin, children, (name) => {
    const id = state.nextBookmarkId++;
    return [new BookmarkStart(name, id), new BookmarkEnd(id)] as const;
  });
}

/** A fixed paragraph (a label, a code line, a rule): no text of the Markdown's to edit, a place for messages. */
export function fixedOrigin(range: Origin['range'], around: Around = NOWHERE): Omit<Origin, 'near' | 'annex' | 'footnote'> {
  return { kind: 'fixed', span: null, range, ...around };
}

export function blockChildren(env: WriterEnv, state: WriterState, blocks: readonly Block[], ctx: BlockContext): FileChild[] {
  return blocks.flatMap((block) => dispatch(BLOCK, block, env, state, ctx));
}

const BLOCK: Handlers<Block, [WriterEnv, WriterState, BlockContext], FileChild[]> = {
  plain: (block, env, state, ctx) => [
    new Paragraph({
      style: ctx.textStyle,
      ...alignmentFor(block.content),
      children: tracedRuns(state, { kind: 'plain', span: inlineSpan(block.content), range: block.range, ...(ctx.around ?? NOWHERE) }, inlineRuns(env, state, block.content)),
    }),
  ],
  heading: (block, env, state, ctx) => [headingParagraph(env, state, block.depth + 2, block.content, block.bookmark ?? null, undefined, { kind: 'heading', span: inlineSpan(block.content), range: block.range, ...(ctx.around ?? NOWHERE) })],
  list: (block, env, state, ctx) => listChildren(env, state, block, ctx),
  table: (block, env, state, ctx) => [tableOf(env, state, block, ctx.width, ctx.around)],
  quote: (block, env, state, ctx) => blockChildren(env, state, block.children, { ...ctx, textStyle: STYLE.quote }),
  codeblock: (block, _env, state, ctx) =>
    block.value.split('\n').map((line) => new Paragraph({ style: STYLE.code, children: tracedRuns(state, fixedOrigin(block.range, ctx.around), [new TextRun(line)]) })),
  rule: (block, _env, state, ctx) => [new Paragraph({ style: STYLE.stars, children: tracedRuns(state, fixedOrigin(block.range, ctx.around), [new TextRun('*   *   *')]) })],
};

/** `level`: its place in the outline (1 for items and annex titles), when the structure gives it. */
export function headingParagraph(
  env: WriterEnv,
  state: WriterState,
  depth: number,
  content: Parameters<typeof inlineRuns>[2],
  bookmark: string | null,
  level: number | undefined,
  origin: Omit<Origin, 'near' | 'annex' | 'footnote'>,
): Paragraph {
  const style = [STYLE.heading3, STYLE.heading4, STYLE.heading5, STYLE.heading6][Math.min(Math.max(depth, 3), 6) - 3]!;
  const runs = inlineRuns(env, state, content);
  return new Paragraph({ style, ...(level ? { outlineLevel: Math.min(level, 9) - 1 } : {}), children: tracedRuns(state, origin, bookmark ? bookmarked(state, bookmark, runs) : runs) });
}

function listChildren(env: WriterEnv, state: WriterState, list: Extract<Block, { type: 'list' }>, ctx: BlockContext): FileChild[] {
  const level = Math.min(ctx.level, 8);
  // Every ordered list is a numbering instance of its own, so it starts at its own start.
  const instance = list.ordered ? state.nextListInstance++ : 0;
  // A list lettered by hand ("a. …") prints its letters alone, hanging as a list's numbers would.
  const lettered = list.lettered;
  // The text of an item's later paragraphs lines up with its first's, under the number.
  const textIndent = { indent: { left: HANG * (level + 2) } };
  const out: FileChild[] = [];
  const around = ctx.around ?? NOWHERE;
  for (const item of list.items) {
    item.blocks.forEach((block, index) => {
      if (index === 0 && block.type === 'plain') {
        out.push(
          new Paragraph({
            style: STYLE.listItem,
            ...alignmentFor(block.content),
            ...(lettered
              ? { indent: { left: HANG * (level + 2), hanging: LIST_HANG } }
              : { numbering: list.ordered ? { reference: NUMBERING.ordered, level, instance, custom: true } : { reference: NUMBERING.bullets, level, custom: true } }),
            children: tracedRuns(state, { kind: 'listItem', span: inlineSpan(block.content), range: item.range, item: item.range, ...around }, inlineRuns(env, state, block.content)),
          }),
        );
      } else if (block.type === 'list') {
        for (const child of listChildren(env, state, block, { ...ctx, level: ctx.level + 1 })) out.push(child);
      } else if (block.type === 'plain') {
        out.push(
          new Paragraph({
            style: STYLE.listItem,
            ...alignmentFor(block.content),
            ...textIndent,
            children: tracedRuns(state, { kind: 'plain', span: inlineSpan(block.content), range: block.range, ...around }, inlineRuns(env, state, block.content)),
          }),
        );
      } else {
        for (const child of blockChildren(env, state, [block], { ...ctx, textStyle: STYLE.listItem })) out.push(child);
      }
    });
  }
  return out;
}

/**
 * Widths are set explicitly, in the grid and in every cell (other word processors guess wrong otherwise), from the
 * content: no column narrower than its longest word, the rest shared as a browser would (column-widths.ts). Rows may
 * split across pages, so a tall row leaves no page half empty; the header row repeats on every page.
 */
export function tableOf(env: WriterEnv, state: WriterState, block: TableBlock, width: number, around: Around = NOWHERE): Table {
  const columns = Math.max(1, ...block.rows.map((r) => r.cells.length));
  const measured = block.rows.map((row, r) => row.cells.map((cell) => ({ lines: cellLines(env, cell.content), bold: r === 0 })));
  const widths = columnWidths(measureColumns(measured, columns, TABLE_TEXT_SIZE), width);
  const alignment = (i: number) =>
    block.align[i] === 'right' ? AlignmentType.RIGHT : block.align[i] === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT;
  const rows = block.rows.map(
    (row, r) =>
      new TableRow({
        tableHeader: r === 0,
        cantSplit: r === 0,
        children: Array.from({ length: columns }, (_, i) =>
          new TableCell({
            width: { size: widths[i]!, type: WidthType.DXA },
            children: [
              new Paragraph({
                style: r === 0 ? STYLE.tableHeading : STYLE.tableText,
                alignment: alignment(i),
                children: tracedRuns(state, cellOrigin(block, r, i, row.range, around), inlineRuns(env, state, row.cells[i]?.content ?? [])),
              }),
            ],
          }),
        ),
      }),
  );
  return new Table({
    rows,
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: singleBorders(),
  });
}

/** A table cell's origin; a cell the row lacks (a short row) is acta's to write, as an empty cell. */
function cellOrigin(table: TableBlock, row: number, col: number, rowRange: Origin['range'], around: Around): Omit<Origin, 'near' | 'annex' | 'footnote'> {
  const cell = table.rows[row]?.cells[col];
  // An empty cell's text goes after its `|` and one space.
  const span = cell ? (inlineSpan(cell.content) ?? { file: cell.range.file, start: cell.range.start.offset + 1, end: cell.range.start.offset + 1 }) : null;
  return { kind: span ? 'cell' : 'fixed', span, range: cell?.range ?? rowRange, cell: { table, row, col }, ...around };
}

/** A cell's text as it prints, one string per line (a `<br>` starts a line). */
function cellLines(env: WriterEnv, content: readonly Inline[]): string[] {
  const lines: Inline[][] = [[]];
  for (const node of content) {
    if (node.type === 'break') lines.push([]);
    else lines.at(-1)!.push(node);
  }
  return lines.map((line) => plainInlines(env.report, line));
}

/** A paragraph holding a hard line break is left-aligned: justified, Word and LibreOffice stretch the broken line across the page. */
export function alignmentFor(content: readonly Inline[]): { alignment?: (typeof AlignmentType)[keyof typeof AlignmentType] } {
  return hasBreak(content) ? { alignment: AlignmentType.LEFT } : {};
}

function hasBreak(content: readonly Inline[]): boolean {
  return content.some((node) => node.type === 'break' || ('children' in node && Array.isArray(node.children) && hasBreak(node.children as Inline[])));
}

export function singleBorders() {
  const line = { style: BorderStyle.SINGLE, size: 4, color: '444444' };
  return { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line };
}

export function noBorders() {
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  return { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };
}

/**
 * docx's `Bookmark` takes its ids from one counter for the whole process, so a document's ids would depend on what was
 * written before it; the writer numbers them itself. docx's own example puts `BookmarkStart` and `BookmarkEnd` among a
 * paragraph's children, but its `ParagraphChild` type leaves them out, hence the assertions.
 */
export function bookmarked(state: WriterState, name: string, children: ParagraphChild[]): ParagraphChild[] {
  const id = state.nextBookmarkId++;
  return [new BookmarkStart(name, id) as ParagraphChild, ...children, new BookmarkEnd(id) as ParagraphChild];
}
