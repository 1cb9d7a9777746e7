// The documented limits (src/limits.ts) on the pathological corpus (tests/tools/pathological.ts): each construct
// builds at its limit, whatever the format, and is refused one step past it at its place; inputs that would crash the
// reader or take it minutes (nesting thousands deep, files of tens of megabytes) are refused at once, exit 1.

import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { XMLValidator } from 'fast-xml-parser';
import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../src/limits.js';
import { prepareRenderEnv, renderMeeting } from '../src/pipeline.js';
import type { OutputFile } from '../src/write/write-outputs.js';
import { FRONTMATTER, run } from './helpers.js';
import { CONSTRUCTS, indentedList, nestedEmphasis, paragraphs, type MeetingFiles } from './tools/pathological.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = (await prepareRenderEnv()).env!;

async function folder(parent: string, name: string, files: MeetingFiles): Promise<string> {
  const dir = path.join(parent, name);
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  return dir;
}

/** Every file of both editions, as `acta build` renders them, checked well-formed. */
async function renderAll(files: MeetingFiles): Promise<number> {
  const r = run(files);
  expect(r.diagnostics.filter((d) => d.severity === 'error'), r.problems.join('\n')).toEqual([]);
  const out: OutputFile[] = [];
  await renderMeeting(r.numbered!, { formats: ['docx', 'html', 'json'], publicOnly: false, acceptChanges: false }, env, async (file) => {
    out.push(file);
  });
  for (const { path: name, content } of out) {
    if (name.endsWith('.docx')) {
      const xml = strFromU8(unzipSync(content as Uint8Array)['word/document.xml']!);
      expect(XMLValidator.validate(xml), name).toBe(true);
    } else if (name.endsWith('.html')) {
      const errors: string[] = [];
      parse(content as string, { onParseError: (e) => errors.push(e.code) });
      expect(errors, name).toEqual([]);
    } else {
      expect(() => JSON.parse(content as string), name).not.toThrow();
    }
  }
  return out.length;
}

const limited = CONSTRUCTS.filter((c) => c.limit !== null && c.past !== undefined && !c.slow);
const depths = limited.filter((c) => c.unit === 'levels');

