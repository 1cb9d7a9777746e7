// The output folder is not trusted (it often lives on a shared drive): nothing in it decides what is
// published, acta removes only its own files there, never through a link, never writes among the
// sources, and two builds into it take turns.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import lockfile from 'proper-lockfile';
import { describe, expect, it } from 'vitest';
import { cacheFolderOf } from '../../src/cache/user-cache.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = path.join(root, 'dist', 'acta.js');
const acta = (args: readonly string[], env: NodeJS.ProcessEnv = {}) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
const actaAsync = (args: readonly string[]) =>
  new Promise<{ status: number | null; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('close', (status) => resolve({ status, stderr }));
  });

/** A copy of the restricted fixture (a meeting and one annex) in a fresh folder, and an output folder beside it. */
async function meeting(): Promise<{ dir: string; out: string; folder: string }> {
  const base = await mkdtemp(path.join(tmpdir(), 'acta-safety-'));
  const dir = path.join(base, 'm');
  await cp(path.join(root, 'tests/fixtures/restricted'), dir, { recursive: true });
  const out = path.join(base, 'out');
  return { dir, out, folder: path.join(out, 'm') };
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => !e.isDirectory()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
}

describe('what decides a build is kept out of the output folder', () => {
  it('keeps the build record and the parsed trees in the user cache folder', async () => {
    const { dir, out, folder } = await meeting();
    expect(acta(['build', dir, '--out', out]).status).toBe(0);
    const files = await filesUnder(folder);
    expect(files.filter((f) => f.startsWith('.'))).toEqual(['.acta-manifest.json']);
    const cache = await cacheFolderOf(folder);
    expect(cache.startsWith(process.env.ACTA_CACHE_DIR!)).toBe(true);
    expect((await readdir(cache)).sort()).toEqual(['build.json', 'trees.json']);
    // The second build is up to date from the record in the cache folder.
    expect(acta(['build', dir, '--out', out, '--summary']).stdout).toContain('nothing changed since the last build');
  });
});

describe('acta removes only files it wrote', () => {
  it('never follows a link in the output folder, whatever its manifest says', async () => {
    const { dir, out, folder } = await meeting();
    const outside = await mkdtemp(path.join(tmpdir(), 'acta-outside-'));
    await writeFile(path.join(outside, 'PC1-public.html'), 'a file of the user, outside the output folder');
    await mkdir(folder, { recursive: true });
    await symlink(outside, path.join(folder, 'documents'));
    await writeFile(path.join(folder, '.acta-manifest.json'), JSON.stringify({ files: ['documents/PC1-public.html', '../../outside.html'] }));
    const r = acta(['build', dir, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(await readFile(path.join(outside, 'PC1-public.html'), 'utf8')).toBe('a file of the user, outside the output folder');
  });

  it('refuses to write through a link in the output folder', async () => {
    const { dir, out, folder } = await meeting();
    const outside = await mkdtemp(path.join(tmpdir(), 'acta-outside-'));
    await mkdir(folder, { recursive: true });
    await symlink(outside, path.join(folder, 'annexes'));
    const r = acta(['build', dir, '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^acta: refusing to write annexes\/annex-I\.docx through .*annexes, a link in the output folder/m);
    expect(await readdir(outside)).toEqual([]);
  });

  it('leaves a user file named like a temporary file alone', async () => {
    const { dir, out, folder } = await meeting();
    await mkdir(path.join(folder, 'annexes'), { recursive: true });
    await writeFile(path.join(folder, '.notes.20300320.tmp'), 'mine');
    await writeFile(path.join(folder, 'annexes', '.draft.1.tmp'), 'mine too');
    expect(acta(['build', dir, '--out', out]).status).toBe(0);
    expect(await readFile(path.join(folder, '.notes.20300320.tmp'), 'utf8')).toBe('mine');
    expect(await readFile(path.join(folder, 'annexes', '.draft.1.tmp'), 'utf8')).toBe('mine too');
  });
});

describe('--out never puts the outputs among the sources', () => {
  it.each([
    ['the meeting folder\'s parent', (dir: string) => path.dirname(dir)],
    ['a folder inside the meeting', (dir: string) => path.join(dir, 'out')],
    ['the meeting folder itself, through a link', (dir: string) => path.join(path.dirname(dir), 'link-to-parent')],
  ])('refuses %s: exit 2, one line, nothing written', async (_name, outOf) => {
    const { dir } = await meeting();
    await symlink(path.dirname(dir), path.join(path.dirname(dir), 'link-to-parent'));
    const before = await filesUnder(dir);
    const r = acta(['build', dir, '--out', outOf(dir)]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^acta: --out .* would write the files of .* choose an output folder outside it/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(await filesUnder(dir)).toEqual(before);
  });
});

describe('two builds into one output folder', () => {
  it('take turns: both succeed, and the folder holds one whole build', async () => {
    const { dir, out, folder } = await meeting();
    for (let round = 0; round < 3; round++) {
      const results = await Promise.all([actaAsync(['build', dir, '--out', out, '--no-cache']), actaAsync(['build', dir, '--out', out, '--no-cache'])]);
      for (const r of results) expect(r.stderr).not.toMatch(/ENOENT|bug in acta/);
      expect(results.map((r) => r.status)).toEqual([0, 0]);
    }
    const files = await filesUnder(folder);
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(files).toContain('PC0600E1a-public.html');
    expect(existsSync(path.join(folder, '.acta-lock'))).toBe(false);
  }, 120_000);

  it('the second waits a bounded time, then says so and writes nothing', async () => {
    const { dir, out, folder } = await meeting();
    await mkdir(folder, { recursive: true });
    const release = await lockfile.lock(folder, { lockfilePath: path.join(folder, '.acta-lock'), realpath: false });
    try {
      const r = acta(['build', dir, '--out', out, '--no-cache'], { ACTA_LOCK_WAIT: '1' });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/^acta: another acta build is writing into .*m\/ and did not finish within 1 s/m);
      expect(await filesUnder(folder)).toEqual([]);
    } finally {
      await release();
    }
  });
});
