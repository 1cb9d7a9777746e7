// Independent real readers of our outputs: LibreOffice, poppler and pandoc from Debian, and fflate for the zip.

import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { tool } from './external-tools.js';

const run = promisify(execFile);

/** Converts a DOCX to PDF with LibreOffice, in a profile of its own so runs can overlap. */
export async function sofficeToPdf(docx: string): Promise<string> {
  const out = await mkdtemp(path.join(tmpdir(), 'acta-soffice-'));
  await run(tool('soffice'), [`-env:UserInstallation=file://${out}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', out, docx], { timeout: 180_000 });
  return path.join(out, `${path.basename(docx, '.docx')}.pdf`);
}

/** Converts several DOCX files with one LibreOffice process (its start costs seconds); the PDFs in the same order. */
export async function sofficeToPdfs(docxs: readonly string[]): Promise<string[]> {
  const out = await mkdtemp(path.join(tmpdir(), 'acta-soffice-'));
  await run(tool('soffice'), [`-env:UserInstallation=file://${out}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', out, ...docxs], { timeout: 180_000 });
  return docxs.map((docx) => path.join(out, `${path.basename(docx, '.docx')}.pdf`));
}

/** LibreOffice's tagged-PDF export, bookmarks from the outline, as a delegate's PDF reader gets it. */
export async function sofficeToTaggedPdf(docx: string): Promise<string> {
  const out = await mkdtemp(path.join(tmpdir(), 'acta-tagged-'));
  const filter = 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"},"ExportBookmarks":{"type":"boolean","value":"true"}}';
  await run(tool('soffice'), [`-env:UserInstallation=file://${out}/profile`, '--headless', '--convert-to', filter, '--outdir', out, docx], { timeout: 180_000 });
  return path.join(out, `${path.basename(docx, '.docx')}.pdf`);
}

/**
 * The tagged PDF of a DOCX, converted once per vitest worker (test files share modules, vitest.config.ts) for every
 * block or file that reads it (docx-readers: the flagship's pages, lines, outline and tags). Read only.
 */
const tagged = new Map<string, Promise<string>>();

export function sharedTaggedPdf(docx: string): Promise<string> {
  const key = path.resolve(docx);
  let pdf = tagged.get(key);
  if (!pdf) {
    pdf = sofficeToTaggedPdf(key);
    tagged.set(key, pdf);
  }
  return pdf;
}

/** The text of each page of a PDF, as pdftotext lays it out. */
export async function pdfPages(pdf: string): Promise<string[]> {
  const { stdout } = await run(tool('pdftotext'), ['-layout', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 });
  return stdout.split('\f').slice(0, -1);
}

export async function pdfPageCount(pdf: string): Promise<number> {
  const { stdout } = await run(tool('pdfinfo'), [pdf]);
  return Number(/^Pages:\s+(\d+)/m.exec(stdout)![1]);
}

/** Each page's orientation, as pdfinfo measures it. */
export async function pdfOrientations(pdf: string): Promise<('portrait' | 'landscape')[]> {
  const { stdout } = await run(tool('pdfinfo'), ['-l', '9999', pdf]);
  return [...stdout.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => (Number(m[1]) > Number(m[2]) ? 'landscape' : 'portrait'));
}

export interface PandocNode {
  readonly t: string;
  readonly c?: unknown;
}

/** pandoc's reading of a DOCX, as its JSON AST, with tracked changes kept as spans. */
export async function pandocBlocks(docx: string): Promise<unknown[]> {
  const { stdout } = await run(tool('pandoc'), ['-f', 'docx', '-t', 'json', '--track-changes=all', docx], { maxBuffer: 64 * 1024 * 1024 });
  return (JSON.parse(stdout) as { blocks: unknown[] }).blocks;
}

/** Every pandoc node of the AST, depth first. */
export function pandocNodes(value: unknown, out: PandocNode[] = []): PandocNode[] {
  if (Array.isArray(value)) for (const v of value) pandocNodes(v, out);
  else if (value && typeof value === 'object') {
    if (typeof (value as PandocNode).t === 'string') out.push(value as PandocNode);
    for (const v of Object.values(value)) pandocNodes(v, out);
  }
  return out;
}

/** The plain text of a pandoc node. */
export function pandocText(value: unknown): string {
  return pandocNodes(value)
    .map((n) => (n.t === 'Str' ? String(n.c) : n.t === 'Space' || n.t === 'SoftBreak' ? ' ' : ''))
    .join('');
}

/** The parts of a DOCX (a zip) as text. */
export async function docxParts(docx: string): Promise<Record<string, string>> {
  const files = unzipSync(new Uint8Array(await readFile(docx)));
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
}

export interface PdfSpan {
  readonly text: string;
  /** Font size in points. */
  readonly size: number;
  readonly bold: boolean;
}

export interface PdfLine {
  /** Top and bottom of the line, in points from the top of the page. */
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
  readonly text: string;
  /** Every letter of the line is in a bold font. */
  readonly bold: boolean;
  /** The line's runs of one font and size, in order. */
  readonly spans: readonly PdfSpan[];
}

export interface PdfPageLines {
  readonly width: number;
  readonly height: number;
  readonly lines: readonly PdfLine[];
}

/** Each page's lines of text with their boxes, fonts and sizes, as mupdf reads them (`mutool draw -F stext`). */
export async function pdfLines(pdf: string): Promise<PdfPageLines[]> {
  const out = path.join(await mkdtemp(path.join(tmpdir(), 'acta-stext-')), 'pages.stext');
  await run(tool('mutool'), ['draw', '-q', '-F', 'stext', '-o', out, pdf], { maxBuffer: 64 * 1024 * 1024 });
  const xml = await readFile(out, 'utf8');
  const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return [...xml.matchAll(/<page [^>]*width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((page) => ({
    width: Number(page[1]),
    height: Number(page[2]),
    lines: [...page[3]!.matchAll(/<line bbox="([\d.-]+) ([\d.-]+) ([\d.-]+) ([\d.-]+)"[^>]*>([\s\S]*?)<\/line>/g)].map((line) => {
      let text = '';
      let bold = true;
      const spans: PdfSpan[] = [];
      for (const font of line[5]!.matchAll(/<font name="([^"]*)" size="([\d.]+)"[^>]*>([\s\S]*?)<\/font>/g)) {
        const chars = [...font[3]!.matchAll(/ c="([^"]*)"\/>/g)].map((c) => unescape(c[1]!)).join('');
        const isBold = /Bold/.test(font[1]!);
        if (chars.trim() && !isBold) bold = false;
        if (chars.trim()) spans.push({ text: chars, size: Number(font[2]), bold: isBold });
        text += chars;
      }
      return { left: Number(line[1]), top: Number(line[2]), right: Number(line[3]), bottom: Number(line[4]), text: text.replace(/\s+/g, ' ').trim(), bold, spans };
    }).filter((l) => l.text !== ''),
  }));
}

/**
 * How much of each page's text area is left empty below its last line, as a fraction of the text area
 * (`top` and `bottom`: the page margins, in points; what is printed in them, running headers and page numbers, is left out).
 */
export function emptyFractions(pages: readonly PdfPageLines[], top: number, bottom: number): number[] {
  return pages.map((page) => {
    const body = page.lines.filter((l) => l.top >= top - 2 && l.bottom <= page.height - bottom + 2);
    if (body.length === 0) return 1;
    const last = Math.max(...body.map((l) => l.bottom));
    return (page.height - bottom - last) / (page.height - top - bottom);
  });
}

/**
 * For each page, whether it holds a ruled table (a long vertical line) and whether the rightmost ink on the page is such
 * a line, read off the page drawn in grey by poppler (`pdftoppm`): a table clipped at the page's edge has lost its right
 * border, and its rightmost ink is bits of letters.
 */
export async function pdfRightBorders(pdf: string): Promise<{ readonly table: boolean; readonly closed: boolean }[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'acta-ink-'));
  await run('pdftoppm', ['-r', '48', '-gray', pdf, path.join(dir, 'page')]);
  const files = (await readdir(dir)).filter((f) => f.endsWith('.pgm')).sort();
  return Promise.all(
    files.map(async (file) => {
      const bytes = await readFile(path.join(dir, file));
      const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 40).toString('latin1'))!;
      const [width, height] = [Number(header[1]), Number(header[2])];
      const pixels = bytes.subarray(header[0].length);
      const dark = (x: number, y: number) => pixels[y * width + x]! < 160;
      /** The longest run of dark pixels down a column. */
      const run = (x: number) => {
        let best = 0;
        let current = 0;
        for (let y = 0; y < height; y++) {
          current = dark(x, y) ? current + 1 : 0;
          best = Math.max(best, current);
        }
        return best;
      };
      const long = height / 8;
      let rightmost = -1;
      for (let x = width - 1; x >= 0 && rightmost < 0; x--) for (let y = 0; y < height; y++) if (dark(x, y)) { rightmost = x; break; }
      const table = Array.from({ length: width }, (_, x) => x).some((x) => run(x) >= long);
      const closed = rightmost >= 0 && [rightmost, rightmost - 1].some((x) => x >= 0 && run(x) >= long);
      return { table, closed };
    }),
  );
}

