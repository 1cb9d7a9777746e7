// The HTML edition opened in a real browser: what a delegate sees, clicks and prints.

import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useChromium, openWatched } from '../../browser.js';
import { buildTo, sharedBuild } from '../../build-helpers.js';
import { tool } from '../../external-tools.js';

let browser: Browser;
let release: (() => Promise<void>) | undefined;
beforeAll(async () => {
  ({ browser, release } = await useChromium());
});
afterAll(async () => {
  await release?.();
});

/** Opens a file and records console errors and every request made after the document itself. */
const open = (file: string) => openWatched(browser, file, 1100);

describe('the flagship report in Chromium', async () => {
  const built = await sharedBuild('meetings/ptc-219-220');
  const file = path.join(built.folder, 'PC0517E1a.html');
  const data = JSON.parse(await readFile(path.join(built.folder, 'PC0517E1a.json'), 'utf8')) as { items: { numeral: string; range: string }[] };

  it('loads with no console error and no request to any address', async () => {
    const { page, errors, requests } = await open(file);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    expect(await page.title()).toBe('PC0517E1a – Summary report');
    await page.close();
  });

  it('has 22 agenda rows whose ranges equal the JSON', async () => {
    const { page } = await open(file);
    // The item rows (the banner above Item XIV and Day III's timetable are rows of their own).
    const rows = await page.$$eval('table.agenda tbody tr[id^="agenda-"]', (trs) =>
      trs.map((tr) => [tr.querySelector('.col-no')!.textContent!.trim(), tr.querySelector('.col-range')!.textContent!.trim()]),
    );
    expect(rows).toHaveLength(22);
    expect(rows).toEqual(data.items.map((i) => [i.numeral, i.range]));
    await page.close();
  });

  it('has 175 paragraph anchors #para-1 … #para-175 in order, numbered as their anchor, as the report was issued', async () => {
    const { page } = await open(file);
    const paras = await page.$$eval('[id^="para-"]', (els) => els.map((e) => [e.id, e.querySelector('.num')?.textContent ?? '']));
    expect(paras).toEqual(Array.from({ length: 175 }, (_, i) => [`para-${i + 1}`, `${i + 1}.`]));
    // The conclusion printed without a number after paragraph 49: no number, no anchor.
    const after49 = await page.$eval('#para-49', (e) => [e.nextElementSibling!.id, e.nextElementSibling!.textContent!.trim().slice(0, 23)]);
    expect(after49).toEqual(['', 'In conclusion, the PTC:']);
    await page.close();
  });

  it('has anchors on every item, sub-item and annex, and every internal link has a target', async () => {
    const { page } = await open(file);
    const ids = await page.$$eval('[id]', (els) => els.map((e) => e.id));
    for (const id of ['item-I', 'item-XXII', 'item-IV-b', 'item-II-p', 'annex-I', 'annex-V']) expect(ids).toContain(id);
    const broken = await page.$$eval('a[href^="#"]', (as) => as.map((a) => a.getAttribute('href')!.slice(1)).filter((id) => !document.getElementById(id)));
    expect(broken).toEqual([]);
    await page.close();
  });

  it('scrolls to Item XV when its agenda row is clicked', async () => {
    const { page } = await open(file);
    await page.click('table.agenda tbody tr#agenda-XV');
    await page.waitForFunction(() => location.hash === '#item-XV');
    const top = await page.$eval('#item-XV', (e) => e.getBoundingClientRect().top);
    expect(Math.abs(top)).toBeLessThan(5);
    expect(await page.$eval('#item-XV .item-heading', (e) => e.textContent)).toBe('Item XV – E-Commerce');
    await page.close();
  });

  it('shows tracked changes as ins/del with author and date, and marks restricted text', async () => {
    const { page } = await open(file);
    const ins = await page.$$eval('ins', (els) => els.map((e) => [e.getAttribute('title'), e.getAttribute('datetime')]));
    // Annex V holds the report's 19 insertions ({++…++}), all by the committee on the date of issue.
    expect(ins).toEqual(Array.from({ length: 19 }, () => ['PTC, 2 May 2018', '2018-05-02']));
    expect(await page.$eval('#annex-V ins', (e) => e.textContent)).toBe('Performance Measurement');
    expect(await page.$$eval('del', (els) => els.length)).toBe(0);
    expect(await page.$eval('#annex-V', (e) => e.textContent)).toContain('Performance Measurement');
    expect(await page.$eval('#annex-I .annex-title', (e) => e.textContent)).toBe('List of participants');
    await page.close();
  });

  it('prints to A4, annexes on new pages with their header, Annex V in landscape', async () => {
    const { page } = await open(file);
    const pdfPath = path.join(await mkdtemp(path.join(tmpdir(), 'acta-pdf-')), 'report.pdf');
    await page.pdf({ path: pdfPath, format: 'A4', preferCSSPageSize: true });
    await page.close();
    const info = execFileSync(tool('pdfinfo'), ['-l', '999', pdfPath], { encoding: 'utf8' });
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
    console.log(`PC0517E1a.html prints to ${pages} A4 pages`);
    // Every page is A4, portrait or landscape.
    const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+(\d+)\.\d+ x (\d+)\.\d+ pts/gm)].map((m) => `${m[1]}x${m[2]}`);
    expect(sizes).toHaveLength(pages);
    expect(new Set(sizes)).toEqual(new Set(['594x841', '841x594']));
    // Page by page, the running header: none on the body, then Annex I to V in order, each on pages
    // of its own and on every one of them, and the landscape pages exactly those of Annex V.
    const text = execFileSync(tool('pdftotext'), ['-layout', pdfPath, '-'], { encoding: 'utf8' }).split('\f').slice(0, pages);
    const headers = text.map((p) => [...p.matchAll(/Annex ([IVX]+) to doc\. PC0517E1a/g)].map((m) => m[1]).join(','));
    expect(headers.filter((h, i) => i === 0 || h !== headers[i - 1])).toEqual(['', 'I', 'II', 'III', 'IV', 'V']);
    expect(sizes.map((s, i) => [s, headers[i]]).filter(([s]) => s === '841x594').map(([, h]) => h)).toEqual(headers.filter((h) => h === 'V'));
    expect(headers.filter((h) => h === 'V').length).toBeGreaterThan(1); // its 84 rows: the header repeats
    expect(text.findIndex((p) => /^\s*175\.\s/m.test(p))).toBeLessThan(headers.indexOf('I'));
  });
});

