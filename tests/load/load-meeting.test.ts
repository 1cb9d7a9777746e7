import { spawnSync } from 'node:child_process';
import { link, mkdtemp, mkdir, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/limits.js';
import { loadMeeting } from '../../src/load/load-meeting.js';
import { FRONTMATTER } from '../helpers.js';

async function folder(files: Record<string, string | Buffer>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'acta-load-'));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), content);
  }
  return dir;
}

const problems = (r: Awaited<ReturnType<typeof loadMeeting>>, dir: string) =>
  r.diagnostics.map((d) => `${path.relative(dir, d.file) || '.'}:${d.line}:${d.column} ${d.ruleId}`);

describe('loadMeeting', () => {
  it('reads meeting.md, then items and annexes in file-name order, ignoring editor droppings', async () => {
    const dir = await folder({
      'meeting.md': FRONTMATTER,
      'items/10-b.md': '# B\n',
      'items/02-a.md': '# A\n',
      'items/.02-a.md.swp': 'x',
      'items/02-a.md~': 'x',
      'annexes/01-x.md': '---\ntitle: X\n---\n',
    });
    const r = await loadMeeting(dir);
    expect(r.diagnostics).toEqual([]);
    expect(r.value.items.map((f) => path.basename(f.path))).toEqual(['02-a.md', '10-b.md']);
    expect(r.value.annexes.map((f) => path.basename(f.path))).toEqual(['01-x.md']);
  });

  it('strips a byte-order mark', async () => {
    const dir = await folder({ 'meeting.md': `\ufeff${FRONTMATTER}` });
    const r = await loadMeeting(dir);
    expect(r.value.meeting!.text.startsWith('---')).toBe(true);
  });

  it('reports a path that does not exist', async () => {
    const r = await loadMeeting('/nonexistent/meeting');
    expect(r.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`)).toEqual(['/nonexistent/meeting:0:0 no-such-folder']);
  });

  it('reports a folder without meeting.md', async () => {
    const dir = await folder({ 'items/01.md': '# A\n' });
    const r = await loadMeeting(dir);
    expect(problems(r, dir)).toEqual(['meeting.md:1:1 missing-meeting']);
  });

  it('reports a file that is not UTF-8 at the bad byte', async () => {
    const dir = await folder({ 'meeting.md': FRONTMATTER, 'items/01.md': Buffer.from([0x23, 0x20, 0x41, 0x0a, 0x63, 0x61, 0x66, 0xe9, 0x0a]) });
    const r = await loadMeeting(dir);
    expect(problems(r, dir)).toEqual(['items/01.md:2:4 not-utf8']);
  });

  it('reports a binary file and a file that is not Markdown in annexes/', async () => {
    const dir = await folder({ 'meeting.md': FRONTMATTER, 'annexes/01-a.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), 'annexes/logo.png': 'x' });
    const r = await loadMeeting(dir);
    expect(problems(r, dir)).toEqual(['annexes/01-a.md:1:5 binary-file', 'annexes/logo.png:1:1 not-markdown']);
  });

  it('refuses a symbolic link that points outside the meeting folder', async () => {
    const outside = await folder({ 'secret.md': '# Secret\n' });
    const dir = await folder({ 'meeting.md': FRONTMATTER });
    await mkdir(path.join(dir, 'items'));
    await symlink(path.join(outside, 'secret.md'), path.join(dir, 'items', '01-secret.md'));
    const r = await loadMeeting(dir);
    expect(problems(r, dir)).toEqual(['items/01-secret.md:1:1 outside-link']);
    expect(r.value.items).toEqual([]);
  });

  it('follows a symbolic link that stays inside the folder', async () => {
    const dir = await folder({ 'meeting.md': FRONTMATTER, 'drafts/a.md': '# A\n' });
    await mkdir(path.join(dir, 'items'));
    await symlink(path.join(dir, 'drafts', 'a.md'), path.join(dir, 'items', '01-a.md'));
    const r = await loadMeeting(dir);
    expect(r.diagnostics).toEqual([]);
    expect(r.value.items[0]!.text).toBe('# A\n');
  });

  it('refuses a hard link, which may be a file outside the meeting folder, and reads nothing of it', async () => {
    const outside = await folder({ 'secret.md': '# Secret ZQHARD\n' });
    const dir = await folder({ 'meeting.md': FRONTMATTER });
    await mkdir(path.join(dir, 'items'));
    await link(path.join(outside, 'secret.md'), path.join(dir, 'items', '01-secret.md'));
    const r = await loadMeeting(dir);
    expect(problems(r, dir)).toEqual(['items/01-secret.md:1:1 hard-link']);
    expect(r.value.items).toEqual([]);
  });

  it('refuses a named pipe among its files at once, never waiting for it', async () => {
    const dir = await folder({ 'meeting.md': `${FRONTMATTER}# Item\n\nText.\n` });
    await mkdir(path.join(dir, 'items'));
    expect(spawnSync('mkfifo', [path.join(dir, 'items', '01-pipe.md')]).status).toBe(0);
    const r = await loadMeeting(dir);
    expect(r.diagnostics.map((d) => `${path.relative(dir, d.file)}:${d.line}:${d.column} ${d.ruleId} ${d.message}`)).toEqual([
      'items/01-pipe.md:1:1 not-a-file Unexpected named pipe (a special file), expected a Markdown file',
    ]);
  });

  it(`refuses a meeting of more than ${LIMITS.meetingBytes / 1024 / 1024} MB of Markdown in all, from its files' sizes, reading none`, async () => {
    const half = 'a'.repeat(LIMITS.meetingBytes / 2);
    const dir = await folder({ 'meeting.md': `${FRONTMATTER}# Item\n\nText.\n`, 'items/01.md': half });
    expect((await loadMeeting(dir)).diagnostics).toEqual([]);
    await writeFile(path.join(dir, 'items', '02.md'), half);
    const over = await loadMeeting(dir);
    expect(problems(over, dir)).toEqual(['meeting.md:1:1 meeting-too-large']);
    expect(over.diagnostics[0]!.message).toBe('Unexpected meeting of 4.1 MB of Markdown (its files together), expected at most 4 MB, twenty times the largest real report: split it into meetings');
    expect(over.value.meeting).toBeNull();
  });
});
