import { subitemsOf } from '../../src/walk.js';
import { describe, expect, it } from 'vitest';
import { formatRange } from '../../src/number/number-report.js';
import { toLetter, toRoman } from '../../src/i18n/labels.js';
import { reportData } from '../../src/render/json/render-json.js';
import { FRONTMATTER, run, runBody, textOf } from '../helpers.js';
import { filterPublic } from '../../src/public/filter-public.js';

const decide = '\n\nIn conclusion, the PTC:\n\n- took note.\n';

describe('labels', () => {
  it('writes roman numerals and spreadsheet-style letters', () => {
    expect([1, 4, 9, 14, 19, 22, 40, 49].map(toRoman)).toEqual(['I', 'IV', 'IX', 'XIV', 'XIX', 'XXII', 'XL', 'XLIX']);
    expect([1, 2, 16, 26, 27, 28].map(toLetter)).toEqual(['a', 'b', 'p', 'z', 'aa', 'ab']);
  });

  it('pads ranges to two digits and shows one number for a single paragraph', () => {
    expect(formatRange(1, 6)).toBe('01 - 06');
    expect(formatRange(157, 161)).toBe('157 - 161');
    expect(formatRange(7, 7)).toBe('07');
    expect(formatRange(99, 100)).toBe('99 - 100');
  });
});

describe('numbering a report', () => {
  const r = run({
    'meeting.md': `${FRONTMATTER}# Opening {#opening}\n\nOne.${decide}\n# Transit {#transit}\n\n## Recent activities {#recent}\n\nThree.{#three}\n\nFour.${decide}\n## Master data {#master}\n\nSix.${decide}\n# Nothing to report\n`,
    'annexes/01-participants.md': '---\ntitle: Participants\n---\nNames.\n',
    'annexes/02-plan.md': '---\ntitle: Plan\n---\nText.\n',
    'items/01-refs.md': '# References\n\nSee [](#three), [](#transit), [](#master), [](#plan) and [the plan itself](#plan).' + decide,
  });
  const n = r.numbered!;

  it('numbers paragraphs 1..N continuously through the report', () => {
    const numbers = n.items.flatMap((i) => i.body.flatMap((b) => (b.type === 'paragraph' ? [b.number] : [])));
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(n.paragraphCount).toBe(9);
  });

  it('computes each item and sub-item range; an item with no paragraphs has none', () => {
    expect(n.items.map((i) => [i.numeral, i.label, i.anchor, i.paragraphRange?.label ?? null])).toEqual([
      ['I', 'Item I', 'item-I', '01 - 02'],
      ['II', 'Item II', 'item-II', '03 - 07'],
      ['III', 'Item III', 'item-III', null],
      ['IV', 'Item IV', 'item-IV', '08 - 09'],
    ]);
    expect(subitemsOf(n.items[1]!).map((s) => [s.letter, s.label, s.anchor, s.paragraphRange?.label])).toEqual([
      ['a', '(a)', 'item-II-a', '03 - 05'],
      ['b', '(b)', 'item-II-b', '06 - 07'],
    ]);
  });

  it('labels every reference target', () => {
    const labels = Object.fromEntries(Object.values(n.targets).map((t) => [t.id, [t.label, t.anchor]]));
    expect(labels).toMatchObject({
      opening: ['Item I', 'item-I'],
      master: ['Item II (b)', 'item-II-b'],
      three: ['3', 'para-3'],
      participants: ['Annex I', 'annex-I'],
      plan: ['Annex II', 'annex-II'],
    });
  });

  it('gives decisions ids from item, sub-item and order', () => {
    expect(n.decisions.map((d) => [d.id, d.item, d.subitem, d.paragraph])).toEqual([
      ['I-1', 'I', null, 2],
      ['II-a-1', 'II', 'a', 5],
      ['II-b-1', 'II', 'b', 7],
      ['IV-1', 'IV', null, 9],
    ]);
  });

  it('prints labels for empty references and keeps the words of the others, both as links', () => {
    const refs = n.items[3]!.body[0]!;
    if (refs.type !== 'paragraph') throw new Error('expected a paragraph');
    const links = refs.content.filter((c) => c.type === 'ref');
    expect(links.map((l) => [l.id, l.children.length, n.targets[l.id]!.label])).toEqual([
      ['three', 0, '3'], ['transit', 0, 'Item II'], ['master', 0, 'Item II (b)'], ['plan', 0, 'Annex II'], ['plan', 1, 'Annex II'],
    ]);
    expect(reportData(n).paragraphs[7]!.text).toBe('See 3, Item II, Item II (b), Annex II and the plan itself.');
  });

  it('has no problems', () => {
    expect(r.problems).toEqual([]);
  });
});

