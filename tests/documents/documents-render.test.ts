// The working documents as readers show them: the transcribed seeds (000: PC0499E1a, 003: PC0497E1a)
// numbered as the seeds are, their DOCX in LibreOffice, their HTML in Chromium, and `acta agenda`
// listing each item's documents. The flagship is checked, not built: each document is rendered alone.

import { spawnSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NumberedReport } from '../../src/model.js';
import { checkMeeting, prepareRenderEnv } from '../../src/pipeline.js';
import { renderDocx } from '../../src/render/docx/render-docx.js';
import { renderHtml } from '../../src/render/html/render-html.js';
import { decisionRecords } from '../../src/render/json/render-json.js';
import { useChromium, openWatched } from '../browser.js';
import { pdfPages, sofficeToPdfs } from '../readers.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const acta = (...args: string[]) => spawnSync(process.execPath, [path.join(root, 'dist', 'acta.js'), ...args], { cwd: root, encoding: 'utf8' });

const checked = await checkMeeting('meetings/ptc-219-220');
const bySymbol = (symbol: string) => checked.report!.documents.find((d) => d.meta.symbol === symbol)!;
const env = (await prepareRenderEnv()).env!;
const work = await mkdtemp(path.join(tmpdir(), 'acta-documents-'));

// Both seeds' DOCX and the agenda of a meeting with documents, converted by one LibreOffice process.
const agendaOut = path.join(work, 'agenda');
const agendaFolder = path.join(agendaOut, 'working-documents');
const agendaBuilt = acta('agenda', 'tests/fixtures/working-documents', '--out', agendaOut);
const SEEDS = ['PC0497E1a', 'PC0499E1a'] as const;
const seedDocxs = SEEDS.map((symbol) => path.join(work, `${symbol}.docx`));
for (const [i, symbol] of SEEDS.entries()) await writeFile(seedDocxs[i]!, await renderDocx(bySymbol(symbol)));
const libreOffice = sofficeToPdfs([path.join(agendaFolder, 'PC0520E1a-agenda.docx'), ...seedDocxs]);
libreOffice.catch(() => undefined);

/** "I. 1", "I. 2"…: each numbered paragraph with its section's label. */
const numbering = (doc: NumberedReport) => doc.items.flatMap((s) => s.body.flatMap((n) => (n.type === 'paragraph' ? [`${s.label} ${n.number}`] : [])));

describe('the transcribed seeds (meetings/ptc-219-220/documents, see their NOTES.md)', () => {
  it('check with the meeting, with no problem of their own', () => {
    expect(checked.report).not.toBeNull();
    expect(checked.diagnostics.filter((d) => d.file.includes('/documents/'))).toEqual([]);
  });

  it('seed 000: sections I.–IV., paragraphs 1–9 as the seed numbers them, its two actions, the agenda reference of today\'s agenda', () => {
    const doc = bySymbol('PC0499E1a');
    expect(numbering(doc)).toEqual(['I. 1', 'I. 2', 'I. 3', 'II. 4', 'III. 5', 'III. 6', 'III. 7', 'III. 8', 'IV. 9']);
    expect(decisionRecords(doc).map((a) => [a.paragraph, a.text.split(' ').slice(0, 4).join(' ')])).toEqual([
      [9, 'share its findings and'],
      [9, 'examine the Draft Work'],
    ]);
    // The seed reads "(Item XIV (b) on the Agenda)": its own session's agenda; this one's has it under Item XIX, alone.
    expect(doc.facts.subtitle).toBe('(Item XIX on the Agenda)');
    expect(doc.annexes.map((a) => [a.header, a.orientation])).toEqual([['Annex I to doc. PC0499E1a', 'landscape'], ['Annex II to doc. PC0499E1a', 'landscape']]);
  });

  it('seed 003: sections I.–IV., paragraphs 1–12 as the seed numbers them, its two actions', () => {
    const doc = bySymbol('PC0497E1a');
    expect(numbering(doc)).toEqual(['I. 1', 'I. 2', 'I. 3', 'I. 4', 'II. 5', 'II. 6', 'II. 7', 'III. 8', 'III. 9', 'III. 10', 'III. 11', 'IV. 12']);
    expect(decisionRecords(doc).map((a) => [a.paragraph, a.text.split(' ').slice(0, 4).join(' ')])).toEqual([
      [12, 'take note of the'],
      [12, 'to provide guidance and'],
    ]);
    expect(doc.facts.subtitle).toBe('(Item XVIII on the Agenda)');
  });

  it('are listed in the report data with their actions', () => {
    const ids = checked.report!.documents.map((d) => [d.document!.id, d.meta.symbol, d.document!.item, d.decisions.length]);
    expect(ids).toEqual([['pc0497', 'PC0497E1a', 'it-guide-update', 2], ['pc0499', 'PC0499E1a', 'work-programme-update', 2]]);
  });

  it.each([
    ['PC0497E1a', 'DIGITAL CUSTOMS WORK PLAN FOLLOW-UP', '(Item XVIII on the Agenda)', 12],
    ['PC0499E1a', 'PTC WORK PROGRAMME', '(Item XIX on the Agenda)', 9],
  ] as const)('LibreOffice renders the DOCX of %s with sections I.–IV. and its paragraphs 1–N in order', async (symbol, title, reference, paragraphs) => {
    const pages = await pdfPages((await libreOffice)[1 + SEEDS.indexOf(symbol)]!);
    const body = pages.filter((p) => !p.includes(`to doc. ${symbol}`)).join('\n');
    expect(body).toContain(title);
    expect(body).toContain(reference);
    expect([...body.matchAll(/^\s*([IVX]+)\.\s+\S/gm)].map((m) => m[1])).toEqual(['I', 'II', 'III', 'IV']);
    // Paragraph numbers have at most three digits: a wrapped line may start with a year ("2016. The…").
    expect([...body.matchAll(/^\s*(\d{1,3})\.\s/gm)].map((m) => Number(m[1]))).toEqual(Array.from({ length: paragraphs }, (_, i) => i + 1));
    expect(pages.some((p) => p.includes(`Annex I to doc. ${symbol}`))).toBe(true);
  }, 180_000);
});

