// What a new user meets on the command line: files beside the Markdown,
// what a build says and where it wrote, a build under a new symbol, the CSV register in Excel, one
// `--public`, help as users type it, and a next command that works.

import { spawnSync } from 'node:child_process';
import { appendFile, cp, mkdir, mkdtemp, readFile, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'dist', 'acta.js');
const PATH = path.dirname(process.execPath); // node, and no `acta`

function acta(args: readonly string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', PATH, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `acta COMMAND --help`, run once per command for every test that reads it. */
const helps = new Map<string, ReturnType<typeof acta>>();
function help(command: string) {
  let r = helps.get(command);
  if (!r) {
    r = acta([command, '--help']);
    helps.set(command, r);
  }
  expect(r.code).toBe(0);
  return r;
}

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'acta-authoring-'));
});

const tree = async (dir: string) => (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();

describe('files other than Markdown in items/ and annexes/', () => {
  const fixture = 'tests/fixtures/ignored-files';

  it('are ignored: hidden files, Thumbs.db, desktop.ini and Word lock files silently, others with a warning each', async () => {
    const expected = (await readFile(path.join(root, fixture, 'expected'), 'utf8')).trim().split('\n');
    const r = acta(['check', fixture]);
    expect(r.code).toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(expected.length);
    lines.forEach((line, i) => {
      const [where, text] = expected[i]!.split(' | ');
      const [place, severity, rule] = where!.split(' ');
      expect(line).toBe(`${fixture}/${place}: ${severity}: ${text} [${rule}]`);
    });
    expect(r.stderr).not.toMatch(/Thumbs|desktop\.ini|DS_Store|~\$/);
  });

  it('do not stop a build', async () => {
    const r = acta(['build', fixture, '--out', work]);
    expect(r.code).toBe(0);
    expect(await tree(path.join(work, 'ignored-files'))).toContain('annexes/annex-I.html');
  });
});

describe('what a build says', () => {
  it('prints one line a meeting on a pipe too: files written, where, warnings', () => {
    const out = path.join(work, 'summary');
    // JSON alone: what the line says does not depend on the formats, and the count is of the files written.
    const r = acta(['build', 'meetings/exemple-fr/', 'tests/fixtures/ignored-files', 'tests/fixtures/bad/unknown-id', '--out', out, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe([
      `meetings/exemple-fr: 6 files written to ${out}/exemple-fr/, 0 warnings`,
      `tests/fixtures/ignored-files: 4 files written to ${out}/ignored-files/, 2 warnings`,
      'tests/fixtures/bad/unknown-id: nothing written, 1 error',
      '',
    ].join('\n'));
  });

  it('still takes --summary from older scripts', () => {
    const r = acta(['build', 'meetings/exemple-fr', '--out', path.join(work, 'quiet'), '--format', 'json', '--summary']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`meetings/exemple-fr: 6 files written to ${path.join(work, 'quiet')}/exemple-fr/, 0 warnings\n`);
  });

  it('prints the line of `acta agenda` too', () => {
    const out = path.join(work, 'agenda-line');
    const r = acta(['agenda', 'meetings/exemple-fr', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`meetings/exemple-fr: 2 files written to ${out}/exemple-fr/, 0 warnings\n`);
  });

  it('prints the line on a terminal without being asked', async () => {
    const out = path.join(work, 'tty');
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} build meetings/exemple-fr --format json --out ${JSON.stringify(out)}`;
    const r = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', PATH: `${PATH}:/usr/bin:/bin` } });
    expect(r.status).toBe(0);
    expect(r.stdout.replace(/\r/g, '')).toContain(`meetings/exemple-fr: 6 files written to ${out}/exemple-fr/, 0 warnings\n`);
  });
});

describe('a build removes what its previous build wrote and this one does not', () => {
  const copy = async (name: string) => {
    const dir = path.join(work, 'meetings', name);
    await cp(path.join(root, 'meetings/exemple-fr'), dir, { recursive: true });
    return dir;
  };
  const setSymbol = async (dir: string, symbol: string) => {
    const file = path.join(dir, 'meeting.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^symbol: .*$/m, `symbol: ${symbol}`));
  };

  it('outputs under the old symbol go; files it never wrote stay', async () => {
    const dir = await copy('renamed');
    const out = path.join(work, 'renamed-out');
    expect(acta(['build', dir, '--out', out]).code).toBe(0);
    const folder = path.join(out, 'renamed');
    await writeFile(path.join(folder, 'notes.docx'), 'the secretariat’s own file');
    await writeFile(path.join(folder, 'annexes', 'annex-IX.html'), 'a file acta did not write, with an acta-like name');
    await setSymbol(dir, 'PI0231F1b');
    expect(acta(['build', dir, '--out', out]).code).toBe(0);
    const files = await tree(folder);
    expect(files.filter((f) => f.includes('PI0231F1a'))).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(['PI0231F1b.docx', 'PI0231F1b-public.html', 'notes.docx', 'annexes/annex-IX.html', '.acta-manifest.json']));
    const manifest = JSON.parse(await readFile(path.join(folder, '.acta-manifest.json'), 'utf8')) as { files: string[] };
    expect(manifest.files).toEqual(files.filter((f) => !f.startsWith('.') && f !== 'notes.docx' && f !== 'annexes/annex-IX.html'));
  });

  it('leaves no file of an earlier build that the sources no longer give: a narrower build after an edit removes the rest, and says so', async () => {
    const dir = await copy('narrow');
    const out = path.join(work, 'narrow-out');
    const folder = path.join(out, 'narrow');
    expect(acta(['build', dir, '--out', out, '--format', 'docx,html,json']).code).toBe(0);
    const first = (await tree(folder)).filter((f) => !f.startsWith('.'));
    await writeFile(path.join(folder, 'notes.docx'), 'the secretariat’s own file');
    // Nothing edited: the DOCX and JSON of the first build still say what the sources say, and stay.
    const same = acta(['build', dir, '--out', out, '--format', 'html', '--public', '--summary']);
    expect(same.stdout).toMatch(/written to [^(]*, 0 warnings\n$/);
    expect((await tree(folder)).filter((f) => !f.startsWith('.'))).toEqual([...first, 'notes.docx'].sort());
    // An edit, then a narrower build: every file of the older sources goes, the secretariat's own file stays.
    const item = path.join(dir, 'items', '02-rapports.md');
    await writeFile(item, (await readFile(item, 'utf8')).replace('Le Secrétariat a présenté', 'Le Secrétariat général a présenté'));
    const narrow = acta(['build', dir, '--out', out, '--format', 'html', '--public', '--no-annex-files', '--summary']);
    expect(narrow.code, narrow.stderr).toBe(0);
    expect((await tree(folder)).filter((f) => !f.startsWith('.'))).toEqual(['PI0231F1a-corr1-public.html', 'PI0231F1a-public.html', 'notes.docx']);
    // The example is issued with a change since: its public corrigendum is written beside the public report.
    expect(narrow.stdout).toBe(`${dir}: 2 files written to ${out}/narrow/ (${first.length - 2} files of an earlier build removed), 0 warnings\n`);
    const manifest = JSON.parse(await readFile(path.join(folder, '.acta-manifest.json'), 'utf8')) as { files: string[] };
    expect(manifest.files).toEqual(['PI0231F1a-corr1-public.html', 'PI0231F1a-public.html']);
  });

  it('leaves in place, with a warning at it, a file of an earlier build that was edited since (a reviewer saved their DOCX there)', async () => {
    const dir = await copy('edited-output');
    const out = path.join(work, 'edited-output-out');
    const folder = path.join(out, 'edited-output');
    expect(acta(['build', dir, '--out', out, '--format', 'docx,html']).code).toBe(0);
    await appendFile(path.join(folder, 'PI0231F1a-public.docx'), 'a reviewer saved over it');
    const item = path.join(dir, 'items', '02-rapports.md');
    await writeFile(item, (await readFile(item, 'utf8')).replace('Le Secrétariat a présenté', 'Le Secrétariat général a présenté'));
    const narrow = acta(['build', dir, '--out', out, '--format', 'html', '--no-annex-files']);
    expect(narrow.code, narrow.stderr).toBe(0);
    const files = (await tree(folder)).filter((f) => !f.startsWith('.'));
    expect(files).toContain('PI0231F1a-public.docx');
    expect(files).not.toContain('PI0231F1a.docx');
    expect(narrow.stderr).toContain(`${folder}/PI0231F1a-public.docx:1:1: warning: Unexpected changes in \`PI0231F1a-public.docx\` since acta wrote it`);
    const manifest = JSON.parse(await readFile(path.join(folder, '.acta-manifest.json'), 'utf8')) as { files: string[] };
    expect(manifest.files).not.toContain('PI0231F1a-public.docx');
    // Said once: the next build leaves it alone and says nothing of it.
    const again = acta(['build', dir, '--out', out, '--format', 'html', '--no-annex-files', '--no-cache']);
    expect(again.stderr).not.toContain('PI0231F1a-public.docx');
    expect((await tree(folder)).filter((f) => !f.startsWith('.'))).toContain('PI0231F1a-public.docx');
  });

  it('removes a folder that removing left empty', async () => {
    const dir = path.join(work, 'meetings', 'no-annexes');
    await cp(path.join(root, 'tests/fixtures/ignored-files'), dir, { recursive: true });
    const out = path.join(work, 'no-annexes-out');
    expect(acta(['build', dir, '--out', out]).code).toBe(0);
    expect(await readdir(path.join(out, 'no-annexes'))).toContain('annexes');
    await rm(path.join(dir, 'annexes'), { recursive: true });
    const r = acta(['build', dir, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(await readdir(path.join(out, 'no-annexes'))).not.toContain('annexes');
  });
});

describe('the command line', () => {
  it('starts the CSV register with a UTF-8 byte-order mark', () => {
    const r = spawnSync(process.execPath, [bin, 'decisions', 'meetings/exemple-fr', '--format', 'csv'], { cwd: root, env: { ...process.env, PATH } });
    expect(r.status).toBe(0);
    expect([...r.stdout.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(r.stdout.subarray(3, 9).toString()).toBe('symbol');
  });

  it('takes --public for build, and keeps --public-only as its alias', async () => {
    for (const flag of ['--public', '--public-only']) {
      const out = path.join(work, `flag${flag}`);
      const r = acta(['build', 'meetings/exemple-fr', '--out', out, flag, '--format', 'json']);
      expect(r.code, r.stderr).toBe(0);
      const files = (await tree(path.join(out, 'exemple-fr'))).filter((f) => !f.startsWith('.'));
      expect(files.length).toBeGreaterThan(0);
      expect(files.filter((f) => !f.includes('-public.'))).toEqual([]);
    }
    expect(help('build').stdout).toContain('--public ');
    expect(help('build').stdout).toContain('--public-only');
  });

  it('builds just what is asked: --full is the mirror of --public, --no-annex-files writes no annexes/ file; --public with --full is a usage error', async () => {
    const out = path.join(work, 'just-asked');
    const full = acta(['build', 'meetings/exemple-fr', '--out', out, '--full', '--no-annex-files', '--format', 'html,json', '--summary']);
    expect(full.code, full.stderr).toBe(0);
    expect(full.stdout).toBe(`meetings/exemple-fr: 5 files written to ${out}/exemple-fr/, 0 warnings\n`);
    expect((await tree(path.join(out, 'exemple-fr'))).filter((f) => !f.startsWith('.'))).toEqual(['PI0231F1a-corr1.html', 'PI0231F1a-corr1.json', 'PI0231F1a.html', 'PI0231F1a.json', 'decisions.json']);
    const both = acta(['build', 'meetings/exemple-fr', '--out', out, '--public', '--full']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("option '--public' cannot be used with option '--full'");
  });

  it('says so and writes nothing when nothing changed since the last build; --no-cache builds anyway', async () => {
    const out = path.join(work, 'cached');
    const args = ['build', 'meetings/exemple-fr', '--out', out, '--format', 'html', '--summary'];
    expect(acta(args).stdout).toBe(`meetings/exemple-fr: 9 files written to ${out}/exemple-fr/, 0 warnings\n`);
    const report = path.join(out, 'exemple-fr', 'PI0231F1a.html');
    const before = (await stat(report)).mtimeMs;
    expect(acta(args).stdout).toBe(`meetings/exemple-fr: nothing changed since the last build, 9 files up to date in ${out}/exemple-fr/, 0 warnings\n`);
    expect((await stat(report)).mtimeMs).toBe(before);
    expect(acta([...args, '--no-cache']).stdout).toBe(`meetings/exemple-fr: 9 files written to ${out}/exemple-fr/, 0 warnings\n`);
    expect((await stat(report)).mtimeMs).toBeGreaterThan(before);
  });

  it('answers a file or a missing path given as the meeting with its one line and exit 1, the cache on as by default', () => {
    const out = path.join(work, 'not-folders');
    const file = acta(['build', 'README.md', '--out', out]);
    expect(file.code).toBe(1);
    expect(file.stderr).toBe('README.md:1:1: error: Unexpected file, expected a meeting folder (with meeting.md in it) [not-a-folder]\n');
    const missing = acta(['build', 'meetings/nowhere', '--out', out]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('meetings/nowhere: error: Folder `meetings/nowhere` not found, expected a meeting folder (check the path) [no-such-folder]\n');
  });

  it('prints defaults in --help as users type them', () => {
    const build = help('build').stdout.replace(/\s+/g, ' ');
    expect(build).toContain('(default: docx,html,json)');
    expect(build).toContain('output folder (default: output)');
    expect(help('init').stdout.replace(/\s+/g, ' ')).toContain('default: en)');
    expect(help('decisions').stdout.replace(/\s+/g, ' ')).toContain('default: json)');
    for (const command of ['build', 'agenda', 'watch', 'init', 'decisions']) expect(help(command).stdout).not.toMatch(/default: ["[]/);
  });

  it('suggests after init a command that works: node … when acta is not on the PATH, acta when it is', async () => {
    const first = path.join(work, 'init-1');
    const r = acta(['init', first]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Next: node dist/acta.js watch ${first} (to type \`acta\` instead, put it on the PATH: \`npm install --global\` in acta's folder)\n`);
    const binDir = path.join(work, 'bin');
    await mkdir(binDir, { recursive: true });
    await symlink(bin, path.join(binDir, 'acta'));
    const second = path.join(work, 'init-2');
    const linked = acta(['init', second], { PATH: `${binDir}${path.delimiter}${PATH}` });
    expect(linked.stdout).toContain(`Next: acta watch ${second}\n`);
    const readme = await readFile(path.join(second, 'README.md'), 'utf8');
    expect(readme).toContain('`npm install --global`');
    expect(readme).not.toContain('npmjs.com');
  });

  it('is published under a name of its own, with the command acta', async () => {
    const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { name: string; bin: Record<string, string>; overrides: { docx: { nanoid: string } } };
    expect(pkg.name).toBe('acta-meeting-reports');
    expect(pkg.bin).toEqual({ acta: 'dist/acta.js' });
    // nanoid 6 (docx's dependency, bundled into docx's own files) wants Node 22: npm warned EBADENGINE on Node 20.
    const nanoid = JSON.parse(await readFile(path.join(root, 'node_modules/docx/node_modules/nanoid/package.json'), 'utf8').catch(() => readFile(path.join(root, 'node_modules/nanoid/package.json'), 'utf8'))) as { version: string; engines: { node: string } };
    expect(nanoid.version.startsWith('5.')).toBe(true);
    expect(nanoid.engines.node).toContain('>=20');
  });
});
