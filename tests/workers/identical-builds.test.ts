// Every meeting, in every format the caches touch (DOCX, HTML, JSON), gives the same bytes whether it is built on
// acta's worker threads (two, one a meeting, as `acta build` of several meetings does) or on the main thread, with the
// caches (the build record, the kept trees, the outputs kept by their keys) or without them: two builds of a meeting
// give the same bytes, the DOCX's zip dates and ids included.

import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMeeting, prepareRenderEnv } from '../../src/pipeline.js';
import type { BuildOptions } from '../../src/formats.js';
import { sharedBuild } from '../build-helpers.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const FORMATS = 'docx,html,json';

async function filesOf(folder: string): Promise<Map<string, Buffer>> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile() && !e.name.startsWith('.')).map((e) => path.relative(folder, path.join(e.parentPath, e.name))).sort();
  return new Map(await Promise.all(files.map(async (f) => [f, await readFile(path.join(folder, f))] as const)));
}

describe('builds on worker threads, with the caches, and on the main thread without them', () => {
  it('write the same bytes for every meeting, after a word changed in one of them too', { timeout: 300_000 }, async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'acta-identical-'));
    const meetings = path.join(work, 'meetings');
    await cp(path.join(root, 'meetings'), meetings, { recursive: true });
    const names = (await readdir(meetings)).sort();
    const threaded = path.join(work, 'threaded');
    const env = { ...process.env, NO_COLOR: '1', ACTA_CACHE_DIR: path.join(work, 'cache') };
    const buildThreaded = () => {
      const r = spawnSync(process.execPath, [path.join(root, 'dist', 'acta.js'), 'build', ...names.map((n) => path.join(meetings, n)), '--out', threaded, '--format', FORMATS], { encoding: 'utf8', env });
      expect(r.status, r.stderr).toBe(0);
    };
    buildThreaded();
    // The word is changed in a small meeting: the flagship, unchanged, is compared with the build other files share.
    const changed = 'ptc-217-218';
    const item = path.join(meetings, changed, 'items', (await readdir(path.join(meetings, changed, 'items'))).sort()[4]!);
    const text = await readFile(item, 'utf8');
    expect(text).toContain(' the ');
    await writeFile(item, text.replace(' the ', ' ZQWORD '));
    buildThreaded(); // the caches warm: the kept trees, the outputs whose key did not change

    const prepared = (await prepareRenderEnv()).env!;
    const options: BuildOptions = { formats: FORMATS.split(',') as BuildOptions['formats'], publicOnly: false, acceptChanges: false, cache: false };
    const plain = path.join(work, 'plain');
    for (const name of names) {
      // The meetings left as they are: the build other test files share (main thread, no cache, the same formats).
      const folder = name === changed ? path.join(plain, name) : (await sharedBuild(path.join(root, 'meetings', name))).folder;
      if (name === changed) expect((await buildMeeting(path.join(meetings, name), plain, options, prepared)).report).not.toBeNull();
      const [a, b] = await Promise.all([filesOf(path.join(threaded, name)), filesOf(folder)]);
      expect([...a.keys()], name).toEqual([...b.keys()]);
      for (const [file, bytes] of b) expect(a.get(file)?.equals(bytes), `${name}/${file}`).toBe(true);
    }
  });
});
