// Table column widths from their content, as a browser's automatic table layout gives them, for Word's fixed layout.
//
// Text is measured with the Adobe font metrics of Times (the report's font is Times New Roman, whose widths are
// Times's), from @pdf-lib/standard-fonts. Each column gets at least its longest word (so no word is broken in a
// cell) and at most its longest line; the width left between the two is shared in proportion to what each column
// would still take, and the widths always sum to the table's width.

import standardFonts from '@pdf-lib/standard-fonts';

const { Encodings, Font, FontNames } = standardFonts;
const FONTS = { regular: Font.load(FontNames.TimesRoman), bold: Font.load(FontNames.TimesRomanBold) } as const;
/** A character Times does not have (outside WinAnsi) counts as an average lower-case letter. */
const FALLBACK = 500;

/** Word's default left and right cell margins (0.19 cm each), in twips, and a little room for rounding. */
export const CELL_PADDING = 2 * 108 + 20;

/** The width of a text in twips at a size in half-points (Word's unit for font sizes). */
export function textWidth(text: string, halfPoints: number, bold = false): number {
  const font = bold ? FONTS.bold : FONTS.regular;
  let units = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    const glyph = Encodings.WinAnsi.canEncodeUnicodeCodePoint(code) ? Encodings.WinAnsi.encodeUnicodeCodePoint(code).name : null;
    units += (glyph ? font.getWidthOfGlyph(glyph) : undefined) ?? FALLBACK;
  }
  // 1/1000 em × size in points × 20 twips a point.
  return (units * (halfPoints / 2) * 20) / 1000;
}

export interface MeasuredCell {
  /** The cell's text, one line per hard line break. */
  readonly lines: readonly string[];
  readonly bold: boolean;
}

export interface ColumnMeasure {
  /** The longest word: the column is never narrower. */
  readonly min: number;
  /** The longest line: the column never needs more. */
  readonly max: number;
}

export function measureColumns(rows: readonly (readonly MeasuredCell[])[], columns: number, halfPoints: number): ColumnMeasure[] {
  return Array.from({ length: columns }, (_, i) => {
    let min = 0;
    let max = 0;
    for (const row of rows) {
      const cell = row[i];
      if (!cell) continue;
      for (const line of cell.lines) {
        max = Math.max(max, textWidth(line, halfPoints, cell.bold));
        for (const word of line.split(/\s+/)) min = Math.max(min, textWidth(word, halfPoints, cell.bold));
      }
    }
    return { min: Math.ceil(min) + CELL_PADDING, max: Math.ceil(max) + CELL_PADDING };
  });
}

/**
 * Widths in twips summing to `total`: every column its longest line when they all fit (the room left shared in
 * proportion), else its longest word plus a share of the rest in proportion to what it lacks of its longest line.
 * When even the longest words do not fit, in proportion to them.
 */
export function columnWidths(measures: readonly ColumnMeasure[], total: number): number[] {
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  const mins = measures.map((m) => m.min);
  const maxs = measures.map((m) => Math.max(m.max, m.min));
  let widths: number[];
  if (sum(maxs) <= total) widths = maxs.map((w) => (w * total) / sum(maxs));
  else if (sum(mins) >= total) widths = mins.map((w) => (w * total) / sum(mins));
  else {
    const room = total - sum(mins);
    const wanted = sum(maxs) - sum(mins);
    widths = measures.map((_, i) => mins[i]! + ((maxs[i]! - mins[i]!) * room) / wanted);
  }
  const rounded = widths.map((w) => Math.floor(w));
  // What rounding took goes to the widest column, so the grid is exactly the text width.
  const widest = rounded.indexOf(Math.max(...rounded));
  rounded[widest]! += total - sum(rounded);
  return rounded;
}
