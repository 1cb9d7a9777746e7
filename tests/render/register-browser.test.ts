// The register page in Chromium, under its own Content-Security-Policy: the filters work, nothing else runs or loads.

import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedRegisters } from '../build-helpers.js';
import { openWatched, useChromium } from '../browser.js';

let browser: Browser;
let release: (() => Promise<void>) | undefined;
let file: string;
beforeAll(async () => {
  ({ browser, release } = await useChromium());
  file = path.join(await sharedRegisters(), 'register.html');
});
afterAll(async () => {
  await release?.();
});

describe('the register page', () => {
  it('filters by committee, item subject and status, and says how many rows it shows', async () => {
    const { page, errors, requests } = await openWatched(browser, file);
    const visible = () => page.$$eval('table.decisions tbody tr', (rows) => rows.filter((r) => !(r as HTMLElement).hidden).map((r) => r.id.replace(/^decision-/, '')));
    expect(await page.textContent('#shown')).toBe('All 97 decisions shown.');
    await page.selectOption('#filter-status', 'superseded');
    expect(await visible()).toEqual(['PC0490E1a/III/1', 'PC0490E1a/VI/1', 'PC0517E1a/VIII(a)/1']);
    await page.selectOption('#filter-status', '');
    await page.fill('#filter-subject', 'time release');
    expect(await visible()).toEqual(['PC0490E1a/III/1', 'PC0490E1a/III/2', 'PC0517E1a/VIII(a)/1', 'PC0517E1a/VIII(a)/2', 'PC0517E1a/VIII(b)/1', 'PC0530E1a/II/1']);
    await page.fill('#filter-subject', '');
    await page.selectOption('#filter-committee', 'SCI');
    expect((await visible()).every((id) => id.startsWith('PI0231F1a/'))).toBe(true);
    expect(await page.textContent('#shown')).toBe('24 of 97 decisions shown.');
    // A link to another decision goes to its row.
    await page.selectOption('#filter-committee', '');
    await page.click('tr[id="decision-PC0490E1a/III/1"] td.col-status a >> nth=1');
    expect(await page.evaluate(() => decodeURIComponent(location.hash))).toBe('#decision-PC0530E1a/II/1');
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
  });
});
