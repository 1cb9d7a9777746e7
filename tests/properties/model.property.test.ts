// Property-based tests: numbers, ranges and decisions of random meetings are what their text says.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filterPublic } from '../../src/public/filter-public.js';
import { decisionRecords, reportData } from '../../src/render/json/render-json.js';
import { meetingSpec } from './meeting-arbitrary.js';
import { numbered, RUNS, TIMEOUT } from './run-spec.js';

describe('properties', () => {
  it(`paragraph numbers are exactly 1..N (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(meetingSpec(), (spec) => {
        const { written, report } = numbered(spec);
        const total = written.expected.paragraphsPerItem.reduce((a, b) => a + b, 0);
        const numbers = reportData(report).paragraphs.map((p) => p.number);
        expect(numbers).toEqual(Array.from({ length: total }, (_, i) => i + 1));
        expect(report.paragraphCount).toBe(total);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it(`every item's range covers exactly its paragraphs (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(meetingSpec(), (spec) => {
        const { written, report } = numbered(spec);
        let first = 1;
        report.items.forEach((item, i) => {
          const count = written.expected.paragraphsPerItem[i]!;
          const mine = item.body.flatMap((n) => (n.type === 'paragraph' ? [n.number] : []));
          expect(mine).toEqual(Array.from({ length: count }, (_, k) => first + k));
          expect(item.paragraphRange === null ? null : [item.paragraphRange.first, item.paragraphRange.last]).toEqual(count ? [first, first + count - 1] : null);
          first += count;
        });
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it(`the decisions register holds the list items after conclusion phrases (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(meetingSpec(), (spec) => {
        const { written, report } = numbered(spec);
        const expected = written.expected.decisions;
        expect(decisionRecords(report).map((d) => [d.paragraph, d.text])).toEqual(expected.map((d) => [d.paragraph, d.text]));
        expect(decisionRecords(filterPublic(report)).map((d) => d.text)).toEqual(expected.filter((d) => !d.restricted).map((d) => d.text));
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);
});
