// Restricted is fail-safe: every spelling a person could mean as restricted is an error at its place
// (exit 1, nothing written), so a typo can never publish the text it was meant to withhold.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const acta = (...args: string[]) => spawnSync(process.execPath, [path.join(root, 'dist', 'acta.js'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

const MEETING = `---
committee: Permanent Technical Committee
committee_short: PTC
session: 300th Session
start: 2030-03-04
end: 2030-03-06
place: Brussels
issued: 2030-03-20
symbol: SPELL1
---
# Enforcement

*(For information)*

The Secretariat presented the statistics.
`;
/** meeting.md has 15 lines: the variant starts on line 17, after a blank line. */
const FIRST = 17;

interface Variant {
  readonly name: string;
  readonly text: string;
  /** `line:column rule` of each expected diagnostic, lines counted from the variant's first line. */
  readonly expected: readonly [number, number, string][];
  readonly says: string;
}

const VARIANTS: readonly Variant[] = [
  { name: 'a space after the colons', text: '::: restricted\n\nThe ZQSPELL case.\n\n:::', expected: [[0, 1, 'restricted-syntax']], says: '`:::restricted`' },
  { name: 'a space, no blank lines', text: '::: restricted\nThe ZQSPELL case.\n:::', expected: [[0, 1, 'restricted-syntax']], says: '`:::restricted`' },
  { name: "pandoc's class syntax", text: '::: {.restricted}\nThe ZQSPELL case.\n:::', expected: [[0, 1, 'restricted-syntax']], says: '`:::restricted`' },
  { name: "pandoc's class syntax with no space", text: ':::{.restricted}\n\nThe ZQSPELL case.\n\n:::', expected: [[0, 1, 'restricted-syntax']], says: '`:::restricted`' },
  { name: 'a capital letter, spaced', text: '::: Restricted\n\nThe ZQSPELL case.\n\n:::', expected: [[0, 1, 'restricted-syntax']], says: '`:::restricted`' },
  { name: 'two colons and a space', text: ':: restricted\n\nThe ZQSPELL case.\n\n::', expected: [[0, 1, 'restricted-syntax']], says: '`:::restricted`' },
  { name: 'a misspelled block name', text: ':::restrcited\nThe ZQSPELL case.\n:::', expected: [[0, 1, 'unknown-directive']], says: '`:::restricted`' },
  { name: 'a capitalised block name', text: ':::Restricted\nThe ZQSPELL case.\n:::', expected: [[0, 1, 'unknown-directive']], says: '`:::restricted`' },
  { name: 'a closing line with nothing to close', text: 'The ZQSPELL case.\n\n:::', expected: [[2, 1, 'directive-syntax']], says: 'closes no block' },
  { name: 'another near-miss opening line', text: '::: secret\nThe ZQSPELL case.\n:::', expected: [[0, 1, 'directive-syntax']], says: '`:::restricted`' },
  { name: 'a space before the bracket', text: 'The case :restricted [ZQSPELL] was closed.', expected: [[0, 10, 'restricted-syntax']], says: '`:restricted[text]`' },
  { name: 'a misspelled span name', text: 'The case :restrcited[ZQSPELL] was closed.', expected: [[0, 10, 'restricted-syntax']], says: '`:restricted[text]`' },
  { name: 'a capitalised span name', text: 'The case :Restricted[ZQSPELL] was closed.', expected: [[0, 10, 'restricted-syntax']], says: '`:restricted[text]`' },
  { name: 'a space after the colon', text: 'The case : restricted[ZQSPELL] was closed.', expected: [[0, 10, 'restricted-syntax']], says: '`:restricted[text]`' },
  { name: "pandoc's span", text: 'The case [ZQSPELL]{.restricted} was closed.', expected: [[0, 19, 'restricted-syntax']], says: '`:restricted[text]`' },
  { name: 'inside a decision', text: 'In conclusion, the PTC:\n\n- took note of :restricted [ZQSPELL].', expected: [[2, 16, 'restricted-syntax']], says: '`:restricted[text]`' },
  // A span is read as brackets are: a `]` that closes nothing after it is an error, never the end of plain text.
  { name: 'a stray closing bracket after a span', text: 'Text :restricted[option a) or b] ZQSPELL rest] end.', expected: [[0, 46, 'restricted-unclosed']], says: '`\\]`' },
  { name: 'a span never closed', text: 'Text :restricted[option a [ZQSPELL] end.', expected: [[0, 6, 'restricted-unclosed']], says: 'not closed in its paragraph' },
  { name: 'an HTML comment over the opening', text: 'Text <!-- n :restricted[x --> ZQSPELL rest] end.', expected: [[0, 6, 'restricted-syntax']], says: '`:restricted[text]`' },
  { name: 'an HTML comment meant as a marker', text: '<!-- restricted -->\n\nThe ZQSPELL case.', expected: [[0, 1, 'restricted-syntax']], says: 'a comment withholds nothing' },
  { name: 'a restricted class on an HTML block', text: '<div class="restricted">\n\nThe ZQSPELL case.\n\n</div>', expected: [[0, 1, 'restricted-syntax']], says: '`:::restricted`' },
  { name: 'a confidential class on an HTML span', text: 'The case <span class="confidential">ZQSPELL</span> was closed.', expected: [[0, 10, 'restricted-syntax']], says: '`:restricted[text]`' },
  { name: 'private', text: 'The case :private[ZQSPELL] was closed.', expected: [[0, 10, 'restricted-syntax']], says: '`:restricted[text]`' },
  { name: 'confidential', text: 'The case :confidential[ZQSPELL] was closed.', expected: [[0, 10, 'restricted-syntax']], says: '`:restricted[text]`' },
  { name: 'secret', text: 'The case :secret[ZQSPELL] was closed.', expected: [[0, 10, 'restricted-syntax']], says: '`:restricted[text]`' },
  { name: 'internal', text: 'The case :internal[ZQSPELL] was closed.', expected: [[0, 10, 'restricted-syntax']], says: '`:restricted[text]`' },
  { name: 'a full-width colon', text: 'The case ：restricted[ZQSPELL] was closed.', expected: [[0, 10, 'restricted-syntax']], says: '`：restricted[`' },
  { name: 'a character reference for the colon', text: 'The case &#58;restricted[ZQSPELL] was closed.', expected: [[0, 10, 'restricted-syntax']], says: '`&#58;restricted[`' },
  { name: 'an escaped colon', text: 'The case \\:restricted[ZQSPELL] was closed.', expected: [[0, 10, 'restricted-syntax']], says: '`\\:restricted[`' },
  { name: 'a zero-width space in the name', text: 'The case :rest\u200Bricted[ZQSPELL] was closed.', expected: [[0, 10, 'restricted-syntax']], says: '`:restricted[text]`' },
  { name: 'a code block that takes the closing line', text: ':::restricted\nThe case.\n\n```\n:::\n```\n\nThe ZQSPELL case.\n:::', expected: [[3, 1, 'restricted-syntax']], says: 'still open' },
  { name: 'an HTML comment that takes the closing line', text: ':::restricted\nThe case.\n\n<!--\n:::\n-->\n\nThe ZQSPELL case.\n:::', expected: [[3, 1, 'restricted-syntax'], [8, 1, 'directive-syntax']], says: 'still open' },
];

