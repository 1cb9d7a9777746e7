// Builds a meeting in-process into a temporary folder, as `acta build` would.

import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildMeeting, prepareRenderEnv, registerArchive, type Built, type Format } from '../src/pipeline.js';
import type { BuildOptions } from '../src/formats.js';
import { openPrinter, type PdfPrinter } from '../src/render/pdf/print-pdf.js';

export type BuiltTo = Built & { folder: string };

export async function buildTo(dir: string, formats: readonly Format[], more: Partial<BuildOptions> = {}, printer?: PdfPrinter): Promise<BuiltTo> {
  const out = await mkdtemp(path.join(tmpdir(), 'acta-build-'));
  const prepared = await prepareRenderEnv(more.templates, more.referenceDocx);
  if (!prepared.env) throw new Error(prepared.diagnostics.map((d) => d.message).join('\n'));
  const env = printer ? { ...prepared.env, pdf: printer } : prepared.env;
  const built = await buildMeeting(dir, out, { formats, publicOnly: false, acceptChanges: false, ...more }, env);
  return { ...built, folder: path.join(out, path.basename(path.resolve(dir))) };
}

/**
 * One build of a meeting in DOCX, HTML and JSON, with the default options, shared by every test file that only
 * reads it. Test files share a module cache per worker (vitest.config.ts), so each worker builds each meeting
 * once instead of once per file. A test that writes into the folder must use `buildTo`.
 */
const shared = new Map<string, Promise<BuiltTo>>();

export function sharedBuild(dir: string): Promise<BuiltTo> {
  const key = path.resolve(dir);
  let built = shared.get(key);
  if (!built) {
    built = buildTo(dir, ['docx', 'html', 'json']);
    shared.set(key, built);
  }
  return built;
}

let registers: Promise<string> | null = null;

/**
 * The register of the example archive (meetings/), both editions, written once per worker into a temporary folder
 * for every test file that only reads it (the files, the browser test, axe). Read only.
 */
export function sharedRegisters(): Promise<string> {
  registers ??= (async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'acta-register-'));
    for (const edition of ['full', 'public'] as const) {
      const written = await registerArchive(['meetings'], out, edition);
      if (written.written.length === 0) throw new Error(written.diagnostics.map((d) => d.message).join('\n'));
    }
    return out;
  })();
  return registers;
}

let printer: Promise<PdfPrinter> | null = null;

/**
 * One browser for the in-process PDF builds of a worker's test files (`buildTo(…, sharedPrinter())`), as `acta build`
 * has one for all its meetings: each start of Chromium costs about a second. Every print has a browser context of its
 * own, so what one file prints never depends on what another printed before; playwright stops the browser when the
 * worker exits. Never closed by a test.
 */
export function sharedPrinter(): Promise<PdfPrinter> {
  printer ??= openPrinter();
  return printer;
}
