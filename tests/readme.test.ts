// The README is the format reference users get with the clone: every frontmatter key the schemas
// know is documented in it, and none of its links leaves the repository.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { annexSchema, documentSchema, meetingSchema } from '../src/parse/frontmatter.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');

/** The table rows of the README section under `heading`, by their first cell. */
function documentedKeys(heading: string): string[] {
  const start = readme.indexOf(`\n### ${heading}\n`);
  expect(start, `README section "${heading}"`).toBeGreaterThan(-1);
  const section = readme.slice(start + 1).split(/\n#{2,3} /)[0] ?? '';
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
    for (const construct of ['`#` heading', '`##` heading', '*(For discussion and decision)*', 'In conclusion, the PTC:', '`{#id}`', '`[](#id)`', '`[^key]: the note`', '`{++added++}`', '`{>>text<<}`', '`:::restricted`', '`:restricted[words]`', '`<!-- no-decisions -->`']) {
      expect(readme).toContain(construct);
    }
  });

  it('links only to files of the repository, and they exist', () => {
    const targets = [...readme.matchAll(/\]\(([^)\s]+)\)|src="([^"]+)"/g)].map((m) => m[1] ?? m[2]!);
    expect(targets.length).toBeGreaterThan(5);
    for (const target of targets) {
      if (target.startsWith('#')) continue;
      expect(target, target).not.toMatch(/^[a-z]+:|^\.\.|^\//i);
      expect(existsSync(path.join(root, target.split('#')[0]!)), target).toBe(true);
    }
  });

  it('says how to put acta on the PATH', () => {
    expect(readme).toContain('npm install --global .');
    expect(readme).toContain('npm link');
  });
});
