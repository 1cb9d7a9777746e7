// The comparison of two numberings on a small meeting: decision ids that moved, and a draft compared with itself.

import { describe, expect, it } from 'vitest';
import { compareNumbering, numberingOf, referencesOf } from '../../src/renumber/compare-numbering.js';
import { renumberingNotice } from '../../src/render/renumbering/format-renumbering.js';
import { run } from '../helpers.js';
import { meeting, P } from '../number/issued-fixture.js';

const numbered = (text: string) => run({ 'meeting.md': text }).numbered!;

describe('compareNumbering', () => {
  it('finds nothing moved between a draft and itself', () => {
    const report = numbered(meeting());
    const same = compareNumbering(numberingOf(report), numberingOf(report), referencesOf(report));
    expect(same).toMatchObject({ paragraphs: [], references: [], ranges: [], decisions: [], unchanged: 10 });
    expect(renumberingNotice(same)).toEqual([]);
  });

  it('lists the decision ids that moved, and says it all in the banner of acta watch', () => {
    const before = numbered(meeting());
    // A conclusion of Item II is found in Item II, not in Item III, whose conclusion reads the same.
    // A paragraph with a decision of its own before Item II's conclusion: its decisions become II/2 and II/3.
    const text = meeting({ transit: [P.transit, P.systems, P.cites] }).replace(
      'In conclusion, the PTC:\n\n- took note of the update;',
      'In conclusion, the PTC:\n\n- welcomed the workshops.\n\nThe Committee then heard Members.\n\nIn conclusion, the PTC:\n\n- took note of the update;',
    );
    const now = numbered(text);
    const r = compareNumbering(numberingOf(before), numberingOf(now), referencesOf(now));
    expect(r.decisions.map((d) => `${d.before} → ${d.now}`)).toEqual(['PC0517E1a/II/1 → PC0517E1a/II/2', 'PC0517E1a/II/2 → PC0517E1a/II/3']);
    expect(r.paragraphs.map((p) => `${p.before ?? '—'} → ${p.now ?? '—'} ${p.change}`)).toEqual(['— → 9 inserted', '— → 10 inserted', '9 → 11 moved', '10 → 12 moved']);
    expect(r.ranges).toEqual([{ item: 'II', before: '05 - 08', now: '05 - 10' }, { item: 'III', before: '09 - 10', now: '11 - 12' }]);
    const notice = renumberingNotice(r);
    expect(notice[0]).toMatch(/^Numbers moved since the last version shown here/);
    expect(notice).toContain('Agenda ranges: II 05 - 08 → 05 - 10; III 09 - 10 → 11 - 12.');
    expect(notice).toContain('Decision ids: PC0517E1a/II/1 → PC0517E1a/II/2; PC0517E1a/II/2 → PC0517E1a/II/3.');
  });
});
