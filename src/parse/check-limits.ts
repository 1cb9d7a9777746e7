// The limits a meeting's Markdown keeps (src/limits.ts), checked twice: over the raw text, before the Markdown
// reader, whose time grows faster than the text past them (containers a line is in, marks it must pair, footnote
// calls it must look up); and over the trees it read, before anything walks them recursively.

import type { Root } from 'mdast';
import { error, pointAt, type Diagnostic } from '../diagnostics.js';
import { LIMITS } from '../limits.js';

/** A number as people write it: 1,000. */
const count = (n: number): string => n.toLocaleString('en-US');

const SPACE = 32;
const TAB = 9;
const RETURN = 13;
const GREATER = 62;
const DASH = 45;
const PLUS = 43;
const STAR = 42;
const UNDERSCORE = 95;
const TILDE = 126;
const BACKTICK = 96;
const BRACKET_OPEN = 91;
const BRACKET_CLOSE = 93;
const BRACE_OPEN = 123;
const BRACE_CLOSE = 125;
const LESS = 60;
const CARET = 94;
const PIPE = 124;
const DOT = 46;
const PAREN_CLOSE = 41;
const BACKSLASH = 92;

const isDigit = (c: number) => c >= 48 && c <= 57;
const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isSpace = (c: number) => c === SPACE || c === TAB || c === 0xa0;
/** ASCII punctuation; other scripts' punctuation is rare around emphasis, and counts as a letter here. */
const isPunctuation = (c: number) => (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
/** Runs of these characters are one mark each (`**`, ` ``` `); the others count one by one. */
const isRunMark = (c: number) => c === STAR || c === UNDERSCORE || c === TILDE || c === BACKTICK;
const isSingleMark = (c: number) => c === BRACKET_OPEN || c === BRACKET_CLOSE || c === BRACE_OPEN || c === BRACE_CLOSE || c === LESS;

/** What the scan of one file found: its problems, and its footnotes for the meeting-wide counts. */
export interface ScannedFile {
  readonly problems: readonly Diagnostic[];
  /** Offsets of the footnote definitions (`[^key]:` at the start of a line), as many as the limit needs. */
  readonly definitions: readonly number[];
  /** Offsets of the footnote calls (`[^`), as many as the limit needs. */
  readonly calls: readonly number[];
}

/** At most this many problems of each kind a file: a pasted document can hold thousands of each. */
const MAX_PER_KIND = 3;

/**
 * Scans a file's raw text for what the Markdown reader cannot read in linear time: lines that start too deep in
 * quotes and lists, `:::` blocks nested too deep, paragraphs with too many marks to pair. Linear in the text.
 */
export function scanMarkdown(file: string, text: string): ScannedFile {
  const problems: Diagnostic[] = [];
  const reported = { prefix: 0, directive: 0, marks: 0, backquotes: 0, ends: 0, open: 0 };
  // The reader rewrites its record of the whole file at each of these: a list, quote or footnote that ends, a heading
  // underlined. Counted with the lines, their product is the reader's time.
  let ends = 0;
  let lines = 0;
  let previousColumns = 0;
  let previousBlank = true;
  let frontmatter = false;
  const ended = (offset: number) => {
    if (++ends === LIMITS.blockEnds + 1 && reported.ends++ < MAX_PER_KIND) {
      problems.push(
        error(at(offset), 'too-many-blocks', `Unexpected end of a list, quote, footnote or underlined heading past the ${count(LIMITS.blockEnds)}th in this file, expected at most ${count(LIMITS.blockEnds)} in one file (a list inside a list counts): split it into files`),
      );
    }
  };
  const at = (offset: number) => {
    const { line, column } = pointAt(text, offset);
    return { file, line, column };
  };
  const definitions: number[] = [];
  const calls: number[] = [];
  // Enough offsets to place the meeting-wide errors, however the files share them.
  const keep = (list: number[], limit: number, offset: number) => {
    if (list.length <= limit) list.push(offset);
  };

  let marks = 0;
  // The backquote runs of the paragraph so far: their lengths and offsets.
  let runs: number[] = [];
  let runsAt: number[] = [];
  // Emphasis, brackets and braces opened and not yet closed in the paragraph: more than the reader can nest, by far,
  // and the pairing it would do first costs their number times the paragraph.
  let open = 0;
  const opened = (offset: number, by: number) => {
    open = Math.max(0, open + by);
    if (by > 0 && open === LIMITS.openMarks + 1 && reported.open++ < MAX_PER_KIND) {
      problems.push(
        error(at(offset), 'too-deep', `Unexpected emphasis, bracket or brace opened inside ${count(LIMITS.openMarks)} others not yet closed, expected at most ${LIMITS.inlineDepth} levels of emphasis, links, changes and spans inside one another`),
      );
    }
  };
  /** Ends the paragraph at `stop`, the offset where it ends. */
  const endBlock = (stop: number) => {
    marks = 0;
    open = 0;
    if (runs.length > 0) {
      // The reader looks for each unpaired run's closer to the end of the paragraph: too many runs, or too long a
      // search for the few there are, and the first run past is reported.
      const unpaired = unpairedRuns(runs);
      let search = 0;
      for (let k = 0; k < unpaired.length; k++) {
        search += stop - runsAt[unpaired[k]!]!;
        const tooMany = k === LIMITS.unpairedBackquotes;
        if (!tooMany && search <= LIMITS.backquoteSearch) continue;
        if (reported.backquotes++ < MAX_PER_KIND) {
          const what = tooMany ? `paragraph with more than ${LIMITS.unpairedBackquotes} backquotes (\`) that open no code` : 'backquote (`) that opens no code in so long a paragraph';
          problems.push(error(at(runsAt[unpaired[k]!]!), 'too-many-marks', `Unexpected ${what}, expected backquotes in pairs around code (a backquote meant as text is written \\\`)`));
        }
        break;
      }
    }
    runs = [];
    runsAt = [];
  };
  let table = false;
  let previous = '';
  let directives = 0;
  const countLine = (offset: number) => {
    if (++lines === LIMITS.fileLines + 1 && problems.length < MAX_PER_KIND * 6) {
      problems.push(error(at(offset), 'too-many-lines', `Unexpected line ${count(lines)} of this file, expected at most ${count(LIMITS.fileLines)} lines in one file: split it into files`));
    }
  };
  // A fenced code block the reader takes line by line as it is (an XML or JSON sample): nothing in it to pair, nest
  // or count. Only one the reader surely reads as code is skipped: its fence starts the line, where no quote or list
  // can hold it, and no HTML block is open; once a `:::` line falls inside one (it may close a `:::` block around the
  // code, and the code with it), or HTML other than a comment appears, fences are no longer trusted in the file.
  let code: { readonly mark: number; readonly length: number } | null = null;
  let trustFences = true;
  let comment = false;
  // The reader ends a line at a line feed, a carriage return, or both: so does the scan, or a file of lines ended by
  // carriage returns alone would be one line to it and none of its limits would hold. Where the next of each is, kept
  // so that each is searched for once.
  const following = (c: string, from: number) => {
    const k = text.indexOf(c, from);
    return k === -1 ? text.length : k;
  };
  let nextFeed = -1;
  let nextReturn = -1;
  let start = 0;
  while (start <= text.length) {
    if (nextFeed < start) nextFeed = following('\n', start);
    if (nextReturn < start) nextReturn = following('\r', start);
    const stop = Math.min(nextFeed, nextReturn);
    const end = stop < text.length && text.charCodeAt(stop) === RETURN && text.charCodeAt(stop + 1) === 10 ? stop + 1 : stop;

    if (code !== null) {
      const raw = text.slice(start, stop);
      if (/^[ \t]*:{3}/.test(raw)) {
        // Read below as any line.
        code = null;
        trustFences = false;
      } else {
        countLine(start);
        const closing = /^ {0,3}(`+|~+)[ \t]*$/.exec(raw);
        if (closing && closing[1]!.charCodeAt(0) === code.mark && closing[1]!.length >= code.length) {
          code = null;
          previousColumns = 0;
          previousBlank = false;
          previous = '';
        }
        start = end + 1;
        continue;
      }
    }

    // The line's prefix: indentation, quote marks and list markers, in columns.
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
      } else if ((c === DASH || c === PLUS || c === STAR) && (i + 1 >= stop || text.charCodeAt(i + 1) === SPACE || text.charCodeAt(i + 1) === TAB)) {
        columns++;
        item = true;
        i++;
      } else if (isDigit(c)) {
        let k = i;
        while (k < stop && k - i < 10 && isDigit(text.charCodeAt(k))) k++;
        const after = text.charCodeAt(k);
        if ((after === DOT || after === PAREN_CLOSE) && (k + 1 >= stop || text.charCodeAt(k + 1) === SPACE || text.charCodeAt(k + 1) === TAB)) {
          columns += k + 1 - i;
          if (k === i + 1 && c === 49) item = true;
          i = k + 1;
        } else break;
      } else break;
    }
    if (columns > LIMITS.linePrefix && reported.prefix++ < MAX_PER_KIND) {
      problems.push(
        error(at(start), 'too-deep', `Unexpected line that starts with ${count(columns)} columns of quote marks, list markers and indentation, expected at most ${count(LIMITS.linePrefix)}: quotes and lists nest at most ${LIMITS.blockDepth} levels deep`),
      );
    }

    const line = text.slice(i, stop);
    countLine(start);
    const definition = /^\[\^[^\]\s]+\]:/.test(line);
    // The frontmatter's closing `---` underlines nothing.
    if (lines === 1 && line === '---') frontmatter = true;
    else if (frontmatter && (line === '---' || line === '...')) frontmatter = false;
    else if (line !== '' && !frontmatter) {
      // Fewer columns of prefix than the line before: a list, quote or footnote has ended (a footnote's text goes on
      // four columns in). An underline under a line of text.
      const depth = columns + (definition ? 4 : 0);
      if (depth < previousColumns) ended(start);
      if (!previousBlank && /^(?:=+|-+)[ \t]*$/.test(line)) ended(start);
      previousColumns = depth;
    }
    previousBlank = line === '';
    // An HTML comment runs to the line holding its end; any other HTML block may hold a fence line as its text.
    const inComment = comment;
    if (comment) comment = !line.includes('-->');
    else if (line.startsWith('<!--')) comment = !line.slice(4).includes('-->');
    else if (line.startsWith('<')) trustFences = false;
    const fenced = trustFences && !inComment && !frontmatter && i === start ? /^(?:(`{3,})[^`]*|(~{3,}).*)$/.exec(line) : null;
    if (fenced) {
      endBlock(start);
      table = false;
      const run = fenced[1] ?? fenced[2]!;
      code = { mark: run.charCodeAt(0), length: run.length };
      previous = line;
      start = end + 1;
      continue;
    }
    const heading = /^#{1,6}(?:[ \t]|$)/.test(line);
    if (line === '' || item || heading) endBlock(start);
    if (line === '') table = false;
    // `:::name` opens a block and a bare `:::` closes the innermost one.
    const fence = /^:{3,}[ \t]*(\S?)/.exec(line);
    if (fence) {
      if (fence[1] === '') directives = Math.max(0, directives - 1);
      else if (isLetter(fence[1]!.charCodeAt(0))) {
        directives++;
        if (directives > LIMITS.blockDepth && reported.directive++ < MAX_PER_KIND) {
          problems.push(error(at(i), 'too-deep', `Unexpected \`:::\` block nested ${count(directives)} levels deep, expected at most ${LIMITS.blockDepth}`));
        }
      }
    }
    let from = i;
    if (definition) {
      // A definition holds a paragraph of its own.
      endBlock(start);
      keep(definitions, LIMITS.footnotes, i);
      from += 2; // a definition, not a call
    }
    // A GFM table is read one cell at a time: from its delimiter row on, each row counts on its own.
    if (!table && line.includes('|') && line.includes('-') && delimiterCells(line) === cellsOf(previous)) table = true;
    if (table) endBlock(start);

    let j = from;
    while (j < stop) {
      const c = text.charCodeAt(j);
      if (isRunMark(c)) {
        marks++;
        const k = j;
        while (j < stop && text.charCodeAt(j) === c) j++;
        if (c === BACKTICK) {
          runs.push(j - k);
          runsAt.push(k);
        } else {
          // A run that can only open (left-flanking) or only close (right-flanking), as CommonMark tells them.
          const before = k > i ? text.charCodeAt(k - 1) : SPACE;
          const after = j < stop ? text.charCodeAt(j) : SPACE;
          const left = !isSpace(after) && (!isPunctuation(after) || isSpace(before) || isPunctuation(before));
          const right = !isSpace(before) && (!isPunctuation(before) || isSpace(after) || isPunctuation(after));
          if (left !== right) opened(k, left ? 1 : -1);
        }
        if (marks === LIMITS.marksPerBlock + 1 && reported.marks++ < MAX_PER_KIND) problems.push(marksError(at(k)));
        continue;
      }
      if (isSingleMark(c)) {
        marks++;
        if (c === BRACKET_OPEN || c === BRACE_OPEN) opened(j, 1);
        else if (c === BRACKET_CLOSE || c === BRACE_CLOSE) opened(j, -1);
        if (c === BRACKET_OPEN && text.charCodeAt(j + 1) === CARET) keep(calls, LIMITS.footnoteCalls, j);
        if (marks === LIMITS.marksPerBlock + 1 && reported.marks++ < MAX_PER_KIND) problems.push(marksError(at(j)));
      }
      j++;
    }
    if (heading) endBlock(stop);
    previous = line;
    start = end + 1;
  }
  endBlock(text.length);
  return { problems, definitions, calls };
}

