// acta's finish of the browser's PDF, on a small PDF laid out as the browser prints a paged document (every page on
// the largest sheet, an outline of painted titles), read back by poppler and mupdf.

import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { finishPdf, UnexpectedPdf } from '../../../src/render/pdf/finish-pdf.js';
import { tool } from '../../external-tools.js';

const run = promisify(execFile);

/** Two square sheets (a portrait page and a landscape one, as the browser prints them) with a two-bookmark outline. */
async function browserLikePdf(titles: readonly [string, string], sheets = 2): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const pages = Array.from({ length: sheets }, () => pdf.addPage([842, 842]));
  pdf.setTitle('about:blank');
  pdf.setProducer('Skia/PDF m156');
  pdf.setCreationDate(new Date('2026-12-01T04:05:50Z'));
  const context = pdf.context;
  const outlineRef = context.nextRef();
  const refs = [context.nextRef(), context.nextRef()];
  titles.forEach((title, i) => {
    const item = PDFDict.withContext(context);
    item.set(PDFName.of('Title'), PDFHexString.fromText(title));
    item.set(PDFName.of('Parent'), outlineRef);
    item.set(PDFName.of('Dest'), context.obj([pages[0]!.ref, PDFName.of('XYZ'), 70, 700 - 300 * i, 0]));
    if (i === 0) item.set(PDFName.of('Next'), refs[1]!);
    else item.set(PDFName.of('Prev'), refs[0]!);
    context.assign(refs[i]!, item);
  });
  const outline = PDFDict.withContext(context);
  outline.set(PDFName.of('First'), refs[0]!);
  outline.set(PDFName.of('Last'), refs[1]!);
  outline.set(PDFName.of('Count'), PDFNumber.of(2));
  context.assign(outlineRef, outline);
  pdf.catalog.set(PDFName.of('Outlines'), outlineRef);
  return pdf.save({ useObjectStreams: false });
}

async function saved(bytes: Uint8Array): Promise<string> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'acta-finish-')), 'x.pdf');
  await writeFile(file, bytes);
  return file;
}

const finish = {
  title: 'PC0517E1a – Summary report',
  author: 'World Customs Organization',
  subject: 'PC0517E1a',
  language: 'en',
  issued: '2018-05-02',
  pages: [
    { width: 595.28, height: 841.89 },
    { width: 841.89, height: 595.28 },
  ],
};

describe('finishPdf', () => {
  it("cuts each page to its own size, pins both dates to the day of issue and writes acta's properties", async () => {
    const file = await saved(await finishPdf(await browserLikePdf(['A', 'B']), { ...finish, bookmarks: ['A', 'B'] }));
    const { stdout } = await run(tool('pdfinfo'), ['-isodates', '-l', '2', file]);
    expect(stdout).toMatch(/^Title:\s+PC0517E1a – Summary report$/m);
    expect(stdout).toMatch(/^Author:\s+World Customs Organization$/m);
    expect(stdout).toMatch(/^Creator:\s+acta$/m);
    expect(stdout).toMatch(/^Producer:\s+Skia\/PDF m156$/m);
    expect(stdout).toMatch(/^CreationDate:\s+2018-05-02T00:00:00Z$/m);
    expect(stdout).toMatch(/^ModDate:\s+2018-05-02T00:00:00Z$/m);
    expect(stdout).toMatch(/^Page\s+1 size:\s+595.28 x 841.89 pts/m);
    expect(stdout).toMatch(/^Page\s+2 size:\s+841.89 x 595.28 pts/m);
    expect((await run(tool('mutool'), ['show', file, 'trailer/Root/Lang'])).stdout.trim()).toBe('(en)');
  });

  it('removes the blank sheet the browser may add after the last page, and refuses any other count', async () => {
    const file = await saved(await finishPdf(await browserLikePdf(['A', 'B'], 3), { ...finish, bookmarks: ['A', 'B'] }));
    expect((await run(tool('pdfinfo'), [file])).stdout).toMatch(/^Pages:\s+2$/m);
    await expect(finishPdf(await browserLikePdf(['A', 'B'], 4), { ...finish, bookmarks: ['A', 'B'] })).rejects.toThrow(UnexpectedPdf);
  });

  it("gives the bookmarks the headings' own words, spaces and case included", async () => {
    const bytes = await finishPdf(await browserLikePdf(['Item I – TradeFacilitation', 'ANNEX IILIST OF PARTICIPANTS']), {
      ...finish,
      bookmarks: ['Item I – Trade Facilitation', 'Annex II – List of participants'],
    });
    expect((await run(tool('mutool'), ['show', await saved(bytes), 'outline'])).stdout.split('\n').map((l) => l.split('\t')[1])).toEqual([
      '"Item I – Trade Facilitation"',
      '"Annex II – List of participants"',
      undefined,
    ]);
  });

  it("keeps the browser's titles when its outline is not the expected headings one for one", async () => {
    const pdf = await browserLikePdf(['Agenda', 'Closing']);
    for (const bookmarks of [['Agenda'], ['Agenda', 'Closing', 'Annex I'], ['Agenda', 'Opening']]) {
      const { stdout } = await run(tool('mutool'), ['show', await saved(await finishPdf(pdf, { ...finish, bookmarks })), 'outline']);
      expect(stdout.split('\n').map((l) => l.split('\t')[1])).toEqual(['"Agenda"', '"Closing"', undefined]);
    }
  });

  it('is byte-identical when finished twice', async () => {
    const pdf = await browserLikePdf(['A', 'B']);
    const [a, b] = [await finishPdf(pdf, { ...finish, bookmarks: ['A', 'B'] }), await finishPdf(pdf, { ...finish, bookmarks: ['A', 'B'] })];
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});
