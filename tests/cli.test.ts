// The acta command as a user runs it: the built bundle, real folders, exit codes and stderr.

import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'dist', 'acta.js');

function acta(args: readonly string[], cwd = root) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let work: string;
beforeAll(async () => {
  await stat(bin); // `npm test` builds the bundle first
  work = await mkdtemp(path.join(tmpdir(), 'acta-cli-'));
});

const broken = async (name: string, files: Record<string, string>) => {
  const dir = path.join(work, name);
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  return dir;
};

describe('acta check', () => {
  it('exits 0 on the flagship meeting and summarises it', () => {
    const r = acta(['check', 'meetings/ptc-219-220']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('meetings/ptc-219-220: 22 items, 175 paragraphs, 5 annexes, 56 decisions, 2 working documents\n');
    // No warning: its public reference to the restricted Annex I prints the annex's label, which is public (Item
    // XXII, which decides nothing, says so with <!-- no-decisions -->).
    expect(r.stderr).toBe('');
  });

  it('prints every problem as file:line:column and exits 1, without a stack trace', async () => {
    const dir = await broken('bad', {
      'meeting.md': '---\ncommittee: PTC\ncomittee_short: PTC\n---\nStray text.\n\n# Item\n\nIn conclusion, the PTC:\n\nNo list.\n',
    });
    const r = acta(['check', dir]);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines.every((l) => /^\S+:\d+:\d+: (error|warning): /.test(l))).toBe(true);
    expect(r.stderr).toContain(`${dir}/meeting.md:3:1: error: Unexpected key \`comittee_short\`, expected a known key (did you mean \`committee_short\`?)`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 1 for a folder that does not exist', () => {
    const r = acta(['check', 'no/such/meeting']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('no/such/meeting: error: Folder `no/such/meeting` not found, expected a meeting folder (check the path) [no-such-folder]\n');
  });
});

describe('usage', () => {
  it('exits 2 for an unknown command, suggesting the closest', () => {
    const r = acta(['chek', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('(Did you mean check?)');
  });

  it('exits 2 for an unknown option, suggesting the closest', () => {
    const r = acta(['build', 'meetings/ptc-219-220', '--ot', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--out');
  });

  it('exits 2 for an unknown format', () => {
    const r = acta(['build', 'meetings/ptc-219-220', '--format', 'odt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown format `odt`, expected docx, html, json, pdf, akn");
  });

  it('exits 2 for a format the agenda has no file in', () => {
    const r = acta(['agenda', 'meetings/ptc-219-220', '--format', 'html,json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown format `json`, expected docx, html, pdf');
  });

  it('prints help and version with exit 0', () => {
    const help = acta(['--help']);
    expect(help).toMatchObject({ code: 0 });
    expect(help.stdout).toContain('decisions');
    expect(acta(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('acta build', () => {
  it('writes the JSON files and decisions.json, byte-identical on a second build', async () => {
    const out = path.join(work, 'out');
    expect(acta(['build', 'meetings/ptc-219-220', '--out', out]).code).toBe(0);
    const files = (await readdir(path.join(out, 'ptc-219-220'))).sort();
    expect(files).toEqual([
      '.acta-manifest.json', 'PC0517E1a-public.docx', 'PC0517E1a-public.html', 'PC0517E1a-public.json', 'PC0517E1a.docx', 'PC0517E1a.html', 'PC0517E1a.json',
      'annexes', 'decisions-public.json', 'decisions.json', 'documents',
    ]);
    // The working documents (seeds 000 and 003), both editions, and each of their annexes alone.
    const documents = (await readdir(path.join(out, 'ptc-219-220', 'documents'), { recursive: true })).sort();
    expect(documents.filter((f) => !f.startsWith('annexes'))).toEqual([
      'PC0497E1a-public.docx', 'PC0497E1a-public.html', 'PC0497E1a-public.json', 'PC0497E1a.docx', 'PC0497E1a.html', 'PC0497E1a.json',
      'PC0499E1a-public.docx', 'PC0499E1a-public.html', 'PC0499E1a-public.json', 'PC0499E1a.docx', 'PC0499E1a.html', 'PC0499E1a.json',
    ]);
    expect(documents.filter((f) => f.startsWith('annexes/') && f.endsWith('.docx'))).toEqual([
      'annexes/PC0497E1a-annex-I-public.docx', 'annexes/PC0497E1a-annex-I.docx',
      'annexes/PC0499E1a-annex-I-public.docx', 'annexes/PC0499E1a-annex-I.docx', 'annexes/PC0499E1a-annex-II-public.docx', 'annexes/PC0499E1a-annex-II.docx',
    ]);
    const first = await readFile(path.join(out, 'ptc-219-220', 'PC0517E1a.json'));
    const firstDecisions = await readFile(path.join(out, 'ptc-219-220', 'decisions.json'));
    // --no-cache: a build that really runs again, not one the cache skips (JSON alone: what is compared).
    expect(acta(['build', 'meetings/ptc-219-220', '--out', out, '--no-cache', '--format', 'json']).code).toBe(0);
    expect((await readFile(path.join(out, 'ptc-219-220', 'PC0517E1a.json'))).equals(first)).toBe(true);
    expect((await readFile(path.join(out, 'ptc-219-220', 'decisions.json'))).equals(firstDecisions)).toBe(true);
  });

  it('writes nothing and keeps the previous outputs when the input has errors', async () => {
    const out = path.join(work, 'out-errors');
    const dir = path.join(work, 'copy');
    await cp(path.join(root, 'meetings/exemple-fr'), dir, { recursive: true });
    // The previous outputs: the JSON, which is what is compared (the failing build below asks for every format).
    expect(acta(['build', dir, '--out', out, '--format', 'json']).code).toBe(0);
    const good = await readFile(path.join(out, 'copy', 'PI0231F1a.json'), 'utf8');
    await writeFile(path.join(dir, 'items', '99-broken.md'), '# Broken\n\nSee [](#nowhere).\n');
    const r = acta(['build', dir, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('99-broken.md:3:5: error: Unexpected reference to unknown id `nowhere`');
    expect(await readFile(path.join(out, 'copy', 'PI0231F1a.json'), 'utf8')).toBe(good);
    expect((await readdir(path.join(out, 'copy'))).filter((f) => f.includes('.tmp'))).toEqual([]);
    await rm(dir, { recursive: true });
  });
});

describe('problems that are not in the meeting', () => {
  it('reports a template that fails while laying out, as a diagnostic, exit 1, no stack', async () => {
    const templates = path.join(work, 'templates-broken');
    await mkdir(path.join(templates, 'partials'), { recursive: true });
    await writeFile(path.join(templates, 'partials', 'cover.hbs'), '<header>{{shout committee}}</header>\n');
    const r = acta(['build', 'tests/fixtures/restricted', '--out', path.join(work, 'out-tpl'), '--templates', templates]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/report\.hbs:1:1: error: Unexpected template failure: Missing helper: "shout" \[template\]/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('reports an output it cannot write, exit 1, no stack', async () => {
    const out = path.join(work, 'out-blocked');
    await mkdir(path.join(out, 'restricted', 'PC0600E1a.html'), { recursive: true });
    const r = acta(['build', 'tests/fixtures/restricted', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^acta: cannot write .*PC0600E1a\.html: /m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('reports an output folder that is a file as a write it cannot make, exit 1, no stack', () => {
    const r = acta(['build', 'meetings/exemple-fr', '--out', 'README.md', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^acta: cannot write .*README\.md\/exemple-fr: /m);
    expect(r.stderr).not.toMatch(/\n\s+at |a bug in acta/);
  });

  it('reports them the same when they happen in a worker thread (several meetings)', async () => {
    const templates = path.join(work, 'templates-broken-threads');
    await mkdir(path.join(templates, 'partials'), { recursive: true });
    await writeFile(path.join(templates, 'partials', 'cover.hbs'), '<header>{{shout committee}}</header>\n');
    // HTML alone: both problems are in writing the HTML, and the rest of the build is not what is tested.
    const failing = acta(['build', 'tests/fixtures/restricted', 'meetings/exemple-fr', '--out', path.join(work, 'out-tpl-threads'), '--templates', templates, '--format', 'html']);
    expect(failing.code).toBe(1);
    expect(failing.stderr).toMatch(/^\S*report\.hbs:1:1: error: Unexpected template failure: Missing helper: "shout" \[template\]$/m);
    expect(failing.stderr).not.toMatch(/\n\s+at /);

    const out = path.join(work, 'out-blocked-threads');
    await mkdir(path.join(out, 'restricted', 'PC0600E1a.html'), { recursive: true });
    const blocked = acta(['build', 'tests/fixtures/restricted', 'meetings/exemple-fr', '--out', out, '--format', 'html']);
    expect(blocked.code).toBe(1);
    expect(blocked.stderr).toMatch(/^acta: cannot write .*PC0600E1a\.html: /m);
    expect(blocked.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('acta build of several meetings', () => {
  it('builds them on threads, prints diagnostics and one line a meeting, in the order given, and exits 1 if one has errors', async () => {
    const out = path.join(work, 'out-several');
    const r = acta(['build', 'tests/fixtures/restricted', 'tests/fixtures/bad/unknown-id', 'meetings/exemple-fr', '--out', out, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n').map((l) => l.replace(/:.*/, ''))).toEqual(['tests/fixtures/restricted', 'tests/fixtures/bad/unknown-id', 'meetings/exemple-fr', '']);
    const lines = r.stderr.trim().split('\n');
    expect(lines.every((l) => /^\S+:\d+:\d+: (error|warning): /.test(l))).toBe(true);
    expect(lines).toEqual(['tests/fixtures/bad/unknown-id/meeting.md:13:15: error: Unexpected reference to unknown id `participants`, expected an id set with `{#participants}` [unknown-id]']);
    expect((await readdir(out)).sort()).toEqual(['exemple-fr', 'restricted']);
    expect(await readdir(path.join(out, 'exemple-fr'))).toContain('PI0231F1a.json');
  });
});

describe('acta decisions', () => {
  it('prints the register as JSON with the fields of each decision', () => {
    const r = acta(['decisions', 'meetings/ptc-219-220']);
    expect(r.code).toBe(0);
    const data = JSON.parse(r.stdout) as { symbol: string; decisions: Record<string, unknown>[] };
    expect(data.symbol).toBe('PC0517E1a');
    expect(data.decisions[0]).toEqual({
      id: 'I-a-1', stable_id: 'PC0517E1a/I(a)/1', item: 'I', subitem: 'a', paragraph: 4,
      text: 'took note of the opening remarks made by Ms. Hinojosa, Director, Compliance and Facilitation.',
      links: [],
    });
    // A decision that says what it does to one of an earlier session.
    expect(data.decisions.find((d) => d.stable_id === 'PC0517E1a/VIII(a)/1')!.links).toEqual([{ relation: 'supersedes', target: 'PC0490E1a/III/1' }]);
  });

  it('prints CSV with quoted fields, and Markdown, for several meetings', () => {
    const csv = acta(['decisions', 'meetings/ptc-219-220', 'meetings/exemple-fr', '--format', 'csv']);
    expect(csv.code).toBe(0);
    expect(csv.stdout.startsWith('\ufeffsymbol,')).toBe(true); // the byte-order mark Excel needs
    const lines = csv.stdout.trim().split('\r\n');
    expect(lines[0]).toBe('symbol,id,item,subitem,paragraph,text');
    expect(lines[1]).toBe('PC0517E1a,I-a-1,I,a,4,"took note of the opening remarks made by Ms. Hinojosa, Director, Compliance and Facilitation."');
    // The header, then the flagship's 56 decisions and the French example's 24, in the order given.
    expect(lines.map((l) => l.split(',')[0])).toEqual(['symbol', ...Array<string>(56).fill('PC0517E1a'), ...Array<string>(24).fill('PI0231F1a')]);
    expect(lines[80]).toBe('PI0231F1a,VII-b-1,VII,b,35,a pris note des remarques de clôture du Président.');
    const md = acta(['decisions', 'meetings/ptc-219-220', '--format', 'md']);
    expect(md.stdout.split('\n')[2]).toBe('| PC0517E1a | I-a-1 | I (a) | 4 | took note of the opening remarks made by Ms. Hinojosa, Director, Compliance and Facilitation. |');
  });

  it('with --public leaves out restricted decisions', () => {
    const fixture = 'tests/fixtures/restricted';
    const full = JSON.parse(acta(['decisions', fixture]).stdout) as { decisions: { id: string; text: string }[] };
    const pub = JSON.parse(acta(['decisions', fixture, '--public']).stdout) as { decisions: { id: string; text: string }[] };
    expect(full.decisions.map((d) => [d.id, d.text])).toEqual([['I-1', 'agreed to keep the case confidential.'], ['I-2', 'took note of the statistics.']]);
    expect(pub.decisions.map((d) => [d.id, d.text])).toEqual([['I-2', 'took note of the statistics.']]);
  });
});

describe('colour', () => {
  it('colours severities only on a terminal, and never with NO_COLOR', async () => {
    const { useColor, formatDiagnostic } = await import('../src/diagnostics.js');
    expect(useColor({}, true)).toBe(true);
    expect(useColor({ NO_COLOR: '1' }, true)).toBe(false);
    expect(useColor({}, false)).toBe(false);
    expect(useColor({ TERM: 'dumb' }, true)).toBe(false);
    const d = { file: 'm.md', line: 1, column: 2, severity: 'error' as const, ruleId: 'x', message: 'Unexpected y, expected z' };
    expect(formatDiagnostic(d, true)).toBe('m.md:1:2: \u001b[31merror\u001b[39m: Unexpected y, expected z [x]');
    expect(formatDiagnostic(d)).toBe('m.md:1:2: error: Unexpected y, expected z [x]');
  });
});
