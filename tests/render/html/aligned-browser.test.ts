// The aligned page of `acta align` in a real browser: what a reviser sees, row by row.

import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alignMeetings } from '../../../src/commands/align.js';
import { useChromium, openWatched } from '../../browser.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const fixtures = path.join(root, 'tests', 'fixtures', 'translations');

let browser: Browser;
let release: (() => Promise<void>) | undefined;
beforeAll(async () => {
  ({ browser, release } = await useChromium());
});
afterAll(async () => {
  await release?.();
});

const open = (file: string) => openWatched(browser, file, 1200);

interface Row {
  kind: string;
  header: string;
  gap: boolean;
  original: { number: string | null; text: string; lang: string | null; missing: boolean };
  translation: { number: string | null; text: string; lang: string | null; missing: boolean };
}

function rowsOf(page: Page): Promise<Row[]> {
  return page.$$eval('table.aligned > tbody > tr', (trs) =>
    trs.map((tr) => {
      const [o, t] = Array.from(tr.querySelectorAll(':scope > td')).map((td) => ({
        number: td.querySelector('.num')?.textContent ?? null,
        text: td.textContent!.replace(/\s+/g, ' ').trim(),
        lang: td.getAttribute('lang'),
        missing: td.classList.contains('missing'),
      }));
      return { kind: tr.getAttribute('data-kind')!, header: tr.querySelector(':scope > th')!.textContent!.trim(), gap: tr.classList.contains('gap'), original: o!, translation: t! };
    }),
  );
}

async function align(original: string, translation: string) {
  const out = await mkdtemp(path.join(tmpdir(), 'acta-aligned-'));
  const result = await alignMeetings(original, translation, out);
  expect(result.written).toHaveLength(1);
  return { ...result, file: result.written[0]! };
}

