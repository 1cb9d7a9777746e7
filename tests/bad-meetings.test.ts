// The corpus of bad meetings: each folder of tests/fixtures/bad gets exactly the diagnostics in its
// `expected` file (`path:line:column severity rule`, optionally `| text the message holds`) and exit 1.

import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkMeeting } from '../src/pipeline.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.join('tests', 'fixtures', 'bad');
const cases = readdirSync(path.join(root, corpus)).sort();

function check(...dirs: string[]) {
  return spawnSync(process.execPath, [path.join(root, 'dist', 'acta.js'), 'check', ...dirs], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

describe('bad meetings', () => {
  it('has a case for every problem the issue lists', () => {
    expect(cases).toEqual(expect.arrayContaining([
      'yaml-malformed', 'frontmatter-not-mapping', 'missing-keys', 'unknown-key', 'wrong-types', 'bad-dates', 'dates-reversed', 'unknown-language',
      'missing-meeting', 'empty-folder', 'text-before-item', 'conclusion-without-list', 'duplicate-ids', 'unknown-id', 'unclosed-directive',
      'unknown-directives', 'critic-unclosed', 'annex-no-frontmatter', 'not-utf8', 'binary-annex', 'symlink-outside',
      'typed-number', 'indented-paragraph', 'footnotes', 'typed-labels',
      'yaml-colon-in-value', 'yaml-tab', 'yaml-unclosed-quote', 'annex-bad-frontmatter', 'vocabulary-keys', 'utf16-bom', 'utf16-no-bom', 'latin1', 'yaml-hash-in-value',
      'working-document',
    ]));
  });

  // One `acta check` of every case (a process each cost 11 s): each case's lines are those that start with its folder.
  const all = check(...cases.map((name) => path.join(corpus, name)));
  it('exits 1 with every problem on stderr, nothing on stdout and no stack trace', () => {
    expect(all.status).toBe(1);
    expect(all.stdout).toBe('');
    expect(all.stderr).not.toMatch(/^\s+at /m);
    const lines = all.stderr.trim().split('\n');
    expect(lines.filter((line) => !cases.some((name) => line.startsWith(`${path.join(corpus, name)}/`)))).toEqual([]);
  });

  it.each(cases)('%s', async (name) => {
    const dir = path.join(corpus, name);
    // Each case alone has errors: it would exit 1 on its own.
    const checked = await checkMeeting(dir);
    expect(checked.report).toBeNull();
    expect(checked.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    const expected = readFileSync(path.join(root, dir, 'expected'), 'utf8').trim().split('\n');
    const lines = all.stderr.trim().split('\n').filter((line) => line.startsWith(`${dir}/`));
    expect(lines).toHaveLength(expected.length);
    lines.forEach((line, i) => {
      const [where, text] = expected[i]!.split(' | ');
      const [place, severity, rule] = where!.split(' ');
      expect(line.startsWith(`${dir}/${place}: ${severity}: Unexpected `), line).toBe(true);
      expect(line.endsWith(` [${rule}]`), line).toBe(true);
      if (text) expect(line).toContain(text);
    });
  });

  it('answers a path that does not exist with exit 1 and one line', () => {
    const r = check('tests/fixtures/bad/no-such-meeting');
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('tests/fixtures/bad/no-such-meeting: error: Folder `tests/fixtures/bad/no-such-meeting` not found, expected a meeting folder (check the path) [no-such-folder]\n');
  });
});
