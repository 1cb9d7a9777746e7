import { subitemsOf } from '../../src/walk.js';
import { describe, expect, it } from 'vitest';
import type { NumberedParagraph } from '../../src/model.js';
import { paragraphs, runBody, run, FRONTMATTER, stripRanges, textOf } from '../helpers.js';

// FRONTMATTER is 10 lines: the body starts on line 11.
const L = (n: number) => 10 + n;

describe('items, purposes and sub-items', () => {
  const body = `# Opening and adoption of the Agenda {#opening}

*(For guidance and decision)*

## Opening speech {#speech}

The Chairperson opened the session.

In conclusion, the PTC:

- took note of the opening remarks.

## Adoption of the Draft Agenda {#adoption}

There were no comments.{#no-comments}

In conclusion, the PTC:

- adopted the Draft Agenda.
`;
  const r = runBody(body);

  it('reads the item, its purpose and two sub-items without problems', () => {
    expect(r.problems).toEqual([]);
    const item = r.numbered!.items[0]!;
    expect(textOf(item.title)).toBe('Opening and adoption of the Agenda');
    expect(item.id).toBe('opening');
    expect(item.purpose).toBe('For guidance and decision');
    expect(subitemsOf(item).map((s) => [s.letter, s.id, textOf(s.title)])).toEqual([
      ['a', 'speech', 'Opening speech'],
      ['b', 'adoption', 'Adoption of the Draft Agenda'],
    ]);
  });

  it('never numbers the purpose, and numbers the conclusion phrase like any paragraph', () => {
    expect(paragraphs(r.numbered!)).toEqual([
      { number: 1, text: 'The Chairperson opened the session.' },
      { number: 2, text: 'In conclusion, the PTC:' },
      { number: 3, text: 'There were no comments.' },
      { number: 4, text: 'In conclusion, the PTC:' },
    ]);
  });

  it('takes the id off the end of a paragraph', () => {
    expect(r.numbered!.targets['no-comments']).toMatchObject({ kind: 'paragraph', label: '3', anchor: 'para-3' });
  });
});

describe('grouped sub-items', () => {
  it('lets consecutive ## headings share the paragraphs that follow', () => {
    const r = runBody(`# Updates and reports

## Inter-sessional developments
## Report from the 2nd Meeting
## Report from the 8th Meeting

All reports were grouped together.

In conclusion, the PTC:

- took note of the reports.
`);
    expect(r.problems).toEqual([]);
    const subs = subitemsOf(r.numbered!.items[0]!);
    expect(subs.map((s) => `${s.letter} ${s.paragraphRange?.label}`)).toEqual(['a 01 - 02', 'b 01 - 02', 'c 01 - 02']);
    expect(r.numbered!.items[0]!.body.filter((n) => n.type === 'subitems')).toHaveLength(1);
  });

  it('takes one purpose line a heading: a second line in parentheses is a numbered paragraph, never a new purpose', () => {
    const r = runBody('# Opening\n\n*(For information)*\n\n(The delegate of Japan spoke first.)\n');
    const item = r.numbered!.items[0]!;
    expect(item.purpose).toBe('For information');
    expect(item.body.map((n) => (n.type === 'paragraph' ? [n.number, n.content.map((c) => (c.type === 'text' ? c.value : c.type)).join('')] : n.type))).toEqual([[1, '(The delegate of Japan spoke first.)']]);
  });

  it('keeps a group open across a sub-item purpose line', () => {
    const r = runBody(`# Disruptive technologies

## Workshops
*(For discussion and guidance)*
## Plenary discussion
*(For decision)*

The workshops were held.

In conclusion, the PTC:

- took note.
`);
    const subs = subitemsOf(r.numbered!.items[0]!);
    expect(subs.map((s) => [s.letter, s.purpose, s.paragraphRange?.label])).toEqual([
      ['a', 'For discussion and guidance', '01 - 02'],
      ['b', 'For decision', '01 - 02'],
    ]);
  });
});

