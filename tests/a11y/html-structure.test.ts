// What a screen reader gets from the HTML editions: Chromium's accessibility tree, headings and landmarks.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { useChromium } from '../browser.js';
import { sharedBuild } from '../build-helpers.js';

let chromium: ReturnType<typeof useChromium> | undefined;
afterAll(async () => {
  await (await chromium)?.release();
});

async function open(file: string): Promise<Page> {
  chromium ??= useChromium(); // also while tests are collected: the French tree is read once there
  const page = await (await chromium).browser.newPage({ viewport: { width: 1100, height: 900 } });
  await page.goto(`file://${file}`);
  return page;
}

/** The headings as the accessibility tree has them: level and name, in reading order. */
async function headings(page: Page): Promise<[number, string][]> {
  const tree = await page.locator('body').ariaSnapshot();
  return [...tree.matchAll(/heading "((?:[^"\\]|\\.)*)" \[level=(\d)\]/g)].map((m) => [Number(m[2]), m[1]!.replace(/\\"/g, '"')]);
}

const skips = (hs: [number, string][]) => hs.filter(([level], i) => (i === 0 ? level !== 1 : level > hs[i - 1]![0] + 1));

describe('the flagship HTML outline', async () => {
  const built = await sharedBuild('meetings/ptc-219-220');
  type Data = { items: { numeral: string; title: string; subitems: unknown[] }[]; annexes: { numeral: string; title: string }[] };
  const data = JSON.parse(await readFile(path.join(built.folder, 'PC0517E1a.json'), 'utf8')) as Data;

  it('has one h1, items and annexes at 2, sub-items at 3, and never skips a level', async () => {
    const page = await open(path.join(built.folder, 'PC0517E1a.html'));
    const hs = await headings(page);
    await page.close();
    expect(hs.filter(([l]) => l === 1)).toEqual([[1, 'Summary report']]);
    expect(skips(hs)).toEqual([]);
    const level2 = hs.filter(([l]) => l === 2).map(([, name]) => name);
    expect(level2).toEqual([
      ...data.items.map((i) => `Item ${i.numeral} – ${i.title}`),
      ...data.annexes.map((a) => `Annex ${a.numeral} ${a.title}`),
    ]);
    expect(hs.filter(([l]) => l === 3).length).toBeGreaterThanOrEqual(data.items.reduce((n, i) => n + i.subitems.length, 0));
    // Annex II's sections (Markdown # to ####) come right under the annex: 3 to 6.
    expect(new Set(hs.filter(([l]) => l >= 4).map(([l]) => l))).toEqual(new Set([4, 5, 6]));
  });

  it('puts everything in landmarks: the cover in the banner, the rest in main, the agenda and each annex a named region', async () => {
    const page = await open(path.join(built.folder, 'PC0517E1a.html'));
    const outside = await page.$$eval('body > *', (els) => els.map((e) => e.tagName.toLowerCase()));
    expect(outside).toEqual(['header', 'main']);
    const regions = await page.$$eval('main section[aria-labelledby]', (els) => els.map((e) => document.getElementById(e.getAttribute('aria-labelledby')!)!.textContent));
    expect(regions).toEqual(['Agenda', ...data.annexes.map((a) => `Annex ${a.numeral} ${a.title}`)]);
    await page.close();
  });

  it('gives an annex alone its own h1 inside main, with its label', async () => {
    const page = await open(path.join(built.folder, 'annexes', 'annex-II.html'));
    const hs = await headings(page);
    expect(hs[0]).toEqual([1, `Annex II ${data.annexes[1]!.title}`]);
    expect(hs.filter(([l]) => l === 1)).toHaveLength(1);
    expect(skips(hs)).toEqual([]);
    expect(await page.$$eval('main h1', (els) => els.length)).toBe(1);
    await page.close();
  });

  it('makes each wide table a named region the keyboard reaches', async () => {
    const page = await open(path.join(built.folder, 'PC0517E1a.html'));
    const wraps = await page.$$eval('.table-wrap', (els) => els.map((e) => [e.getAttribute('role'), e.getAttribute('tabindex'), e.getAttribute('aria-label')]));
    expect(wraps.length).toBeGreaterThan(0);
    expect(wraps.filter(([role, tab, label]) => role !== 'region' || tab !== '0' || !label)).toEqual([]);
    expect(new Set(wraps.map(([, , label]) => label)).size).toBe(wraps.length);
    await page.keyboard.press('Tab'); // the first link, then on until a table region
    let reached = false;
    for (let i = 0; i < 400 && !reached; i++) {
      reached = await page.evaluate(() => document.activeElement?.classList.contains('table-wrap') ?? false);
      if (!reached) await page.keyboard.press('Tab');
    }
    expect(reached).toBe(true);
    await page.close();
  });

  it('marks the restricted annex in words in the full edition', async () => {
    const page = await open(path.join(built.folder, 'PC0517E1a.html'));
    const tree = await page.locator('#annex-I').ariaSnapshot();
    // The page header's line, then the heading block: "Annex I" over the title, and "Restricted" under it.
    expect(tree.split('\n').slice(0, 4).join('\n')).toMatch(/paragraph: Annex I to doc\. PC0517E1a\n\s*- heading "Annex I List of participants" \[level=2\]\n\s*- paragraph: Restricted/);
    await page.close();
  });
});

