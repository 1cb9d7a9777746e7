// The README is the user's guide and docs/format.md the format reference: every frontmatter key the schemas
// know is documented in the reference, and no link of either leaves the repository.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LIMITS } from '../src/limits.js';
import { describe, expect, it } from 'vitest';
import { LINK_RELATIONS } from '../src/model.js';
import { annexSchema, documentSchema, meetingSchema } from '../src/parse/frontmatter.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const reference = readFileSync(path.join(root, 'docs/format.md'), 'utf8');

/** The table rows of the format reference's section under `heading`, by their first cell. */
function documentedKeys(heading: string): string[] {
  const start = reference.indexOf(`\n### ${heading}\n`);
  expect(start, `docs/format.md section "${heading}"`).toBeGreaterThan(-1);
  const section = reference.slice(start + 1).split(/\n#{2,3} /)[0] ?? '';
  return [...section.matchAll(/^\| `([\w-]+)` \|/gm)].map((m) => m[1]!);
}

describe('the README', () => {
  it('documents every key of meeting.md that the schema knows, and no other', () => {
    const keys = Object.keys(meetingSchema.shape);
    expect(keys.length).toBeGreaterThanOrEqual(15);
    expect(documentedKeys('meeting.md frontmatter').sort()).toEqual([...keys].sort());
  });

  it('documents every key of an annex that the schema knows, and no other', () => {
    const keys = Object.keys(annexSchema.shape);
    expect(documentedKeys('Annex frontmatter').sort()).toEqual([...keys].sort());
  });

  it('documents every key of a working document that the schema knows, and no other', () => {
    expect(documentedKeys('Working documents frontmatter').sort()).toEqual(Object.keys(documentSchema.shape).sort());
  });

  it('names every construct of the text', () => {
    for (const construct of ['`#` heading', '`##` heading', '*(For discussion and decision)*', 'In conclusion, the PTC:', '`{#id}`', '`[](#id)`', '`[^key]: the note`', '`{++added++}`', '`{>>text<<}`', '`:::restricted`', '`:restricted[words]`', '`<!-- no-decisions -->`', '`:::banner[THEME]`', '`:::day[', '`::toc`']) {
      expect(reference).toContain(construct);
    }
  });

  it("shows the agenda's theme rows, day timetables and table of contents in the user's guide", () => {
    for (const construct of ['`:::banner[', '`:::day[', '`::toc`']) expect(readme).toContain(construct);
  });

  it('documents every link a decision can make to an earlier one, and no other', () => {
    const start = reference.indexOf('\n### Decision ids and links\n');
    const section = reference.slice(start + 1).split(/\n#{2,3} /)[0] ?? '';
    expect([...section.matchAll(/^\| `([\w-]+)` \|/gm)].map((m) => m[1]!).sort()).toEqual([...LINK_RELATIONS].sort());
  });

  it.each([
    ['README.md', readme, ''],
    ['docs/format.md', reference, 'docs'],
    ['docs/outputs.md', readFileSync(path.join(root, 'docs/outputs.md'), 'utf8'), 'docs'],
  ])('%s links only to files of the repository, and they exist', (_, text, folder) => {
    // Code shows the format (`![A map](images/map.png)` is an example, not a link): left out.
    const prose = text.replace(/```[\s\S]*?```/g, '').replace(/``[^`]*``|`[^`\n]*`/g, '');
    const targets = [...prose.matchAll(/\]\(([^)\s]+)\)|src="([^"]+)"/g)].map((m) => m[1] ?? m[2]!);
    expect(targets.length).toBeGreaterThan(3);
    for (const target of targets) {
      if (target.startsWith('#')) continue;
      expect(target, target).not.toMatch(/^[a-z]+:|^\//i);
      const file = path.resolve(root, folder, target.split('#')[0]!);
      expect(path.relative(root, file), target).not.toMatch(/^\.\./);
      expect(existsSync(file), target).toBe(true);
    }
  });

  it('lists the limits acta keeps, as src/limits.ts sets them', () => {
    const n = (v: number) => v.toLocaleString('en-US');
    const mb = (v: number) => `${v / (1024 * 1024)} MB`;
    const limits = readme.slice(readme.indexOf('**Limits**'), readme.indexOf('How each was chosen'));
    for (const said of [`${mb(LIMITS.meetingBytes)} of Markdown`, `${n(LIMITS.meetingNodes)} paragraphs`, `${n(LIMITS.fileLines)} lines in a file`, `${LIMITS.blockDepth} levels`, `${n(LIMITS.tableCells)} cells in a table`, `${n(LIMITS.footnotes)} footnotes`, `picture of ${mb(LIMITS.pictureBytes)} (${mb(LIMITS.picturesBytes)} all together)`]) {
      expect(limits, said).toContain(said);
    }
  });

  it('is a guide a user reads through: under 350 lines (the detail is in docs/)', () => {
    expect(readme.trimEnd().split('\n').length).toBeLessThan(350);
  });

  it('says how to put acta on the PATH', () => {
    expect(readme).toContain('npm install --global .');
    expect(readme).toContain('npm link');
  });
});

describe("the README's command table", () => {
  it("lists exactly the options each command's --help shows", async () => {
    const { createProgram } = await import('../src/cli.js');
    const program = createProgram(() => {});
    const table = readme.slice(readme.indexOf('\n## Commands\n')).split('\n\n')[1]!;
    const rows = [...table.matchAll(/^\| `acta ([\w-]+)([^`]*)` \|/gm)];
    expect(rows.map((r) => r[1]).sort()).toEqual(program.commands.map((c) => c.name()).filter((n) => n !== 'help').sort());
    for (const [, name, usage] of rows) {
      const help = program.commands.find((c) => c.name() === name)!.helpInformation();
      // A help line may name another option in its text: the options are the first of each line.
      const own = [...(help.split('\nOptions:\n')[1] ?? '').matchAll(/^\s+(?:-\w, )?(--[\w-]+)/gm)].map((m) => m[1]!).filter((o) => o !== '--help');
      expect([...new Set(usage!.match(/--[\w-]+/g) ?? [])].sort(), `acta ${name}`).toEqual([...new Set(own)].sort());
    }
  });

  it('shows required options as required in the usage line', async () => {
    const { createProgram } = await import('../src/cli.js');
    const program = createProgram(() => {});
    expect(program.commands.find((c) => c.name() === 'import')!.helpInformation()).toMatch(/^Usage: acta import <file> --into <dir>/);
  });
});