// One browser for the file.
let browser: Browser;
let release: (() => Promise<void>) | undefined;
beforeAll(async () => {
  ({ browser, release } = await useChromium());
});
afterAll(async () => release?.());

describe('in Chromium', () => {
  it.each(['PC0499E1a', 'PC0497E1a'])('%s shows with no console error and no request, sections and paragraphs in order', async (symbol) => {
    const doc = bySymbol(symbol);
    const file = path.join(work, `${symbol}.html`);
    await writeFile(file, renderHtml(doc, env.html));
    const { page, errors, requests } = await openWatched(browser, file);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    const sections = await page.$$eval('.item-label', (els) => els.map((e) => e.textContent));
    expect(sections).toEqual(doc.items.map((_, i) => `${['I', 'II', 'III', 'IV'][i]}.`));
    const paras = await page.$$eval('[id^="para-"]', (els) => els.map((e) => e.id));
    expect(paras).toEqual(Array.from({ length: doc.paragraphCount }, (_, i) => `para-${i + 1}`));
    expect(await page.$eval('.subtitle', (e) => e.textContent)).toBe(doc.facts.subtitle);
    await page.close();
  });
});

describe('acta agenda of a meeting with working documents', () => {
  const out = agendaOut;
  const folder = agendaFolder;
  beforeAll(() => {
    expect(agendaBuilt.status).toBe(0);
  });

  it('lists each document under its item or sub-item, in Chromium', async () => {
    const { page, errors, requests } = await openWatched(browser, path.join(folder, 'PC0520E1a-agenda.html'));
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    const rows = await page.$$eval('table.agenda tbody tr', (trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll('.agenda-subitems > li')).map((li) => [li.querySelector('.label')!.textContent, Array.from(li.querySelectorAll('.agenda-documents li')).map((d) => d.textContent)])),
    );
    expect(rows).toEqual([[], [['a)', ['Doc. PC0499E1a']], ['b)', ['Doc. PC0509E1a']]], [['○', ['Doc. PC0510E1a']]]]);
    await page.close();
  });

  it('lists each document under its sub-item, in LibreOffice', async () => {
    const text = (await pdfPages((await libreOffice)[0]!)).join('\n');
    const lines = text.split('\n').map((l) => l.trim()).filter((l) => /^(a\)|b\)|○|Doc\.)/.test(l)).map((l) => l.replace(/\s+\d{2}( - \d{2})?$/, '').replace(/\s+/g, ' '));
    expect(lines).toEqual(['a) PTC Work Programme', 'Doc. PC0499E1a', 'b) Digital Customs Work Plan', 'Doc. PC0509E1a', '○ Closing remarks', 'Doc. PC0510E1a']);
  }, 180_000);

  it('lists no restricted document in the public agenda', async () => {
    expect(acta('agenda', 'tests/fixtures/working-documents', '--out', out, '--public').status).toBe(0);
    const { page } = await openWatched(browser, path.join(folder, 'PC0520E1a-agenda-public.html'));
    expect(await page.$$eval('.agenda-documents li', (els) => els.map((e) => e.textContent))).toEqual(['Doc. PC0499E1a', 'Doc. PC0509E1a']);
    await page.close();
  });
});
