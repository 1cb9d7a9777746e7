// What the import tests share: acta as a user runs it, a copy of a meeting with the DOCX acta built from it,
// a DOCX edited by hand or in LibreOffice through UNO, and a byte snapshot of a folder.

import { spawn, spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { expect } from 'vitest';
import { importDocx, type ImportOptions } from '../../src/import/import-docx.js';
import { checkMeeting } from '../../src/pipeline.js';
import { tool, pythonWithUno } from '../external-tools.js';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** acta as a user runs it, with a heap of 256 MB: a refusal that let memory run away would crash instead of exit 1. */
export const acta = (...args: string[]) => spawnSync(process.execPath, ['--max-old-space-size=256', path.join(root, 'dist', 'acta.js'), ...args], { cwd: root, encoding: 'utf8' });

export async function snapshot(dir: string): Promise<Map<string, Buffer>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  return new Map(await Promise.all(files.map(async (f) => [path.relative(dir, f), await readFile(f)] as const)));
}

/** Each example meeting is built once per test file; every test gets its own copy of the sources and outputs. */
const builds = new Map<string, Promise<string>>();

function builtOnce(meeting: string): Promise<string> {
  let built = builds.get(meeting);
  if (!built) {
    built = (async () => {
      const out = await mkdtemp(path.join(tmpdir(), 'acta-import-built-'));
      // The report's DOCX of each edition is what comes back: no annex alone, no working document.
      const run = acta('build', meeting, '--out', out, '--format', 'docx', '--no-annex-files', '--no-documents');
      expect(run.status, run.stderr).toBe(0);
      return path.join(out, path.basename(meeting));
    })();
    builds.set(meeting, built);
  }
  return built;
}

/** A copy of a meeting and of its full and public DOCX, freshly built from those very sources. */
export async function meetingWithDocx(meeting: string, symbol: string): Promise<{ dir: string; docx: string }> {
  const outputs = await builtOnce(meeting);
  const work = await mkdtemp(path.join(tmpdir(), 'acta-import-'));
  const dir = path.join(work, path.basename(meeting));
  const out = path.join(work, 'out', path.basename(meeting));
  await cp(path.join(root, meeting), dir, { recursive: true });
  await cp(outputs, out, { recursive: true });
  return { dir, docx: path.join(out, `${symbol}.docx`) };
}

/** An edit of one part of a DOCX: a phrase replaced (it must be there), or the part's XML rewritten. */
export type PartEdit = readonly [from: string, to: string] | ((xml: string) => string);

