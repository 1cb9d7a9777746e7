// acta watch as an author uses it: a browser on the preview, files saved on disk.

import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useChromium } from '../browser.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

let browser: Browser;
let release: (() => Promise<void>) | undefined;
let child: ChildProcess;
let url: string;
let dir: string;
let stdout = '';

beforeAll(async () => {
  const work = await mkdtemp(path.join(tmpdir(), 'acta-watch-'));
  dir = path.join(work, 'meeting');
  await cp(path.join(root, 'meetings', 'exemple-fr'), dir, { recursive: true });
  // A draft, whose numbers move as it is edited (the example is issued: its numbers hold).
  await rm(path.join(dir, 'numbering.lock.yaml'));
  await writeFile(path.join(dir, 'meeting.md'), (await readFile(path.join(dir, 'meeting.md'), 'utf8')).replace('status: issued\n', ''));
  child = spawn(process.execPath, [path.join(root, 'dist', 'acta.js'), 'watch', dir, '--port', '0', '--out', path.join(work, 'out')], { cwd: root });
  child.stdout!.on('data', (chunk) => (stdout += String(chunk)));
  url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL in: ${stdout}`)), 30_000);
    child.stdout!.on('data', () => {
      const m = /Serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
  });
  ({ browser, release } = await useChromium());
}, 60_000);

afterAll(async () => {
  await release?.();
  if (child && child.exitCode === null) child.kill('SIGKILL');
});

const firstItem = () => path.join(dir, 'meeting.md');

describe('acta watch', () => {
  it('serves the report, updates it on save without a manual reload, and shows problems over it', async () => {
    const page = await browser.newPage();
    await page.goto(url);
    const count = () => page.$$eval('[id^="para-"]', (els) => els.length);
    const before = await count();
    expect(before).toBe(36);
    expect(await page.locator('#acta-renumbered').count()).toBe(0);

    // A new paragraph at the top of Item I: new text, and every number after it moves by one.
    const original = await readFile(firstItem(), 'utf8');
    const edited = original.replace(/\n## /, '\nLa séance a été ouverte par un paragraphe ajouté en direct.\n\n## ');
    await writeFile(firstItem(), edited);
    await page.waitForFunction(() => document.querySelectorAll('[id^="para-"]').length === 37, undefined, { timeout: 15_000 });
    expect(await page.$eval('#para-1', (e) => e.textContent)).toContain('paragraphe ajouté en direct');
    expect(await page.$eval('#para-37 .num', (e) => e.textContent)).toBe('37.');
    // A banner says what moved since the page showed the report last.
    const banner = await page.locator('#acta-renumbered').textContent();
    expect(banner).toContain('Numbers moved since the last version shown here');
    expect(banner).toContain('Paragraph numbers: 1: inserted (Item I); 1 – 36 → 2 – 37: moved (+1).');

    // An error: the page keeps the last good report and shows file:line:column over it.
    await writeFile(firstItem(), edited.replace('paragraphe ajouté en direct.', 'paragraphe ajouté en direct [](#nulle-part).'));
    const overlay = page.locator('#acta-problems');
    await overlay.waitFor({ state: 'visible', timeout: 15_000 });
    expect(await overlay.textContent()).toMatch(/meeting\.md:\d+:\d+: error: Unexpected reference to unknown id `nulle-part`/);
    expect(await count()).toBe(37);

    // Fixed: the overlay goes. (The watcher may show the file caught half-written for a moment, then the whole.)
    await writeFile(firstItem(), edited);
    await overlay.waitFor({ state: 'detached', timeout: 15_000 });
    await page.waitForFunction(() => document.querySelectorAll('[id^="para-"]').length === 37, undefined, { timeout: 15_000 });
    // Nothing moved since the report shown last: no banner.
    expect(await page.locator('#acta-renumbered').count()).toBe(0);
    await page.close();
  }, 90_000);

  it.each(['/../meeting.md', '/%2e%2e/meeting.md', '/%2e%2e%2fmeeting.md', '/..%2f..%2fmeeting.md', '/annexes/../../meeting.md', '/.%2e/.%2e/etc/passwd', '//etc/passwd', '/PI0231F1a.json'])(
    'answers %s with 404',
    async (requestPath) => {
      const status = await new Promise<number>((resolve, reject) => {
        const { hostname, port } = new URL(url);
        request({ hostname, port, path: requestPath, method: 'GET' }, (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        })
          .on('error', reject)
          .end();
      });
      expect(status).toBe(404);
    },
  );

  it('stops cleanly on Ctrl-C', async () => {
    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exit).toBe(0);
    expect(stdout).toContain('Stopped.');
  });
});
