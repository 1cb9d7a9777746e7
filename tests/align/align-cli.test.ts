// Translations through the built command: `check` and `build` refuse a misaligned translation and
// write nothing; `align` prints the divergences and writes the page; the original needs nothing.

import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'dist', 'acta.js');
const fixtures = 'tests/fixtures/translations';

function acta(args: readonly string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let out: string;
beforeAll(async () => {
  await stat(bin); // `npm test` builds the bundle first
  out = await mkdtemp(path.join(tmpdir(), 'acta-align-'));
});

const misaligned = (stderr: string) => stderr.trim().split('\n').filter((l) => l.endsWith('[translation-misaligned]'));

describe('a translation through the command line', () => {
  it('checks the real pair clean: meetings/example-en against meetings/exemple-fr', () => {
    const r = acta(['check', 'meetings/example-en']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('meetings/example-en: 7 items, 36 paragraphs, 3 annexes, 24 decisions\n');
  });

  it('refuses a misaligned translation in check (exit 1) with exactly its three divergences', () => {
    const r = acta(['check', `${fixtures}/three-divergences`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(misaligned(r.stderr).map((l) => l.split(': ')[0])).toEqual([
      `${fixtures}/three-divergences/items/02-rapports.md:10:1`,
      `${fixtures}/three-divergences/items/03-cloture.md:3:48`,
      `${fixtures}/three-divergences/meeting.md:22:1`,
    ]);
    expect(misaligned(r.stderr).every((l) => / error: Unexpected .*, expected .*tests\/fixtures\/translations\/original\//.test(l))).toBe(true);
  });

  it('builds nothing from a misaligned translation', async () => {
    const r = acta(['build', `${fixtures}/extra-footnote`, '--out', out]);
    expect(r.code).toBe(1);
    expect(misaligned(r.stderr)).toHaveLength(1);
    expect(await readdir(out)).not.toContain('extra-footnote');
  });

  it('builds an aligned translation, whose JSON names the original', async () => {
    const r = acta(['build', `${fixtures}/aligned`, '--out', out, '--format', 'json']);
    expect(r.code).toBe(0);
    const data = JSON.parse(await readFile(path.join(out, 'aligned', 'PC0001F1a.json'), 'utf8')) as Record<string, unknown>;
    expect(data.symbol).toBe('PC0001F1a');
    expect(data.translation_of).toBe('PC0001E1a');
  });

  it('checks an original on its own, whatever its translations hold', () => {
    const r = acta(['check', `${fixtures}/original`]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('points at the translation_of line when the original is missing', () => {
    const r = acta(['check', `${fixtures}/no-original`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^${fixtures}/no-original/meeting.md:11:1: error: Unexpected \`translation_of: \\.\\./originale\`: there is no meeting folder at ${fixtures}/originale, .* \\[translation-misaligned\\]\\n$`));
  });
});

describe('acta align', () => {
  it('writes {symbol}-aligned.html of the translation into OUT/<translation folder>/ and exits 0 for an aligned pair', async () => {
    const r = acta(['align', 'meetings/exemple-fr', 'meetings/example-en', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const file = path.join(out, 'example-en', 'PI0231E1a-aligned.html');
    expect(r.stdout).toBe(`${file}\n`);
    const html = await readFile(file, 'utf8');
    expect(html).toContain('<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; img-src data:">');
    expect(html).not.toMatch(/<script|<link|src=/);
  });

  it('prints the same divergences as check, writes the page all the same, and exits 1', async () => {
    const checked = acta(['check', `${fixtures}/three-divergences`]);
    const r = acta(['align', `${fixtures}/original`, `${fixtures}/three-divergences`, '--out', out]);
    expect(r.code).toBe(1);
    expect(misaligned(r.stderr)).toEqual(misaligned(checked.stderr));
    expect(await readdir(path.join(out, 'three-divergences'))).toEqual(['PC0001F1a-aligned.html']);
  });

  it('writes nothing when a meeting has errors of its own', async () => {
    const r = acta(['align', `${fixtures}/original`, 'tests/fixtures/bad/unknown-key', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[unknown-key]');
    expect(await readdir(out)).not.toContain('unknown-key');
  });

  it('wants both folders', () => {
    const r = acta(['align', `${fixtures}/original`]);
    expect(r.code).toBe(2);
  });
});
