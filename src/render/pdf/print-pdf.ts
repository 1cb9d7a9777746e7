// One browser for a whole build: each document's HTML laid out in pages by Vivliostyle inside it, printed, then finished by acta.

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { BrowserUnavailable, findBrowser } from './find-browser.js';
import { finishPdf, type PageBox, type PdfFinish } from './finish-pdf.js';

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
export interface PdfDocument extends Omit<PdfFinish, 'bookmarks' | 'pages'> {
  /** Bookmark titles by anchor (`item-IV`, `item-IV-b`, `annex-II`), for the headings at or first inside that anchor. */
  readonly bookmarkTitles: Readonly<Record<string, string>>;
}

export interface PdfPrinter {
  print(html: string, document: PdfDocument): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** The paged-media engine failed on a document: a bug to report, with what it said. */
export class PagedMediaFailed extends Error {
  override readonly name = 'PagedMediaFailed';
}

/**
 * Vivliostyle's browser build, read from node_modules and handed to the page as a script: nothing is fetched, and
 * the HTML files acta writes never carry it. The file is a CommonJS module; the page gets its exports as `vivliostyle`.
 */
let engine: Promise<string> | null = null;
function engineScript(): Promise<string> {
  engine ??= readFile(createRequire(import.meta.url).resolve('@vivliostyle/core/lib/vivliostyle.js'), 'utf8').then(
    (code) => `(function () { var module = { exports: {} }; var exports = module.exports;\n${code}\n;window.vivliostyle = module.exports; })();`,
  );
  return engine;
}

/** The page the engine lays the document out in: one page of the viewer a sheet, in the document's language. */
const viewerPage = (language: string) =>
  `<!DOCTYPE html><html lang="${language.replace(/[^A-Za-z0-9-]/g, '')}"><head><meta charset="utf-8"><title></title>` +
  '<style>html, body { margin: 0; padding: 0; }</style></head><body><div id="viewport"></div></body></html>';

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
      const context = await browser.newContext({ offline: true });
      const page = await context.newPage();
      try {
        await page.setContent(viewerPage(doc.language), { waitUntil: 'load' });
        await page.addScriptTag({ content: await engineScript() });
        await page.emulateMedia({ media: 'print' });
        const laidOut = await page.evaluate(typeset, html);
        if ('failure' in laidOut) throw new PagedMediaFailed(`the paged-media engine could not lay out ${doc.subject}: ${laidOut.failure}`);
        // Headings are read as they print: a heading whose words are all hidden on paper gets no bookmark.
        const bookmarks = await page.evaluate(headingTitles, doc.bookmarkTitles);
        const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
        const { bookmarkTitles: _, ...finish } = doc;
        return await finishPdf(pdf, { ...finish, bookmarks, pages: laidOut.pages });
      } finally {
        await context.close();
      }
    },
    close: () => browser.close(),
  };
}

/** What the paged-media engine made of a document: each page's box in points, or why it could not. */
type LaidOut = { readonly pages: PageBox[] } | { readonly failure: string };

/** Runs in the page: lays the document out in pages with Vivliostyle and measures each page. */
async function typeset(html: string): Promise<LaidOut> {
  interface Viewer {
    readyState: string;
    addListener(type: string, listener: (payload: { content?: { error?: unknown; messages?: string[] } }) => void): void;
    loadDocument(source: { url: string }, options: { documentObject: Document }): void;
  }
  const engine = (window as unknown as { vivliostyle: { CoreViewer: new (settings: object, options: object) => Viewer } }).vivliostyle;
  const source = new DOMParser().parseFromString(html, 'text/html');
  const viewport = document.getElementById('viewport')!;
  const viewer = new engine.CoreViewer({ viewportElement: viewport, window }, { renderAllPages: true, autoResize: false, allowScripts: false });
  const failure = await new Promise<string | null>((resolve) => {
    viewer.addListener('readystatechange', () => {
      if (viewer.readyState === 'complete') resolve(null);
    });
    viewer.addListener('error', (payload) => resolve(String(payload.content?.error ?? payload.content?.messages?.join(' ') ?? 'unknown error')));
    viewer.loadDocument({ url: location.href }, { documentObject: source });
  });
  if (failure !== null) return { failure };
  // CSS pixels to points. (Functions passed to the page are written without named inner functions: a bundler's
  // name-keeping helper would not exist there.)
  const containers = Array.from(viewport.querySelectorAll<HTMLElement>('[data-vivliostyle-page-container]'));
  return { pages: containers.map((c) => ({ width: (parseFloat(c.style.width) * 72) / 96, height: (parseFloat(c.style.height) * 72) / 96 })) };
}

/**
 * Runs in the page: the title of every heading Chromium makes a bookmark of (the rendered ones, in
 * document order), acta's title where an anchor names one, else the heading's own words.
 */
function headingTitles(titles: Readonly<Record<string, string>>): string[] {
  const HEADINGS = 'h1, h2, h3, h4, h5, h6';
  const shown = Array.from(document.querySelectorAll(HEADINGS)).filter((el) => el.getClientRects().length > 0 && (el as HTMLElement).innerText.trim() !== '');
  return shown.map((el) => {
    if (el.id && titles[el.id]) return titles[el.id]!;
    // An item's or annex's heading takes the title of its section (laid out in pages, a section may be cut in pieces,
    // each with a first heading of its own: only these headings name the section).
    const holder = el.matches('.item-heading, .annex-heading') ? el.parentElement?.closest('[id]') : null;
    if (holder && titles[holder.id]) return titles[holder.id]!;
    return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  });
}