/**
 * The backquote runs that open no code span, by index: as CommonMark reads them, a run opens code up to the next run
 * of the same length, and a run with none is text. The reader looks for that closer to the paragraph's end each time.
 */
function unpairedRuns(lengths: readonly number[]): number[] {
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
function delimiterCells(row: string): number {
  const cells = row.trim().replace(/^\|/, '').replace(/\|$/, '').split('|');
  return cells.every((cell) => /^[ \t]*:?-+:?[ \t]*$/.test(cell)) ? cells.length : -1;
}

/** The cells of a table row as GFM counts them: split at each pipe not escaped, the outer pipes aside. */
function cellsOf(row: string): number {
  const trimmed = row.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  let cells = 1;
  for (let i = 0; i < trimmed.length; i++) {
    if (trimmed.charCodeAt(i) === BACKSLASH) i++;
    else if (trimmed.charCodeAt(i) === PIPE) cells++;
  }
  return cells;
}

function marksError(place: { file: string; line: number; column: number }): Diagnostic {
  return error(
    place,
    'too-many-marks',
    `Unexpected paragraph with more than ${count(LIMITS.marksPerBlock)} marks of emphasis, code, links or changes (\`*\`, \`_\`, \`~\`, \`\` \` \`\`, \`[\`, \`]\`, \`{\`, \`}\`, \`<\`), expected at most ${count(LIMITS.marksPerBlock)} in one paragraph, list item or table row: split it with a blank line`,
  );
}

/** Scans every file of a meeting, in reading order, and counts its footnotes meeting-wide. */
export function scanMeeting(files: readonly { readonly path: string; readonly text: string }[]): Diagnostic[] {
  const scanned = files.map((file) => ({ ...file, scanned: scanMarkdown(file.path, file.text) }));
  return [...scanned.flatMap((file) => file.scanned.problems), ...checkFootnoteCounts(scanned)];
}

/** The meeting-wide footnote counts, over the files in reading order: an error at the first definition and the first call past each limit. */
function checkFootnoteCounts(files: readonly { readonly path: string; readonly text: string; readonly scanned: ScannedFile }[]): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const past = (kind: 'definitions' | 'calls', limit: number, message: string) => {
    let seen = 0;
    for (const { path, text, scanned } of files) {
      const offsets = scanned[kind];
      if (seen + offsets.length > limit) {
        const { line, column } = pointAt(text, offsets[limit - seen]!);
        problems.push(error({ file: path, line, column }, 'too-many-footnotes', message));
        return;
      }
      seen += offsets.length;
    }
  };
  past('definitions', LIMITS.footnotes, `Unexpected footnote past the ${count(LIMITS.footnotes)}th, expected at most ${count(LIMITS.footnotes)} footnotes in a meeting`);
  past('calls', LIMITS.footnoteCalls, `Unexpected footnote call past the ${count(LIMITS.footnoteCalls)}th, expected at most ${count(LIMITS.footnoteCalls)} footnote calls in a meeting`);
  return problems;
}

