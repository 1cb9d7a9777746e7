// A file given as a file: a regular file under a size is read; a pipe, a device or a folder is refused from what it
// is, at once; a file over the size is refused from its size, unread. Then the same for a meeting's files, and for
// --reference-docx.

import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/limits.js';
import { loadMeeting } from '../../src/load/load-meeting.js';
import { loadReferenceStyles } from '../../src/load/load-reference-docx.js';
import { readRegularFile } from '../../src/load/regular-file.js';
import { FRONTMATTER } from '../helpers.js';

const work = await mkdtemp(path.join(tmpdir(), 'acta-regular-'));
/** A named pipe nobody writes to: opening it to read would wait for ever. */
function fifo(name: string): string {
  const file = path.join(work, name);
  expect(spawnSync('mkfifo', [file]).status).toBe(0);
  return file;
}

describe('readRegularFile', () => {
  it('reads a regular file of at most the size, and refuses one byte more from its size', async () => {
    const file = path.join(work, 'ten.md');
    await writeFile(file, '0123456789');
    expect((await readRegularFile(file, 10)).bytes?.toString()).toBe('0123456789');
    expect((await readRegularFile(file, 9)).refused).toEqual({ kind: 'too-large', size: 10 });
  });

  it('refuses a pipe, a device and a folder at once, and says a missing file is missing', async () => {
    expect((await readRegularFile(fifo('pipe.md'), 100)).refused).toEqual({ kind: 'not-a-file', what: 'pipe' });
    expect((await readRegularFile('/dev/zero', 100)).refused).toEqual({ kind: 'not-a-file', what: 'device' });
    expect((await readRegularFile(work, 100)).refused).toEqual({ kind: 'not-a-file', what: 'folder' });
    expect((await readRegularFile(path.join(work, 'nowhere.md'), 100)).refused).toEqual({ kind: 'missing' });
  });
});

describe('a meeting folder', () => {
  it('refuses a pipe among its files at once', async () => {
    const dir = path.join(work, 'with-pipe');
    await mkdir(path.join(dir, 'items'), { recursive: true });
    await writeFile(path.join(dir, 'meeting.md'), `${FRONTMATTER}# Item\n\nText.\n`);
    expect(spawnSync('mkfifo', [path.join(dir, 'items', '01-pipe.md')]).status).toBe(0);
    const r = await loadMeeting(dir);
    expect(r.diagnostics.map((d) => `${path.relative(dir, d.file)}:${d.line}:${d.column} ${d.ruleId} ${d.message}`)).toEqual([
      'items/01-pipe.md:1:1 not-a-file Unexpected named pipe (a special file), expected a Markdown file',
    ]);
  });

  it(`refuses a meeting of more than ${LIMITS.meetingBytes / 1024 / 1024} MB of Markdown in all, from its files' sizes`, async () => {
    const dir = path.join(work, 'too-large');
    await mkdir(path.join(dir, 'items'), { recursive: true });
    await writeFile(path.join(dir, 'meeting.md'), `${FRONTMATTER}# Item\n\nText.\n`);
    const half = 'a'.repeat(LIMITS.meetingBytes / 2);
    await writeFile(path.join(dir, 'items', '01.md'), half);
    const under = await loadMeeting(dir);
    expect(under.diagnostics).toEqual([]);
    await writeFile(path.join(dir, 'items', '02.md'), half);
    const over = await loadMeeting(dir);
    expect(over.diagnostics.map((d) => `${path.relative(dir, d.file)}:${d.line}:${d.column} ${d.ruleId}`)).toEqual(['meeting.md:1:1 meeting-too-large']);
    expect(over.diagnostics[0]!.message).toBe('Unexpected meeting of 4.1 MB of Markdown (its files together), expected at most 4 MB, twenty times the largest real report: split it into meetings');
    expect(over.value.meeting).toBeNull();
  });
});

describe('--reference-docx', () => {
  it('refuses a pipe at once instead of waiting for it', async () => {
    const r = await loadReferenceStyles(fifo('reference.docx'));
    expect(r.diagnostics.map((d) => `${d.ruleId} ${d.message}`)).toEqual([
      'no-reference-docx Unexpected named pipe (a special file) as the reference document, expected a Word document (.docx) whose styles the DOCX takes',
    ]);
  });

  it(`reads a styles part nested ${LIMITS.xmlDepth} deep and refuses one nested deeper, before anything is written`, async () => {
    const styles = (depth: number) => `<w:styles><w:style w:styleId="Deep">${'<w:x>'.repeat(depth - 2)}${'</w:x>'.repeat(depth - 2)}</w:style></w:styles>`;
    const docx = async (name: string, depth: number) => {
      const file = path.join(work, name);
      await writeFile(file, zipSync({ 'word/styles.xml': strToU8(styles(depth)) }));
      return loadReferenceStyles(file);
    };
    expect((await docx('at.docx', LIMITS.xmlDepth)).diagnostics).toEqual([]);
    expect((await docx('past.docx', 1000)).diagnostics.map((d) => d.message)).toEqual([
      `Unexpected reference document whose styles part (word/styles.xml) has elements nested more than ${LIMITS.xmlDepth} deep, which Word never writes, expected a Word document (.docx) as Word saves it`,
    ]);
  });
});