/**
 * How far right each page is painted with lines and fills that are not white (table borders, rules, shading), in points,
 * as mupdf draws them (`mutool draw -F trace`): a table wider than its page has its right border past the page's edge.
 */
export async function pdfInkRight(pdf: string): Promise<{ readonly width: number; readonly right: number }[]> {
  const out = path.join(await mkdtemp(path.join(tmpdir(), 'acta-trace-')), 'pages.trace');
  await run(tool('mutool'), ['draw', '-q', '-F', 'trace', '-o', out, pdf], { maxBuffer: 256 * 1024 * 1024 });
  const xml = await readFile(out, 'utf8');
  return [...xml.matchAll(/<page mediabox="([\d.-]+) ([\d.-]+) ([\d.-]+) ([\d.-]+)">([\s\S]*?)<\/page>/g)].map((page) => {
    let right = 0;
    for (const path of page[5]!.matchAll(/<(fill|stroke)_path [^>]*?color="([^"]*)"[^>]*?transform="([^"]*)"[^>]*>([\s\S]*?)<\/\1_path>/g)) {
      const shades = path[2]!.split(' ').map(Number);
      if (shades.every((v) => v > 0.95)) continue; // white: the page's own background
      const [a, , c, , e] = path[3]!.split(' ').map(Number) as [number, number, number, number, number, number];
      for (const point of path[4]!.matchAll(/ x="([\d.-]+)" y="([\d.-]+)"/g)) right = Math.max(right, a * Number(point[1]) + c * Number(point[2]) + e);
    }
    return { width: Number(page[3]) - Number(page[1]), right };
  });
}
