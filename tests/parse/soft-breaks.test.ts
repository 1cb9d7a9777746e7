import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { parseMarkdown } from '../../src/parse/create-processor.js';
import { checkSoftBreaks } from '../../src/parse/soft-breaks.js';
import { runBody } from '../helpers.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const decide = '\n\nIn conclusion, the PTC:\n\n- took note.\n';

/** The warnings the check gives every paragraph of a Markdown file. */
function softBreaks(file: string): Diagnostic[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  const found: Diagnostic[] = [];
  visit(parseMarkdown(text), 'paragraph', (node) => checkSoftBreaks(file, text, node.position!.start.offset!, node.position!.end.offset!, found));
  return found;
}

describe('paragraphs typed on consecutive lines', () => {
  it('warn at the second line when a line ending a sentence is followed by one starting a sentence', () => {
    const r = runBody(`# Opening\n\nThe Chairperson opened the session.\nThe Secretary General welcomed the delegates.${decide}`);
    expect(r.problems).toEqual(['m/meeting.md:14:1 warning soft-line-break']);
    expect(r.diagnostics[0]!.message).toContain('expected a blank line before a new paragraph');
    expect(r.diagnostics[0]!.message).toContain('if this is one paragraph, join the lines');
  });

  it('do not warn for hard-wrapped text, abbreviations, initials, hard breaks or a line starting in lower case', () => {
    const wrapped = [
      'The Secretariat presented the draft Work Programme for the next three years.',
      'The PTC welcomed it and noted the comments of several Members, who asked that',
      'the Programme be read with the Strategic Plan (Doc.',
      'PC0495) and with the report of Mr. J.',
      'Smith. It was adopted.  ',
      'Signed: the Chair\\',
      'The Secretary.',
    ].join('\n');
    expect(runBody(`# Opening\n\n${wrapped}${decide}`).problems).toEqual([]);
  });

  it('do not warn after an abbreviation or an initial, even on short lines that were not wrapped', () => {
    for (const text of ['See the Plan (Doc.\nPC0495), adopted.', 'Thanks to Mr.\nSmith, adopted.', 'Said by J.\nSmith, adopted.']) {
      expect(runBody(`# Opening\n\n${text}${decide}`).problems, text).toEqual([]);
    }
    // The same lines after a word that is no abbreviation: a new sentence.
    expect(runBody(`# Opening\n\nSee the Plan (Docket.\nPC0495), adopted.${decide}`).problems).toEqual(['m/meeting.md:14:1 warning soft-line-break']);
  });

  it('read a long line by its end: a sentence ending a line of 100,000 letters is found as on a short one', () => {
    expect(runBody(`# Opening\n\n${'a'.repeat(100_000)} ends.\nThe next sentence.${decide}`).problems).toEqual(['m/meeting.md:14:1 warning soft-line-break']);
  });

  it('do not warn anywhere in the shipped meetings, templates, or the hard-wrapped README and docs', () => {
    const files = ['README.md', ...readdirSync(path.join(root, 'docs')).map((f) => `docs/${f}`)];
    for (const top of ['meetings', 'templates/new-meeting']) {
      for (const f of readdirSync(path.join(root, top), { recursive: true }) as string[]) if (f.endsWith('.md') && !f.endsWith('NOTES.md')) files.push(`${top}/${f}`);
    }
    expect(files.length).toBeGreaterThan(80);
    expect(files.flatMap(softBreaks).map((d) => `${d.file}:${d.line}:${d.column}`)).toEqual([]);
  });
});
