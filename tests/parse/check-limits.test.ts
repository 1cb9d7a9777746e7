// The scan before the Markdown reader and the walk after it: what counts towards each limit, and what does not.

import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/limits.js';
import { checkTree, scanMarkdown } from '../../src/parse/check-limits.js';
import { parseMarkdown } from '../../src/parse/create-processor.js';
import { runBody } from '../helpers.js';

const rules = (text: string) => scanMarkdown('m.md', text).problems.map((d) => `${d.line}:${d.column} ${d.ruleId}`);
const walked = (text: string) => checkTree('m.md', parseMarkdown(text)).map((d) => `${d.line}:${d.column} ${d.ruleId}`);

describe('the scan before the reader', () => {
  it('measures the prefix of a line in columns, a tab to the next multiple of 4', () => {
    expect(rules(`${' '.repeat(LIMITS.linePrefix)}x\n`)).toEqual([]);
    expect(rules(`${' '.repeat(LIMITS.linePrefix + 1)}x\n`)).toEqual(['1:1 too-deep']);
    expect(rules(`a\n${'\t'.repeat(LIMITS.linePrefix / 4)}x\n`)).toEqual([]);
    expect(rules(`a\n${'> - 1. '.repeat(40)}x\n`)).toEqual(['2:1 too-deep']);
    // A list marker needs a space after it: a rule of dashes is not a prefix.
    expect(rules(`${'-'.repeat(1000)}\n`)).toEqual([]);
  });

  it('ends a line where the reader does: at a line feed, a carriage return, or both', () => {
    const deep = `${'> '.repeat(LIMITS.linePrefix)}x`;
    for (const eol of ['\n', '\r', '\r\n']) {
      expect(rules(`a${eol}${deep}${eol}${deep}${eol}`), JSON.stringify(eol)).toEqual(['2:1 too-deep', '3:1 too-deep']);
      expect(rules(`${'*a* '.repeat(LIMITS.marksPerBlock / 2)}${eol}${eol}*b*${eol}`), JSON.stringify(eol)).toEqual([]);
    }
  });

  it('counts ::: blocks opened and closed, and reports the first past the limit', () => {
    const open = (n: number) => Array.from({ length: n }, (_, i) => `${':'.repeat(3 + n - i)}restricted\n`).join('');
    expect(rules(`${open(LIMITS.blockDepth)}x\n`)).toEqual([]);
    expect(rules(`${open(LIMITS.blockDepth + 1)}x\n`)).toEqual([`${LIMITS.blockDepth + 1}:1 too-deep`]);
    // Closed blocks one after the other never nest.
    expect(rules(':::restricted\nx\n:::\n\n'.repeat(100))).toEqual([]);
  });

  it('counts marks a paragraph at a time: a blank line, a list item, a heading or a table row starts again', () => {
    const marks = (n: number) => '*a* '.repeat(n / 2);
    expect(rules(`${marks(LIMITS.marksPerBlock)}\n`)).toEqual([]);
    expect(rules(`${marks(LIMITS.marksPerBlock)}\n*b*\n`)).toEqual(['2:1 too-many-marks']);
    expect(rules(`${marks(LIMITS.marksPerBlock)}\n\n*b*\n`)).toEqual([]);
    expect(rules(`- ${marks(LIMITS.marksPerBlock)}\n- *b*\n`)).toEqual([]);
    expect(rules(`# ${marks(LIMITS.marksPerBlock)}\n*b*\n`)).toEqual([]);
    const table = `| a | b |\n| --- | --- |\n${`| ${marks(LIMITS.marksPerBlock / 2)} | ${marks(LIMITS.marksPerBlock / 2)} |\n`.repeat(3)}`;
    expect(rules(table)).toEqual([]);
    // A line that only looks like a delimiter row (another number of cells) keeps the paragraph going.
    expect(rules(`a | b\n| --- |\n${marks(LIMITS.marksPerBlock)}\n*b*\n`)).toEqual(['4:1 too-many-marks']);
    // A number other than 1 cannot start a list inside a paragraph: the paragraph goes on.
    expect(rules(`${marks(LIMITS.marksPerBlock)}\n2. *b*\n`)).toEqual(['2:4 too-many-marks']);
  });

  it('counts emphasis, brackets and braces opened and not yet closed in a paragraph', () => {
    const open = (n: number) => Array.from({ length: n }, (_, i) => (i % 3 === 0 ? '*a ' : i % 3 === 1 ? '[a ' : '{a ')).join('');
    expect(rules(`${open(LIMITS.openMarks)}x\n`)).toEqual([]);
    expect(rules(`${open(LIMITS.openMarks + 1)}x\n`)).toEqual([`1:${3 * LIMITS.openMarks + 1} too-deep`]);
    // Closed as they go, however many; a mark with spaces on both sides opens nothing; a blank line starts again.
    expect(rules(`${'*a* [b] {c} '.repeat(120)}\n`)).toEqual([]);
    expect(rules(`${'a * b '.repeat(500)}\n`)).toEqual([]);
    expect(rules(`${open(LIMITS.openMarks)}\n\n${open(LIMITS.openMarks)}\n`)).toEqual([]);
  });

  it('pairs backquote runs as CommonMark does, and counts the runs left unpaired', () => {
    const unpaired = (n: number) => Array.from({ length: n }, (_, i) => `${'`'.repeat(i + 1)}a`).join(' ');
    expect(rules(`${unpaired(LIMITS.unpairedBackquotes)}\n`)).toEqual([]);
    expect(rules(`${unpaired(LIMITS.unpairedBackquotes + 1)}\n`)).toEqual(['1:53 too-many-marks']);
    // Pairs, however many: `a` ``b`` `c`.
    expect(rules(`${'`a` ``b`` '.repeat(200)}\n`)).toEqual([]);
    // A run inside code is not an opener: ``a ` b`` holds one.
    expect(rules(`${'``a ` b`` '.repeat(200)}\n`)).toEqual([]);
  });

  it('counts what the reader goes through looking for closers: from each unpaired run to the end of its paragraph', () => {
    const half = LIMITS.backquoteSearch / 2;
    // Two runs, each before about half the allowance: read; a few characters more, and the second is past it.
    expect(rules(`\`a \`\`b ${'x'.repeat(half - 10)}\n\nNext.\n`)).toEqual([]);
    expect(rules(`\`a \`\`b ${'x'.repeat(half)}\n\nNext.\n`)).toEqual(['1:4 too-many-marks']);
    // The search stops at the paragraph's end: the same text after a blank line costs nothing.
    expect(rules(`\`a \`\`b \`\`\`c\n\n${'x'.repeat(half)}\n`)).toEqual([]);
  });

  it('counts the lists, quotes and footnotes that end in a file, and the underlined headings', () => {
    const ends = (n: number) => 'Text.\n\n- item\n\n'.repeat(n);
    // The last list ends nothing: each of the others ends at the text after it.
    expect(rules(ends(LIMITS.blockEnds + 1))).toEqual([]);
    expect(rules(ends(LIMITS.blockEnds + 2))).toEqual([`${4 * (LIMITS.blockEnds + 1) + 1}:1 too-many-blocks`]);
    // A sub-list ends at the next item; items of one list, and footnotes one after the other, end nothing.
    expect(rules('- a\n  - b\n'.repeat(LIMITS.blockEnds + 2))).toEqual([`${2 * (LIMITS.blockEnds + 1) + 1}:1 too-many-blocks`]);
    expect(rules('- item\n'.repeat(5 * LIMITS.blockEnds))).toEqual([]);
    expect(rules(Array.from({ length: 2 * LIMITS.blockEnds }, (_, i) => `[^n${i}]: Note.\n`).join(''))).toEqual([]);
    expect(rules('Title\n===\n\n'.repeat(LIMITS.blockEnds + 1))).toEqual([`${3 * LIMITS.blockEnds + 2}:1 too-many-blocks`]);
    expect(rules('Note.[^n]\n\n[^n]: A note.\n\n'.repeat(LIMITS.blockEnds + 2))).toEqual([`${4 * (LIMITS.blockEnds + 1) + 1}:1 too-many-blocks`]);
  });

  it(`refuses a file of more than ${LIMITS.fileLines.toLocaleString('en-US')} lines at the first line past`, () => {
    expect(rules('a\n'.repeat(LIMITS.fileLines - 1) + 'a')).toEqual([]);
    expect(rules('a\n'.repeat(LIMITS.fileLines) + 'a')).toEqual([`${LIMITS.fileLines + 1}:1 too-many-lines`]);
  });

  it('counts nothing inside a fenced code block the reader surely reads as code (an XML sample)', () => {
    const xml = Array.from({ length: 600 }, (_, i) => `${'  '.repeat(1 + (i % 5))}<Item seq="${i}">{a} [b] *c* [^d]</Item>`).join('\n');
    expect(rules(`The message:\n\n\`\`\`xml\n${xml}\n\`\`\`\n\nAfter.\n`)).toEqual([]);
    // A shorter fence, another mark or a fence indented four spaces closes nothing.
    expect(rules(`~~~~\n${xml}\n~~~\n\`\`\`\n    ~~~~\n${xml}\n~~~~\nAfter.\n`)).toEqual([]);
    expect(scanMarkdown('m.md', `\`\`\`\n[^1]: x [^2]\n\`\`\`\n`)).toMatchObject({ definitions: [], calls: [] });
    // Its lines count towards the file's lines all the same.
    expect(rules(`\`\`\`\n${'a\n'.repeat(LIMITS.fileLines)}`)).toEqual([`${LIMITS.fileLines + 1}:1 too-many-lines`]);
  });

  it('counts the lines of a fence it cannot be sure of, as any text', () => {
    const marks = '*a* '.repeat(LIMITS.marksPerBlock / 2 + 1);
    // The reader can read each of these fences as text, or end the code before its closing fence: counted.
    for (const [name, text] of [
      ['in a list item', `- \`\`\`\n${marks}\n`],
      ['indented', ` \`\`\`\n${marks}\n`],
      ['in an HTML comment', `<!--\n\n\`\`\`\n-->\n${marks}\n\`\`\`\n`],
      ['in an HTML block', `<div>\n\`\`\`\n\n${marks}\n\`\`\`\n`],
      ['after a ::: line that may close a block around the code', `::::restricted\n\`\`\`\n:::\n\`\`\`\n${marks}\n\`\`\`\n`],
      ['with a backquote in its info', `\`\`\` a\`b\n${marks}\n`],
    ] as const) {
      expect(rules(text).filter((r) => r.endsWith('too-many-marks')), name).toHaveLength(1);
    }
  });

  it('finds the footnote definitions and calls of a file', () => {
    const scanned = scanMarkdown('m.md', 'A[^1] and B[^two].\n\n[^1]: One.\n[^two]: Two [^1].\n');
    expect(scanned.definitions).toEqual([20, 31]);
    expect(scanned.calls).toHaveLength(3);
  });

  it('refuses footnotes and footnote calls past their limits in the meeting, at the first one past', () => {
    const calls = Array.from({ length: LIMITS.footnotes + 1 }, (_, i) => `P.[^n${i}]`).join('\n\n');
    const notes = Array.from({ length: LIMITS.footnotes + 1 }, (_, i) => `[^n${i}]: N.`).join('\n');
    const r = runBody(`# Item\n\n${calls}\n\n${notes}\n`);
    expect(r.problems).toEqual([`m/meeting.md:${13 + 2 * (LIMITS.footnotes + 1) + LIMITS.footnotes}:1 error too-many-footnotes`]);
    expect(r.report).toBeNull();
  });
});

describe('the walk of the trees', () => {
  it('counts quotes, lists and ::: blocks together, and not list items', () => {
    expect(walked(`${'> - '.repeat(LIMITS.blockDepth / 2)}x\n`)).toEqual([]);
    expect(walked(`${'> - '.repeat(LIMITS.blockDepth / 2)}> x\n`)).toEqual([`1:${2 * LIMITS.blockDepth + 1} too-deep`]);
  });

  it('counts emphasis and restricted spans together', () => {
    const spans = (n: number) => `${'*a _a :restricted[a '.repeat(n / 3)}x${'] a_ a*'.repeat(n / 3)}`;
    expect(walked(`${spans(30)}\n`)).toEqual([]);
    expect(walked(`${spans(33)}\n`)).toEqual(['1:207 too-deep']);
  });

  it('counts the cells of a table, the header row too', () => {
    const table = (rows: number) => `| a | b |\n| - | - |\n${'| x | y |\n'.repeat(rows)}`;
    expect(walked(table(LIMITS.tableCells / 2 - 1))).toEqual([]);
    expect(walked(table(LIMITS.tableCells / 2))).toEqual(['1:1 too-many-cells']);
  });

  it('counts the nodes of the meeting over its files, and says where the count runs out', () => {
    // A root and a list, then each item holds a paragraph holding a text: 17 nodes a file.
    const list = '- item\n'.repeat(5);
    const budget = { left: 2 * 17 };
    expect(checkTree('a.md', parseMarkdown(list), budget)).toEqual([]);
    expect(checkTree('b.md', parseMarkdown(list), budget)).toEqual([]);
    expect(budget.left).toBe(0);
    expect(checkTree('c.md', parseMarkdown('One more.\n'), budget).map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`)).toEqual(['c.md:1:1 meeting-too-large']);
  });

  it('refuses the meeting with the limit alone: nothing else is read', () => {
    const r = runBody(`# Item\n\nText [](#nowhere).\n\n${'> '.repeat(LIMITS.blockDepth + 1)}x\n`);
    expect(r.problems).toEqual([`m/meeting.md:15:${2 * LIMITS.blockDepth + 1} error too-deep`]);
    expect(r.diagnostics[0]!.message).toBe(`Unexpected quote nested 33 levels deep (quotes, lists, \`:::\` blocks and footnotes inside one another), expected at most ${LIMITS.blockDepth}`);
  });
});
