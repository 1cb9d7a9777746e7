// The register of the example archive (meetings/), as `acta register` writes it: JSON, CSV and HTML.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'parse5';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvCell } from '../../src/render/csv.js';
import { registerCsv } from '../../src/render/register/register-data.js';
import type { Register } from '../../src/register/build-register.js';
import { sharedRegisters } from '../build-helpers.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'dist', 'acta.js');

let out: string;
let json: { public: boolean; sessions: { symbol: string }[]; decisions: { stable_id: string; status: string; status_by: string[]; now_in_force: string[]; text: string; restricted?: boolean }[] };
let publicJson: typeof json;
beforeAll(async () => {
  out = await sharedRegisters();
  json = JSON.parse(await readFile(path.join(out, 'register.json'), 'utf8'));
  publicJson = JSON.parse(await readFile(path.join(out, 'register-public.json'), 'utf8'));
});

const byId = (data: typeof json) => new Map(data.decisions.map((d) => [d.stable_id, d]));

describe('the register of the example archive', () => {
  it('writes HTML, JSON and CSV of each edition into the output folder', async () => {
    expect((await readdir(out)).sort()).toEqual(['register-public.csv', 'register-public.html', 'register-public.json', 'register.csv', 'register.html', 'register.json']);
  });

  it('holds the three PTC sessions oldest first, and the French example, but not its English translation', () => {
    expect(json.sessions.map((s) => s.symbol)).toEqual(['PC0490E1a', 'PC0517E1a', 'PC0530E1a', 'PI0231F1a']);
    expect(json.decisions.filter((d) => d.stable_id.startsWith('PC0517E1a/'))).toHaveLength(56);
  });

  it('computes the status of the decisions the later sessions amend, supersede and complete', () => {
    const d = byId(json);
    const row = (id: string) => [d.get(id)!.status, ...d.get(id)!.status_by];
    // A chain: the TRS Guide 2.1, replaced by 3.0, replaced by the final 3.0 of the autumn.
    expect(row('PC0490E1a/III/1')).toEqual(['superseded', 'PC0517E1a/VIII(a)/1']);
    expect(d.get('PC0490E1a/III/1')!.now_in_force).toEqual(['PC0530E1a/II/1']);
    expect(row('PC0517E1a/VIII(a)/1')).toEqual(['superseded', 'PC0530E1a/II/1']);
    expect(row('PC0530E1a/II/1')).toEqual(['in-force']);
    // Amended in the spring, superseded in the autumn.
    expect(row('PC0490E1a/VI/1')).toEqual(['superseded', 'PC0530E1a/VII/1']);
    expect(row('PC0490E1a/V/1')).toEqual(['amended', 'PC0517E1a/XV(c)/3']);
    expect(row('PC0490E1a/IV/2')).toEqual(['completed', 'PC0517E1a/XI(a)/1']);
    expect(row('PC0517E1a/XI(a)/2')).toEqual(['completed', 'PC0530E1a/III/1']);
    // Amended by a decision taken in closed session.
    expect(row('PC0517E1a/IX(a)/2')).toEqual(['amended', 'PC0530E1a/VI/1']);
    expect(d.get('PC0530E1a/VI/1')!.restricted).toBe(true);
  });

  it('leaves restricted decisions, and what they do, out of the public register', () => {
    const d = byId(publicJson);
    expect(publicJson.public).toBe(true);
    expect(publicJson.decisions).toHaveLength(json.decisions.length - json.decisions.filter((x) => x.restricted).length);
    expect(d.has('PC0530E1a/VI/1')).toBe(false);
    expect(d.get('PC0517E1a/IX(a)/2')!.status).toBe('in-force');
    expect(JSON.stringify(publicJson)).not.toContain('closed session');
  });

  it('writes the CSV with a row a decision and its links in words', async () => {
    const csv = await readFile(path.join(out, 'register.csv'), 'utf8');
    const lines = csv.replace(/^\ufeff/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('stable_id,symbol,committee,session,date,item,subitem,subject,paragraph,text,status,status_by,now_in_force,links,linked_from');
    expect(lines).toHaveLength(json.decisions.length + 1);
    const trs = lines.find((l) => l.startsWith('PC0517E1a/VIII(a)/1,'))!;
    expect(trs).toContain(',superseded,PC0530E1a/II/1,PC0530E1a/II/1,supersedes PC0490E1a/III/1,superseded by PC0530E1a/II/1');
  });

  it('writes one self-contained page whose only script is the one its policy names', async () => {
    const html = await readFile(path.join(out, 'register.html'), 'utf8');
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    const hash = createHash('sha256').update(script, 'utf8').digest('base64');
    expect(html).toContain(`script-src 'sha256-${hash}'`);
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|url\(/);
    const rows = html.match(/<tr id="decision-/g) ?? [];
    expect(rows).toHaveLength(json.decisions.length);
    parse(html); // well-formed enough for a browser's parser
  });
});

describe('CSV cells', () => {
  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+1', `"'+1"`],
    ['-1', `"'-1"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\tx', `"'\tx"`],
    ['\rx', `"'\rx"`],
    ['took note, and agreed', '"took note, and agreed"'],
    ['took note', 'took note'],
  ])('%j becomes %s', (value, cell) => expect(csvCell(value)).toBe(cell));

  it('keeps a decision that starts like a formula as text in the register', () => {
    const register = { public: false, sessions: [], decisions: [{ stable_id: 'A1/I/1', session: { symbol: 'A1', committee: 'C', session: 'S', start: '2018-01-01' }, item: { numeral: 'I', title: 'T' }, subitem: null, subjects: ['T'], paragraph: 1, text: '=1+1', links: [], linked_from: [], status: 'in-force', status_by: [], now_in_force: [] }] } as unknown as Register;
    expect(registerCsv(register).split('\r\n')[1]).toContain(`,"'=1+1",`);
  });
});

describe('acta register', () => {
  let work: string;
  beforeAll(async () => {
    await stat(bin); // `npm test` builds the bundle first
    work = await mkdtemp(path.join(tmpdir(), 'acta-register-cli-'));
  });
  const acta = (args: readonly string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  it('writes nothing and exits 1 when a link points at an unknown decision, naming its place', async () => {
    const archive = path.join(work, 'archive');
    const meeting = (symbol: string, start: string, decision: string) => `---\ncommittee: Permanent Technical Committee\ncommittee_short: PTC\nsession: One\nstart: ${start}\nend: ${start}\nplace: Brussels\nissued: ${start}\nsymbol: ${symbol}\n---\n# Work Programme\n\nPresented.\n\nIn conclusion, the PTC:\n\n- ${decision}\n`;
    for (const [name, text] of [
      ['a', meeting('A1', '2017-10-16', 'approved it.')],
      ['b', meeting('B1', '2018-04-16', 'amended it. {amends="A1/I/2"}')],
    ] as const) {
      await mkdir(path.join(archive, name), { recursive: true });
      await writeFile(path.join(archive, name, 'meeting.md'), text);
    }
    const target = path.join(work, 'out');
    const r = acta(['register', archive, '--out', target]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`${path.join(archive, 'b', 'meeting.md')}:17:24: error: Unexpected link to unknown decision \`A1/I/2\`, expected the id of a decision of A1, as the register lists them (did you mean \`A1/I/1\`?) [unknown-decision]\n`);
    await expect(stat(target)).rejects.toThrow();
  });

  it('says what it wrote with --summary, and takes meeting folders as well as archives', () => {
    const target = path.join(work, 'two');
    const r = acta(['register', 'meetings/ptc-217-218', 'meetings/exemple-fr', '--out', target, '--summary', '--public']);
    expect(r.status).toBe(0);
    // 10 decisions of PC0490E1a, one restricted, and the 24 of the French example.
    expect(r.stdout).toBe(`register: 33 decisions of 2 sessions, register-public.html, register-public.json, register-public.csv written to ${target}/\n`);
  });

  it('refuses a folder with no meeting in it', () => {
    const r = acta(['register', 'tests', '--out', path.join(work, 'none')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('tests:1:1: error: Unexpected folder with no meeting in it');
  });
});
