// Finds paragraphs typed on consecutive lines: Markdown joins them into one (and every later number moves),
// while a Word user pressed Enter once and meant two.

import { pointAt, warning, type Diagnostic } from '../diagnostics.js';

/**
 * Words that end with a full stop in the middle of a sentence, so that a line ending with one is hard-wrapped
 * text, not the end of a sentence: "(Doc.\nPC0495)", "Mr.\nSmith". Compared in lower case, without the stop.
 */
const ABBREVIATIONS = new Set([
  'doc', 'docs', 'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'no', 'nos', 'art', 'arts', 'para', 'paras', 'e.g', 'i.e', 'etc', 'cf', 'vs', 'fig',
  'vol', 'p', 'pp', 'rev', 'corr', 'add', 'approx', 'h.e', 'ref', 'réf', 'mme', 'mmes', 'm', 'mlle', 'me', 'sr', 'sra', 'srta', 'núm', 'op', 'cit',
]);

/** The end of a sentence: a stop, a question or exclamation mark, then any closing quotes or brackets. */
const SENTENCE_END = /([\p{L}\p{N}.]*)[.!?]["'”’»)\]]*$/u;
/** The start of a sentence: opening quotes or brackets, then a capital letter. */
const SENTENCE_START = /^["'“‘«(\[]*\p{Lu}/u;

/** Text wrapped by hand or by an editor: no line longer than this. Word users' paragraphs are one long line. */
const WRAPPED_AT_MOST = 120;
/** A wrap width is at least this: two short lines are two paragraphs, not a narrow wrap. */
const WRAPPED_AT_LEAST = 72;
/** How much shorter than the widest line a wrapped line may be (people wrap by eye, editors at word ends). */
const WRAP_SLACK = 20;

/** The width a paragraph looks wrapped at (its longest line but the last), or null when its lines are too long to be wrapped. */
function wrapWidth(lines: readonly string[]): number | null {
  const widest = Math.max(0, ...lines.slice(0, -1).map((l) => l.trimEnd().length));
  return widest > WRAPPED_AT_MOST ? null : Math.max(WRAPPED_AT_LEAST, widest);
}

/**
 * A line that ends a sentence followed by a line that starts one, in one paragraph, is a warning at the second
 * line. Hard-wrapped text does not warn: a line that ends mid-sentence, with an abbreviation or an initial
 * ("J."), with a hard break (two spaces or a backslash), or that was full (the next word would not have fitted
 * within the paragraph's wrap width), or a next line that starts in lower case, a digit or markup.
 */
export function checkSoftBreaks(file: string, source: string, start: number, end: number, diagnostics: Diagnostic[]): void {
  const text = source.slice(start, end);
  let offset = start;
  const lines = text.split('\n');
  const width = wrapWidth(lines);
  for (let i = 0; i < lines.length - 1; i++) {
    const line = lines[i]!;
    offset += line.length + 1;
    if (/( {2}|\\)\r?$/.test(line)) continue;
    const nextWord = /^\s*(\S+)/.exec(lines[i + 1]!)?.[1] ?? '';
    // The next word would not have fitted: a wrapped line that happens to end a sentence.
    if (width !== null && line.trimEnd().length + 1 + nextWord.length > width - WRAP_SLACK) continue;
    // The line's end only: the pattern, tried at every letter of a long line, would take time that grows with its square.
    const ended = SENTENCE_END.exec(line.trimEnd().slice(-64));
    if (!ended) continue;
    const word = ended[1]!.toLowerCase();
    if (ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word) || /^\p{L}(\.\p{L})+$/u.test(word)) continue;
    const next = lines[i + 1]!;
    const indent = next.length - next.trimStart().length;
    if (!SENTENCE_START.test(next.trimStart())) continue;
    const at = pointAt(source, offset + indent);
    diagnostics.push(
      warning({ file, line: at.line, column: at.column }, 'soft-line-break', 'Unexpected new sentence on the next line of the same paragraph, expected a blank line before a new paragraph (Markdown joins lines that touch into one paragraph); if this is one paragraph, join the lines'),
    );
  }
}
