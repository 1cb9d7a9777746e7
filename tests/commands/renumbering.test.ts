// `acta renumbering` between two drafts of the flagship: one paragraph inserted in Item III, one deleted in Item XV,
// compared with an older copy of the folder, a git revision and an earlier build's JSON.

import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { renumberingCommand } from '../../src/commands/renumbering.js';
import { checkMeeting, renumberMeeting } from '../../src/pipeline.js';
import { decisionsData, reportData, toJson } from '../../src/render/json/render-json.js';
import { recordingTerminal } from './terminal.js';

const run = promisify(execFile);

const INSERTED = 'The Secretariat added that a second pilot on the Europe–Asia corridor was under preparation.';

async function edit(file: string, change: (text: string) => string) {
  await writeFile(file, change(await readFile(file, 'utf8')));
}

/** The flagship as a draft (not issued), with a reference to a paragraph of Item X typed in Item XIX. */
async function draftOfFlagship(dir: string) {
  await cp('meetings/ptc-219-220', dir, { recursive: true });
  await rm(path.join(dir, 'numbering.lock.yaml'));
  await edit(path.join(dir, 'meeting.md'), (t) => t.replace('status: issued\n', ''));
  await edit(path.join(dir, 'items/10-doing-business.md'), (t) => t.replace(/^(The Chairperson introduced the item by stressing[^\n]*)$/m, '$1 {#db-intro}'));
  await edit(path.join(dir, 'items/19-ptc-work-programme.md'), (t) => t.replace('more broadly.', 'more broadly (see paragraph [](#db-intro)).'));
}