describe('paragraphs and what belongs to them', () => {
  const r = runBody(`# Item

The Secretariat reported:

- one point;
- another point.

| A | B |
| - | - |
| 1 | 2 |

> A quotation.

\`\`\`
code
\`\`\`

### A plain sub-heading

Second paragraph.

In conclusion, the PTC:

- took note.
`);

  it('numbers only top-level paragraphs; lists, tables, quotes and code belong to the paragraph before them', () => {
    expect(r.problems).toEqual([]);
    expect(paragraphs(r.numbered!).map((p) => p.number)).toEqual([1, 2, 3]);
    const first = r.numbered!.items[0]!.body[0]!;
    if (first.type !== 'paragraph') throw new Error(`expected a paragraph, got ${first.type}`);
    expect(first.blocks.map((b) => b.type)).toEqual(['list', 'table', 'quote', 'codeblock']);
  });

  it('keeps ### headings as plain unnumbered headings', () => {
    const heading = r.numbered!.items[0]!.body.find((n) => n.type === 'heading');
    expect(heading).toMatchObject({ type: 'heading', depth: 3 });
  });

  it('keeps a list right after a heading as an unnumbered loose block', () => {
    const s = runBody('# Item\n\n- a list first\n\nThen a paragraph.\n\nIn conclusion, the PTC:\n\n- ok.\n');
    expect(s.numbered!.items[0]!.body[0]).toMatchObject({ type: 'loose', block: { type: 'list' } });
    expect(paragraphs(s.numbered!).map((p) => p.number)).toEqual([1, 2]);
  });
});

describe('decision lists', () => {
  it('reads each list item after the conclusion phrase as a decision', () => {
    const r = runBody('# Item\n\nText.\n\nIn conclusion, the PTC:\n\n- took note;\n- adopted the *Guidelines*.\n');
    const para = r.numbered!.items[0]!.body[1]!;
    expect(para.type === 'paragraph' && para.decisions?.map((d) => textOf(d.content))).toEqual(['took note;', 'adopted the Guidelines.']);
  });

  it.each([
    ['In conclusion, the PTC :'],
    ['In conclusions, the PTC:'],
    ['In\u00a0conclusion,\u00a0the PTC\u00a0:'],
    ['in conclusion, the PTC:'],
  ])('tolerates spacing and plural in %j', (phrase) => {
    const r = runBody(`# Item\n\nText.\n\n${phrase}\n\n- took note.\n`);
    expect(r.problems).toEqual([]);
    expect(r.numbered!.decisions).toHaveLength(1);
  });

  it('uses the frontmatter conclusion phrase when one is set', () => {
    const fm = FRONTMATTER.replace('---\n', '---\nconclusion: "The Committee decided:"\n').replace(/^---\n/, '---\n');
    const r = run({ 'meeting.md': `${fm}# Item\n\nText.\n\nThe Committee decided:\n\n- to act.\n` });
    expect(r.numbered!.decisions.map((d) => d.id)).toEqual(['I-1']);
  });

  it('is an error when the phrase has no list after it', () => {
    const r = runBody('# Item\n\nIn conclusion, the PTC:\n\nThe meeting ended.\n');
    expect(r.problems).toContain(`m/meeting.md:${L(3)}:1 error conclusion-without-list`);
    expect(r.diagnostics.find((d) => d.ruleId === 'conclusion-without-list')!.message).toMatch(/^Unexpected conclusion phrase .* expected a `-` list/);
  });

  it('is an error when the phrase ends the file', () => {
    const r = runBody('# Item\n\nIn conclusion, the PTC:\n');
    expect(r.problems).toEqual([`m/meeting.md:${L(1)}:1 warning no-decisions`, `m/meeting.md:${L(3)}:1 error conclusion-without-list`]);
  });
});

