import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const acta = (...args: string[]) => spawnSync(process.execPath, [path.join(root, 'dist', 'acta.js'), ...args], { cwd: root, encoding: 'utf8' });

describe('acta init', () => {
  it('makes a meeting that builds as it is, with every output and no problem', async () => {
    const dir = path.join(await mkdtemp(path.join(tmpdir(), 'acta-init-')), 'new-meeting');
    const init = acta('init', dir, '--committee', 'Enforcement Committee', '--short', 'EC', '--symbol', 'EC0100E1a');
    expect(init.status).toBe(0);
    expect(init.stdout).toContain(` watch ${dir}`); // `acta watch` or `node dist/acta.js watch`: tests/authoring-cli.test.ts
    expect((await readdir(dir, { recursive: true })).map(String).sort()).toEqual([
      'README.md', 'annexes', 'annexes/01-participants.md', 'annexes/02-programme.md', 'documents', 'documents/pc0001.md', 'items', 'items/01-opening.md', 'items/02-work-programme.md', 'meeting.md',
    ]);
    const out = path.join(dir, '..', 'out');
    const build = acta('build', dir, '--out', out);
    expect(build.status).toBe(0);
    expect(build.stderr).toBe('');
    expect((await readdir(path.join(out, 'new-meeting'), { recursive: true })).map(String).sort()).toEqual([
      '.acta-manifest.json', 'EC0100E1a-public.docx', 'EC0100E1a-public.html', 'EC0100E1a-public.json', 'EC0100E1a.docx', 'EC0100E1a.html', 'EC0100E1a.json',
      'annexes', 'annexes/annex-I.docx', 'annexes/annex-I.html', 'annexes/annex-II-public.docx', 'annexes/annex-II-public.html', 'annexes/annex-II.docx', 'annexes/annex-II.html',
      'decisions-public.json', 'decisions.json',
      'documents', 'documents/EC0101E1a-public.docx', 'documents/EC0101E1a-public.html', 'documents/EC0101E1a-public.json', 'documents/EC0101E1a.docx', 'documents/EC0101E1a.html', 'documents/EC0101E1a.json',
    ]);
    // The example working document, tied to Item II: its agenda reference and its actions.
    const document = JSON.parse(await readFile(path.join(out, 'new-meeting', 'documents', 'EC0101E1a.json'), 'utf8')) as { agenda_reference: string; item: string };
    expect(document).toMatchObject({ item: 'work-programme', agenda_reference: '(Item II on the Agenda)' });
    const data = JSON.parse(await readFile(path.join(out, 'new-meeting', 'EC0100E1a.json'), 'utf8')) as { committee: string; items: { subitems: unknown[] }[]; paragraphs: unknown[]; documents: unknown[] };
    expect(data.committee).toBe('Enforcement Committee');
    expect(data.documents).toEqual([{ id: 'pc0001', symbol: 'EC0101E1a', title: 'Draft Work Programme', item: 'work-programme', visibility: 'public', actions: ['examine the draft Work Programme; and', 'provide guidance on its priorities.'] }]);
    expect(data.items).toHaveLength(2);
    expect(data.items[0]!.subitems).toHaveLength(2);
    // Item I: one decision in each sub-item; Item II: two in one conclusion (templates/new-meeting).
    const decisions = JSON.parse(await readFile(path.join(out, 'new-meeting', 'decisions.json'), 'utf8')) as { decisions: { id: string; paragraph: number }[] };
    expect(decisions.decisions.map((d) => [d.id, d.paragraph])).toEqual([['I-a-1', 2], ['I-b-1', 4], ['II-1', 8], ['II-2', 8]]);
  });

  it('writes every frontmatter key into meeting.md, the optional ones commented', async () => {
    const dir = path.join(await mkdtemp(path.join(tmpdir(), 'acta-init-')), 'm');
    expect(acta('init', dir).status).toBe(0);
    const meeting = await readFile(path.join(dir, 'meeting.md'), 'utf8');
    for (const key of ['committee', 'committee_short', 'session', 'start', 'end', 'place', 'issued', 'symbol', 'organization', 'organization_alt', 'language', 'title', 'conclusion', 'changes_author', 'changes_date']) {
      expect(meeting, key).toMatch(new RegExp(`^(# )?${key}: `, 'm'));
    }
  });

  it('dates the new meeting today where the user is, not in UTC', async () => {
    // A zone where the calendar day differs from UTC's right now, so a date taken in UTC is caught.
    const zone = new Date().getUTCHours() >= 12 ? 'Pacific/Kiritimati' : 'Etc/GMT+12'; // UTC+14, UTC-12
    const dayIn = (d: Date) => {
      const parts = Object.fromEntries(new Intl.DateTimeFormat('en', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(d).map((p) => [p.type, p.value]));
      return `${parts.year}-${parts.month}-${parts.day}`;
    };
    const before = dayIn(new Date());
    const dir = path.join(await mkdtemp(path.join(tmpdir(), 'acta-init-')), 'm');
    const r = spawnSync(process.execPath, [path.join(root, 'dist', 'acta.js'), 'init', dir], { cwd: root, encoding: 'utf8', env: { ...process.env, TZ: zone } });
    expect(r.status).toBe(0);
    const after = dayIn(new Date());
    const meeting = await readFile(path.join(dir, 'meeting.md'), 'utf8');
    const dates = ['start', 'end', 'issued'].map((key) => new RegExp(`^${key}: (.+)$`, 'm').exec(meeting)?.[1]);
    expect(dates[0] === before || dates[0] === after, `${dates[0]} in ${zone}`).toBe(true);
    expect(dates).toEqual([dates[0], dates[0], dates[0]]);
  });

  it('makes a French meeting with --language fr that builds without a problem', async () => {
    const dir = path.join(await mkdtemp(path.join(tmpdir(), 'acta-init-')), 'reunion');
    expect(acta('init', dir, '--language', 'fr', '--short', 'CTP').status).toBe(0);
    const check = acta('check', dir);
    expect(check.status).toBe(0);
    expect(check.stderr).toBe('');
    expect(check.stdout).toBe(`${dir}: 2 items, 8 paragraphs, 2 annexes, 4 decisions, 1 working document\n`);
  });

  it('refuses, as wrong usage, a symbol that meeting.md would refuse, and writes nothing', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'acta-init-'));
    for (const symbol of ['a/b', 'a..b', '.PC1', 'PC 1', ' PC1 ', '']) {
      const dir = path.join(work, 'm');
      const r = acta('init', dir, '--symbol', symbol);
      expect(r.status, symbol).toBe(2);
      expect(r.stderr).toBe(`${dir}:1:1: error: Unexpected symbol \`${symbol}\`, expected letters, digits, \`.\`, \`_\` or \`-\` [bad-symbol]\n`);
      expect(await readdir(work)).toEqual([]);
    }
    expect(acta('init', path.join(work, 'ok'), '--symbol', 'PC0.1_a-b').status).toBe(0);
  });

  it('refuses a folder that is not empty and leaves it as it was', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'acta-init-'));
    await writeFile(path.join(dir, 'notes.txt'), 'mine');
    const r = acta('init', dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`${dir}:1:1: error: Unexpected folder that is not empty, expected a new or empty folder (acta init never overwrites) [folder-not-empty]\n`);
    expect(await readdir(dir)).toEqual(['notes.txt']);
  });
});
