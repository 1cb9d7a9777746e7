// The agenda as a Word table: a header row, a row an item (under its theme's banner), then each day's timetable.

import { AlignmentType, Paragraph, Tab, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlignTable, WidthType } from 'docx';
import { catalogFor } from '../../i18n/labels.js';
import type { NumberedItem, NumberedReport, Range } from '../../model.js';
import { documentsUnder, subitemsOf, timetablesOf, visitTree } from '../../walk.js';
import { blockChildren, singleBorders } from './blocks.js';
import { complexField } from './fields.js';
import { inlineRuns } from './inline.js';
import { CELL_MARGINS, contentWidth, STYLE } from './styles.js';
import type { WriterEnv, WriterState } from './writer.js';

/** The table's columns: item number, agenda item, and the paragraph range when any item has one. */
interface AgendaColumns {
  readonly width: number;
  readonly widths: number[];
  readonly showRange: boolean;
}

/** What every row of the agenda table is written with. */
interface AgendaContext {
  readonly env: WriterEnv;
  readonly state: WriterState;
  readonly columns: AgendaColumns;
  /** The full edition's agenda (with the body after it): ranges are fields to the body's paragraphs, no documents listed. */
  readonly withBody: boolean;
  readonly bookmarks: ReadonlyMap<string, string>;
}

type Alignment = (typeof AlignmentType)[keyof typeof AlignmentType];

/** The agenda table of the report (without the end mark that follows it). */
export function agendaWordTable(env: WriterEnv, state: WriterState, withBody: boolean): Table {
  const report = env.report;
  const columns = agendaColumns(report);
  const header = agendaHeaderRow(columns, catalogFor(report.meta.language));
  const bookmarks = withBody ? bodyParagraphBookmarks(report) : new Map<string, string>();
  const context: AgendaContext = { env, state, columns, withBody, bookmarks };
  const rows = report.items.flatMap((item) => itemRows(context, item));
  const days = timetableRows(context);
  return new Table({ rows: [header, ...rows, ...days], width: { size: columns.width, type: WidthType.DXA }, columnWidths: columns.widths, layout: TableLayoutType.FIXED, borders: singleBorders() });
}

/** The column widths: the item column 13% of the text width, the range column 15%, the title column the rest. */
function agendaColumns(report: NumberedReport): AgendaColumns {
  const showRange = report.items.some((i) => i.paragraphRange !== null);
  const width = contentWidth(false);
  const widths = showRange ? [Math.round(width * 0.13), 0, Math.round(width * 0.15)] : [Math.round(width * 0.13), 0];
  widths[1] = width - widths.reduce((a, b) => a + b, 0);
  return { width, widths, showRange };
}

/** A cell of column `i`, its text at the top. */
function cell(columns: AgendaColumns, i: number, children: (Paragraph | Table)[]): TableCell {
  return new TableCell({ width: { size: columns.widths[i]!, type: WidthType.DXA }, verticalAlign: VerticalAlignTable.TOP, children });
}

/** A cell across every column. */
function across(columns: AgendaColumns, children: Paragraph[]): TableCell {
  return new TableCell({ columnSpan: columns.widths.length, verticalAlign: VerticalAlignTable.TOP, children });
}

/** A paragraph of one plain text. */
function text(style: string, value: string, alignment?: Alignment): Paragraph {
  return new Paragraph({ style, ...(alignment ? { alignment } : {}), children: [new TextRun(value)] });
}

/** " (for decision)" after a title, in the purpose's character style. */
function purposeRuns(purpose: string | null | undefined): TextRun[] {
  return purpose ? [new TextRun(' '), new TextRun({ text: `(${purpose})`, style: STYLE.purposeChar })] : [];
}

/** The header row, repeated on every page the table runs to. */
function agendaHeaderRow(columns: AgendaColumns, catalog: ReturnType<typeof catalogFor>): TableRow {
  return new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [
      cell(columns, 0, [text(STYLE.agendaHeading, catalog.itemNo, AlignmentType.CENTER)]),
      cell(columns, 1, [text(STYLE.agendaHeading, catalog.agendaItem)]),
      ...(columns.showRange ? [cell(columns, 2, [text(STYLE.agendaHeading, catalog.paragraph, AlignmentType.CENTER)])] : []),
    ],
  });
}

/** A theme across the table above its item, as the seed prints "DISRUPTIVE TECHNOLOGIES" with its note. */
function bannerRow({ env, state, columns }: AgendaContext, banner: NonNullable<NumberedItem['banner']>): TableRow {
  return new TableRow({
    children: [
      across(columns, [
        new Paragraph({ style: STYLE.agendaText, alignment: AlignmentType.CENTER, keepNext: true, children: inlineRuns(env, state, banner.title, { bold: true }) }),
        ...banner.note.map((note) => new Paragraph({ style: STYLE.agendaText, alignment: AlignmentType.CENTER, children: inlineRuns(env, state, note) })),
      ]),
    ],
  });
}