async function meetingWith(text: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'acta-spelling-'));
  await writeFile(path.join(dir, 'meeting.md'), `${MEETING}\n${text}\n`);
  return dir;
}

describe('a near-miss spelling of restricted is an error, never published', async () => {
  // One `acta build` of every variant (a process each cost about 10 s): each variant's lines are those of its own file.
  const dirs = await Promise.all(VARIANTS.map(({ text }) => meetingWith(text)));
  const out = await mkdtemp(path.join(tmpdir(), 'acta-spelling-out-'));
  const all = acta('build', ...dirs, '--out', out);

  it('exits 1, with every problem on stderr and nothing written', async () => {
    expect(all.status).toBe(1);
    expect(all.stderr).not.toMatch(/^\s+at /m);
    for (const dir of dirs) expect(existsSync(path.join(out, path.basename(dir))), dir).toBe(false);
    expect(all.stderr.trim().split('\n').filter((l) => !l.includes('[no-decisions]') && !dirs.some((dir) => l.startsWith(path.join(dir, 'meeting.md'))))).toEqual([]);
  });

  it.each(VARIANTS.map((v, i) => ({ ...v, dir: dirs[i]! })))('$name', async ({ dir, expected, says }) => {
    const lines = all.stderr.trim().split('\n').filter((l) => l.startsWith(`${path.join(dir, 'meeting.md')}:`) && l.includes(': error: '));
    expect(lines.map((l) => /:(\d+):(\d+): error: .* \[([\w-]+)\]$/.exec(l)?.slice(1))).toEqual(
      expected.map(([line, column, rule]) => [String(FIRST + line), String(column), rule]),
    );
    expect(lines[0]).toContain(says);
  });

  it('keeps prose that only looks like a directive: times, "Note:important", code', async () => {
    const dir = await meetingWith('The meeting resumed at 10:30 (Note:important); the syntax is `:restricted[text]` and `{.restricted}`.');
    const r = acta('check', dir);
    expect(r.status).toBe(0);
    expect(r.stderr.split('\n').filter((l) => l && !l.includes('[no-decisions]'))).toEqual([]);
  });
});

describe('the right spellings are withheld from every public output', () => {
  it('`:::restricted` blocks and `:restricted[…]` spans, indented up to three spaces', async () => {
    const dir = await meetingWith(
      ':::restricted\nThe ZQSPELL-BLOCK case.\n:::\n\nThe case :restricted[ZQSPELL-SPAN] was closed.\n\n   :::restricted\n   The ZQSPELL-INDENTED case.\n   :::\n\n' +
        // Brackets, code and comments inside a span are its text: only its own `]` ends it.
        'The case :restricted[code `]` ZQSPELL-CODE] and :restricted[a) or [b] ZQSPELL-BRACKETS] and :restricted[<!-- ] --> ZQSPELL-COMMENT] was closed.',
    );
    const out = await mkdtemp(path.join(tmpdir(), 'acta-spelling-out-'));
    const r = acta('build', dir, '--out', out);
    expect(r.status).toBe(0);
    const folder = path.join(out, path.basename(dir));
    const files = (await readdir(folder)).filter((f) => f.includes('-public.'));
    expect(files.sort()).toEqual(['SPELL1-public.docx', 'SPELL1-public.html', 'SPELL1-public.json', 'decisions-public.json']);
    for (const f of files) {
      const bytes = await readFile(path.join(folder, f));
      const text = f.endsWith('.docx') ? Object.values(unzipSync(new Uint8Array(bytes))).map((part) => strFromU8(part)).join('\n') : bytes.toString('utf8');
      expect(text).not.toContain('ZQSPELL');
    }
    const full = await readFile(path.join(folder, 'SPELL1.html'), 'utf8');
    for (const marker of ['ZQSPELL-BLOCK', 'ZQSPELL-SPAN', 'ZQSPELL-INDENTED', 'ZQSPELL-CODE', 'ZQSPELL-BRACKETS', 'ZQSPELL-COMMENT']) expect(full).toContain(marker);
  });
});