describe('acta renumbering between two drafts of the flagship', async () => {
  const work = await mkdtemp(path.join(tmpdir(), 'acta-renumbering-'));
  const before = path.join(work, 'before');
  const now = path.join(work, 'repo', 'ptc-219-220');
  await draftOfFlagship(before);
  await cp(before, now, { recursive: true });
  // The git history holds the earlier draft; the working copy is the draft of now.
  const git = (...args: string[]) => run('git', ['-C', path.dirname(now), '-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args]);
  await git('init', '-q');
  await git('add', '.');
  await git('commit', '-q', '-m', 'first draft');
  await edit(path.join(now, 'items/03-customs-railways.md'), (t) => t.replace(/^(The WCO Secretariat introduced Doc\. PC0499\.[^\n]*)$/m, `$1\n\n${INSERTED}`));
  await edit(path.join(now, 'items/15-e-commerce.md'), (t) => t.replace(/^An Action Initiative for the industry[^\n]*\n\n/m, ''));

  const out = path.join(work, 'out');
  const fromFolder = await renumberMeeting(now, before, out);

  it('maps the numbers: one inserted in Item III, those after it one up, one deleted in Item XV, and none after it moved', () => {
    const r = fromFolder.renumbering!;
    expect(fromFolder.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.counts).toEqual({ before: 175, now: 175 });
    expect(r.paragraphs[0]).toEqual({ before: null, now: 14, change: 'inserted', item: 'III' });
    const moved = r.paragraphs.filter((p) => p.change === 'moved');
    expect(moved.every((p) => (p.now as number) === (p.before as number) + 1)).toBe(true);
    expect([moved[0]!.before, moved.at(-1)!.before]).toEqual([14, 113]);
    expect(r.paragraphs.find((p) => p.change === 'deleted')).toEqual({ before: 114, now: null, change: 'deleted', item: 'XV' });
    expect(moved).toHaveLength(100);
    expect(r.unchanged).toBe(74);
  });

  it('lists the reference that prints another number, and the agenda ranges that changed', () => {
    const r = fromFolder.renumbering!;
    expect(r.references.map((x) => [x.id, x.before, x.printed, path.basename(x.file), x.paragraph])).toEqual([['db-intro', '61', '62', '19-ptc-work-programme.md', 159]]);
    const ranges = Object.fromEntries(r.ranges.map((x) => [x.item, `${x.before} → ${x.now}`]));
    expect(ranges).toMatchObject({ III: '13 - 18 → 13 - 19', IV: '19 - 24 → 20 - 25', XIV: '89 - 110 → 90 - 111', 'XIV (a)': '89 - 101 → 90 - 102', XV: '111 - 139 → 112 - 139', 'XV (a)': '111 - 117 → 112 - 117' });
    expect(Object.keys(ranges)).not.toContain('XVI');
    expect(r.decisions).toEqual([]);
  });

  it('prints it as Markdown and writes it, with its JSON, to the output folder', async () => {
    const md = fromFolder.markdown;
    expect(md).toContain('175 numbered paragraphs before, 175 now: 1 inserted, 1 deleted, 100 with another number, 74 unchanged.');
    expect(md).toContain('| — | 14 | inserted (Item III) |');
    expect(md).toContain('| 14 – 113 | 15 – 114 | moved (+1) |');
    expect(md).toContain('| 114 | — | deleted (Item XV) |');
    expect(md).toMatch(/\| \S*19-ptc-work-programme\.md:\d+:\d+ \| 159 \| `\[\]\(#db-intro\)` \| 61 \| 62 \|/);
    expect(md).toContain('| III | 13 - 18 | 13 - 19 |');
    expect(await readFile(path.join(out, 'ptc-219-220', 'renumbering.md'), 'utf8')).toBe(md);
    const json = JSON.parse(await readFile(path.join(out, 'ptc-219-220', 'renumbering.json'), 'utf8')) as { since: string; paragraphs: unknown[] };
    expect(json.since).toBe(before);
    expect(json.paragraphs).toEqual(fromFolder.renumbering!.paragraphs);
  });

  it('reads the same from a git revision and from an earlier build\'s JSON', async () => {
    const fromGit = await renumberMeeting(now, 'HEAD', out);
    expect(fromGit.renumbering).toEqual(fromFolder.renumbering);
    const earlier = (await checkMeeting(before)).report!;
    const json = path.join(work, 'earlier', 'PC0517E1a.json');
    await mkdir(path.dirname(json));
    await writeFile(json, toJson(reportData(earlier)));
    await writeFile(path.join(path.dirname(json), 'decisions.json'), toJson(decisionsData(earlier)));
    const fromJson = await renumberMeeting(now, json, out);
    expect(fromJson.renumbering!.paragraphs).toEqual(fromFolder.renumbering!.paragraphs);
    expect(fromJson.renumbering!.ranges).toEqual(fromFolder.renumbering!.ranges);
    expect(fromJson.renumbering!.references).toEqual(fromFolder.renumbering!.references);
  });

  it('takes a REF that names no folder, file or revision as wrong usage', async () => {
    const { terminal, said } = recordingTerminal();
    expect(await renumberingCommand(now, { since: 'no-such-draft', out }, terminal)).toBe('usage');
    expect(said).toEqual(['acta: --since no-such-draft: no such folder, file or git revision\n']);
  });

  it('refuses an output folder inside the meeting folder, as a build does', async () => {
    const { terminal, said } = recordingTerminal();
    expect(await renumberingCommand(now, { since: before, out: path.join(now, 'out') }, terminal)).toBe('usage');
    expect(said.join('')).toContain('inside the meeting folder');
  });

  it.each([
    ['a paragraph that is not one', '{"symbol":"X","language":"en","paragraphs":[null],"items":[],"annexes":[]}'],
    ['an item without its sub-items', '{"symbol":"X","language":"en","paragraphs":[],"items":[{}],"annexes":[]}'],
    ['a language acta does not have', '{"symbol":"X","language":"xx","paragraphs":[],"items":[],"annexes":[]}'],
  ])('refuses JSON with %s at its file, exit 1, never a failure of its own', async (_, json) => {
    const file = path.join(out, 'odd.json');
    await mkdir(out, { recursive: true });
    await writeFile(file, json);
    const r = await renumberMeeting(now, file, out);
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line} ${d.ruleId}`)).toEqual([`${file}:1 bad-since`]);
  });

  it('blames a damaged decisions.json beside a good report JSON on itself', async () => {
    const folder = path.join(work, 'damaged');
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, 'PC0517E1a.json'), toJson(reportData((await checkMeeting(before)).report!)));
    await writeFile(path.join(folder, 'decisions.json'), '[1,2');
    const r = await renumberMeeting(now, path.join(folder, 'PC0517E1a.json'), out);
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${path.basename(d.file)} ${d.ruleId}`)).toEqual(['decisions.json bad-since']);
  });
});