describe('problems in the text', () => {
  it('reports text before the first item at its position', () => {
    const r = runBody('A stray paragraph.\n\n# Item\n\nText.\n\nIn conclusion, the PTC:\n\n- ok.\n');
    expect(r.problems).toEqual([`m/meeting.md:${L(1)}:1 error text-before-item`]);
  });

  it('reports a meeting without items', () => {
    const r = run({ 'meeting.md': FRONTMATTER });
    expect(r.problems).toEqual(['m/meeting.md:1:1 error no-items']);
  });

  it('refuses a paragraph pasted with its number and says how to write it', () => {
    const r = runBody('# Item\n\nFirst.\n\n12. The Secretariat reported.\n\nIn conclusion, the PTC:\n\n- ok.\n');
    expect(r.problems).toEqual([`m/meeting.md:${L(5)}:1 error typed-number`]);
    expect(r.diagnostics[0]!.message).toContain('acta numbers paragraphs itself');
    expect(r.diagnostics[0]!.message).toContain('`12.`');
  });

  it('refuses a numbered list right after a heading, even starting at 1', () => {
    const r = runBody('# Item\n\n1. The Chairperson opened.\n');
    expect(r.problems).toEqual([`m/meeting.md:${L(3)}:1 error typed-number`]);
  });

  it('refuses a numbered list after a paragraph that does not introduce it with a colon', () => {
    const r = runBody('# Item\n\nThe Chairperson opened the session.\n\n1. The Secretariat reported.\n2. The delegates spoke.\n\nIn conclusion, the PTC:\n\n- ok.\n');
    expect(r.problems).toEqual([`m/meeting.md:${L(5)}:1 error typed-number`]);
  });

  it('keeps a real numbered list introduced by a colon, and numbers the paragraphs around it', () => {
    const r = runBody('# Item\n\nThe PTC agreed on the following:\n\n1. a first point;\n2. a second point.\n\nThe Chairperson closed.\n\nIn conclusion, the PTC:\n\n1. took note.\n');
    expect(r.problems).toEqual([]);
    expect(bodyParagraphs(r).map((p) => p.number)).toEqual([1, 2, 3]);
    const first = bodyParagraphs(r)[0]!;
    expect(first.blocks.map((b) => b.type === 'list' && [b.ordered, b.items.length])).toEqual([[true, 2]]);
    expect(r.numbered!.decisions).toHaveLength(1);
  });

  it('refuses a paragraph indented by a tab or four spaces, which Markdown reads as code', () => {
    const r = runBody('# Item\n\nFirst.\n\n\tThe Secretariat reported.\n\n    A second one.\n\nIn conclusion, the PTC:\n\n- ok.\n');
    expect(r.problems).toEqual([`m/meeting.md:${L(5)}:1 error indented-paragraph`]);
    expect(r.diagnostics[0]!.message).toContain('a tab or four spaces');
    expect(r.diagnostics[0]!.message).toContain('```');
  });

  it('keeps fenced code, and indented code inside a list item', () => {
    const r = runBody('# Item\n\nThe syntax:\n\n```\n{++added++}\n```\n\n- a point\n\n      code in the list\n\nIn conclusion, the PTC:\n\n- ok.\n');
    expect(r.problems).toEqual([]);
    expect(bodyParagraphs(r)[0]!.blocks.map((b) => b.type)).toEqual(['codeblock', 'list']);
  });

  it('reads items across meeting.md and items/*.md in file-name order', () => {
    const r = run({
      'meeting.md': `${FRONTMATTER}# First\n\nOne.\n\nIn conclusion, the PTC:\n\n- ok.\n`,
      'items/02-third.md': '# Third\n\nThree.\n\nIn conclusion, the PTC:\n\n- ok.\n',
      'items/01-second.md': '# Second\n\nTwo.\n\nIn conclusion, the PTC:\n\n- ok.\n',
    });
    expect(r.numbered!.items.map((i) => `${i.numeral} ${textOf(i.title)} ${i.paragraphRange?.label}`)).toEqual(['I First 01 - 02', 'II Second 03 - 04', 'III Third 05 - 06']);
  });
});