describe('the aligned page of meetings/exemple-fr and meetings/example-en', async () => {
  const aligned = await align(path.join(root, 'meetings', 'exemple-fr'), path.join(root, 'meetings', 'example-en'));

  it('is named after the translation, reports no divergence, loads with no console error and no request', async () => {
    expect(path.basename(aligned.file)).toBe('PI0231E1a-aligned.html');
    expect(aligned.diagnostics.filter((d) => d.ruleId === 'translation-misaligned')).toEqual([]);
    expect(aligned.aligned).toBe(true);
    const { page, errors, requests } = await open(aligned.file);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    expect(await page.title()).toBe('PI0231E1a aligned with PI0231F1a');
    await page.close();
  });

  it('has a main, real headings, a language on each column and scoped header cells', async () => {
    const { page } = await open(aligned.file);
    expect(await page.$$eval('main', (m) => m.length)).toBe(1);
    expect(await page.$$eval('main h1', (h) => h.map((e) => e.textContent))).toEqual(['PI0231E1a aligned with PI0231F1a']);
    expect(await page.$$eval('main h2', (h) => h.map((e) => e.textContent))).toEqual(['Cover', 'Agenda', 'Report', 'Annexes']);
    const heads = await page.$$eval('table.aligned > thead th', (ths) => ths.map((th) => [th.getAttribute('scope'), th.getAttribute('lang'), th.textContent]));
    expect(heads.slice(0, 3)).toEqual([['col', null, 'Unit'], ['col', 'fr', 'Français (PI0231F1a)'], ['col', 'en', 'English (PI0231E1a)']]);
    expect(await page.$$eval('table.aligned > tbody > tr > th', (ths) => ths.every((th) => th.getAttribute('scope') === 'row'))).toBe(true);
    const rows = await rowsOf(page);
    expect(rows.every((r) => r.original.lang === 'fr' && r.translation.lang === 'en')).toBe(true);
    await page.close();
  });

  it('has its rows in reading order, every unit beside its counterpart, numbers equal on both sides', async () => {
    const { page } = await open(aligned.file);
    const rows = await rowsOf(page);
    expect(rows.filter((r) => r.gap)).toEqual([]);
    // Cover, agenda, then the body, then the annexes.
    const kinds = rows.map((r) => r.kind);
    expect(kinds.indexOf('agenda')).toBeGreaterThan(kinds.lastIndexOf('cover'));
    expect(kinds.indexOf('item')).toBeGreaterThan(kinds.lastIndexOf('agenda'));
    expect(kinds.indexOf('annex')).toBeGreaterThan(kinds.lastIndexOf('decision'));
    const paragraphs = rows.filter((r) => r.kind === 'paragraph');
    // Paragraph 12 bis was inserted after issue: each language writes its number its own way.
    const whole = Array.from({ length: 35 }, (_, i) => [`${i + 1}.`, `${i + 1}.`]);
    expect(paragraphs.map((r) => [r.original.number, r.translation.number])).toEqual([...whole.slice(0, 12), ['12 bis.', '12A.'], ...whole.slice(12)]);
    expect(rows.filter((r) => r.kind === 'decision')).toHaveLength(24);
    expect(rows.filter((r) => r.kind === 'item').map((r) => r.header)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII']);
    expect(rows.filter((r) => r.kind === 'annex').map((r) => [r.original.number, r.translation.number])).toEqual([
      ['Annexe I', 'Annex I'], ['Annexe II', 'Annex II'], ['Annexe III', 'Annex III'],
    ]);
    // Agenda rows carry both ranges, equal.
    const agenda = rows.filter((r) => r.kind === 'agenda');
    expect(agenda).toHaveLength(7);
    for (const r of agenda) {
      const range = (text: string) => /(\d\d(?: - \d\d)?)$/.exec(text)?.[1];
      expect(range(r.translation.text)).toBeDefined();
      expect(range(r.original.text)).toBe(range(r.translation.text));
    }
    const p6 = paragraphs[5]!;
    expect(p6.original.text).toContain('Le Secrétariat a présenté le document PI0221');
    expect(p6.translation.text).toContain('The Secretariat presented Doc. PI0221');
    await page.close();
  });
});

describe('the aligned page of a misaligned pair', async () => {
  const aligned = await align(path.join(fixtures, 'original'), path.join(fixtures, 'three-divergences'));

  it('is written anyway, with the three divergences, and loads cleanly', async () => {
    expect(aligned.aligned).toBe(false);
    expect(aligned.diagnostics.filter((d) => d.ruleId === 'translation-misaligned')).toHaveLength(3);
    const { page, errors, requests } = await open(aligned.file);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    expect(await page.$$eval('.problems li', (li) => li.length)).toBe(3);
    await page.close();
  });

  it('shows the gap where a unit has no counterpart, visibly', async () => {
    const { page } = await open(aligned.file);
    const rows = await rowsOf(page);
    const gaps = rows.filter((r) => r.gap);
    // Item I's extra paragraph (and the decision row beside it), sub-item (a)'s extra decision.
    expect(gaps.map((r) => [r.kind, r.original.missing, r.translation.missing])).toEqual([
      ['decision', false, true],
      ['paragraph', true, false],
      ['decision', true, false],
      ['decision', true, false],
    ]);
    const extra = gaps[1]!;
    expect(extra.header).toBe('3');
    expect(extra.translation.number).toBe('3.');
    expect(extra.original.text).toContain('No counterpart');
    const cell = page.locator('tr.gap td.missing').first();
    expect(await cell.isVisible()).toBe(true);
    const background = await cell.evaluate((td) => getComputedStyle(td).backgroundImage);
    expect(background).toContain('repeating-linear-gradient');
    // Numbers after the extra paragraph differ on the two sides: the reviser sees the shift.
    const shifted = rows.filter((r) => r.kind === 'paragraph' && !r.gap && r.original.number !== r.translation.number);
    expect(shifted.length).toBeGreaterThan(0);
    expect(await page.$$eval('tr.shifted', (trs) => trs.length)).toBe(shifted.length);
    await page.close();
  });
});

describe('user text on the aligned page', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'acta-aligned-xss-'));
  await cp(path.join(fixtures, 'original'), path.join(dir, 'original'), { recursive: true });
  await cp(path.join(fixtures, 'aligned'), path.join(dir, 'aligned'), { recursive: true });
  const meeting = path.join(dir, 'aligned', 'meeting.md');
  const text = await readFile(meeting, 'utf8');
  await writeFile(
    meeting,
    text
      .replace('session: 219e session', 'session: "219e <script>alert(1)</script> session"')
      .replace('Le Président a ouvert la session.', 'Le Président a ouvert la session `<img src=x onerror=alert(2)>`.'),
  );
  const aligned = await align(path.join(dir, 'original'), path.join(dir, 'aligned'));

  it('is escaped: shown as typed, never run', async () => {
    const html = await readFile(aligned.file, 'utf8');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    const { page, errors, requests, dialogs } = await open(aligned.file);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    expect(await page.$$eval('script, img', (els) => els.length)).toBe(0);
    const rows = await rowsOf(page);
    expect(rows.find((r) => r.header === 'Session')!.translation.text).toBe('219e <script>alert(1)</script> session');
    expect(rows.find((r) => r.kind === 'paragraph')!.translation.text).toBe('1. Le Président a ouvert la session <img src=x onerror=alert(2)>.');
    await page.close();
  });
});
