// What a reader of a printed edition checks page by page, on any PDF (acta's own, or LibreOffice's print of the DOCX):
// footnotes on the page of their call, the running header, no heading or lead phrase left at a page's foot, no page of
// a line or two in the middle of a part, and ruled tables whose right border is on the page.

import { pdfLines, pdfRightBorders, type PdfLine, type PdfPageLines } from './readers.js';

export interface PageRules {
  /** The running header expected at the top of a page (0-based), or null where none is asked for (page 1). */
  readonly header: (page: number) => string | null;
  /** Which part of the document a page belongs to (the body, an annex): a part's last page may be short. */
  readonly part: (page: number) => string;
  /** Lines that open a list and must never end a page ("In conclusion, the PTC:", "The PTC is invited to:"). */
  readonly leads: RegExp;
}

/** The page margins, in points: what is printed in them (running header, page number) is not the page's text. */
const MARGIN = 62;

/** A line of a page as read across: the pieces mupdf found at the same height, left to right. */
interface Row {
  readonly top: number;
  readonly bottom: number;
  readonly text: string;
  readonly bold: boolean;
  readonly lines: readonly PdfLine[];
}

function rowsOf(lines: readonly PdfLine[]): Row[] {
  const sorted = [...lines].sort((a, b) => a.top - b.top || a.left - b.left);
  const rows: PdfLine[][] = [];
  for (const line of sorted) {
    const row = rows.at(-1);
    if (row && Math.abs(row[0]!.top - line.top) < 3) row.push(line);
    else rows.push([line]);
  }
  return rows.map((row) => {
    const ordered = [...row].sort((a, b) => a.left - b.left);
    return { top: Math.min(...row.map((l) => l.top)), bottom: Math.max(...row.map((l) => l.bottom)), text: ordered.map((l) => l.text).join(' '), bold: row.every((l) => l.bold), lines: ordered };
  });
}

const NUMBER = /^\d+$/;
/** The size of the row's ordinary text: its largest letters. */
const sizeOf = (row: Row) => Math.max(...row.lines.flatMap((l) => l.spans.map((s) => s.size)));

/** A footnote at a page's foot opens with its number, raised and smaller than the note's text. */
function noteNumber(row: Row): number | null {
  const spans = row.lines.flatMap((l) => l.spans);
  const [first, second] = spans;
  if (!first || !second || !NUMBER.test(first.text.trim()) || first.size > 0.8 * second.size || second.size > 10.8) return null;
  return Number(first.text.trim());
}

/** Footnote calls in a row of text: numbers set smaller than the text around them. */
function callNumbers(row: Row): number[] {
  const size = sizeOf(row);
  return row.lines.flatMap((l) => l.spans).filter((s) => NUMBER.test(s.text.trim()) && s.size <= 0.85 * size).map((s) => Number(s.text.trim()));
}

export interface PagedReading {
  readonly pages: readonly PdfPageLines[];
  /** Each page's body rows (between the margins, above the footnotes). */
  readonly bodies: readonly (readonly Row[])[];
  readonly problems: readonly string[];
}

/** Every way the PDF's pages break the rules, one line each ("page 5: …"); empty when none does. */
export async function readPaged(pdf: string, rules: PageRules): Promise<PagedReading> {
  const [pages, borders] = await Promise.all([pdfLines(pdf), pdfRightBorders(pdf)]);
  const problems: string[] = [];
  const bodies: Row[][] = [];
  const calls = new Map<number, number>();
  const notes = new Map<number, number>();
  pages.forEach((page, i) => {
    const rows = rowsOf(page.lines);
    const inBody = rows.filter((r) => r.top >= MARGIN - 4 && r.bottom <= page.height - MARGIN + 4);
    const firstNote = inBody.findIndex((r) => noteNumber(r) !== null);
    const body = firstNote < 0 ? inBody : inBody.slice(0, firstNote);
    bodies.push(body);
    for (const row of body) for (const n of callNumbers(row)) if (!calls.has(n)) calls.set(n, i);
    for (const row of firstNote < 0 ? [] : inBody.slice(firstNote)) {
      const n = noteNumber(row);
      if (n !== null && !notes.has(n)) notes.set(n, i);
    }
    const header = rules.header(i);
    const top = rows.filter((r) => r.bottom < MARGIN).map((r) => r.text).join(' / ');
    if (header !== null && !top.includes(header)) problems.push(`page ${i + 1}: running header "${top}", expected "${header}"`);
  });
  for (const [n, page] of notes) {
    const call = calls.get(n);
    if (call !== page) problems.push(`page ${page + 1}: footnote ${n}, whose call is ${call === undefined ? 'nowhere' : `on page ${call + 1}`}`);
  }
  for (const [n, page] of calls) if (!notes.has(n)) problems.push(`page ${page + 1}: footnote call ${n} with no note at the foot of the page`);
  bodies.forEach((body, i) => {
    const last = body.at(-1);
    const lastOfPart = i === pages.length - 1 || rules.part(i) !== rules.part(i + 1);
    if (!last) {
      if (!lastOfPart) problems.push(`page ${i + 1}: no text`);
      return;
    }
    if (!lastOfPart && last.bold) problems.push(`page ${i + 1}: ends with a heading or table header "${last.text}"`);
    if (!lastOfPart && rules.leads.test(last.text)) problems.push(`page ${i + 1}: ends with "${last.text}"`);
    if (!lastOfPart && body.length < 3) problems.push(`page ${i + 1}: ${body.length} line${body.length === 1 ? '' : 's'} only ("${body.map((r) => r.text).join(' / ')}")`);
    if (borders[i]?.table && !borders[i]!.closed) problems.push(`page ${i + 1}: a table's right border is not on the page`);
  });
  return { pages, bodies, problems };
}