/** What is left of the meeting's count of nodes, shared by the walks of its files in reading order. */
export interface NodeBudget {
  left: number;
}

/** Containers of blocks: each one a level of block nesting. */
const BLOCK_CONTAINERS = new Set(['blockquote', 'list', 'containerDirective', 'footnoteDefinition']);
/** Nodes whose children are not nested inside them in the reader's sense (a list item is its list's level). */
const STRUCTURE = new Set(['root', 'paragraph', 'heading', 'table', 'tableRow', 'tableCell', 'listItem', 'leafDirective']);

const BLOCK_WORDS: Readonly<Record<string, string>> = { blockquote: 'quote', list: 'list', containerDirective: '`:::` block', footnoteDefinition: 'footnote' };

/**
 * Checks a tree the reader made: quotes, lists and `:::` blocks nested at most `blockDepth` deep, emphasis, links,
 * changes and spans at most `inlineDepth`, tables of at most `tableCells` cells, and the meeting's nodes, counted
 * over its files, at most `meetingNodes`. Iterative, so any depth is walked;
 * a tree that passes can be walked recursively by every later stage.
 */
export function checkTree(file: string, tree: Root, budget: NodeBudget = { left: LIMITS.meetingNodes }): Diagnostic[] {
  const problems: Diagnostic[] = [];
  type Node = { type: string; children?: Node[]; position?: Root['position'] };
  const stack: [Node, number, number][] = [[tree as Node, 0, 0]];
  const place = (node: Node) => ({ file, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });
  let deepBlocks = 0;
  let deepInlines = 0;
  while (stack.length > 0) {
    const [node, blocks, inlines] = stack.pop()!;
    if (--budget.left === -1) {
      problems.push(
        error(place(node), 'meeting-too-large', `Unexpected meeting of more than ${count(LIMITS.meetingNodes)} paragraphs, headings, list items, table cells and runs of text or formatting in them, expected at most ${count(LIMITS.meetingNodes)}, ten times the largest real report: split it into meetings`),
      );
    }
    if (node.type === 'table' && node.children) {
      let cells = 0;
      for (const row of node.children) cells += row.children?.length ?? 0;
      if (cells > LIMITS.tableCells) {
        problems.push(error(place(node), 'too-many-cells', `Unexpected table of ${count(cells)} cells, expected at most ${count(LIMITS.tableCells)} in one table: split it into several tables`));
      }
    }
    if (!node.children) continue;
    const block = BLOCK_CONTAINERS.has(node.type);
    const inline = !block && !STRUCTURE.has(node.type);
    const b = blocks + (block ? 1 : 0);
    const n = inlines + (inline ? 1 : 0);
    if (b > LIMITS.blockDepth) {
      if (deepBlocks++ < MAX_PER_KIND) {
        problems.push(error(place(node), 'too-deep', `Unexpected ${BLOCK_WORDS[node.type] ?? 'block'} nested ${b} levels deep (quotes, lists, \`:::\` blocks and footnotes inside one another), expected at most ${LIMITS.blockDepth}`));
      }
      continue;
    }
    if (n > LIMITS.inlineDepth) {
      if (deepInlines++ < MAX_PER_KIND) {
        problems.push(error(place(node), 'too-deep', `Unexpected text nested ${n} levels deep (emphasis, links, changes, comments and restricted spans inside one another), expected at most ${LIMITS.inlineDepth}`));
      }
      continue;
    }
    for (let k = node.children.length - 1; k >= 0; k--) stack.push([node.children[k]!, b, n]);
  }
  return problems;
}
