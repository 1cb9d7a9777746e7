// Debian's Chromium driven by playwright-core, with acta's own flags: never a downloaded browser.

import { chromium, type Browser, type Page } from 'playwright-core';
import { BROWSER_FLAGS } from '../src/render/pdf/print-pdf.js';
import { tool } from './external-tools.js';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: tool('chromium'), args: [...BROWSER_FLAGS] });
}

let shared: Promise<Browser> | null = null;

/**
 * One Chromium for the test files of a vitest worker (they share modules: vitest.config.ts), since each start costs
 * about 2 s of CPU; playwright stops it when the worker exits. `release` closes every context (and so every page)
 * opened since `useChromium` was called: files run one after another in a worker, so those are the file's own.
 */
export async function useChromium(): Promise<{ browser: Browser; release: () => Promise<void> }> {
  let browser = await (shared ??= launchChromium());
  if (!browser.isConnected()) browser = await (shared = launchChromium());
  const before = new Set(browser.contexts());
  return {
    browser,
    release: async () => {
      for (const context of browser.contexts()) if (!before.has(context)) await context.close();
    },
  };
}

/** A page open on a local file, with everything it does that it should not: console errors, requests, dialogs. */
export async function openWatched(browser: Browser, file: string, width = 1100): Promise<{ page: Page; errors: string[]; requests: string[]; dialogs: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const errors: string[] = [];
  const requests: string[] = [];
  const dialogs: string[] = [];
  const url = `file://${file}`;
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => {
    if (r.url() !== url) requests.push(r.url());
  });
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  await page.goto(url);
  return { page, errors, requests, dialogs };
}
