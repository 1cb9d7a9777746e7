// One browser for a whole build: each document's HTML edition printed in turn, then finished by acta.

import type { Browser } from 'playwright-core';
import { BrowserUnavailable, findBrowser } from './find-browser.js';
import { finishPdf, type PdfFinish } from './finish-pdf.js';

/** The flags of a browser that prints and does nothing else: no sandbox, GPU, updates, sync or network of its own. */
export const BROWSER_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

/** What the PDF writer needs of one document besides its HTML. */
export interface PdfDocument extends Omit<PdfFinish, 'bookmarks'> {
  /** Bookmark titles by anchor (`item-IV`, `item-IV-b`, `annex-II`), for the headings at or first inside that anchor. */
  readonly bookmarkTitles: Readonly<Record<string, string>>;
}

export interface PdfPrinter {
  print(html: string, document: PdfDocument): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** Finds and starts the browser; throws BrowserUnavailable, with what to do, when it cannot. */
export async function openPrinter(): Promise<PdfPrinter> {
  const executablePath = findBrowser();
  const { chromium } = await import('playwright-core');
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath, args: [...BROWSER_FLAGS] });
  } catch (e) {
    const reason = (e instanceof Error ? e.message : String(e)).split('\n')[0];
    throw new BrowserUnavailable(
      `cannot make the PDF edition: the browser at ${executablePath} did not start (${reason}). Point ACTA_CHROME at a working Chromium or Google Chrome.`,
    );
  }
  return {
    async print(html, doc) {
      // A context of its own is a renderer process of its own: the tagged PDF's structure ids are the
      // renderer's DOM node numbers, which would otherwise depend on the documents printed before.
      const context = await browser.newContext();
      const page = await context.newPage();
      try {
        // The HTML is self-contained: no request to wait for, only its fonts.
        await page.setContent(html, { waitUntil: 'load' });
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        // Headings are read as they print: a heading whose words are all hidden on paper gets no bookmark.
        await page.emulateMedia({ media: 'print' });
        const bookmarks = await page.evaluate(headingTitles, doc.bookmarkTitles);
        const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
        const { bookmarkTitles: _, ...finish } = doc;
        return finishPdf(pdf, { ...finish, bookmarks });
      } finally {
        await context.close();
      }
    },
    close: () => browser.close(),
  };
}

/**
 * Runs in the page: the title of every heading Chromium makes a bookmark of (the rendered ones, in
 * document order), acta's title where an anchor names one, else the heading's own words.
 */
function headingTitles(titles: Readonly<Record<string, string>>): string[] {
  const HEADINGS = 'h1, h2, h3, h4, h5, h6';
  const shown = (el: Element) => el.getClientRects().length > 0 && (el as HTMLElement).innerText.trim() !== '';
  return Array.from(document.querySelectorAll(HEADINGS)).filter(shown).map((el) => {
    if (el.id && titles[el.id]) return titles[el.id]!;
    const holder = el.parentElement?.closest('[id]');
    if (holder && titles[holder.id] && holder.querySelector(HEADINGS) === el) return titles[holder.id]!;
    return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  });
}