describe('id problems', () => {
  it('reports a duplicate id at the second place, naming the first', () => {
    const r = run({
      'meeting.md': `${FRONTMATTER}# Opening {#same}\n\nText.${decide}`,
      'items/01-b.md': `# Other\n\nText.{#same}${decide}`,
    });
    expect(r.problems).toEqual(['m/items/01-b.md:3:1 error duplicate-id']);
    expect(r.diagnostics[0]!.message).toBe('Unexpected duplicate id `same`, expected each id once in the meeting (already used at m/meeting.md:11:1)');
  });

  it('reports a duplicate between an annex and a paragraph', () => {
    const r = runBody(`# Item\n\nText.{#plan}${decide}`, { 'annexes/01-plan.md': '---\ntitle: Plan\n---\nText.\n' });
    expect(r.problems).toEqual(['m/annexes/01-plan.md:1:1 error duplicate-id']);
  });

  it('reports an unknown id at the link, with the closest known id', () => {
    const r = runBody(`# Item {#transit}\n\nSee [](#tranist).${decide}`);
    expect(r.problems).toEqual(['m/meeting.md:13:5 error unknown-id']);
    expect(r.diagnostics[0]!.message).toBe('Unexpected reference to unknown id `tranist`, expected an id set with `{#tranist}` (did you mean `transit`?)');
  });

  it('suggests no id when none is close', () => {
    const r = runBody(`# Item {#opening}\n\nSee [](#participants).${decide}`);
    expect(r.diagnostics[0]!.message).toBe('Unexpected reference to unknown id `participants`, expected an id set with `{#participants}`');
  });
});

describe('decision list warnings', () => {
  it('warns once about an item with paragraphs and no decision list anywhere, at its heading', () => {
    const r = runBody('# Item\n\n## First\n\nText.\n\n## Second\n\nText.\n\n## Third\n\nText.\n\n# Other\n\nText.' + decide);
    expect(r.problems).toEqual(['m/meeting.md:11:1 warning no-decisions']);
  });

  it('does not warn about sub-items without their own decisions when the item has a decision list', () => {
    const r = runBody('# Item\n\n## First\n\nText.\n\n## Second\n\nText.' + decide);
    expect(r.problems).toEqual([]);
  });

  it('does not warn about an item for information, or one whose author turned the warning off', () => {
    expect(runBody('# Item\n\n*(For information)*\n\nText.\n').problems).toEqual([]);
    expect(runBody('# Item\n\n<!-- no-decisions: the closing decides nothing -->\n\nText.\n').problems).toEqual([]);
    expect(runBody('# Item\n\n*(For information and decision)*\n\nText.\n').problems).toEqual(['m/meeting.md:11:1 warning no-decisions']);
  });

  it('does not warn about an item with no paragraphs', () => {
    expect(runBody('# Closing\n').problems).toEqual([]);
  });
});

describe('French', () => {
  it('labels items and annexes in French and uses the French conclusion phrase', () => {
    const fm = FRONTMATTER.replace('symbol:', 'language: fr\nsymbol:');
    const r = run({
      'meeting.md': `${fm}# Ouverture {#ouverture}\n\n## Allocution {#allocution}\n\nTexte.\n\nEn conclusion, le PTC :\n\n- a pris note.\n\n## Adoption\n\nTexte.\n\nEn conclusion, le PTC :\n\n- a adopté l'ordre du jour.\n`,
      'annexes/01-liste.md': '---\ntitle: Liste\n---\nNoms.\n',
    });
    expect(r.problems).toEqual([]);
    const n = r.numbered!;
    expect(n.items[0]!.label).toBe('Point I');
    expect(n.targets.allocution!.label).toBe('Point I (a)');
    expect(n.annexes[0]!.label).toBe('Annexe I');
    expect(n.annexes[0]!.header).toBe('Annexe I au doc. PC0517E1a');
    expect(n.decisions).toHaveLength(2);
  });
});

