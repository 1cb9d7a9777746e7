// The build cache is never a source of truth: whatever happens to its entry, to the outputs or to the
// input, a cached build writes exactly what a build without the cache writes.

import { cp, mkdir, mkdtemp, readFile, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildMeeting, prepareRenderEnv, type RenderEnv } from '../../src/pipeline.js';
import type { BuildOptions } from '../../src/formats.js';
import { loadMeeting } from '../../src/load/load-meeting.js';
import { parseMeeting } from '../../src/parse/parse-meeting.js';
import { CACHE_FILE, ENTRY_VERSION, fingerprintOf } from '../../src/cache/build-cache.js';
import { keptTrees, TREES_FILE } from '../../src/cache/kept-trees.js';
import { cacheFolderOf } from '../../src/cache/user-cache.js';

// HTML and JSON: the cache treats every output as bytes, and these are the cheap ones to build.
const CACHED: BuildOptions = { formats: ['html', 'json'], publicOnly: false, acceptChanges: false, cache: true };
/**
 * The files of the French example in HTML and JSON: each edition's report, HTML and JSON, its annexes alone, its
 * register, and (it is issued, with a paragraph inserted since) each edition's corrigendum, HTML and JSON.
 */
const FILES = 2 * 2 + 3 + 2 + 2 + 2 * 2;

let env: RenderEnv;
beforeAll(async () => {
  env = (await prepareRenderEnv()).env!;
});

/** Every output file of a folder and its bytes; acta's own records (manifest, cache) left out. */
async function outputs(folder: string): Promise<Map<string, Buffer>> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile() && !e.name.startsWith('.')).map((e) => path.relative(folder, path.join(e.parentPath, e.name))).sort();
  return new Map(await Promise.all(files.map(async (f) => [f, await readFile(path.join(folder, f))] as const)));
}

/** A copy of the French example, its output folder, and what a build without the cache writes from it. */
async function setUp(options: BuildOptions = CACHED, renderEnv = () => env) {
  const work = await mkdtemp(path.join(tmpdir(), 'acta-cache-'));
  const dir = path.join(work, 'exemple-fr');
  await cp('meetings/exemple-fr', dir, { recursive: true });
  const out = path.join(work, 'out');
  const folder = path.join(out, 'exemple-fr');
  const build = () => buildMeeting(dir, out, options, renderEnv());
  const reference = async () => {
    const fresh = path.join(work, `reference-${Math.random().toString(36).slice(2)}`);
    await buildMeeting(dir, fresh, { ...options, cache: false }, renderEnv());
    return outputs(path.join(fresh, 'exemple-fr'));
  };
  return { work, dir, folder, build, reference };
}

