// acta's finish of Chromium's PDF, on a small PDF laid out as Chromium (Skia) writes one, read back by mupdf.

import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { finishPdf, pdfDate, pdfText, readPdfText } from '../../../src/render/pdf/finish-pdf.js';
import { tool } from '../../external-tools.js';

const run = promisify(execFile);

/** A one-page PDF with Skia's Info dictionary and a two-bookmark outline, its xref table exact. */
function skiaLikePdf(titles: readonly [string, string]): Uint8Array {
  const objects = [
    `<</Title (Report)\n/Creator (HeadlessChrome)\n/Producer (Skia/PDF m156)\n/CreationDate (D:20261201040550+00'00')\n/ModDate (D:20261201040550+00'00')>>`,
    '<</Type /Catalog\n/Pages 3 0 R\n/Outlines 5 0 R\n/Lang (en)>>',
    '<</Type /Pages\n/Count 1\n/Kids [4 0 R]>>',
    '<</Type /Page\n/Parent 3 0 R\n/MediaBox [0 0 595 842]>>',
    '<<\n  /Type /Outlines\n  /First 6 0 R\n  /Last 7 0 R\n  /Count 2\n>>',
    `<</Title ${titles[0]}\n/Dest [4 0 R /XYZ 70 700 0]\n/Parent 5 0 R\n/Next 7 0 R>>`,
    `<</Title ${titles[1]}\n/Dest [4 0 R /XYZ 70 400 0]\n/Parent 5 0 R\n/Prev 6 0 R>>`,
  ];
  let text = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(text.length);
    text += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = text.length;
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  text += `trailer\n<</Size ${objects.length + 1}\n/Root 2 0 R\n/Info 1 0 R>>\nstartxref\n${xref}\n%%EOF`;
  return new TextEncoder().encode(text);
}

async function mutool(bytes: Uint8Array, ...args: string[]): Promise<string> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'acta-finish-')), 'x.pdf');
  await writeFile(file, bytes);
  return (await run(tool('mutool'), ['show', file, ...args])).stdout;
}

const finish = { title: 'PC0517E1a – Summary report', author: 'World Customs Organization', subject: 'PC0517E1a', issued: '2018-05-02' };

describe('finishPdf', () => {
  it('pins both dates, in Chromium\'s Info too, and writes acta\'s properties', async () => {
    const out = finishPdf(skiaLikePdf(['(A)', '(B)']), { ...finish, bookmarks: ['A', 'B'] });
    const text = new TextDecoder('latin1').decode(out);
    expect(text.match(/D:\d{14}/g)).toEqual(['D:20180502000000', 'D:20180502000000', 'D:20180502000000', 'D:20180502000000']);
    expect(await mutool(out, 'trailer/Info/Author')).toContain(pdfText('World Customs Organization'));
    expect(await mutool(out, 'trailer/Info/Creator')).toBe('(acta)\n');
    expect(await mutool(out, 'trailer/Root/Lang')).toBe('(en)\n');
    expect(pdfDate('2018-05-02')).toBe("D:20180502000000+00'00'");
  });

  it('gives the bookmarks the headings\' own words, spaces included', async () => {
    const out = finishPdf(skiaLikePdf([pdfText('Item I – TradeFacilitation'), '(\\(b\\)Upcoming events)']), {
      ...finish,
      bookmarks: ['Item I – Trade Facilitation', '(b) Upcoming events'],
    });
    expect(await mutool(out, 'outline')).toBe('|\t"Item I – Trade Facilitation"\t#page=1&zoom=100,70,142\n|\t"(b) Upcoming events"\t#page=1&zoom=100,70,442\n');
  });

  it('keeps Chromium\'s titles when its outline is not the expected headings one for one', async () => {
    const pdf = skiaLikePdf(['(Agenda)', '(Closing)']);
    for (const bookmarks of [['Agenda'], ['Agenda', 'Closing', 'Annex I'], ['Agenda', 'Opening']]) {
      expect(await mutool(finishPdf(pdf, { ...finish, bookmarks }), 'outline')).toBe('|\t"Agenda"\t#page=1&zoom=100,70,142\n|\t"Closing"\t#page=1&zoom=100,70,442\n');
    }
  });

  it('reads and writes PDF text strings', () => {
    expect(readPdfText(pdfText('Annexe II – Lignes directrices 𝔸'))).toBe('Annexe II – Lignes directrices 𝔸');
    expect(readPdfText('(\\(a\\) Opening\\051 \\\\ end)')).toBe('(a) Opening) \\ end');
  });
});