describe('a screen reader through the French full edition', async () => {
  const built = await sharedBuild('meetings/exemple-fr');
  const tree = async (file: string) => {
    const page = await open(path.join(built.folder, file));
    const t = await page.locator('body').ariaSnapshot();
    await page.close();
    return t;
  };
  const full = await tree('PI0231F1a.html');
  const lines = full.split('\n');

  it('hears "Diffusion restreinte" before and "Fin du texte…" after each restricted paragraph', () => {
    for (const n of [26, 27]) {
      const at = lines.findIndex((l) => l.includes(`paragraph: ${n}. `));
      expect(at).toBeGreaterThan(0);
      expect(lines[at - 1]!.trim()).toBe('- text: Diffusion restreinte');
      expect(lines[at + 1]!.trim()).toBe('- paragraph: Fin du texte en diffusion restreinte');
    }
  });

  it('hears the start and end of each restricted span around its words', () => {
    // The span's words may be split by a link: its start is on one line, its end within the next few.
    const span = (start: string, end: string) => {
      const at = lines.findIndex((l) => l.includes(`Diffusion restreinte : ${start}`));
      expect(at).toBeGreaterThan(0);
      expect(lines.slice(at, at + 4).some((l) => l.includes(`${end} (Fin du texte en diffusion restreinte)`))).toBe(true);
    };
    span('La liste des participants figure à l’', 'du présent compte rendu.');
    span('Il a précisé que son administration', 'à la suite d’une intrusion.');
    expect(full.match(/Diffusion restreinte :/g)).toHaveLength(2);
    expect(full.match(/Fin du texte en diffusion restreinte/g)).toHaveLength(4);
  });

  it('names footnote links in French and says the second-language line is English', async () => {
    const page = await open(path.join(built.folder, 'PI0231F1a.html'));
    const calls = await page.$$eval('.fnref a', (as) => as.map((a) => a.getAttribute('aria-label')));
    expect(calls).toEqual(['Note 1']);
    const backs = await page.$$eval('.footnotes .back', (as) => as.map((a) => a.getAttribute('aria-label')));
    expect(backs).toEqual(['Retour au texte (Note 1)']);
    expect(await page.$eval('.org-alt', (e) => [e.getAttribute('lang'), e.textContent])).toEqual(['en', 'World Customs Organization']);
    await page.close();
  });

  it('has no marker at all in the public edition', async () => {
    const pub = await tree('PI0231F1a-public.html');
    expect(pub).not.toMatch(/restreint/i);
  });
});