describe('the build cache', () => {
  it('skips a build whose input and outputs are unchanged, and says what the last build said', async () => {
    const { folder, build } = await setUp({ ...CACHED, formats: ['docx', 'html', 'json'] });
    const first = await build();
    expect(first.written).toHaveLength(24);
    expect(first.upToDate).toBeUndefined();
    const entry = JSON.parse(await readFile(path.join(await cacheFolderOf(folder), CACHE_FILE), 'utf8')) as { outputs: Record<string, string> };
    expect(Object.keys(entry.outputs)).toHaveLength(24);
    const second = await build();
    expect(second.upToDate).toBe(24);
    expect(second.written).toEqual([]);
    expect(second.diagnostics).toEqual(first.diagnostics);
  });

  const entryChanges: [string, (entry: string) => string][] = [
    ['truncated', (entry) => entry.slice(0, entry.length / 2)],
    ['not JSON at all', () => '\u0000\u0001garbage'],
    ['of another shape (a foreign file)', () => JSON.stringify({ hello: 'world' })],
    ['of an older version of the entry', (entry) => entry.replace(`"entry":${ENTRY_VERSION}`, '"entry":0')],
    ['of another input (another key)', (entry) => entry.replace(/"key":"[0-9a-f]{8}/, '"key":"00000000')],
    ['listing an output with other bytes', (entry) => entry.replace(/("PI0231F1a\.html":")[0-9a-f]{8}/, '$100000000')],
    ['listing no output', (entry) => entry.replace(/"outputs":\{[^}]*\}/, '"outputs":{}')],
  ];
  // The example as it is, built without the cache: what every case below must write.
  let unchanged: Promise<Map<string, Buffer>> | null = null;
  it.each(entryChanges)('ignores an entry %s: the build runs and writes what a build without cache writes', async (_name, change) => {
    const { folder, build, reference } = await setUp();
    unchanged ??= reference();
    await build();
    const cacheFile = path.join(await cacheFolderOf(folder), CACHE_FILE);
    const was = await readFile(cacheFile, 'utf8');
    const changed = change(was);
    expect(changed).not.toBe(was);
    await writeFile(cacheFile, changed);
    const built = await build();
    expect(built.upToDate).toBeUndefined();
    expect(await outputs(folder)).toEqual(await unchanged);
  });

  it('rebuilds when an output was deleted or edited, and when one byte of one file changed', async () => {
    const { dir, folder, build, reference } = await setUp();
    await build();
    await rm(path.join(folder, 'annexes', 'annex-I.html'));
    expect((await build()).upToDate).toBeUndefined();
    expect(await outputs(folder)).toEqual(await reference());

    await writeFile(path.join(folder, 'PI0231F1a.json'), '{}');
    expect((await build()).upToDate).toBeUndefined();
    expect(await outputs(folder)).toEqual(await reference());

    const file = path.join(dir, 'items/03-guichet-unique.md');
    const text = await readFile(file, 'utf8');
    const at = text.indexOf('guichet');
    await writeFile(file, `${text.slice(0, at)}G${text.slice(at + 1)}`);
    const rebuilt = await build();
    expect(rebuilt.upToDate).toBeUndefined();
    const html = (await outputs(folder)).get('PI0231F1a.html')!.toString('utf8');
    expect(html).toContain('Guichet');
    expect(await outputs(folder)).toEqual(await reference());
    expect((await build()).upToDate).toBe(FILES);
  });

  it('rebuilds when a template changes', async () => {
    const templates = await mkdtemp(path.join(tmpdir(), 'acta-cache-templates-'));
    const style = await readFile('templates/style.css', 'utf8');
    await writeFile(path.join(templates, 'style.css'), style);
    let current = (await prepareRenderEnv(templates)).env!;
    const { folder, build, reference } = await setUp(CACHED, () => current);
    await build();
    expect((await build()).upToDate).toBe(FILES);
    await writeFile(path.join(templates, 'style.css'), `${style}\nbody { color: #111; }\n`);
    current = (await prepareRenderEnv(templates)).env!;
    expect((await build()).upToDate).toBeUndefined();
    expect((await outputs(folder)).get('PI0231F1a.html')!.toString('utf8')).toContain('color: #111');
    expect(await outputs(folder)).toEqual(await reference());
  });

  it('rebuilds when an option changes', async () => {
    const { dir, work, folder } = await setUp();
    const out = path.join(work, 'out');
    await buildMeeting(dir, out, CACHED, env);
    const htmlOnly = await buildMeeting(dir, out, { ...CACHED, formats: ['html'] }, env);
    expect(htmlOnly.upToDate).toBeUndefined();
    expect(htmlOnly.written).toHaveLength(9);
    const full = await buildMeeting(dir, out, { ...CACHED, fullOnly: true }, env);
    expect(full.upToDate).toBeUndefined();
    expect(full.written).toHaveLength(8);
    const noAnnexFiles = await buildMeeting(dir, out, { ...CACHED, fullOnly: true, annexFiles: false }, env);
    expect(noAnnexFiles.upToDate).toBeUndefined();
    expect(noAnnexFiles.written).toHaveLength(5);
    const accepted = await buildMeeting(dir, out, { ...CACHED, fullOnly: true, acceptChanges: true }, env);
    expect(accepted.upToDate).toBeUndefined();
    expect((await buildMeeting(dir, out, { ...CACHED, fullOnly: true, acceptChanges: true }, env)).upToDate).toBe(8);
    // Each build kept what it was not asked for: every file of the first build is still there, and the clean copy
    // of the full edition sits beside it under names of its own.
    const names = [...(await outputs(folder)).keys()];
    expect(names.filter((n) => !n.includes('-accepted'))).toHaveLength(FILES);
    expect(names.filter((n) => n.includes('-accepted'))).toHaveLength(8);
  });
});

describe('the trees a build keeps for the next', () => {
  const meetingFiles = async (dir: string) => {
    const loaded = (await loadMeeting(dir)).value;
    return { loaded, files: 1 + loaded.items.length + loaded.annexes.length };
  };

  it('let the next build read no unchanged file again, to the same meeting', async () => {
    const { dir, folder, build } = await setUp();
    await build();
    const { loaded, files } = await meetingFiles(dir);
    const kept = await keptTrees(folder);
    expect(parseMeeting(loaded, kept)).toEqual(parseMeeting(loaded));
    expect(kept.parsed).toBe(0);
    // One file changed: that file alone is read again.
    const edited = { ...loaded, items: loaded.items.map((f, i) => (i === 1 ? { ...f, text: `${f.text}\nA paragraph added.\n` } : f)) };
    const again = await keptTrees(folder);
    expect(parseMeeting(edited, again)).toEqual(parseMeeting(edited));
    expect(again.parsed).toBe(1);
    expect(files).toBeGreaterThan(3);
  });

  const treeChanges: [string, (entry: string) => string][] = [
    ['truncated', (entry) => entry.slice(0, entry.length / 2)],
    ['not JSON at all', () => '\u0000\u0001garbage'],
    ['one character of a tree changed', (entry) => entry.replace('\\"type\\":\\"paragraph\\"', '\\"type\\":\\"heading\\"')],
    ['kept by another acta', (entry) => entry.replace(/"code":"[0-9a-f]+"/, '"code":"0000"')],
    ['of a foreign shape', () => JSON.stringify({ trees: [] })],
  ];

  const changedTrees = async (change: (entry: string) => string) => {
    const setup = await setUp();
    await setup.build();
    const file = path.join(await cacheFolderOf(setup.folder), TREES_FILE);
    const entry = await readFile(file, 'utf8');
    const changed = change(entry);
    expect(changed).not.toBe(entry);
    await writeFile(file, changed);
    return setup;
  };

  it.each(treeChanges)('are ignored whole when %s: every file is read again', async (_, change) => {
    const { dir, folder } = await changedTrees(change);
    const { loaded, files } = await meetingFiles(dir);
    const kept = await keptTrees(folder);
    parseMeeting(loaded, kept);
    expect(kept.parsed).toBeGreaterThanOrEqual(files);
  });

  it('edited, make a build that writes what a build without the cache writes', async () => {
    // An edited tree is the one change a reader of the trees could take for a good entry (the others are not
    // even trees); an ignored entry is no cache at all.
    const { folder, build, reference } = await changedTrees(treeChanges[2]![1]);
    // The outputs changed, so the build runs, reading with what is left of the trees.
    await rm(path.join(folder, 'PI0231F1a.html'));
    expect((await build()).written.length).toBeGreaterThan(0);
    expect(await outputs(folder)).toEqual(await reference());
  });
});

describe("acta's own code in the key", () => {
  it('is a new fingerprint when acta is rebuilt (a file of its code written again), grows a file or changes version; the same otherwise', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'acta-fingerprint-'));
    const manifest = path.join(work, 'package.json');
    const code = path.join(work, 'dist');
    await mkdir(code);
    await writeFile(manifest, '{"version":"1.0.0"}');
    await writeFile(path.join(code, 'acta.js'), 'one');
    const time = new Date('2026-01-01T00:00:00Z');
    await utimes(path.join(code, 'acta.js'), time, time);
    const first = await fingerprintOf(manifest, code);
    expect(await fingerprintOf(manifest, code)).toBe(first);
    // Rebuilt: the same bytes, written again later.
    await utimes(path.join(code, 'acta.js'), time, new Date('2026-01-02T00:00:00Z'));
    const rebuilt = await fingerprintOf(manifest, code);
    expect(rebuilt).not.toBe(first);
    await writeFile(path.join(code, 'chunk.js'), 'two');
    const grown = await fingerprintOf(manifest, code);
    expect(grown).not.toBe(rebuilt);
    await writeFile(manifest, '{"version":"1.0.1"}');
    expect(await fingerprintOf(manifest, code)).not.toBe(grown);
  });
});