describe('plain text stays plain', () => {
  const r = runBody('# Item\n\nAt 10:30 we met. Note:important and :note[kept]{x=1} here.\n\nIn conclusion, the PTC:\n\n- ok.\n');

  it('restores bare `:name` exactly as typed, with no message', () => {
    expect(paragraphs(r.numbered!)[0]!.text).toBe('At 10:30 we met. Note:important and :note[kept]{x=1} here.');
  });

  it('keeps an unknown `:name[…]` as typed with a warning at its position', () => {
    expect(r.problems).toEqual([`m/meeting.md:${L(3)}:37 warning unknown-directive`]);
  });

  it('errors on an unknown block directive', () => {
    const s = runBody('# Item\n\n:::note\nText.\n:::\n');
    expect(s.problems).toEqual([`m/meeting.md:${L(3)}:1 error unknown-directive`]);
  });

  it('errors on an unclosed ::: block at its opening line', () => {
    const s = runBody('# Item\n\nText.\n\nIn conclusion, the PTC:\n\n- ok.\n\n:::restricted\nSecret.\n');
    expect(s.problems).toEqual([`m/meeting.md:${L(9)}:1 error unclosed-directive`]);
  });

  it('lets CriticMarkup win over strikethrough', () => {
    const s = runBody('# Item\n\nThe {~~old~>new~~} text {++added *here*++} and {--gone--}.\n\nIn conclusion, the PTC:\n\n- ok.\n');
    expect(s.problems).toEqual([]);
    const para = s.numbered!.items[0]!.body[0]!;
    if (para.type !== 'paragraph') throw new Error('expected a paragraph');
    expect(para.content.map((n) => n.type)).toEqual(['text', 'del', 'ins', 'text', 'ins', 'text', 'del', 'text']);
    expect(JSON.stringify(para.content)).not.toContain('strike');
    expect(textOf(para.content)).toBe('The oldnew text added here and gone.');
  });

  it('keeps CriticMarkup inside code as typed', () => {
    const s = runBody('# Item\n\nWrite `{++this++}` to insert.\n\nIn conclusion, the PTC:\n\n- ok.\n');
    const para = s.numbered!.items[0]!.body[0]!;
    expect(para.type === 'paragraph' && para.content).toContainEqual(expect.objectContaining({ type: 'code', value: '{++this++}' }));
  });

  it('errors on CriticMarkup left open, at the opening marker', () => {
    const s = runBody('# Item\n\nThe {++added text never closes.\n\nIn conclusion, the PTC:\n\n- ok.\n');
    expect(s.problems).toEqual([`m/meeting.md:${L(3)}:5 error critic-unclosed`]);
  });
});

describe('restricted text', () => {
  const r = runBody('# Item\n\nPublic :restricted[secret words] text.\n\n:::restricted\nA restricted paragraph.\n\nIn conclusion, the PTC:\n\n- a restricted decision.\n:::\n\nLast.\n\nIn conclusion, the PTC:\n\n- ok.\n');

  it('marks block paragraphs restricted and keeps numbering them', () => {
    expect(r.problems).toEqual([]);
    const body = r.numbered!.items[0]!.body.filter((n) => n.type === 'paragraph');
    expect(body.map((p) => p.type === 'paragraph' && [p.number, p.restricted])).toEqual([
      [1, false], [2, true], [3, true], [4, false], [5, false],
    ]);
    expect(r.numbered!.decisions.map((d) => [d.id, d.restricted])).toEqual([['I-1', true], ['I-2', false]]);
  });

  it('reads :restricted[…] as a restricted span', () => {
    const first = r.numbered!.items[0]!.body[0]!;
    expect(first.type === 'paragraph' && first.content[1]).toMatchObject({ type: 'restricted', children: [{ type: 'text', value: 'secret words' }] });
  });
});