describe('the French meeting in Chromium', async () => {
  const built = await sharedBuild('meetings/exemple-fr');

  it('shows French labels', async () => {
    const { page, errors } = await open(path.join(built.folder, 'PI0231F1a.html'));
    expect(errors).toEqual([]);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await page.$$eval('table.agenda th', (ths) => ths.map((t) => t.textContent))).toEqual(["Point n°", "Point de l'ordre du jour", 'Paragraphe']);
    expect(await page.$eval('#item-I .item-heading', (e) => e.textContent)).toMatch(/^Point I – /);
    expect(await page.$eval('#annex-II .annex-header', (e) => e.textContent)).toBe('Annexe II au doc. PI0231F1a');
    expect(await page.$eval('.cover .issued', (e) => e.textContent)).toMatch(/^Bruxelles, le \d+ \S+ 20\d\d\.$/);
    await page.close();
  });

  it('marks restricted text visibly in the full edition', async () => {
    const { page } = await open(path.join(built.folder, 'PI0231F1a.html'));
    // The two paragraphs of the `:::restricted` block of Item V, and the two `:restricted[…]` spans.
    const marked = await page.$$eval('.para.restricted', (els) => els.map((e) => [e.id, getComputedStyle(e, '::before').content]));
    expect(marked).toEqual([['para-26', '"Diffusion restreinte"'], ['para-27', '"Diffusion restreinte"']]);
    // What is shown, less the words said only to assistive technology (checked in tests/a11y).
    const spans = await page.$$eval('span.restricted', (els) =>
      els.map((e) => Array.from(e.childNodes).filter((n) => !(n instanceof HTMLElement && n.classList.contains('visually-hidden'))).map((n) => n.textContent).join('')),
    );
    expect(spans).toEqual([
      'La liste des participants figure à l’Annexe I du présent compte rendu.',
      'Il a précisé que son administration avait dû interrompre son système de dédouanement pendant 36 heures en janvier 2025 à la suite d’une intrusion.',
    ]);
    await page.close();
  });

  it('marks public output "Version publique" and shows the restricted annex as not included', async () => {
    const { page } = await open(path.join(built.folder, 'PI0231F1a-public.html'));
    expect(await page.$eval('.public-mark', (e) => e.textContent)).toBe('Version publique');
    expect(await page.$eval('#annex-I .not-included', (e) => e.textContent)).toBe("L'annexe I n'est pas incluse dans la version publique.");
    expect(await page.$$eval('.restricted', (els) => els.length)).toBe(0);
    await page.close();
  });
});

describe('user text cannot inject markup or script', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'acta-inject-'));
  await writeFile(
    path.join(dir, 'meeting.md'),
    `---
committee: Permanent Technical Committee
committee_short: PTC
session: "<script>alert('session')</script>"
start: 2018-04-16
end: 2018-04-20
place: Brussels
issued: 2018-05-02
symbol: INJ1
---
# Item <img src=x onerror=alert(1)> {#item}

<script>alert(1)</script>

Text <img src=x onerror=alert(2)> and [x](javascript:alert(1)) and [y](JaVaScRiPt:alert(3)).

<a href="javascript:alert(4)">raw link</a> and <iframe src="javascript:alert(5)"></iframe>

In conclusion, the PTC:

- took note <svg onload=alert(6)>.
`,
  );
  const built = await buildTo(dir, ['html']);

  it('builds, warning about each piece of raw HTML and each unsafe link', () => {
    expect(built.report).not.toBeNull();
    expect(built.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.ruleId}`)).toEqual([
      '11:8 warning raw-html', // <img> in the title
      '13:1 warning raw-html', // the <script> block
      '15:6 warning raw-html', // <img>
      '15:39 warning unsafe-link',
      '15:68 warning unsafe-link',
      '17:1 warning raw-html', // <a href="javascript:…">
      '17:39 warning raw-html', // </a>
      '17:48 warning raw-html', // <iframe>
      '17:82 warning raw-html', // </iframe>
      '21:13 warning raw-html', // <svg> in the decision
    ]);
  });

  it('leaves no script, event handler or javascript: URL in the file', async () => {
    const source = await readFile(path.join(built.folder, 'INJ1.html'), 'utf8');
    expect(source).not.toMatch(/<script/i);
    expect(source).not.toMatch(/\son\w+=/i);
    expect(source).not.toMatch(/javascript:/i);
    expect(source).not.toMatch(/<(img|iframe|svg)/i);
    expect(source).toContain('&lt;script&gt;alert(&#x27;session&#x27;)&lt;/script&gt;');
  });

  it('runs no script in the browser: no dialog, no error', async () => {
    const { page, dialogs, errors, requests } = await open(path.join(built.folder, 'INJ1.html'));
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });
});
