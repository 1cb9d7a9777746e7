import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { UnsafeOutputPath, WriteFailed, writeOutputs } from '../../src/write/write-outputs.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
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

  it('clears the temporary files a killed build left behind', async () => {
    const dir = await tmp();
    await writeFile(path.join(dir, '.PC1.html.12345.tmp'), 'half');
    await writeOutputs(dir, [{ path: 'PC1.html', content: 'whole' }]);
    expect(await everything(dir)).toEqual(['PC1.html']);
  });
});

describe('a build killed mid-write', () => {
  it('never leaves a half-written file in place of a good one', async () => {
    const out = await tmp();
    const build = (killAfter: number | null) =>
      new Promise<void>((resolve) => {
        const child = spawn(process.execPath, [path.join(root, 'dist', 'acta.js'), 'build', 'meetings/ptc-219-220', '--out', out], { cwd: root, stdio: 'ignore' });
        const timer = killAfter === null ? null : setTimeout(() => child.kill('SIGKILL'), killAfter);
        child.on('exit', () => {
          if (timer) clearTimeout(timer);
          resolve();
        });
      });
    await build(null);
    const folder = path.join(out, 'ptc-219-220');
    const names = (await everything(folder)).filter((f) => /\.(json|html|docx)$/.test(f));
    expect(names.length).toBe(26); // 2 editions × (docx, html, json) + 2 registers + 5 annexes × 2 + 4 public annexes × 2
    for (const delay of [150, 300, 450, 600, 750, 900, 1050, 1200]) {
      await build(delay);
      for (const name of names) {
        const bytes = await readFile(path.join(folder, name));
        if (name.endsWith('.json')) expect(() => JSON.parse(bytes.toString('utf8')), name).not.toThrow();
        if (name.endsWith('.html')) expect(bytes.toString('utf8').trimEnd().endsWith('</html>'), name).toBe(true);
        if (name.endsWith('.docx')) expect(Object.keys(unzipSync(new Uint8Array(bytes))), name).toContain('word/document.xml');
      }
    }
  }, 120_000);
});
