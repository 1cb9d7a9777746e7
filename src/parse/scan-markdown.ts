// The scan of a file's raw text before the Markdown reader (src/parse/check-limits.ts): one pass over its lines, a
// small function for each thing a line can hold (a line of code, its prefix, the blocks it ends, a fence, a `:::`
// line, a footnote, a table row, its marks), each updating the scan's record of where the reader would be.

import { error, pointAt, type Diagnostic } from '../diagnostics.js';
import { LIMITS } from '../limits.js';
import { BACKTICK, BRACE_CLOSE, BRACE_OPEN, BRACKET_CLOSE, BRACKET_OPEN, CARET, DASH, DOT, GREATER, PAREN_CLOSE, PLUS, RETURN, SPACE, STAR, TAB } from './raw-markdown.js';
import { cellsOf, delimiterCells, isDigit, isLetter, isPunctuation, isRunMark, isSingleMark, isSpace, spaceOrEnd, unpairedRuns } from './raw-markdown.js';

/** A number as people write it: 1,000. */
export const count = (n: number): string => n.toLocaleString('en-US');

/** At most this many problems of each kind a file: a pasted document can hold thousands of each. */
export const MAX_PER_KIND = 3;

/** What the scan of one file found: its problems, and its footnotes for the meeting-wide counts. */
export interface ScannedFile {
  readonly problems: readonly Diagnostic[];
  /** Offsets of the footnote definitions (`[^key]:` at the start of a line), as many as the limit needs. */
  readonly definitions: readonly number[];
  /** Offsets of the footnote calls (`[^`), as many as the limit needs. */
  readonly calls: readonly number[];
}

/**
 * The scan of one file so far, local to one call of scanMarkdown: what it found, where the reader would be in the
 * file's blocks and in the paragraph, and the prefix of the line being read.
 */
interface Scan {
  readonly file: string;
  readonly text: string;
  readonly problems: Diagnostic[];
  /** The problems reported of each kind, to stop at MAX_PER_KIND. */
  readonly reported: { prefix: number; directive: number; marks: number; backquotes: number; ends: number; open: number };
  readonly definitions: number[];
  readonly calls: number[];
  /**
   * The reader rewrites its record of the whole file at each of these: a list, quote or footnote that ends, a heading
   * underlined. Counted with the lines, their product is the reader's time.
   */
  ends: number;
  lines: number;
  /** The prefix of the last line with text, in columns (a footnote's four more), and whether the line before was blank. */
  previousColumns: number;
  previousBlank: boolean;
  /** Inside the frontmatter, between the first line's `---` and its closing line. */
  frontmatter: boolean;
  /** The marks of the paragraph so far. */
  marks: number;
  /** The backquote runs of the paragraph so far: their lengths and offsets. */
  runs: number[];
  runsAt: number[];
  /**
   * Emphasis, brackets and braces opened and not yet closed in the paragraph: more than the reader can nest, by far,
   * and the pairing it would do first costs their number times the paragraph.
   */
  open: number;
  /** Inside a GFM table, from its delimiter row to a blank line. */
  table: boolean;
  /** The line before, past its prefix. */
  previous: string;
  /** The `:::` blocks open. */
  directives: number;
  /**
   * A fenced code block the reader takes line by line as it is (an XML or JSON sample): nothing in it to pair, nest or
   * count. Only one the reader surely reads as code is skipped: its fence starts the line, where no quote or list can
   * hold it, and no HTML block is open; once a `:::` line falls inside one (it may close a `:::` block around the code,
   * and the code with it), or HTML other than a comment appears, fences are no longer trusted in the file.
   */
  code: { readonly mark: number; readonly length: number } | null;
  trustFences: boolean;
  /** Inside an HTML comment that runs over lines. */
  comment: boolean;
  /** The line being read: where its text starts past the prefix, the prefix in columns, and whether it starts a list item. */
  content: number;
  columns: number;
  item: boolean;
}

/**
 * Scans a file's raw text for what the Markdown reader cannot read in linear time: lines that start too deep in
 * quotes and lists, `:::` blocks nested too deep, paragraphs with too many marks to pair. Linear in the text.
 */
export function scanMarkdown(file: string, text: string): ScannedFile {
  const scan = startScan(file, text);
  // The reader ends a line at a line feed, a carriage return, or both: so does the scan, or a file of lines ended by
  // carriage returns alone would be one line to it and none of its limits would hold. Where the next of each is, kept
  // so that each is searched for once.
  let nextFeed = -1;
  let nextReturn = -1;
  let start = 0;
  while (start <= text.length) {
    if (nextFeed < start) nextFeed = following(text, '\n', start);
    if (nextReturn < start) nextReturn = following(text, '\r', start);
    const stop = Math.min(nextFeed, nextReturn);
    const end = stop < text.length && text.charCodeAt(stop) === RETURN && text.charCodeAt(stop + 1) === 10 ? stop + 1 : stop;
    if (scan.code === null || !codeLine(scan, start, stop)) scanLine(scan, start, stop);
    start = end + 1;
  }
  endBlock(scan, text.length);
  return { problems: scan.problems, definitions: scan.definitions, calls: scan.calls };
}