describe('footnotes and raw HTML', () => {
  it('serves a call from a definition in any file of the meeting, numbered in order of citation', () => {
    const r = run({
      'meeting.md': `${FRONTMATTER}# Item\n\nText.[^a]\n\nIn conclusion, the PTC:\n\n- ok.[^missions]\n\n[^a]: First.\n`,
      'items/01.md': '# Two\n\nMore.[^a]\n\nIn conclusion, the PTC:\n\n- ok.\n\n[^missions]: Second, defined in another file.\n',
    });
    expect(r.problems).toEqual([]);
    expect(r.numbered!.footnotes.map((f) => [f.number, textOf((f.blocks[0] as unknown as { content: never }).content)])).toEqual([
      [1, 'First.'], [2, 'Second, defined in another file.'],
    ]);
    // The second call of [^a], in items/01.md, is the same footnote.
    const calls = r.numbered!.items.flatMap((i) => i.body.flatMap((n) => (n.type === 'paragraph' ? n.content.filter((c) => c.type === 'footnote') : [])));
    expect(calls.map((c) => c.type === 'footnote' && c.key)).toEqual(['a', 'a']);
  });

  it('reports a call defined nowhere (error), a definition never called (warning) and a key defined twice (error)', () => {
    const r = run({
      'meeting.md': `${FRONTMATTER}# Item\n\nText.[^missions]\n\nIn conclusion, the PTC:\n\n- ok.[^b]\n\n[^b]: Called.\n[^unused]: Never called.\n`,
      'items/01.md': '# Two\n\nMore.\n\nIn conclusion, the PTC:\n\n- ok.\n\n[^b]: Defined again.\n',
    });
    expect(r.problems).toEqual([
      'm/items/01.md:9:1 error footnote-duplicate',
      `m/meeting.md:${L(3)}:6 error footnote-undefined`,
      `m/meeting.md:${L(10)}:1 warning footnote-unused`,
    ]);
    expect(r.diagnostics[0]!.message).toContain(`first defined at m/meeting.md:${L(9)}:1`);
    expect(r.diagnostics[1]!.message).toContain('`[^missions]`');
  });

  it('drops raw HTML with a warning but keeps <br> and silently drops comments', () => {
    const r = runBody('# Item\n\nA <b onclick="x()">bold</b> word<br>next <!-- note -->.\n\nIn conclusion, the PTC:\n\n- ok.\n');
    expect(r.problems).toEqual([`m/meeting.md:${L(3)}:3 warning raw-html`, `m/meeting.md:${L(3)}:24 warning raw-html`]);
    const para = r.numbered!.items[0]!.body[0]!;
    expect(para.type === 'paragraph' && stripRanges(para.content)).toEqual([
      { type: 'text', value: 'A ' }, { type: 'text', value: 'bold' }, { type: 'text', value: ' word' }, { type: 'break' }, { type: 'text', value: 'next ' }, { type: 'text', value: '.' },
    ].reduce<{ type: string; value?: string }[]>((acc, n) => {
      const prev = acc[acc.length - 1];
      if (prev?.type === 'text' && n.type === 'text') prev.value += n.value!;
      else acc.push({ ...n });
      return acc;
    }, []));
  });

  it('drops javascript: links and keeps their text', () => {
    const r = runBody('# Item\n\nSee [x](javascript:alert(1)) and [y](https://wcoomd.org).\n\nIn conclusion, the PTC:\n\n- ok.\n');
    expect(r.problems).toEqual([`m/meeting.md:${L(3)}:5 warning unsafe-link`]);
    const para = r.numbered!.items[0]!.body[0]!;
    // Exactly these three nodes (toMatchObject: whatever else each node carries, such as its source place).
    expect(para.type === 'paragraph' && para.content).toMatchObject([
      { type: 'text', value: 'See x and ' },
      { type: 'link', url: 'https://wcoomd.org', children: [{ type: 'text', value: 'y' }] },
      { type: 'text', value: '.' },
    ]);
  });
});

describe('annexes', () => {
  it('takes the id from the file name, its frontmatter and numbers annexes in file-name order', () => {
    const r = runBody('# Item\n\nSee [](#ecommerce-fos) and [](#plan).\n\nIn conclusion, the PTC:\n\n- ok.\n', {
      'annexes/02-ecommerce-fos.md': '---\ntitle: Framework of Standards\n---\nText.\n',
      'annexes/01-participants.md': '---\ntitle: List of participants\nvisibility: restricted\n---\nNames.\n',
      'annexes/03-x.md': '---\ntitle: Work Plan\nid: plan\norientation: landscape\nnumbered: true\n---\nFirst.\n\nSecond.\n',
    });
    expect(r.problems).toEqual([]);
    expect(r.numbered!.annexes.map((a) => [a.numeral, a.id, a.visibility, a.orientation, a.header])).toEqual([
      ['I', 'participants', 'restricted', 'portrait', 'Annex I to doc. PC0517E1a'],
      ['II', 'ecommerce-fos', 'public', 'portrait', 'Annex II to doc. PC0517E1a'],
      ['III', 'plan', 'public', 'landscape', 'Annex III to doc. PC0517E1a'],
    ]);
    const numbered = r.numbered!.annexes[2]!.body.map((n) => n.type === 'paragraph' && n.number);
    expect(numbered).toEqual([1, 2]);
    expect(r.numbered!.annexes[1]!.body.map((n) => n.type === 'paragraph' && n.number)).toEqual([null]);
  });

  it('reports an annex without a title, and one without frontmatter', () => {
    const r = runBody('# Item\n\nText.\n\nIn conclusion, the PTC:\n\n- ok.\n', {
      'annexes/01-a.md': '---\nvisibility: public\n---\nText.\n',
      'annexes/02-b.md': 'No frontmatter at all.\n',
    });
    expect(r.problems).toEqual(['m/annexes/01-a.md:1:1 error missing-key', 'm/annexes/02-b.md:1:1 error missing-frontmatter']);
    expect(r.diagnostics[0]!.message).toContain('`title`');
  });
});

