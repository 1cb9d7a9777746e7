import { describe, expect, it } from 'vitest';
import { decisionsData } from '../../src/render/json/render-json.js';
import { runBody } from '../helpers.js';

// FRONTMATTER is 10 lines: the body starts on line 11.
const L = (n: number) => 10 + n;

const body = (decisions: string) => `# Integrated Supply Chain Management {#iscm}

## Updated ISCM Guidelines

The Secretariat presented the updated Guidelines.

In conclusion, the PTC:

${decisions}
`;

describe('decision ids and links', () => {
  it('gives each decision a stable id from the symbol, the item, the letter and its place', () => {
    const r = runBody(`${body('- approved the Guidelines; and\n- agreed to review them.')}
# Updates

## One

## Two

Shared paragraph.

In conclusion, the PTC:

- took note of the updates.
`);
    expect(r.problems).toEqual([]);
    expect(r.numbered!.decisions.map((d) => [d.id, d.stableId])).toEqual([
      ['I-a-1', 'PC0517E1a/I(a)/1'],
      ['I-a-2', 'PC0517E1a/I(a)/2'],
      ['II-1', 'PC0517E1a/II/1'],
    ]);
  });

  it('takes `{#id}` and links off the text, and names the decision by its own id', () => {
    const r = runBody(body('- approved the updated Guidelines; {#iscm-2018 supersedes="PC0490E1a/II/1" amends="PC0490E1a/II/2, PC0490E1a/II/3"}\n- agreed to review them. {follows-up=PC0490E1a/IV/1}'));
    expect(r.problems).toEqual([]);
    const data = decisionsData(r.numbered!);
    expect(data.decisions.map((d) => [d.stable_id, d.text, d.links])).toEqual([
      [
        'PC0517E1a/iscm-2018',
        'approved the updated Guidelines;',
        [
          { relation: 'supersedes', target: 'PC0490E1a/II/1' },
          { relation: 'amends', target: 'PC0490E1a/II/2' },
          { relation: 'amends', target: 'PC0490E1a/II/3' },
        ],
      ],
      ['PC0517E1a/I(a)/2', 'agreed to review them.', [{ relation: 'follows-up', target: 'PC0490E1a/IV/1' }]],
    ]);
    // The compatible id stays as it was.
    expect(data.decisions.map((d) => d.id)).toEqual(['I-a-1', 'I-a-2']);
  });

  it('points at each typed id', () => {
    const r = runBody(body('- approved it. {supersedes="PC0490E1a/II/1 PC0490E1a/II/2"}'));
    const links = r.numbered!.decisions[0]!.decision.links;
    // `- approved it. {supersedes="` is 28 characters: the first id starts at column 29.
    expect(links.map((l) => [l.target, l.range.start.line, l.range.start.column])).toEqual([
      ['PC0490E1a/II/1', L(9), 29],
      ['PC0490E1a/II/2', L(9), 44],
    ]);
  });

  it('makes a named decision a reference target that prints its paragraph', () => {
    const r = runBody(`${body('- approved the Guidelines. {#iscm-2018}')}
# Next

As decided in [](#iscm-2018).{#next}

In conclusion, the PTC:

- took note.
`);
    expect(r.problems).toEqual([]);
    expect(r.numbered!.targets['iscm-2018']).toMatchObject({ kind: 'paragraph', label: '2', anchor: 'para-2' });
  });

  it('reports an unknown relation, a short id and a bad list at their place', () => {
    const r = runBody(body('- approved it. {supercedes="PC0490E1a/II/1"}\n- agreed. {amends="II/1"}\n- noted. {amends=""}\n- reviewed. {#a #b}\n- closed. {amends=PC0490E1a/II/1 and more}'));
    expect(r.problems).toEqual([
      `m/meeting.md:${L(9)}:17 error decision-link`,
      `m/meeting.md:${L(10)}:20 error decision-link`,
      `m/meeting.md:${L(11)}:11 error decision-link`,
      `m/meeting.md:${L(12)}:17 error decision-link`,
      `m/meeting.md:${L(13)}:34 error decision-link`,
    ]);
    expect(r.diagnostics[0]!.message).toBe('Unexpected link `supercedes`, expected one of `supersedes`, `amends`, `follows-up`, `implements`, `completes` (did you mean `supersedes`?)');
    expect(r.diagnostics[1]!.message).toContain("expected the full id of a decision, its session's symbol first");
  });

  it('leaves braces that are not attributes as text', () => {
    const r = runBody(body('- approved the set {A, B}'));
    expect(r.problems).toEqual([]);
    expect(decisionsData(r.numbered!).decisions[0]!.text).toBe('approved the set {A, B}');
  });

  it('refuses links on the actions of a working document', () => {
    const r = runBody(body('- approved it.'), {
      'documents/pc0499.md': `---\nsymbol: PC0499E1a\ntitle: Work Programme\nitem: iscm\nissued: 2018-03-01\n---\n# Actions\n\nThe PTC is invited to:\n\n- approve it. {supersedes="PC0490E1a/II/1"}\n`,
    });
    expect(r.problems).toEqual(['m/documents/pc0499.md:11:28 error decision-link']);
  });
});
