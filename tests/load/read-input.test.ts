// A file given as a file: a regular file under a size is read; a pipe, a device or a folder is refused from what it
// is, at once; a file over the size is refused from its size, unread.

import { spawnSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRegularFile } from '../../src/load/read-input.js';

const work = await mkdtemp(path.join(tmpdir(), 'acta-regular-'));

describe('readRegularFile', () => {
  it('reads a regular file of at most the size, and refuses one byte more from its size', async () => {
    const file = path.join(work, 'ten.md');
    await writeFile(file, '0123456789');
    expect((await readRegularFile(file, 10)).bytes?.toString()).toBe('0123456789');
    expect((await readRegularFile(file, 9)).refused).toEqual({ kind: 'too-large', size: 10 });
  });

  it('refuses a pipe, a device and a folder at once, and says a missing file is missing', async () => {
    const pipe = path.join(work, 'pipe.md');
    expect(spawnSync('mkfifo', [pipe]).status).toBe(0);
    expect((await readRegularFile(pipe, 100)).refused).toEqual({ kind: 'not-a-file', what: 'pipe' });
    expect((await readRegularFile('/dev/zero', 100)).refused).toEqual({ kind: 'not-a-file', what: 'device' });
    expect((await readRegularFile(work, 100)).refused).toEqual({ kind: 'not-a-file', what: 'folder' });
    expect((await readRegularFile(path.join(work, 'nowhere.md'), 100)).refused).toEqual({ kind: 'missing' });
  });
});
