// A zip acta did not write is inflated as a stream with a running count: the sizes it declares are never
// trusted, so a zip bomb is stopped near the limit, and a file that is not a regular one is never read.

import { spawnSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readBoundedFile } from '../../src/load/read-input.js';
import { readZip, ZipRefused } from '../../src/load/read-zip.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const acta = (...args: string[]) => spawnSync(process.execPath, [path.join(root, 'dist', 'acta.js'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
const MB = 1024 * 1024;

/** A zip whose entry `name` inflates to `size` zero bytes but says, in both its headers, that it holds 1,000. */
function lyingZip(name: string, size: number): Uint8Array {
  const zip = zipSync({ [name]: new Uint8Array(size), '[Content_Types].xml': strToU8('<Types/>') }, { level: 1 });
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let at = 0; at + 4 <= zip.length; at++) {
    const signature = view.getUint32(at, true);
    if (signature === 0x04034b50) view.setUint32(at + 22, 1000, true); // local header: uncompressed size
    if (signature === 0x02014b50) view.setUint32(at + 24, 1000, true); // central directory: uncompressed size
  }
  return zip;
}

const LIMITS = { entries: 100, entry: 8 * MB, total: 12 * MB };

describe('readZip', () => {
  it('stops an entry that declares 1,000 bytes and inflates to 40 MB, near the limit', () => {
    const bomb = lyingZip('word/styles.xml', 40 * MB);
    expect(bomb.length).toBeLessThan(MB);
    expect(() => readZip(bomb, (n) => n === 'word/styles.xml', LIMITS)).toThrow(/unpacks to more than 8 MB \(a zip bomb\?\)/);
  });

  it('counts what all wanted entries inflate to', () => {
    const zip = zipSync({ 'a.xml': new Uint8Array(7 * MB), 'b.xml': new Uint8Array(7 * MB) });
    expect(() => readZip(zip, () => true, LIMITS)).toThrow(/the zip unpacks to more than 12 MB/);
    expect([...readZip(zip, (n) => n === 'a.xml', LIMITS).keys()]).toEqual(['a.xml']);
  });

  it('refuses an entry named outside the archive, too many entries, and bytes that are no zip', () => {
    expect(() => readZip(zipSync({ '../evil.xml': strToU8('x') }), () => true, LIMITS)).toThrow(/points outside the document/);
    const many = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`f${i}`, strToU8('x')]));
    expect(() => readZip(zipSync(many), () => false, LIMITS)).toThrow(/more than 100 entries/);
    expect(() => readZip(strToU8('not a zip at all'), () => true, LIMITS)).toThrow(ZipRefused);
  });

  it('reads what Word writes', () => {
    const zip = zipSync({ 'word/styles.xml': strToU8('<w:styles/>'), 'word/document.xml': strToU8('<w:document/>') });
    expect(new TextDecoder().decode(readZip(zip, (n) => n === 'word/styles.xml', LIMITS).get('word/styles.xml'))).toBe('<w:styles/>');
  });
});

describe('readBoundedFile', () => {
  it('refuses a device, a pipe and a folder at once, and a file over the limit before reading it', async () => {
    await expect(readBoundedFile('/dev/zero', MB)).rejects.toThrow(/not a regular file \(a device, pipe or socket\)/);
    const dir = await mkdtemp(path.join(tmpdir(), 'acta-input-'));
    const fifo = path.join(dir, 'fifo.docx');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    await expect(readBoundedFile(fifo, MB)).rejects.toThrow(/not a regular file/);
    await expect(readBoundedFile(dir, MB)).rejects.toThrow(/not a regular file \(a folder\)/);
    await writeFile(path.join(dir, 'big.docx'), new Uint8Array(2 * MB));
    await expect(readBoundedFile(path.join(dir, 'big.docx'), MB)).rejects.toThrow(/it is 2 MB, more than the 1 MB acta reads/);
  });
});

describe('--reference-docx and acta import', () => {
  it('refuse /dev/zero, a pipe and a zip bomb at once, exit 1, one line each', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'acta-reference-'));
    const bomb = path.join(dir, 'bomb.docx');
    await writeFile(bomb, lyingZip('word/styles.xml', 40 * MB));
    const fifo = path.join(dir, 'fifo.docx');
    spawnSync('mkfifo', [fifo]);
    for (const [file, says] of [['/dev/zero', 'not a regular file'], [fifo, 'not a regular file'], [bomb, 'a zip bomb']] as const) {
      const r = acta('build', 'tests/fixtures/restricted', '--out', path.join(dir, 'out'), '--reference-docx', file);
      expect(r.status, file).toBe(1);
      expect(r.stderr).toContain(says);
      expect(r.stderr).toMatch(/\[(no|bad)-reference-docx\]\n$/);
    }
    const importBomb = path.join(dir, 'import-bomb.docx');
    await writeFile(importBomb, lyingZip('word/document.xml', 100 * MB));
    const r = acta('import', importBomb, '--into', 'tests/fixtures/restricted', '--dry-run');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/word\/document\.xml` unpacks to more than 64 MB \(a zip bomb\?\)/);
  }, 120_000);
});
