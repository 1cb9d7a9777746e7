// References and agenda ranges are Word fields in their long form, so readers that ignore fields' codes
// (pandoc, python-docx) still show their computed labels, and Word can update them.

import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildTo, sharedBuild } from '../../build-helpers.js';
import { docxParts } from '../../readers.js';
import { tool } from '../../external-tools.js';

const run = promisify(execFile);

/** The visible text of each paragraph of document.xml that holds a REF field (tracked deletions left out). */
function paragraphsWithFields(document: string): string[] {
  const paragraphs = document.match(/<w:p[ >](?:(?!<\/w:p>).)*<\/w:p>/g) ?? [];
  return paragraphs
    .filter((p) => p.includes('<w:instrText xml:space="preserve"> REF '))
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .map((t) => t.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/\s+/g, ' ').trim());
}

// pandoc prints footnote calls as [1]; Word shows them as superscripts, not in the text compared here.
const squash = (s: string) => s.replace(/\[\d+\]/g, '').replace(/\s+/g, ' ');

describe.each([
  ['meetings/ptc-219-220', 'PC0517E1a', 175 + 22],
  ['meetings/exemple-fr', 'PI0231F1a', 0],
])('%s: references read by pandoc', async (dir, symbol) => {
  // The report's references are read here: no working document is built.
  const built = await buildTo(dir, ['docx'], { documents: false });
  const docx = path.join(built.folder, `${symbol}.docx`);
  const document = (await docxParts(docx))['word/document.xml']!;
  const { stdout } = await run(tool('pandoc'), ['-f', 'docx', '-t', 'plain', '--wrap=none', docx], { maxBuffer: 64 * 1024 * 1024 });
  const plain = squash(stdout);

  it('writes no short-form field', () => {
    expect(document).not.toContain('<w:fldSimple');
  });

  it('shows, in pandoc\'s plain text, every paragraph with a reference as Word shows it, labels included', () => {
    const expected = paragraphsWithFields(document).filter((t) => !/^\d{2,3}( - \d{2,3})?$/.test(t));
    expect(expected.length).toBeGreaterThan(3);
    const missing = expected.filter((t) => !plain.includes(t));
    expect(missing).toEqual([]);
  });
});

describe('the agenda table\'s Paragraph column', async () => {
  const built = await sharedBuild('meetings/ptc-219-220');
  const document = (await docxParts(path.join(built.folder, 'PC0517E1a.docx')))['word/document.xml']!;
  const { items } = JSON.parse(await readFile(path.join(built.folder, 'PC0517E1a.json'), 'utf8')) as { items: { first: number; last: number }[] };
  const agenda = /<w:tbl>(?:(?!<\/w:tbl>).)*Agenda Item(?:(?!<\/w:tbl>).)*<\/w:tbl>/.exec(document)![0];

  it('writes each range as two REF fields to the first and last paragraph, zero-padded, joined by " - "', () => {
    const field = (n: number, label: string) =>
      `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> REF para_${n} \\n \\# &quot;00&quot; </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t xml:space="preserve">${label}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`;
    expect(agenda).toContain(`${field(1, '01')}<w:r><w:t xml:space="preserve"> - </w:t></w:r>${field(6, '06')}</w:p>`);
    expect(agenda).toContain(`${field(153, '153')}<w:r><w:t xml:space="preserve"> - </w:t></w:r>${field(156, '156')}</w:p>`);
    // One field for an item of one paragraph, two for a range: each to the first and last paragraph the JSON gives.
    const instructions = [...agenda.matchAll(/<w:instrText xml:space="preserve"> REF (para_\d+) \\n \\# &quot;00&quot; <\/w:instrText>/g)].map((m) => m[1]);
    expect(instructions).toEqual(items.flatMap((i) => (i.first === i.last ? [`para_${i.first}`] : [`para_${i.first}`, `para_${i.last}`])));
    expect(agenda).not.toMatch(/<w:t xml:space="preserve">\d{2,3} - \d{2,3}<\/w:t>/);
  });
});