/** The scan of a file before its first line. */
function startScan(file: string, text: string): Scan {
  return {
    file, text, problems: [], definitions: [], calls: [],
    reported: { prefix: 0, directive: 0, marks: 0, backquotes: 0, ends: 0, open: 0 },
    ends: 0, lines: 0, previousColumns: 0, previousBlank: true, frontmatter: false,
    marks: 0, runs: [], runsAt: [], open: 0, table: false, previous: '', directives: 0,
    code: null, trustFences: true, comment: false, content: 0, columns: 0, item: false,
  };
}

/** The offset of the next `c` from `from`, or the text's end. */
function following(text: string, c: string, from: number): number {
  const k = text.indexOf(c, from);
  return k === -1 ? text.length : k;
}

/** The place of an offset of the file, for a message. */
function placeAt(scan: Scan, offset: number): { file: string; line: number; column: number } {
  const { line, column } = pointAt(scan.text, offset);
  return { file: scan.file, line, column };
}

/** Keeps an offset in a list of footnotes while it holds no more than the limit needs: enough to place the meeting-wide errors, however the files share them. */
function keep(list: number[], limit: number, offset: number): void {
  if (list.length <= limit) list.push(offset);
}

/** Counts a block that ends at `offset`. */
function ended(scan: Scan, offset: number): void {
  if (++scan.ends === LIMITS.blockEnds + 1 && scan.reported.ends++ < MAX_PER_KIND) {
    scan.problems.push(
      error(placeAt(scan, offset), 'too-many-blocks', `Unexpected end of a list, quote, footnote or underlined heading past the ${count(LIMITS.blockEnds)}th in this file, expected at most ${count(LIMITS.blockEnds)} in one file (a list inside a list counts): split it into files`),
    );
  }
}

/** Counts the line that starts at `offset`. */
function countLine(scan: Scan, offset: number): void {
  if (++scan.lines === LIMITS.fileLines + 1 && scan.problems.length < MAX_PER_KIND * 6) {
    scan.problems.push(error(placeAt(scan, offset), 'too-many-lines', `Unexpected line ${count(scan.lines)} of this file, expected at most ${count(LIMITS.fileLines)} lines in one file: split it into files`));
  }
}

/** Counts emphasis, a bracket or a brace opened (`by` 1) or closed (-1) at `offset`. */
function opened(scan: Scan, offset: number, by: number): void {
  scan.open = Math.max(0, scan.open + by);
  if (by > 0 && scan.open === LIMITS.openMarks + 1 && scan.reported.open++ < MAX_PER_KIND) {
    scan.problems.push(
      error(placeAt(scan, offset), 'too-deep', `Unexpected emphasis, bracket or brace opened inside ${count(LIMITS.openMarks)} others not yet closed, expected at most ${LIMITS.inlineDepth} levels of emphasis, links, changes and spans inside one another`),
    );
  }
}

/** Counts a mark of the paragraph at `offset`, and reports the first past the limit. */
function marked(scan: Scan, offset: number): void {
  if (++scan.marks === LIMITS.marksPerBlock + 1 && scan.reported.marks++ < MAX_PER_KIND) scan.problems.push(marksError(placeAt(scan, offset)));
}

/** Ends the paragraph at `stop`, the offset where it ends. */
function endBlock(scan: Scan, stop: number): void {
  scan.marks = 0;
  scan.open = 0;
  if (scan.runs.length > 0) {
    checkBackquotes(scan, stop);
    scan.runs = [];
    scan.runsAt = [];
  }
}

/**
 * The reader looks for each unpaired backquote run's closer to the end of the paragraph: too many runs, or too long
 * a search for the few there are, and the first run past is reported.
 */
function checkBackquotes(scan: Scan, stop: number): void {
  const unpaired = unpairedRuns(scan.runs);
  let search = 0;
  for (let k = 0; k < unpaired.length; k++) {
    const at = scan.runsAt[unpaired[k]!]!;
    search += stop - at;
    const tooMany = k === LIMITS.unpairedBackquotes;
    if (!tooMany && search <= LIMITS.backquoteSearch) continue;
    if (scan.reported.backquotes++ < MAX_PER_KIND) {
      const what = tooMany ? `paragraph with more than ${LIMITS.unpairedBackquotes} backquotes (\`) that open no code` : 'backquote (`) that opens no code in so long a paragraph';
      scan.problems.push(error(placeAt(scan, at), 'too-many-marks', `Unexpected ${what}, expected backquotes in pairs around code (a backquote meant as text is written \\\`)`));
    }
    break;
  }
}

