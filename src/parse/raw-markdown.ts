// What the scan of raw Markdown (src/parse/scan-markdown.ts) reads character by character: the character codes it
// looks for and their classes, how backquote runs pair, and how many cells a table row has.

export const SPACE = 32;
export const TAB = 9;
export const RETURN = 13;
export const GREATER = 62;
export const DASH = 45;
export const PLUS = 43;
export const STAR = 42;
const UNDERSCORE = 95;
const TILDE = 126;
export const BACKTICK = 96;
export const BRACKET_OPEN = 91;
export const BRACKET_CLOSE = 93;
export const BRACE_OPEN = 123;
export const BRACE_CLOSE = 125;
const LESS = 60;
export const CARET = 94;
const PIPE = 124;
export const DOT = 46;
export const PAREN_CLOSE = 41;
const BACKSLASH = 92;

export const isDigit = (c: number) => c >= 48 && c <= 57;
export const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
export const isSpace = (c: number) => c === SPACE || c === TAB || c === 0xa0;
/** ASCII punctuation; other scripts' punctuation is rare around emphasis, and counts as a letter here. */
export const isPunctuation = (c: number) => (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
/** Runs of these characters are one mark each (`**`, ` ``` `); the others count one by one. */
export const isRunMark = (c: number) => c === STAR || c === UNDERSCORE || c === TILDE || c === BACKTICK;
export const isSingleMark = (c: number) => c === BRACKET_OPEN || c === BRACKET_CLOSE || c === BRACE_OPEN || c === BRACE_CLOSE || c === LESS;
/** A space or tab at `k`, or the line's end: what must follow a list marker. */
export const spaceOrEnd = (text: string, k: number, stop: number) => k >= stop || text.charCodeAt(k) === SPACE || text.charCodeAt(k) === TAB;

/**
 * The backquote runs that open no code span, by index: as CommonMark reads them, a run opens code up to the next run
 * of the same length, and a run with none is text. The reader looks for that closer to the paragraph's end each time.
 */
export function unpairedRuns(lengths: readonly number[]): number[] {
  const next = new Array<number>(lengths.length);
  const seen = new Map<number, number>();
  for (let i = lengths.length - 1; i >= 0; i--) {
    next[i] = seen.get(lengths[i]!) ?? -1;
    seen.set(lengths[i]!, i);
  }
  const unpaired: number[] = [];
  for (let i = 0; i < lengths.length; i++) {
    if (next[i] === -1) unpaired.push(i);
    else i = next[i]!;
  }
  return unpaired;
}

/** The cells of a GFM table's delimiter row (`| --- | :-: |`), or -1 for a line that is not one. */
export function delimiterCells(row: string): number {
  const cells = row.trim().replace(/^\|/, '').replace(/\|$/, '').split('|');
  return cells.every((cell) => /^[ \t]*:?-+:?[ \t]*$/.test(cell)) ? cells.length : -1;
}

/** The cells of a table row as GFM counts them: split at each pipe not escaped, the outer pipes aside. */
export function cellsOf(row: string): number {
  const trimmed = row.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  let cells = 1;
  for (let i = 0; i < trimmed.length; i++) {
    if (trimmed.charCodeAt(i) === BACKSLASH) i++;
    else if (trimmed.charCodeAt(i) === PIPE) cells++;
  }
  return cells;
}
