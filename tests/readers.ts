// Independent real readers of our outputs: LibreOffice, poppler and pandoc from Debian, and fflate for the zip.

import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
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

export interface PdfLine {
  /** Top and bottom of the line, in points from the top of the page. */
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly text: string;
  /** Every letter of the line is in a bold font. */
  readonly bold: boolean;
}

export interface PdfPageLines {
  readonly height: number;
  readonly lines: readonly PdfLine[];
}

/** Each page's lines of text with their boxes and whether they are bold, as mupdf reads them (`mutool draw -F stext`). */
export async function pdfLines(pdf: string): Promise<PdfPageLines[]> {
  const out = path.join(await mkdtemp(path.join(tmpdir(), 'acta-stext-')), 'pages.stext');
  await run(tool('mutool'), ['draw', '-q', '-F', 'stext', '-o', out, pdf], { maxBuffer: 64 * 1024 * 1024 });
  const xml = await readFile(out, 'utf8');
  const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return [...xml.matchAll(/<page [^>]*height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((page) => ({
    height: Number(page[1]),
    lines: [...page[2]!.matchAll(/<line bbox="([\d.-]+) ([\d.-]+) [\d.-]+ ([\d.-]+)"[^>]*>([\s\S]*?)<\/line>/g)].map((line) => {
      let text = '';
      let bold = true;
      for (const font of line[4]!.matchAll(/<font name="([^"]*)"[^>]*>([\s\S]*?)<\/font>/g)) {
        const chars = [...font[2]!.matchAll(/ c="([^"]*)"\/>/g)].map((c) => unescape(c[1]!)).join('');
        if (chars.trim() && !/Bold/.test(font[1]!)) bold = false;
        text += chars;
      }
      return { left: Number(line[1]), top: Number(line[2]), bottom: Number(line[3]), text: text.replace(/\s+/g, ' ').trim(), bold };
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