describe('an item with one sub-item', () => {
  it('prints it with a circle instead of a letter, keeps the letter in the data, and labels references as the item', () => {
    const r = runBody(`# Non-intrusive inspection\n\n## Update from the TEG-NII {#teg}\n\nText.\n\nSee [](#teg).${decide}`);
    const sub = subitemsOf(r.numbered!.items[0]!)[0]!;
    expect([sub.letter, sub.label, sub.agendaLabel]).toEqual(['a', '○', '○']);
    expect(r.numbered!.targets.teg!.label).toBe('Item I');
    expect(r.numbered!.decisions[0]!.id).toBe('I-a-1');
  });

  it('letters sub-items when there are two or more', () => {
    const r = runBody(`# Item\n\n## One\n\nText.${decide}\n## Two\n\nText.${decide}`);
    expect(subitemsOf(r.numbered!.items[0]!).map((s) => [s.label, s.agendaLabel])).toEqual([['(a)', 'a)'], ['(b)', 'b)']]);
  });
});

describe('labels typed by the author', () => {
  const plain = (r: ReturnType<typeof runBody>, i = 0) => reportData(r.numbered!).paragraphs[i]!.text;

  it('takes a typed item label that agrees out of the title, with a warning, so it never prints twice', () => {
    const r = runBody(`# Opening {#opening}\n\nText.${decide}\n# Item II – Transit {#transit}\n\n## (a) Recent activities\n\nText.${decide}\n## b) Master data\n\nText.${decide}`);
    expect(r.problems).toEqual(['m/meeting.md:19:1 warning typed-label', 'm/meeting.md:21:1 warning typed-label', 'm/meeting.md:29:1 warning typed-label']);
    const item = r.numbered!.items[1]!;
    expect([item.label, textOf(item.title)]).toEqual(['Item II', 'Transit']);
    expect(subitemsOf(item).map((s) => [s.label, textOf(s.title)])).toEqual([['(a)', 'Recent activities'], ['(b)', 'Master data']]);
    expect(reportData(r.numbered!).items[1]!.title).toBe('Transit');
  });

  it('says so when a typed label is in bold or italics, which it cannot cut out: it prints twice as typed', () => {
    const r = runBody(`# Opening\n\nText.${decide}\n# **Item II** – Transit\n\nText.${decide}`);
    expect(r.problems).toEqual(['m/meeting.md:19:1 warning typed-label']);
    expect(r.diagnostics[0]!.message).toContain('`Item II –` typed in bold or italics at the start of the heading');
    expect(r.diagnostics[0]!.message).toContain('prints twice');
  });

  it('makes a typed label that disagrees an error naming both', () => {
    const r = runBody(`# Opening\n\nText.${decide}\n# Item III – Transit\n\n## (a) Recent activities\n\nText.${decide}\n## (c) Draft Guidelines\n\nText.${decide}`);
    expect(r.problems).toEqual(['m/meeting.md:19:1 error typed-label', 'm/meeting.md:21:1 warning typed-label', 'm/meeting.md:29:1 error typed-label']);
    const messages = r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
    expect(messages[0]).toContain('`Item III –` typed at the start of the heading of Item II');
    expect(messages[1]).toContain('`(c)` typed at the start of the heading of (b)');
  });

  it('prints `Item [](#x)`, `Annex [](#x)` and `paragraph [](#x)` with the label once, silently', () => {
    const r = run({
      'meeting.md': `${FRONTMATTER}# Transit {#transit}\n\nHeld under item [](#transit), see Annex [](#plan) and paragraph [](#one).{#one}${decide}`,
      'annexes/01-plan.md': '---\ntitle: Plan\n---\nText.\n',
    });
    expect(r.problems).toEqual([]);
    expect(plain(r)).toBe('Held under Item I, see Annex I and paragraph 1.');
  });
});

describe('references from public text to restricted content', () => {
  const annex = { 'annexes/01-participants.md': '---\ntitle: List of participants\nvisibility: restricted\n---\nNames.\n' };

  it("are silent for a restricted annex, whose label is public, and print the label without a link in the public edition", () => {
    const r = runBody(`# Opening\n\nThe list of participants is set out at [](#participants) hereto.${decide}`, annex);
    expect(r.problems).toEqual([]);
    const shown = reportData(filterPublic(r.numbered!));
    expect(shown.paragraphs[0]!.text).toBe('The list of participants is set out at Annex I hereto.');
  });

  it('warn for a restricted paragraph, unless the item says the author means it', () => {
    const body = `# Opening\n\n:::restricted\nSecret.{#secret}\n:::\n\nSee paragraph [](#secret).${decide}`;
    expect(runBody(body).problems).toEqual(['m/meeting.md:17:15 warning ref-to-restricted']);
    expect(runBody(body.replace('# Opening\n', '# Opening\n\n<!-- public-labels: the number is public -->\n')).problems).toEqual([]);
  });
});