/** The agenda alone lists the working documents under their item or sub-item ("Doc. PC0509E1a"). */
function documentParagraphs({ env, withBody }: AgendaContext, id: string | null): Paragraph[] {
  return withBody ? [] : documentsUnder(env.report, id).map((label) => new Paragraph({ style: STYLE.agendaSubitem, children: [new TextRun({ children: [new Tab(), label] })] }));
}

/** An item's row (its title, documents and sub-items), after its banner's when it has one. */
function itemRows(context: AgendaContext, item: NumberedItem): TableRow[] {
  const { env, state, columns } = context;
  const title = new Paragraph({ style: STYLE.agendaText, children: [...inlineRuns(env, state, item.title), ...purposeRuns(item.purpose)] });
  const subitems = subitemsOf(item).flatMap((s) => [
    new Paragraph({
      style: STYLE.agendaSubitem,
      children: [new TextRun({ children: [s.agendaLabel, new Tab()] }), ...inlineRuns(env, state, s.title), ...purposeRuns(s.purpose)],
    }),
    ...documentParagraphs(context, s.id),
  ]);
  // A tall row (many sub-items) may split, so page 1 is not left half empty; the header row repeats.
  const row = new TableRow({
    children: [
      cell(columns, 0, [text(STYLE.agendaText, item.numeral, AlignmentType.CENTER)]),
      cell(columns, 1, [title, ...documentParagraphs(context, item.id), ...subitems]),
      ...(columns.showRange ? [cell(columns, 2, [rangeParagraph(item.paragraphRange, context.bookmarks)])] : []),
    ],
  });
  // The banner's runs are written after the item's: ids are given in writing order, and the order keeps builds alike.
  return item.banner ? [bannerRow(context, item.banner), row] : [row];
}

type TimetableLine = ReturnType<typeof timetablesOf>[number]['lines'][number];

/** Each day's timetable after the items: its title across the table, then a row a time. */
function timetableRows(context: AgendaContext): TableRow[] {
  const { env, state, columns } = context;
  return timetablesOf(env.report).flatMap((day) => [
    new TableRow({ children: [across(columns, [new Paragraph({ style: STYLE.agendaText, alignment: AlignmentType.CENTER, keepNext: true, children: inlineRuns(env, state, day.title, { bold: true }) })])] }),
    ...day.lines.map((line) => timetableRow(context, line)),
  ]);
}

/** One time of a day: the time (with the item's numeral when it names one), then what is taken up then. */
function timetableRow({ env, state, columns }: AgendaContext, { named, ...entry }: TimetableLine): TableRow {
  const words = named
    ? [
        ...(named.subitem ? [new TextRun({ children: [named.subitem.agendaLabel, new Tab()] })] : []),
        ...inlineRuns(env, state, named.subitem ? named.subitem.title : named.item.title),
        ...purposeRuns(named.subitem ? named.subitem.purpose : named.item.purpose),
      ]
    : inlineRuns(env, state, entry.content);
  const details = blockChildren(env, state, entry.details, { textStyle: STYLE.agendaText, width: columns.widths[1]! - CELL_MARGINS, level: 0 }).filter((c): c is Paragraph | Table => c instanceof Paragraph || c instanceof Table);
  return new TableRow({
    children: [
      cell(columns, 0, [text(STYLE.agendaText, named ? `${named.item.numeral} ${entry.time}` : entry.time, AlignmentType.CENTER)]),
      cell(columns, 1, [new Paragraph({ style: named?.subitem ? STYLE.agendaSubitem : STYLE.agendaText, children: words }), ...details]),
      ...(columns.showRange ? [cell(columns, 2, [new Paragraph({ style: STYLE.agendaText, children: [] })])] : []),
    ],
  });
}

/** The bookmark of each whole-numbered paragraph of the body in this edition, by number (a public edition has gaps). */
function bodyParagraphBookmarks(report: NumberedReport): Map<string, string> {
  const out = new Map<string, string>();
  visitTree(report, {
    flow: (node, where) => {
      if (where.annex === null && node.type === 'paragraph' && node.number !== null && node.bookmark) out.set(String(node.number), node.bookmark);
    },
  });
  return out;
}

/**
 * "01 - 06" as two `REF para_N \n \# "00"` fields, so Word renumbers the range when a paragraph is inserted;
 * a number whose paragraph this edition leaves out stays plain text (a REF to a missing bookmark would read as an
 * error), and so does an inserted number ("12A"), which no numeric field can print.
 */
function rangeParagraph(range: Range | null, bookmarks: ReadonlyMap<string, string>): Paragraph {
  const number = (n: number | string, label: string) => {
    const bookmark = bookmarks.get(String(n));
    return bookmark ? complexField(`REF ${bookmark} \\n \\# "00"`, label) : [new TextRun(label)];
  };
  const [first, last] = range?.ends ?? [];
  const children = !range || first === undefined ? [] : last === undefined ? number(range.first, first) : [...number(range.first, first), new TextRun(' - '), ...number(range.last, last)];
  return new Paragraph({ style: STYLE.agendaText, alignment: AlignmentType.CENTER, children });
}
