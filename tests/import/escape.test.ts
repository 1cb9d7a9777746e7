// The import's one escaping function, read back by acta's own reader: whatever a reviewer typed is exactly the text
// of the paragraph acta reads, never a heading, list, link, change or directive.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeLineStarts, escapeText, escapeUrl } from '../../src/import/escape.js';
import type { Inline } from '../../src/model.js';
import { RUNS } from '../properties/run-spec.js';
import { runBody } from '../helpers.js';

/** The text of inline content as a reader sees it: words, line breaks as new lines. */
function plain(nodes: readonly Inline[]): string {
  return nodes.map((n) => (n.type === 'text' || n.type === 'code' ? n.value : n.type === 'break' ? '\n' : 'children' in n ? plain(n.children) : `<${n.type}>`)).join('');
}

/** The first paragraph of the first item, and every problem acta finds, for a paragraph written as the import writes it. */
function readBack(typed: string) {
  const markdown = escapeLineStarts(escapeText(typed));
  const r = runBody(`# Item {#item}\n\n*(For information)*\n\n${markdown}\n`);
  const first = r.numbered?.items[0]?.body[0];
  return { markdown, problems: r.diagnostics.filter((d) => d.severity === 'error'), paragraph: first?.type === 'paragraph' ? first : null, count: r.numbered?.items[0]?.body.length };
}

const MARKDOWN_CHARACTERS = [...'#*_`[]()<>!~{}|:\\-+=.&^"\'$%/ 1aZé\n\t', '++}', '{++', '{--', '~>', '{>>', '<<}', '{#x}', '&amp;', '&#58;', ':restricted[', ':::', '10:30', 'http://x.y', '[^1]', '<!--', '-->', '```', '1.', '* ', '> ', '# ', '---'];

describe('text a reviewer typed, as the import writes it', () => {
  it.each([
    ['# Not an item'],
    ['- not a list'],
    ['> not a quote'],
    ['<insert date>'],
    ['`not code`'],
    ['~~not struck~~'],
    ['*not* _em_'],
    ['[x](#y) and [^1]'],
    ['{++ not a change ++} {>>nor a comment<<}'],
    ['ends with {#not-an-id}'],
    ['1. not numbered'],
    ['two\nlines\n# and a heading'],
    ['&amp; &#58; stay'],
    ['a | b'],
    ['---'],
    ['==='],
  ])('%j reads back as itself, in one paragraph', (typed) => {
    const { paragraph, problems, count, markdown } = readBack(typed);
    expect(problems, markdown).toEqual([]);
    expect(count, markdown).toBe(1);
    expect(plain(paragraph!.content), markdown).toBe(typed);
    expect(paragraph!.id).toBeNull();
  });

  it(`any text of Markdown's characters reads back as itself (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...MARKDOWN_CHARACTERS), { minLength: 1, maxLength: 30 }), (pieces) => {
        // What Word can hold in one paragraph's words: no blank lines, no spaces around line breaks.
        const typed = pieces.join('').replace(/\n+/g, '\n').replace(/[ \t]*\n[ \t]*/g, '\n').replace(/^[\s]+|[\s]+$/g, '');
        fc.pre(/\S/.test(typed) && !/:restricted|restricted\[/i.test(typed));
        const { paragraph, problems, count, markdown } = readBack(typed);
        expect(problems, markdown).toEqual([]);
        expect(count, markdown).toBe(1);
        expect(plain(paragraph!.content), markdown).toBe(typed);
      }),
      { numRuns: RUNS * 4 },
    );
  });

  it('percent-encodes what would end or break a link address, and nothing else', () => {
    expect(escapeUrl('http://x.y/a)]')).toBe('http://x.y/a%29%5D');
    expect(escapeUrl('https://www.wcoomd.org/en/topics.aspx?id=2&x=1')).toBe('https://www.wcoomd.org/en/topics.aspx?id=2&x=1');
    const r = runBody(`# Item {#item}\n\n*(For information)*\n\nSee :restricted[the [participants](${escapeUrl('http://x.y/a)]')}) list] here.\n`);
    const content = r.numbered!.items[0]!.body[0]!;
    expect(content.type === 'paragraph' && plain(content.content)).toBe('See <restricted> here.'.replace('<restricted>', 'the participants list'));
  });
});
