// axe-core in Chromium on the HTML outputs of both example meetings (each kind of page): WCAG 2.1 A and AA, and best practice.

import { createRequire } from 'node:module';
import { readdir, readFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgenda, prepareRenderEnv } from '../../src/pipeline.js';
import { useChromium } from '../browser.js';
import { sharedBuild, sharedRegisters } from '../build-helpers.js';

const AXE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

let browser: Browser;
let release: (() => Promise<void>) | undefined;
let page: Page;
beforeAll(async () => {
  ({ browser, release } = await useChromium());
  // The reports forbid every script by CSP; only this test context bypasses it, to inject axe. axe is
  // an init script of the context, compiled once, not a script tag parsed again on every page (0.8 s each).
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1100, height: 900 } });
  await context.addInitScript(AXE);
  page = await context.newPage();
});
afterAll(async () => {
  await release?.();
});

interface AxeResult {
  violations: { id: string; impact: string; nodes: { target: string[]; failureSummary: string }[] }[];
  passes: { id: string }[];
}

async function axe(file: string): Promise<AxeResult> {
  await page.goto(`file://${file}`);
  const result = (await page.evaluate(
    (tags) => (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<unknown> } }).axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    TAGS,
  )) as AxeResult;
  return result;
}

async function htmlFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    // Working documents: the full edition of the smaller one, seed 003 (the other, their public editions
    // and annexes alone are laid out by the same templates, checked here already; PC0499E1a's tables
    // cost axe 6 s).
    const relative = path.relative(dir, path.join(entry.parentPath, entry.name));
    if (relative.startsWith('documents/') && relative !== 'documents/PC0497E1a.html') continue;
    found.push(path.join(entry.parentPath, entry.name));
  }
  // Annexes alone: the first of each edition. Each is its annex, laid out as in the report (checked whole here), on a
  // page of its own whose frame (its h1, header, landmarks) is the same for every annex.
  const annexes = found.filter((f) => path.basename(path.dirname(f)) === 'annexes').sort();
  const kept = [annexes.find((f) => !f.endsWith('-public.html')), annexes.find((f) => f.endsWith('-public.html'))];
  return found.filter((f) => path.basename(path.dirname(f)) !== 'annexes' || kept.includes(f)).sort();
}

/** Every HTML file a build writes, and the agenda alone of both editions. */
async function everyOutput(meeting: string): Promise<string[]> {
  const built = await sharedBuild(meeting);
  const prepared = await prepareRenderEnv();
  const agendaOut = await mkdtemp(path.join(tmpdir(), 'acta-agenda-'));
  for (const edition of ['full', 'public'] as const) await buildAgenda(meeting, path.join(agendaOut, edition), edition, prepared.env!);
  return [...(await htmlFiles(built.folder)), ...(await htmlFiles(agendaOut))];
}

const summary = (r: AxeResult) => r.violations.map((v) => `${v.id} (${v.impact}, ${v.nodes.length}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);

for (const [meeting, expected] of [
  // The report and its public edition, the first annex alone of each edition, the agenda alone of both editions,
  // and the full edition of a working document; the French example is issued with a change since, so its corrigendum
  // in both editions too.
  ['meetings/ptc-219-220', 2 + 1 + 1 + 2 + 1],
  ['meetings/exemple-fr', 2 + 1 + 1 + 2 + 2],
] as const) {
  describe(`axe on each kind of HTML output of ${meeting}`, async () => {
    const files = await everyOutput(meeting);
    it('covers the full and public reports, an annex alone of each, and the agenda alone', () => expect(files).toHaveLength(expected));
    for (const file of files) {
      it(`${path.basename(path.dirname(file))}/${path.basename(file)}: no violation`, async () => {
        const result = await axe(file);
        console.log(`axe ${meeting} ${path.basename(file)}: ${result.passes.length} rules passed, ${result.violations.length} violated`);
        expect(summary(result)).toEqual([]);
        // A corrigendum is a cover and a few paragraphs: fewer of axe's rules apply to it (19 here).
        expect(result.passes.length).toBeGreaterThan(/-corr\d/.test(file) ? 15 : 20);
      });
    }
  });
}

describe('axe on the register of decisions of meetings/', async () => {
  const out = await sharedRegisters();
  for (const file of ['register.html', 'register-public.html']) {
    it(`${file}: no violation, its filters shown`, async () => {
      const result = await axe(path.join(out, file));
      console.log(`axe register ${file}: ${result.passes.length} rules passed, ${result.violations.length} violated`);
      expect(summary(result)).toEqual([]);
      expect(result.passes.length).toBeGreaterThan(20);
      // The filters are part of what axe checked: the script shows them.
      expect(await page.isVisible('#filter-status')).toBe(true);
    });
  }
});
