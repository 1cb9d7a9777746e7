// One set of marks in every edition: a meeting with a restricted annex, in DOCX (as LibreOffice prints it), HTML and
// PDF. The restricted annex says so in words in every full edition (its heading block and its page header); every page
// of a public edition says "Public Version" and none holds the restricted annex; the annex heading block, the
// decision lists and a quote are set alike in every format; lettered decisions print their letter once.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTo, sharedPrinter } from '../build-helpers.js';
import { pdfLines, pdfPages, sofficeToPdfs, type PdfPageLines } from '../readers.js';

let folder: string;
const file = (name: string) => path.join(folder, name);

/** Each edition's printed pages: acta's PDF, and LibreOffice's print of the DOCX. */
const printed: Record<string, string[]> = {};
const lines: Record<string, PdfPageLines[]> = {};

beforeAll(async () => {
  // As `acta build --format docx,html,json,pdf --no-annex-files` builds it, with the worker's browser.
  const built = await buildTo('tests/fixtures/marks', ['docx', 'html', 'json', 'pdf'], { annexFiles: false }, await sharedPrinter());
  expect(built.report, built.diagnostics.map((d) => d.message).join('\n')).not.toBeNull();
  folder = built.folder;
  const [full, pub] = await sofficeToPdfs([file('PC0900E1a.docx'), file('PC0900E1a-public.docx')]);
  const pdfs = { 'full PDF': file('PC0900E1a.pdf'), 'public PDF': file('PC0900E1a-public.pdf'), 'full DOCX': full!, 'public DOCX': pub! };
  for (const [name, pdf] of Object.entries(pdfs)) [printed[name], lines[name]] = await Promise.all([pdfPages(pdf), pdfLines(pdf)]);
}, 600_000);

const squeeze = (text: string) => text.replace(/\s+/g, ' ');

describe('a restricted annex in the full editions', () => {
  it.each(['full PDF', 'full DOCX'])('%s: says "Restricted" in its page header and under its title, on its pages alone', (name) => {
    const pages = printed[name]!;
    const annex = pages.findIndex((p) => p.includes('LIST OF PARTICIPANTS'));
    expect(squeeze(pages[annex]!)).toMatch(/Annex I to doc\. PC0900E1a Restricted Annex I LIST OF PARTICIPANTS RESTRICTED Mr\. A\. Delegate/);
    expect(pages.filter((p) => /Restricted/i.test(p)).length).toBe(1);
  });

  it('the full HTML: says "Restricted" under its title', async () => {
    const html = await readFile(file('PC0900E1a.html'), 'utf8');
    expect(html).toMatch(/<h2 class="annex-heading" id="title-annex-I"><span class="annex-label">Annex I<\/span> <span class="annex-title">List of participants<\/span><\/h2>\s*<p class="restricted-annex">Restricted<\/p>/);
  });
});

describe('the public editions', () => {
  it.each(['public PDF', 'public DOCX'])('%s: "Public Version" on every page, and nothing of the restricted annex but its line', (name) => {
    const pages = printed[name]!;
    expect(pages.map((p, i) => (p.includes('Public Version') ? 0 : i + 1)).filter(Boolean)).toEqual([]);
    const text = pages.join('\n');
    // (Paragraph 1's "The list of participants is Annex I." is public text.)
    expect(text).not.toMatch(/Delegate|Observer|PARTICIPANTS|List of participants|Restricted|RESTRICTED/);
    expect(text).toContain('Annex I is not included in the public version.');
  });

  it('the public HTML: says so at its top, and holds nothing of the restricted annex', async () => {
    const html = await readFile(file('PC0900E1a-public.html'), 'utf8');
    expect(html).toContain('<p class="public-mark">Public Version</p>');
    expect(html).not.toMatch(/Delegate|Observer|List of participants|class="restricted-annex"/);
  });
});

describe('set alike in every format', () => {
  it.each(['full PDF', 'full DOCX', 'public PDF', 'public DOCX'])('%s: the annex heading block is "Annex II" over the title in capitals', (name) => {
    expect(squeeze(printed[name]!.find((p) => p.includes('DRAFT WORK PROGRAMME'))!)).toMatch(/Annex II to doc\. PC0900E1a (Public Version )?Annex II DRAFT WORK PROGRAMME The work programme/);
  });

  it('the annex heading block of the HTML is the same: its label over its title (in capitals by the style sheet)', async () => {
    const html = await readFile(file('PC0900E1a.html'), 'utf8');
    expect(html).toContain('<h2 class="annex-heading" id="title-annex-II"><span class="annex-label">Annex II</span> <span class="annex-title">Draft work programme</span></h2>');
  });

  it('hangs the paragraph numbers, the decisions, the lettered decisions and the quote at the same places in the PDF and the DOCX', () => {
    const place = (name: string) => {
      const page = lines[name]![0]!.lines;
      const at = (start: string) => page.find((l) => l.text.startsWith(start))!.left;
      return { number: at('1.'), text: at('The Chairperson'), lettered: at('a. took note'), quote: at('"Release"'), dash: at('-'), decision: at('took note of the draft') };
    };
    const [pdf, docx] = [place('full PDF'), place('full DOCX')];
    // 1 cm (28.35 pt) steps from the left margin: text at 1 cm, the dash and the quote at 2 cm, the decisions at 3 cm.
    expect(pdf.text - pdf.number).toBeCloseTo(28.35, 0);
    expect(pdf.dash - pdf.number).toBeCloseTo(56.7, 0);
    expect(pdf.decision - pdf.number).toBeCloseTo(85.05, 0);
    for (const key of Object.keys(pdf) as (keyof typeof pdf)[]) expect({ key, off: Math.abs(pdf[key] - docx[key]) < 1.5 }).toEqual({ key, off: true });
  });

  it('prints a lettered decision with its letter once, never after a dash, and keeps the letter out of the data', async () => {
    for (const name of ['full PDF', 'full DOCX']) {
      expect(printed[name]![0]).toMatch(/^\s+a\. took note of the opening remarks;$/m);
      expect(printed[name]![0]).not.toMatch(/-\s+a\. took note/);
    }
    const register = JSON.parse(await readFile(file('decisions.json'), 'utf8')) as { decisions: { id: string; text: string }[] };
    expect(register.decisions.slice(0, 2).map((d) => d.text)).toEqual(['took note of the opening remarks;', 'adopted the agenda.']);
    const html = await readFile(file('PC0900E1a.html'), 'utf8');
    expect(html).toContain('<ul class="decisions lettered"><li>a. took note of the opening remarks;</li>');
  });
});