describe('control characters', () => {
  it('replaces them by a space, keeping positions, with one warning at the first', () => {
    const r = runBody('# Item\n\nLine one\u000bline two\u0007 and a bell.\n\nIn conclusion, the PTC:\n\n- ok.\n');
    expect(r.problems).toEqual([`m/meeting.md:${L(3)}:9 warning control-character`]);
    expect(r.diagnostics[0]!.message).toBe('Unexpected control character U+000B (and 1 more), expected text; replaced by a space');
    expect(paragraphs(r.numbered!)[0]!.text).toBe('Line one line two  and a bell.');
  });
});

function bodyParagraphs(r: ReturnType<typeof runBody>): NumberedParagraph[] {
  return r.numbered!.items.flatMap((i) => i.body.flatMap((n) => (n.type === 'paragraph' ? [n] : [])));
}

describe('a list lettered by hand', () => {
  const listsOf = (body: string) => {
    const p = runBody(`# Item\n\nThe PTC noted:\n\n${body}\n`).numbered!.items[0]!.body.find((n): n is NumberedParagraph => n.type === 'paragraph')!;
    return p.blocks.filter((b) => b.type === 'list').map((b) => (b.type === 'list' ? b.lettered : null));
  };
  it('is a bullet list whose items open with a, b, c… in order, each followed by `.` or `)`', () => {
    expect(listsOf('- a. the survey;\n- b) the work plan;\n- c. the rest.')).toEqual([true]);
  });
  it('is not one when a letter is out of order, an item opens otherwise, or the list is numbered', () => {
    expect(listsOf('- a. the survey;\n- c. the work plan.')).toEqual([false]);
    expect(listsOf('- a. the survey;\n- the work plan.')).toEqual([false]);
    expect(listsOf('- abc. the survey')).toEqual([false]);
    expect(listsOf('1. a. the survey;\n2. b. the work plan.')).toEqual([false]);
  });
});

describe('invisible direction controls', () => {
  it('are a warning at each place, in a title and in the text, and are kept', () => {
    const r = runBody('# Item \u202Edlrow\u202C\n\n*(For information)*\n\nThe report \u2066says\u2069 so.\n');
    expect(r.problems).toEqual(['m/meeting.md:11:8 warning bidi-control', 'm/meeting.md:11:14 warning bidi-control', 'm/meeting.md:15:12 warning bidi-control', 'm/meeting.md:15:17 warning bidi-control']);
    expect(r.diagnostics[0]!.message).toContain('U+202E');
    expect(JSON.stringify(r.numbered!.items[0]!.title)).toContain('\u202E');
  });
});

describe('bullets pasted from Word', () => {
  it('are one error at the bullet after a conclusion phrase, not another at the phrase', () => {
    const r = runBody('# Opening\n\nText.\n\nIn conclusion, the PTC:\n\n• took note of the report; and\n• adopted the agenda.\n');
    expect(r.problems).toEqual(['m/meeting.md:17:1 error pasted-bullet']);
    expect(r.diagnostics[0]!.message).toContain('expected `- ` to start each entry of a list');
  });
});

describe('links to files beside the Markdown', () => {
  it('are a plain warning that the file is not published with the report, not an unsafe link', () => {
    const r = runBody('# Item\n\nSee [the map](maps/route.pdf).\n\nIn conclusion, the PTC:\n\n- ok.\n');
    expect(r.problems).toEqual(['m/meeting.md:13:5 warning file-link']);
    expect(r.diagnostics[0]!.message).toContain('which is not published with the report');
  });
});
