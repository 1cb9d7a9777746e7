// `:restricted[…]` is read by the Markdown parser itself, as brackets are: code spans, escapes, HTML
// comments and link addresses inside it are its text, and only its own `]` ends it.

import type { Paragraph, PhrasingContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/parse/create-processor.js';
import { runBody } from '../helpers.js';

/** The phrasing of the first block, as `type(children…)` or text, restricted spans with their start and end columns. */
function shape(markdown: string): string {
  const block = parseMarkdown(markdown).children[0] as Paragraph;
  const show = (nodes: readonly PhrasingContent[]): string =>
    nodes
      .map((n) => {
        const at = n.type === 'restrictedSpan' || n.type === 'restrictedMarkerUnpaired' ? `@${n.position!.start.column}-${n.position!.end.column}` : '';
        if ('children' in n) return `${n.type}${at}(${show(n.children as PhrasingContent[])})`;
        return n.type === 'text' ? JSON.stringify(n.value) : `${n.type}${at}[${'value' in n ? n.value : ''}]`;
      })
      .join(' ');
  return show(block.children);
}

describe('the syntax extension', () => {
  it.each([
    ['a :restricted[b] c', '"a " restrictedSpan@3-17("b") " c"'],
    // Brackets inside nest; a `]` in code, after a backslash or in an HTML comment is text.
    ['a :restricted[b [c] d] e', '"a " restrictedSpan@3-23("b [c] d") " e"'],
    ['a :restricted[code `]` b] c', '"a " restrictedSpan@3-26("code " inlineCode[]] " b") " c"'],
    ['a :restricted[b \\] c] d', '"a " restrictedSpan@3-22("b ] c") " d"'],
    ['a :restricted[b <!-- ] --> c] d', '"a " restrictedSpan@3-30("b " html[<!-- ] -->] " c") " d"'],
    // A link's `](…)` is the link's, whatever its address holds.
    ['a :restricted[see [x](http://a.b/]) y] z', '"a " restrictedSpan@3-39("see " link("x") " y") " z"'],
    ['[x :restricted[y] z](http://a.b/)', 'link("x " restrictedSpan@4-18("y") " z")'],
    // Emphasis and changes cannot straddle its edges.
    ['*a :restricted[b] c*', 'emphasis("a " restrictedSpan@4-18("b") " c")'],
    ['a :restricted[b *c] d*', '"a " restrictedSpan@3-20("b *c") " d*"'],
    ['{++a :restricted[b ++} c]', 'criticMarkerUnpaired[{++] "a " restrictedSpan@6-26("b ++} c")'],
    // Across a soft line break, in a heading.
    ['a :restricted[b\nc] d', '"a " restrictedSpan@3-3("b\\nc") " d"'],
    ['# T :restricted[s] u', '"T " restrictedSpan@5-19("s") " u"'],
    // An opening never closed, and a `]` that closes nothing after a span, are kept as typed to be reported.
    ['a :restricted[b [c d', '"a " restrictedMarkerUnpaired@3-15[:restricted[] "b [c d"'],
    ['a :restricted[b] c] d', '"a " restrictedSpan@3-17("b") " c" restrictedMarkerUnpaired@19-20[]] " d"'],
    ['[a] b] :restricted[c] [d] e', '"[a] b] " restrictedSpan@8-22("c") " [d] e"'],
    // Never opened inside code, an HTML comment, a link address, or after another colon.
    ['`:restricted[a]` b', 'inlineCode[:restricted[a]] " b"'],
    ['a <!-- :restricted[ --> b] c', '"a " html[<!-- :restricted[ -->] " b] c"'],
    ['[x](http://a.b/:restricted[c]) d', 'link("x") " d"'],
    ['a::restricted[b] c', '"a::restricted[b] c"'],
  ])('%j', (markdown, expected) => {
    expect(shape(markdown)).toBe(expected);
  });

  it('reads a span in a table cell, and one open at the cell\'s end as unclosed', () => {
    const table = parseMarkdown('| a | :restricted[b] |\n| - | - |\n| :restricted[c | d] |\n').children[0]!;
    expect(JSON.stringify(table)).toContain('"type":"restrictedSpan"');
    expect(JSON.stringify(table)).toContain('"type":"restrictedMarkerUnpaired","value":":restricted["');
  });

  it('reports each of 20,000 brackets after a span', () => {
    // The look back for an open bracket stops where the last one found none, so this is one pass, not 20,000.
    const tree = parseMarkdown(`a :restricted[b] ${']'.repeat(20_000)}`);
    expect(JSON.stringify(tree).match(/restrictedMarkerUnpaired/g)).toHaveLength(20_000);
  });
});

describe('what the parse stage makes of it', () => {
  const problems = (body: string) => runBody(`# Item\n\n*(For information)*\n\n${body}\n`).problems.filter((p) => !p.endsWith('no-decisions'));

  it('makes a restricted inline of a span, nothing else', () => {
    const r = runBody('# Item\n\n*(For information)*\n\nA :restricted[b `]` c] d.\n');
    expect(r.problems).toEqual([]);
    const paragraph = r.numbered!.items[0]!.body[0]!;
    expect(paragraph.type === 'paragraph' && paragraph.content.map((n) => n.type)).toEqual(['text', 'restricted', 'text']);
  });

  it.each([
    ['A :restricted[b] c] d.', ['m/meeting.md:15:19 error restricted-unclosed']],
    ['A :restricted[b [c d.', ['m/meeting.md:15:3 error restricted-unclosed']],
    ['A <!-- :restricted[ --> b] c.', ['m/meeting.md:15:3 error restricted-syntax']],
    ['<!-- restricted from here -->\n\nB.', ['m/meeting.md:15:1 error restricted-syntax']],
    ['A :confidential[b] c.', ['m/meeting.md:15:3 error restricted-syntax']],
    ['A ：restricted[b] c.', ['m/meeting.md:15:3 error restricted-syntax']],
    ['A &#x3A;restricted[b] c.', ['m/meeting.md:15:3 error restricted-syntax']],
    ['A :note[b :restricted[c] d] e.', ['m/meeting.md:15:3 error restricted-syntax']],
    ['A ![b :restricted[c]](d.png) e.', ['m/meeting.md:15:3 error restricted-syntax']],
    [':::restricted\nA.\n\n<!--\n:::\n-->\n\nB.\n:::', ['m/meeting.md:18:1 error restricted-syntax', 'm/meeting.md:23:1 error directive-syntax']],
    // A `]` meant inside an address, a parenthesis or code that Markdown did not take, with the rest balanced after it.
    ['A :restricted[[[b](https://e.org/) c](<https://e.org/] [d>) e] f.', ['m/meeting.md:15:54 error restricted-unclosed']],
    ['A :restricted[a (see] [b]) c.', ['m/meeting.md:15:21 error restricted-unclosed']],
    ['A :restricted[a `x] [b] c.', ['m/meeting.md:15:19 error restricted-unclosed']],
    ['A :restricted[see <https://e.org/] and [more>] c.', ['m/meeting.md:15:34 error restricted-unclosed']],
    // A stray backtick opens code that swallows the next span's opener: that span would be published.
    ['A :restricted[`b c] and :restricted[`] [d`] e.', ['m/meeting.md:15:15 error restricted-syntax']],
  ])('%j', (body, expected) => {
    expect(problems(body)).toEqual(expected);
  });

  it('leaves prose alone: the words, a colon before them, brackets after them', () => {
    expect(problems('The secret [annex] is internal [draft]: private (b). Restricted: [see]. At 10:30 [noon].')).toEqual([]);
    expect(problems('<!-- a note for the secretariat -->\n\nB.')).toEqual([]);
    expect(problems('A :restricted[items a), b) and (c), x < y, \\( and \\`] d.')).toEqual([]);
  });
});
