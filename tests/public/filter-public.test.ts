import { describe, expect, it } from 'vitest';
import { filterPublic } from '../../src/public/filter-public.js';
import { reportData, decisionsData } from '../../src/render/json/render-json.js';
import { runBody } from '../helpers.js';

const r = runBody(
  `# Item {#item}

Public text :restricted[SECRET-SPAN] continues.[^pub]

:::restricted
SECRET-PARAGRAPH with a note.[^hidden]{#SECRET-ID}

In conclusion, the PTC:

- SECRET-DECISION.
:::

See [](#SECRET-ID) and [](#SECRET-ANNEX).

In conclusion, the PTC:

- took note.

[^pub]: A public note.
[^hidden]: SECRET-FOOTNOTE.
`,
  {
    'annexes/01-SECRET-ANNEX.md': '---\ntitle: SECRET-TITLE\nvisibility: restricted\n---\nSECRET-BODY\n',
    'annexes/02-plan.md': '---\ntitle: Plan\n---\nPublic annex.\n',
  },
);
const full = r.numbered!;
const pub = filterPublic(full);
const markers = ['SECRET-SPAN', 'SECRET-PARAGRAPH', 'SECRET-ID', 'SECRET-DECISION', 'SECRET-FOOTNOTE', 'SECRET-ANNEX', 'SECRET-TITLE', 'SECRET-BODY'];

describe('the public edition', () => {
  it('holds none of the restricted text in the model or its data', () => {
    const everything = JSON.stringify(pub) + JSON.stringify(reportData(pub)) + JSON.stringify(decisionsData(pub));
    for (const marker of markers) expect(everything, marker).not.toContain(marker);
  });

  it('while the full edition holds all of it', () => {
    const everything = JSON.stringify(full);
    for (const marker of markers) expect(everything, marker).toContain(marker);
  });

  it('keeps the full edition numbers, leaving a gap for restricted paragraphs', () => {
    const numbers = (n: typeof full) => n.items[0]!.body.flatMap((b) => (b.type === 'paragraph' ? [b.number] : []));
    expect(numbers(full)).toEqual([1, 2, 3, 4, 5]);
    expect(numbers(pub)).toEqual([1, 4, 5]);
    expect(pub.items[0]!.range).toEqual(full.items[0]!.range);
    expect(pub.annexes.map((a) => [a.numeral, a.visibility, a.id, a.title, a.file])).toEqual([['I', 'restricted', null, null, null], ['II', 'public', 'plan', 'Plan', 'm/annexes/02-plan.md']]);
  });

  it('turns references to restricted targets into their label, without the link', () => {
    const data = reportData(pub);
    expect(data.paragraphs.find((p) => p.number === 4)!.text).toBe('See 2 and Annex I.');
  });

  it('keeps only the footnotes public text still cites, renumbered', () => {
    expect(full.footnotes.map((f) => f.number)).toEqual([1, 2]);
    expect(pub.footnotes.map((f) => f.number)).toEqual([1]);
  });

  it('drops restricted decisions from the register', () => {
    expect(decisionsData(full).decisions.map((d) => d.id)).toEqual(['I-1', 'I-2']);
    expect(decisionsData(pub).decisions.map((d) => d.id)).toEqual(['I-2']);
  });
});