describe('limits', () => {
  it.each(depths.map((c) => [c.name, c] as const))('builds %s at the limit, in every format', async (_, c) => {
    expect(await renderAll(c.make(c.limit!))).toBe(8);
  });

  it('builds a paragraph at every depth limit at once: quotes, a list, emphasis', async () => {
    const deep = `${FRONTMATTER}# Item\n\nQuoted:\n\n${'> '.repeat(LIMITS.blockDepth)}deep.\n\n${indentedList(LIMITS.blockDepth)}\nStressed ${nestedEmphasis(LIMITS.inlineDepth)}.\n\nIn conclusion, the PTC:\n\n- took note.\n`;
    expect(await renderAll({ 'meeting.md': deep })).toBe(8);
  });

  it.each(limited.filter((c) => c.unit !== 'levels').map((c) => [c.name, c] as const))('reads %s at the limit', (_, c) => {
    const r = run(c.make(c.limit!));
    expect(r.diagnostics.filter((d) => d.severity === 'error'), r.problems.slice(0, 3).join('\n')).toEqual([]);
    expect(r.numbered).not.toBeNull();
  });

  it('refuses a meeting at the file that takes it past the node limit, the files after it unread', () => {
    // items/01 alone is past the limit (list items of four emphasised words, 13 nodes each); items/02 holds a table
    // of too many cells, which only the read tree shows: it would be said if the file were read.
    const lines = Math.ceil(LIMITS.meetingNodes / 10);
    const rows = Math.ceil(LIMITS.tableCells / 2);
    const table = `# Table\n\n| a | b |\n| --- | --- |\n${'| c | d |\n'.repeat(rows)}`;
    const r = run({ 'meeting.md': FRONTMATTER, 'items/01-long.md': `# Long\n\nListed:\n\n${'- *a* *b* *c* *d*\n'.repeat(lines)}`, 'items/02-table.md': table });
    expect(r.problems).toEqual([expect.stringMatching(/\/items\/01-long\.md:\d+:\d+ error meeting-too-large$/)]);
    expect(r.diagnostics[0]!.message).toMatch(/\(the file after this one was not read: its problems are said once the meeting is within the limit\)$/);
    // Without the long file, the table is said.
    expect(run({ 'meeting.md': FRONTMATTER, 'items/02-table.md': table }).problems).toEqual([expect.stringMatching(/\/items\/02-table\.md:3:1 error too-many-cells$/)]);
  });

  it('reads 5,000 unclosed fences, each a list item, in linear time', () => {
    const r = run(CONSTRUCTS.find((c) => c.name.startsWith('unclosed fences'))!.make(5000));
    expect(r.diagnostics.filter((d) => d.severity === 'error'), r.problems.slice(0, 3).join('\n')).toEqual([]);
    expect(r.numbered).not.toBeNull();
  });

  // One `acta check` for every case (a process each would cost seconds), each case its own folder.
  const cases = async () => {
    const parent = await mkdtemp(path.join(tmpdir(), 'acta-limits-'));
    const past = await Promise.all(limited.map(async (c, i) => ({ c, dir: await folder(parent, `past-${i}`, c.make(c.limit! + 1)) })));
    const MB = 1024 * 1024;
    const issue: [string, MeetingFiles, string][] = [
      ['quotes 1,500 deep', CONSTRUCTS[0]!.make(1500), 'meeting.md:15:1: error: Unexpected line that starts with 3,000 columns'],
      ['a bullet list of 1,000 levels on one line', CONSTRUCTS[1]!.make(1000), 'meeting.md:15:1: error: Unexpected line that starts with 2,000 columns'],
      ['emphasis 2,000 deep', { 'meeting.md': `${FRONTMATTER}# Item\n\nStressed ${nestedEmphasis(2000)}.\n` }, 'meeting.md:13:394: error: Unexpected emphasis, bracket or brace opened inside 128 others'],
      ['list indentation 1,000 levels', CONSTRUCTS[2]!.make(1000), 'meeting.md:143:1: error: Unexpected line that starts with 258 columns'],
      ['fences nested 2,500 deep', { 'meeting.md': `${FRONTMATTER}# Item\n\n${Array.from({ length: 2500 }, (_, i) => `${'> '.repeat(i + 1)}\`\`\``).join('\n')}\n` }, 'meeting.md:1:1: error: Unexpected meeting of 6 MB of Markdown'],
      ['backtick runs 1,200', CONSTRUCTS.find((c) => c.name.startsWith('backtick'))!.make(1200), 'meeting.md:13:13: error: Unexpected backquote (`) that opens no code in so long a paragraph'],
      ['footnotes 40,000', CONSTRUCTS.find((c) => c.name === 'footnotes')!.make(40_000), 'meeting.md:20013:17: error: Unexpected footnote call past the 10,000th'],
      ['a 20 MB item file', { 'meeting.md': `${FRONTMATTER}# Item\n\nOpened.\n`, 'items/01-big.md': `# Big\n\n${paragraphs(20 * MB)}` }, 'meeting.md:1:1: error: Unexpected meeting of 20.1 MB of Markdown'],
      ['one line of 20 MB', { 'meeting.md': `${FRONTMATTER}# Item\n\n${'The Secretariat presented the document. '.repeat(20 * MB / 40)}\n` }, 'meeting.md:1:1: error: Unexpected meeting of 20.1 MB of Markdown'],
      ['a lone surrogate', { 'meeting.md': FRONTMATTER.replace('symbol:', 'title: "Bad \\uD800 title"\nsymbol:') + '# Item\n\nText.\n' }, 'meeting.md:9:8: error: Unexpected character U+D800 in the value of `title`'],
      ['a key __proto__', { 'meeting.md': FRONTMATTER.replace('symbol:', '__proto__: x\nsymbol:') + '# Item\n\nText.\n' }, 'meeting.md:9:1: error: Unexpected key `__proto__`'],
      ['a billion laughs', { 'meeting.md': FRONTMATTER.replace('symbol:', 'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\ntitle: *b\nsymbol:') + '# Item\n\nText.\n' }, 'meeting.md:9:4: error: Unexpected `&a` at the start of the value of `a`'],
    ];
    const whys = await Promise.all(issue.map(async ([name, files, line], i) => ({ name, line, dir: await folder(parent, `issue-${i}`, files) })));
    const r = spawnSync(process.execPath, [path.join(root, 'dist', 'acta.js'), 'check', ...past.map((p) => p.dir), ...whys.map((w) => w.dir)], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
    return { r, past, whys };
  };
  const checked = cases();

  it('refuses each construct one step past its limit, at its place, exit 1', async () => {
    const { r, past } = await checked;
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    for (const { c, dir } of past) {
      const lines = r.stderr.split('\n').filter((l) => l.startsWith(`${dir}/`));
      const want = `${dir}/${c.past!.file}:${c.past!.line}:`;
      expect(lines[0], `${c.name}: ${lines.join('\n')}`).toMatch(new RegExp(`^${want.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\d+: error: Unexpected .*\\[${c.past!.rule}\\]$`));
    }
  });

  it("refuses at once, at its place, each input that would crash the reader or take it minutes", async () => {
    const { r, whys } = await checked;
    expect(r.status).toBe(1);
    for (const { name, line, dir } of whys) {
      const lines = r.stderr.split('\n').filter((l) => l.startsWith(`${dir}/`));
      expect(lines[0] ?? '', `${name}: ${lines.join('\n')}`).toContain(`${dir}/${line}`);
    }
  });
});