/**
 * A line inside a fenced code block: counted, and the block closed at its closing fence. False for a `:::` line, which
 * ends the trust in fences and is read as any line.
 */
function codeLine(scan: Scan, start: number, stop: number): boolean {
  const raw = scan.text.slice(start, stop);
  if (/^[ \t]*:{3}/.test(raw)) {
    scan.code = null;
    scan.trustFences = false;
    return false;
  }
  countLine(scan, start);
  const closing = /^ {0,3}(`+|~+)[ \t]*$/.exec(raw);
  if (closing && closing[1]!.charCodeAt(0) === scan.code!.mark && closing[1]!.length >= scan.code!.length) {
    scan.code = null;
    scan.previousColumns = 0;
    scan.previousBlank = false;
    scan.previous = '';
  }
  return true;
}

/** Reads any line but one of code: its prefix, the blocks it ends or opens, and its marks. */
function scanLine(scan: Scan, start: number, stop: number): void {
  readPrefix(scan, start, stop);
  const i = scan.content;
  if (scan.columns > LIMITS.linePrefix && scan.reported.prefix++ < MAX_PER_KIND) {
    scan.problems.push(
      error(placeAt(scan, start), 'too-deep', `Unexpected line that starts with ${count(scan.columns)} columns of quote marks, list markers and indentation, expected at most ${count(LIMITS.linePrefix)}: quotes and lists nest at most ${LIMITS.blockDepth} levels deep`),
    );
  }
  const line = scan.text.slice(i, stop);
  countLine(scan, start);
  const definition = /^\[\^[^\]\s]+\]:/.test(line);
  followBlocks(scan, start, line, definition);
  if (opensCode(scan, start, line)) {
    scan.previous = line;
    return;
  }
  const heading = /^#{1,6}(?:[ \t]|$)/.test(line);
  if (line === '' || scan.item || heading) endBlock(scan, start);
  if (line === '') scan.table = false;
  followDirectives(scan, line);
  let from = i;
  if (definition) {
    // A definition holds a paragraph of its own.
    endBlock(scan, start);
    keep(scan.definitions, LIMITS.footnotes, i);
    from += 2; // a definition, not a call
  }
  // A GFM table is read one cell at a time: from its delimiter row on, each row counts on its own.
  if (!scan.table && line.includes('|') && line.includes('-') && delimiterCells(line) === cellsOf(scan.previous)) scan.table = true;
  if (scan.table) endBlock(scan, start);
  scanMarks(scan, from, stop);
  if (heading) endBlock(scan, stop);
  scan.previous = line;
}

/** Reads the line's prefix: indentation, quote marks and list markers, in columns. */
function readPrefix(scan: Scan, start: number, stop: number): void {
  const text = scan.text;
  let i = start;
  let columns = 0;
  // A list item that can start here, and so ends the paragraph before it: a bullet, or a list numbered from 1.
  let item = false;
  for (;;) {
    const c = text.charCodeAt(i);
    if (i >= stop) break;
    if (c === SPACE || c === GREATER) {
      columns++;
      i++;
    } else if (c === TAB) {
      columns += 4 - (columns % 4);
      i++;
    } else if ((c === DASH || c === PLUS || c === STAR) && spaceOrEnd(text, i + 1, stop)) {
      columns++;
      item = true;
      i++;
    } else if (isDigit(c)) {
      let k = i;
      while (k < stop && k - i < 10 && isDigit(text.charCodeAt(k))) k++;
      const after = text.charCodeAt(k);
      if (!((after === DOT || after === PAREN_CLOSE) && spaceOrEnd(text, k + 1, stop))) break;
      columns += k + 1 - i;
      if (k === i + 1 && c === 49) item = true;
      i = k + 1;
    } else break;
  }
  scan.content = i;
  scan.columns = columns;
  scan.item = item;
}

/** Follows the frontmatter, and the blocks a line ends: by fewer columns of prefix than the line before, or by underlining it. */
function followBlocks(scan: Scan, start: number, line: string, definition: boolean): void {
  // The frontmatter's closing `---` underlines nothing.
  if (scan.lines === 1 && line === '---') scan.frontmatter = true;
  else if (scan.frontmatter && (line === '---' || line === '...')) scan.frontmatter = false;
  else if (line !== '' && !scan.frontmatter) {
    // Fewer columns of prefix than the line before: a list, quote or footnote has ended (a footnote's text goes on
    // four columns in). An underline under a line of text.
    const depth = scan.columns + (definition ? 4 : 0);
    if (depth < scan.previousColumns) ended(scan, start);
    if (!scan.previousBlank && /^(?:=+|-+)[ \t]*$/.test(line)) ended(scan, start);
    scan.previousColumns = depth;
  }
  scan.previousBlank = line === '';
}

/** Follows HTML comments and blocks, and opens a fenced code block at a fence the scan trusts: true when the line opened one. */
function opensCode(scan: Scan, start: number, line: string): boolean {
  // An HTML comment runs to the line holding its end; any other HTML block may hold a fence line as its text.
  const inComment = scan.comment;
  if (scan.comment) scan.comment = !line.includes('-->');
  else if (line.startsWith('<!--')) scan.comment = !line.slice(4).includes('-->');
  else if (line.startsWith('<')) scan.trustFences = false;
  const fenced = scan.trustFences && !inComment && !scan.frontmatter && scan.content === start ? /^(?:(`{3,})[^`]*|(~{3,}).*)$/.exec(line) : null;
  if (!fenced) return false;
  endBlock(scan, start);
  scan.table = false;
  const run = fenced[1] ?? fenced[2]!;
  scan.code = { mark: run.charCodeAt(0), length: run.length };
  return true;
}

/** Follows `:::` blocks: `:::name` opens one and a bare `:::` closes the innermost one. */
function followDirectives(scan: Scan, line: string): void {
  const fence = /^:{3,}[ \t]*(\S?)/.exec(line);
  if (!fence) return;
  if (fence[1] === '') scan.directives = Math.max(0, scan.directives - 1);
  else if (isLetter(fence[1]!.charCodeAt(0))) {
    scan.directives++;
    if (scan.directives > LIMITS.blockDepth && scan.reported.directive++ < MAX_PER_KIND) {
      scan.problems.push(error(placeAt(scan, scan.content), 'too-deep', `Unexpected \`:::\` block nested ${count(scan.directives)} levels deep, expected at most ${LIMITS.blockDepth}`));
    }
  }
}

