// Every Markdown example of the README and the format reference builds, as a user would copy it: a whole
// `meeting.md` (or working document) as it stands, a passage into an item of a small meeting that holds the ids
// the passages refer to. Each build must write its documents with no error and no warning.

import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildTo } from './build-helpers.js';
import { FRONTMATTER } from './helpers.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Each ```markdown block of a file, with its first line number, its indentation taken off. */
function markdownExamples(file: string): { readonly line: number; readonly text: string }[] {
  const lines = readFileSync(path.join(root, file), 'utf8').split('\n');
  const found: { line: number; text: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```markdown\s*$/.exec(lines[i]!);
    if (!open) continue;
    const indent = open[1]!.length;
    const body: string[] = [];
    for (i++; i < lines.length && !/^\s*```\s*$/.test(lines[i]!); i++) body.push(lines[i]!.slice(Math.min(indent, lines[i]!.search(/\S|$/))));
    found.push({ line: i - body.length, text: body.join('\n') + '\n' });
  }
  return found;
}

/** Items whose ids the passages refer to (a timetable's rows, a working document's item). */
const HOST_ITEMS = `# Work programme {#work-programme}

*(For information)*

## Update of the Work Programme {#work-programme-update}

The Secretariat presented the update.

# Technology days {#technology-days}

*(For information)*

## Study report {#dt-study-report}

The Secretariat presented the study.

## Workshops {#dt-workshops}

The workshops were held.
`;

/** A folder holding the example: a whole meeting or document as written, or a passage inside a small meeting. */
function meetingFor(example: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'acta-example-'));
  const frontmatter = /^---\n([\s\S]*?)\n---\n/.exec(example)?.[1] ?? '';
  if (/^committee:/m.test(frontmatter)) {
    writeFileSync(path.join(dir, 'meeting.md'), example);
  } else if (/^item:/m.test(frontmatter)) {
    writeFileSync(path.join(dir, 'meeting.md'), FRONTMATTER + HOST_ITEMS);
    mkdirSync(path.join(dir, 'documents'));
    writeFileSync(path.join(dir, 'documents', 'document.md'), example);
  } else {
    const item = example.startsWith('#') ? '' : `# The example {#the-example}\n\n${example.startsWith('- ') ? 'In conclusion, the PTC:\n\n' : ''}`;
    writeFileSync(path.join(dir, 'meeting.md'), `${FRONTMATTER}${HOST_ITEMS}\n${item}${example}`);
  }
  return dir;
}

describe.each(['README.md', 'docs/format.md'])('the Markdown examples of %s', (file) => {
  const examples = markdownExamples(file);

  it('are found', () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
  });

  it.each(examples.map((e) => [e.line, e.text] as const))('line %i builds with no error or warning', async (_, text) => {
    const built = await buildTo(meetingFor(text), ['docx', 'html', 'json']);
    expect(built.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.ruleId} ${d.message}`)).toEqual([]);
    expect(built.report).not.toBeNull();
    expect(built.written.filter((f) => f.endsWith('.docx')).length).toBeGreaterThan(0);
  });
});
