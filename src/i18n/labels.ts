// Every fixed word acta prints comes from the language catalogues; this module is where renderers take it from.

export type { Catalogue } from './catalogue.js';
export { catalogFor, LANGUAGES, type Language } from './catalogues.js';
export { formatDate, formatDateRange, formatIssued } from './dates.js';

const ROMAN: readonly (readonly [number, string])[] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

export function toRoman(n: number): string {
  let rest = n;
  let out = '';
  for (const [value, numeral] of ROMAN) {
    while (rest >= value) {
      out += numeral;
      rest -= value;
    }
  }
  return out;
}

/** a, b, … z, aa, ab, … (spreadsheet-style, so a 27th sub-item still has a unique letter). */
export function toLetter(n: number): string {
  let rest = n;
  let out = '';
  while (rest > 0) {
    const r = (rest - 1) % 26;
    out = String.fromCharCode(97 + r) + out;
    rest = Math.floor((rest - 1) / 26);
  }
  return out;
}