/** Counts the marks of the line from `from` to `stop`. */
function scanMarks(scan: Scan, from: number, stop: number): void {
  const text = scan.text;
  let j = from;
  while (j < stop) {
    const c = text.charCodeAt(j);
    if (isRunMark(c)) {
      j = runMark(scan, c, j, stop);
      continue;
    }
    if (isSingleMark(c)) singleMark(scan, c, j);
    j++;
  }
}

/** Counts a run of `c` that starts at `k`, and whether it can open or close emphasis: the offset past it. */
function runMark(scan: Scan, c: number, k: number, stop: number): number {
  const text = scan.text;
  let j = k;
  while (j < stop && text.charCodeAt(j) === c) j++;
  if (c === BACKTICK) {
    scan.runs.push(j - k);
    scan.runsAt.push(k);
  } else {
    // A run that can only open (left-flanking) or only close (right-flanking), as CommonMark tells them.
    const before = k > scan.content ? text.charCodeAt(k - 1) : SPACE;
    const after = j < stop ? text.charCodeAt(j) : SPACE;
    const left = !isSpace(after) && (!isPunctuation(after) || isSpace(before) || isPunctuation(before));
    const right = !isSpace(before) && (!isPunctuation(before) || isSpace(after) || isPunctuation(after));
    if (left !== right) opened(scan, k, left ? 1 : -1);
  }
  marked(scan, k);
  return j;
}

/** Counts a bracket, a brace or a `<` at `j`, and a footnote call `[^`. */
function singleMark(scan: Scan, c: number, j: number): void {
  if (c === BRACKET_OPEN || c === BRACE_OPEN) opened(scan, j, 1);
  else if (c === BRACKET_CLOSE || c === BRACE_CLOSE) opened(scan, j, -1);
  if (c === BRACKET_OPEN && scan.text.charCodeAt(j + 1) === CARET) keep(scan.calls, LIMITS.footnoteCalls, j);
  marked(scan, j);
}

/** The error for a paragraph past the marks it may hold. */
function marksError(place: { file: string; line: number; column: number }): Diagnostic {
  return error(
    place,
    'too-many-marks',
    `Unexpected paragraph with more than ${count(LIMITS.marksPerBlock)} marks of emphasis, code, links or changes (\`*\`, \`_\`, \`~\`, \`\` \` \`\`, \`[\`, \`]\`, \`{\`, \`}\`, \`<\`), expected at most ${count(LIMITS.marksPerBlock)} in one paragraph, list item or table row: split it with a blank line`,
  );
}
