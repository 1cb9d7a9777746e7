// Numerals and letters as the catalogues and the number stage write them, in a module that imports nothing, so a
// catalogue can use them without a cycle through the registry of languages.

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

/** The number a Roman numeral stands for, or null when the text is not one (as `toRoman` writes them). */
export function fromRoman(numeral: string): number | null {
  let rest = numeral;
  let n = 0;
  for (const [value, letters] of ROMAN) {
    while (rest.startsWith(letters)) {
      n += value;
      rest = rest.slice(letters.length);
    }
  }
  return rest === '' && n > 0 && toRoman(n) === numeral ? n : null;
}

const LATIN = ['bis', 'ter', 'quater', 'quinquies', 'sexies', 'septies', 'octies', 'novies', 'decies'] as const;

/** "12 bis", "12 ter"… as French and Spanish (and the United Nations) insert; past the tenth, "12 (11)". */
export function latinInsert(base: string, n: number): string {
  const word = LATIN[n - 1];
  return word ? `${base} ${word}` : `${base} (${n + 1})`;
}