/** The DOCX with phrases of its parts replaced, as an editor would type them without tracking (or as Word stores other edits). */
export async function editedDocx(docx: string, edits: Readonly<Record<string, readonly PartEdit[]>>, name: string): Promise<string> {
  const parts = unzipSync(new Uint8Array(await readFile(docx)));
  for (const [part, list] of Object.entries(edits)) {
    let xml = new TextDecoder().decode(parts[part]);
    for (const edit of list) {
      if (typeof edit === 'function') {
        const next = edit(xml);
        expect(next, `${part} rewritten`).not.toBe(xml);
        xml = next;
      } else {
        expect(xml, part).toContain(edit[0]);
        xml = xml.replace(edit[0], edit[1]);
      }
    }
    parts[part] = strToU8(xml);
  }
  const edited = path.join(path.dirname(path.dirname(docx)), '..', name);
  await writeFile(edited, zipSync(parts));
  return edited;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A reviewer's copy: the DOCX they were sent, their name as LibreOffice's user data, and what they do to it. */
export interface ReviewerCopy {
  readonly docx: string;
  readonly reviewer?: readonly [given: string, surname: string];
  readonly edits: unknown[];
}

/**
 * Opens each DOCX in headless LibreOffice in turn, applies its reviewer's edits through UNO, saves it as Word 2007
 * XML. Each call has a listener of its own, with a profile of its own, stopped by its PID.
 */
export async function editCopiesInLibreOffice(copies: readonly ReviewerCopy[]): Promise<string[]> {
  const work = await mkdtemp(path.join(tmpdir(), 'acta-uno-'));
  const port = await freePort();
  const office = spawn(tool('soffice'), ['--headless', '--invisible', '--norestore', `--accept=socket,host=127.0.0.1,port=${port};urp;`, `-env:UserInstallation=file://${work}/profile`], { stdio: 'ignore' });
  try {
    const planned = copies.map((c, i) => ({ source: c.docx, target: path.join(work, `edited-${i + 1}.docx`), reviewer: c.reviewer ?? ['Delegate of', 'Japan'], edits: c.edits }));
    const plan = path.join(work, 'copies.json');
    await writeFile(plan, JSON.stringify(planned));
    const run = spawnSync(pythonWithUno(), [path.join(root, 'tests/import/libreoffice-edit.py'), String(port), plan], { encoding: 'utf8', timeout: 180_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    return planned.map((p) => p.target);
  } finally {
    office.kill();
  }
}

export const editInLibreOffice = async (docx: string, edits: unknown[]): Promise<string> => (await editCopiesInLibreOffice([{ docx, edits }]))[0]!;

/** `acta import` in-process, with the meeting as it is on disk now (stop at conflicts, the file's own base). */
export async function importInProcess(dir: string, file: string, options: Partial<ImportOptions> = {}) {
  const checked = await checkMeeting(dir);
  if (!checked.report || !checked.sources) throw new Error(`the meeting has errors: ${checked.diagnostics.map((d) => d.message).join('; ')}`);
  return importDocx(new Uint8Array(await readFile(file)), { dir, report: checked.report, sources: checked.sources, diagnostics: checked.diagnostics }, { conflicts: 'stop', baseIsCurrent: false, ...options });
}

/** The whole `<w:p>…</w:p>` of document.xml that holds `text` (acta's hidden origin bookmarks included). */
export function paragraphWith(xml: string, text: string): string {
  const at = xml.indexOf(text);
  expect(at, text).toBeGreaterThan(-1);
  const open = Math.max(xml.lastIndexOf('<w:p>', at), xml.lastIndexOf('<w:p ', at));
  return xml.slice(open, xml.indexOf('</w:p>', at) + '</w:p>'.length);
}

// ---- Word's own markup, written by hand where a test needs an edit as Word stores it --------------------------------

/** The revision attributes Word writes: an id unique in the document, the author and the date. */
let revisionId = 9000;
export const revision = (author: string, date: string) => `w:id="${++revisionId}" w:author="${author}" w:date="${date}"`;

/** A run as Word writes it, with the properties of the run it was typed into. */
const run = (text: string, rPr = '', element = 'w:t') => `<w:r>${rPr}<${element} xml:space="preserve">${text}</${element}></w:r>`;

/** Word's tracked insertion and deletion of words. */
export const insertion = (text: string, author: string, date: string, rPr = '') => `<w:ins ${revision(author, date)}>${run(text, rPr)}</w:ins>`;
export const deletion = (text: string, author: string, date: string, rPr = '') => `<w:del ${revision(author, date)}>${run(text, rPr, 'w:delText')}</w:del>`;

/**
 * Replaces a phrase of document.xml's text (inside one run) with markup of runs: `make` gets the run's properties, to
 * give the runs it writes the same formatting. The run is split around the phrase, as Word splits it when you type.
 */
export function atPhrase(xml: string, phrase: string, make: (rPr: string) => string): string {
  const at = xml.indexOf(phrase);
  expect(at, phrase).toBeGreaterThan(-1);
  const runStart = Math.max(xml.lastIndexOf('<w:r>', at), xml.lastIndexOf('<w:r ', at));
  const rPr = /^<w:r[^>]*>(<w:rPr>.*?<\/w:rPr>)?/.exec(xml.slice(runStart))![1] ?? '';
  return `${xml.slice(0, at)}</w:t></w:r>${make(rPr)}<w:r>${rPr}<w:t xml:space="preserve">${xml.slice(at + phrase.length)}`;
}
