// The agenda as published: a theme banner above an item, a day's timetable, and tables of contents (`::toc`).

import { describe, expect, it } from 'vitest';
import { FRONTMATTER, run, runBody, textOf } from '../helpers.js';

// FRONTMATTER is 10 lines: the body starts on line 11.
const L = (n: number) => 10 + n;

const DAY = `# Disruptive technologies {#dt}

:::banner[DISRUPTIVE TECHNOLOGIES]
*A whole day devoted to disruptive technologies*
:::

:::day[DAY III (Disruptive Technologies)]
- 9.30 – 10.00 [](#study)

  *The study report, for discussion.*
- 10.00 – 10.30 Coffee break
- 10.30 – 13.00 [](#workshops)
:::

## Study Report {#study}

*(For discussion and guidance)*

## Workshops {#workshops}

The PTC attended the workshops.

In conclusion, the PTC:

- took note.
`;

describe('a banner and a day', () => {
  const r = runBody(DAY);

  it('reads the banner and the timetable under the item, and numbers the rest as before', () => {
    expect(r.problems).toEqual([]);
    const item = r.numbered!.items[0]!;
    expect(textOf(item.banner!.title)).toBe('DISRUPTIVE TECHNOLOGIES');
    expect(item.banner!.note.map(textOf)).toEqual(['A whole day devoted to disruptive technologies']);
    const [day] = item.days!;
    expect(textOf(day!.title)).toBe('DAY III (Disruptive Technologies)');
    expect(day!.entries.map((e) => [e.time, e.start, e.end, textOf(e.content), e.details.length])).toEqual([
      ['9.30 – 10.00', 570, 600, '', 1],
      ['10.00 – 10.30', 600, 630, 'Coffee break', 0],
      ['10.30 – 13.00', 630, 780, '', 0],
    ]);
    expect(r.numbered!.paragraphCount).toBe(2);
  });

  it.each([
    ['a time out of order', '- 10.00 – 10.30 Coffee break\n- 9.30 – 10.00 [](#study)', `${L(5)}:1 error timetable-order`],
    ['a time that ends before it starts', '- 10.30 – 10.00 Coffee break', `${L(4)}:1 error timetable-order`],
    ['a line without a time', '- Coffee break', `${L(4)}:1 error timetable`],
    ['text that is not a list', 'The day starts at 9.30.\n', `${L(4)}:1 error timetable`],
  ])('reports %s', (_, lines, problem) => {
    const r = runBody(`# Disruptive technologies\n\n:::day[DAY III]\n${lines}\n:::\n\n## Study Report {#study}\n\nText.\n\nIn conclusion, the PTC:\n\n- took note.\n`);
    expect(r.problems.filter((p) => !p.includes('no-decisions'))).toEqual([`m/meeting.md:${problem}`]);
  });

  it('lets parallel sessions share their time', () => {
    const r = runBody('# Workshops\n\n:::day[DAY III]\n- 10.30 – 13.00 Session I\n- 10.30 – 13.00 Session II\n- 13.00 – 15.00 Lunch break\n:::\n\nText.\n\nIn conclusion, the PTC:\n\n- took note.\n');
    expect(r.problems).toEqual([]);
  });

  it.each([
    ['a banner without its title', '# Item\n\n:::banner\nA note.\n:::\n', `m/meeting.md:${L(3)}:1 error banner`],
    ['a banner before any item', ':::banner[THEME]\n:::\n\n# Item\n', `m/meeting.md:${L(1)}:1 error text-before-item`],
  ])('reports %s', (_, body, problem) => {
    expect(runBody(body).problems.filter((p) => !p.includes('no-decisions'))).toEqual([problem]);
  });
});

describe('::toc', () => {
  const annex = `---
title: Framework
---
A foreword.

::toc[Table of Content]{depth=2}

# I. Introduction

## 1. Characteristics

### 1.1 Too deep for the table

# II. Objectives
`;

  it('lists the annex headings after it, to its depth, each with an anchor to link to', () => {
    const r = run({ 'meeting.md': `${FRONTMATTER}# Item\n\nSee [](#framework).\n\nIn conclusion, the PTC:\n\n- took note.\n`, 'annexes/01-framework.md': annex });
    expect(r.problems).toEqual([]);
    const body = r.numbered!.annexes[0]!.body;
    const toc = body.find((n) => n.type === 'toc')!;
    expect(toc).toMatchObject({ type: 'toc', depth: 2 });
    expect(textOf(toc.type === 'toc' ? toc.title! : [])).toBe('Table of Content');
    const headings = body.flatMap((n) => (n.type === 'heading' ? [[textOf(n.content), n.anchor]] : []));
    expect(headings).toEqual([
      ['I. Introduction', 'annex-I-heading-1'],
      ['1. Characteristics', 'annex-I-heading-2'],
      ['1.1 Too deep for the table', 'annex-I-heading-3'],
      ['II. Objectives', 'annex-I-heading-4'],
    ]);
  });

  it('heads a working document, listing its sections', () => {
    const r = run({
      'meeting.md': `${FRONTMATTER}# Item {#item}\n\nText.\n\nIn conclusion, the PTC:\n\n- took note.\n`,
      'documents/pc1.md': '---\nsymbol: PC1E1a\ntitle: Programme\nitem: item\nissued: 2018-04-01\n---\n::toc\n\n# Introduction\n\nText.\n\n## Background\n\nMore.\n',
    });
    expect(r.problems).toEqual([]);
    const document = r.numbered!.documents[0]!;
    expect(document.toc).toMatchObject({ type: 'toc', title: null, depth: 3 });
  });

  it.each([
    ['in the report', { 'meeting.md': `${FRONTMATTER}# Item\n\n::toc\n` }, `m/meeting.md:${L(3)}:1 error toc`],
    ['in a document after its first section', { 'meeting.md': `${FRONTMATTER}# Item {#item}\n`, 'documents/pc1.md': '---\nsymbol: PC1E1a\ntitle: P\nitem: item\nissued: 2018-04-01\n---\n# Introduction\n\n::toc\n' }, 'm/documents/pc1.md:9:1 error toc'],
    ['with a depth of 9', { 'meeting.md': `${FRONTMATTER}# Item\n`, 'annexes/01-a.md': '---\ntitle: A\n---\n::toc{depth=9}\n' }, 'm/annexes/01-a.md:4:1 error toc'],
    ['with an unknown attribute', { 'meeting.md': `${FRONTMATTER}# Item\n`, 'annexes/01-a.md': '---\ntitle: A\n---\n::toc{levels=2}\n' }, 'm/annexes/01-a.md:4:1 error toc'],
  ])('reports one %s', (_, files, problem) => {
    expect(run(files).problems.filter((p) => !p.includes('no-decisions'))).toEqual([problem]);
  });
});
