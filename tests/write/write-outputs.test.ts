import { appendFile, cp, mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildMeeting, prepareRenderEnv, type RenderEnv } from '../../src/pipeline.js';
import type { BuildOptions } from '../../src/formats.js';
import { UnsafeOutputPath, WriteFailed, writeOutputs } from '../../src/write/write-outputs.js';

/**
 * A disk that fails on demand: the `renameAt`-th rename of a temporary file, or the `writeAt`-th
 * write of one, throws as a full disk would. Every other call goes to the real file system.
 */
const fault = vi.hoisted(() => ({ renameAt: 0, writeAt: 0, renamed: [] as string[], written: [] as string[] }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  const full = (what: string) => Object.assign(new Error(`ENOSPC: no space left on device, ${what} (injected)`), { code: 'ENOSPC' });
  const isTemporary = (file: unknown) => typeof file === 'string' && file.endsWith('.tmp');
  const rename: typeof fs.rename = async (from, to) => {
    if (isTemporary(from) && fault.renameAt) {
      fault.renamed.push(String(to));
      if (fault.renamed.length === fault.renameAt) throw full(`rename '${String(to)}'`);
    }
    return fs.rename(from, to);
  };
  const writeFile: typeof fs.writeFile = async (file, data, options) => {
    if (isTemporary(file) && fault.writeAt) {
      fault.written.push(String(file));
      if (fault.written.length === fault.writeAt) throw full(`write '${String(file)}'`);
    }
    return fs.writeFile(file, data, options);
  };
  return { ...fs, default: { ...fs, rename, writeFile }, rename, writeFile };
});

const tmp = () => mkdtemp(path.join(tmpdir(), 'acta-write-'));
const everything = async (dir: string) => (await readdir(dir, { recursive: true })).map(String).sort();

describe('writeOutputs', () => {
  it('writes every file and leaves no temporary file', async () => {
    const dir = await tmp();
    await writeOutputs(dir, [{ path: 'a.json', content: '{}' }, { path: 'annexes/b.html', content: '<p>b</p>' }]);
    expect(await everything(dir)).toEqual(['a.json', 'annexes', 'annexes/b.html']);
    expect(await readFile(path.join(dir, 'annexes/b.html'), 'utf8')).toBe('<p>b</p>');
  });

  it('leaves every file whole when a write fails: each is the previous one or the new one', async () => {
    const dir = await tmp();
    await writeOutputs(dir, [{ path: 'a.json', content: 'old a' }, { path: 'c.json', content: 'old c' }]);
    await mkdir(path.join(dir, 'b.json')); // a folder where a file must go: its rename fails
    const attempt = writeOutputs(dir, [{ path: 'a.json', content: 'new a' }, { path: 'b.json', content: 'new b' }, { path: 'c.json', content: 'new c' }]);
    await expect(attempt).rejects.toBeInstanceOf(WriteFailed);
    await expect(attempt).rejects.toThrow(/cannot write .*b\.json/);
    expect(await readFile(path.join(dir, 'a.json'), 'utf8')).toBe('new a');
    expect(await readFile(path.join(dir, 'c.json'), 'utf8')).toBe('old c');
    expect((await everything(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a path outside the output folder and writes nothing', async () => {
    const dir = await tmp();
    await expect(writeOutputs(path.join(dir, 'out'), [{ path: 'ok.json', content: '{}' }, { path: '../escape.json', content: '{}' }])).rejects.toBeInstanceOf(UnsafeOutputPath);
    expect(await everything(dir)).toEqual([]);
  });

  it('removes its own temporary files only: one named like another build\'s may be a user\'s', async () => {
    const dir = await tmp();
    await writeFile(path.join(dir, '.PC1.html.12345.tmp'), 'half');
    await writeOutputs(dir, [{ path: 'PC1.html', content: 'whole' }]);
    expect(await everything(dir)).toEqual(['.PC1.html.12345.tmp', 'PC1.html']);
  });
});

describe('a build that fails mid-write', () => {
  // The French example: 24 files (full and public editions, each annex alone, both registers, both corrigenda: it is
  // issued with a change since).
  const options: BuildOptions = { formats: ['docx', 'html', 'json'], publicOnly: false, acceptChanges: false };
  let env: RenderEnv;
  let dir: string;
  let previousFolder: string;
  /** Every output of the meeting as it was, and as the edited meeting gives it. */
  let before: Map<string, Buffer>;
  let after: Map<string, Buffer>;

  const outputs = async (folder: string) => {
    // The report's files; the manifest (the list of them) is the same before and after an edit.
    const files = (await everything(folder)).filter((f) => f !== 'annexes' && f !== '.acta-manifest.json');
    return new Map(await Promise.all(files.map(async (f) => [f, await readFile(path.join(folder, f))] as const)));
  };
  /** An output folder holding the previous build's files, where the edited meeting is built again. */
  const previousOutputs = async () => {
    const out = await tmp();
    await cp(previousFolder, path.join(out, 'meeting'), { recursive: true });
    return { out, folder: path.join(out, 'meeting') };
  };

  beforeAll(async () => {
    env = (await prepareRenderEnv()).env!;
    const work = await tmp();
    dir = path.join(work, 'meeting');
    await cp('meetings/exemple-fr', dir, { recursive: true });
    const previous = await tmp();
    await buildMeeting(dir, previous, options, env);
    previousFolder = path.join(previous, 'meeting');
    before = await outputs(previousFolder);
    // An edit that changes every output: a decision (report and registers) and every annex.
    const meeting = path.join(dir, 'meeting.md');
    await writeFile(meeting, (await readFile(meeting, 'utf8')).replace('- a pris note de l’allocution', '- a pris acte de l’allocution'));
    for (const annex of await readdir(path.join(dir, 'annexes'))) await appendFile(path.join(dir, 'annexes', annex), '\nUn paragraphe ajouté à l’annexe.\n');
    const edited = await tmp();
    await buildMeeting(dir, edited, options, env);
    after = await outputs(path.join(edited, 'meeting'));
    expect(before.size).toBe(24);
    expect([...after.keys()]).toEqual([...before.keys()]);
    // So that the previous and the new version of every file can be told apart.
    expect([...before].filter(([f, bytes]) => bytes.equals(after.get(f)!)).map(([f]) => f)).toEqual([]);
  });
  afterEach(() => {
    fault.renameAt = fault.writeAt = 0;
    fault.renamed.length = fault.written.length = 0;
  });

  it.each([1, 7, 24])('when rename %i of 24 fails: the files renamed before it are new, every other one is the previous one, whole', async (failAt) => {
    const { out, folder } = await previousOutputs();
    fault.renameAt = failAt;
    await expect(buildMeeting(dir, out, options, env)).rejects.toThrow(WriteFailed);
    // The failure landed where it was injected, after failAt - 1 files were renamed into place.
    expect(fault.renamed).toHaveLength(failAt);
    const renamed = new Set(fault.renamed.slice(0, -1).map((f) => path.relative(folder, f)));
    // The same files as before: none missing, no temporary file left.
    expect(await everything(folder)).toEqual(await everything(previousFolder));
    for (const [file, previous] of before) {
      expect((await readFile(path.join(folder, file))).equals(renamed.has(file) ? after.get(file)! : previous), file).toBe(true);
    }
  });

  it.each([1, 9, 24])('when the write of file %i of 24 fails: every previous output stays as it was, no temporary file remains', async (failAt) => {
    const { out, folder } = await previousOutputs();
    fault.writeAt = failAt;
    await expect(buildMeeting(dir, out, options, env)).rejects.toThrow(WriteFailed);
    expect(fault.written).toHaveLength(failAt);
    expect(await everything(folder)).toEqual(await everything(previousFolder));
    for (const [file, previous] of before) expect((await readFile(path.join(folder, file))).equals(previous), file).toBe(true);
  });
});
