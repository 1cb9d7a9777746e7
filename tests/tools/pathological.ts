// Pathological meetings: one construct nested or repeated n times, for `npm run bench:inputs` (which scales n by 2
// up to the construct's limit) and for tests/limits.test.ts (the construct at its limit, and one past it).

import { LIMITS } from '../../src/limits.js';
import { FRONTMATTER } from '../helpers.js';

/** The files of a meeting folder, by path inside it. */
export type MeetingFiles = Readonly<Record<string, string>>;

export interface Construct {
  readonly name: string;
  /** What n counts. */
  readonly unit: string;
  /** The first n the bench tries. */
  readonly start: number;
  /** The largest n acta reads (its documented limit), or null when only the meeting's size bounds it. */
  readonly limit: number | null;
  /** What acta says one step past the limit: the rule and where (file and line in the meeting folder). */
  readonly past?: { readonly rule: string; readonly file: string; readonly line: number; readonly column?: number };
  /** Seconds of work at its limit: left to the bench, and to a unit test of its count in the test suite. */
  readonly slow?: true;
  readonly make: (n: number) => MeetingFiles;
}

const HEAD = `${FRONTMATTER}# Item\n\n`;
/** The frontmatter and the heading take these lines: the body starts on the next. */
const BODY_LINE = HEAD.split('\n').length;
const DECIDE = '\n\nIn conclusion, the PTC:\n\n- took note.\n';
const SENTENCE = 'The Secretariat presented the document, which sets out the draft guidelines on the subject. ';

const meeting = (body: string): MeetingFiles => ({ 'meeting.md': `${HEAD}${body}${DECIDE}` });

/** `*a _a *a … x … a* a_ a*`: emphasis n levels deep, each level a mark of its own. */
export function nestedEmphasis(n: number): string {
  let open = '';
  let close = '';
  for (let i = 0; i < n; i++) {
    const mark = i % 2 === 0 ? '*' : '_';
    open += `${mark}a `;
    close = ` a${mark}${close}`;
  }
  return `${open}x${close}`;
}

/** A list n levels deep, each level indented by two more spaces. */
export function indentedList(n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += `${'  '.repeat(i)}- level ${i + 1}\n`;
  return out;
}

/** Text of about `bytes`, in paragraphs of four sentences. */
export function paragraphs(bytes: number): string {
  const paragraph = `${SENTENCE.repeat(4).trim()}\n\n`;
  return paragraph.repeat(Math.max(1, Math.round(bytes / paragraph.length)));
}

const MB = 1024 * 1024;

/** One container marker repeated on one line, `n` levels deep: refused at that line past the depth limit. */
function nestedOnOneLine(name: string, lead: string, marker: string): Construct {
  return {
    name,
    unit: 'levels',
    start: 1,
    limit: LIMITS.blockDepth,
    past: { rule: 'too-deep', file: 'meeting.md', line: BODY_LINE + 2 },
    make: (n) => meeting(`${lead}\n\n${marker.repeat(n)}deep.`),
  };
}

export const CONSTRUCTS: readonly Construct[] = [
  nestedOnOneLine('quotes on one line', 'Quoted:', '> '),
  nestedOnOneLine('a bullet list on one line', 'Listed:', '- '),
  {
    name: 'list indentation levels',
    unit: 'levels',
    start: 1,
    limit: LIMITS.blockDepth,
    past: { rule: 'too-deep', file: 'meeting.md', line: BODY_LINE + 2 + LIMITS.blockDepth },
    make: (n) => meeting(`Listed:\n\n${indentedList(n)}`),
  },
  {
    name: 'nested fences (a fence in quotes n deep)',
    unit: 'levels',
    start: 1,
    limit: LIMITS.blockDepth,
    past: { rule: 'too-deep', file: 'meeting.md', line: BODY_LINE + 2 },
    make: (n) => meeting(`Quoted:\n\n${['```', 'code', '```'].map((line) => `${'> '.repeat(n)}${line}`).join('\n')}`),
  },
  {
    name: 'restricted blocks inside one another',
    unit: 'levels',
    start: 1,
    limit: LIMITS.blockDepth,
    past: { rule: 'too-deep', file: 'meeting.md', line: BODY_LINE + 2 + LIMITS.blockDepth },
    // Blocks nest with more colons outside: `::::restricted` holds `:::restricted`.
    make: (n) => {
      const fence = (level: number) => ':'.repeat(3 + n - 1 - level);
      const open = Array.from({ length: n }, (_, level) => `${fence(level)}restricted\n`).join('');
      const close = Array.from({ length: n }, (_, i) => `\n${fence(n - 1 - i)}`).join('');
      return meeting(`Withheld:\n\n${open}Inside.\n${close}`);
    },
  },
  {
    name: 'emphasis inside emphasis',
    unit: 'levels',
    start: 1,
    limit: LIMITS.inlineDepth,
    past: { rule: 'too-deep', file: 'meeting.md', line: BODY_LINE },
    make: (n) => meeting(`Stressed ${nestedEmphasis(n)} here.`),
  },
  {
    name: 'marks in one paragraph',
    unit: 'marks',
    start: 2,
    limit: LIMITS.marksPerBlock,
    past: { rule: 'too-many-marks', file: 'meeting.md', line: BODY_LINE },
    make: (n) => meeting(`Stressed ${'*a* '.repeat(Math.floor(n / 2))}${n % 2 ? '`' : ''}end.`),
  },
  {
    name: 'backtick runs of growing length',
    unit: 'runs',
    start: 1,
    limit: LIMITS.unpairedBackquotes,
    past: { rule: 'too-many-marks', file: 'meeting.md', line: BODY_LINE },
    make: (n) => meeting(`Code ${Array.from({ length: n }, (_, i) => `${'`'.repeat(i + 1)}a`).join(' ')} end.`),
  },
  {
    name: 'unpaired backquotes before a long paragraph',
    unit: 'MB',
    start: 1 / 16,
    // Each run is followed to the end of the paragraph: its length, as many times as there are runs.
    limit: LIMITS.backquoteSearch / LIMITS.unpairedBackquotes / MB,
    past: { rule: 'too-many-marks', file: 'meeting.md', line: BODY_LINE },
    make: (n) => meeting(`${Array.from({ length: LIMITS.unpairedBackquotes }, (_, i) => `${'`'.repeat(i + 1)}a`).join(' ')} ${SENTENCE.repeat(Math.round((n * MB - 2000) / SENTENCE.length))}`),
  },
  {
    name: 'list items of one line',
    unit: 'items',
    slow: true,
    start: 64,
    // The root, the frontmatter, the heading, the paragraph before the list and the decision take 13 nodes; each item 3.
    limit: Math.floor((LIMITS.meetingNodes - 13) / 3),
    past: { rule: 'meeting-too-large', file: 'meeting.md', line: BODY_LINE + 2 + Math.floor((LIMITS.meetingNodes - 13) / 3) + 1 + 4, column: 3 },
    make: (n) => meeting(`Listed:\n\n${'- item\n'.repeat(n)}`),
  },
  {
    name: 'lists after paragraphs in one file',
    unit: 'lists',
    start: 16,
    limit: LIMITS.blockEnds,
    past: { rule: 'too-many-blocks', file: 'meeting.md', line: BODY_LINE + 4 * (LIMITS.blockEnds + 1) + 2 },
    make: (n) => meeting('Point.\n\n- a point\n\n'.repeat(n)),
  },
  {
    name: 'unclosed fences (one a list item)',
    unit: 'fences',
    start: 64,
    limit: null,
    make: (n) => meeting(`Listed:\n\n${'- ```\n'.repeat(n)}`),
  },
  {
    name: 'footnotes',
    unit: 'footnotes',
    start: 16,
    limit: LIMITS.footnotes,
    past: { rule: 'too-many-footnotes', file: 'meeting.md', line: BODY_LINE + 2 * (LIMITS.footnotes + 1) + 4 + 2 * LIMITS.footnotes },
    make: (n) => {
      let calls = '';
      let notes = '';
      for (let i = 1; i <= n; i++) {
        calls += `Paragraph ${i}.[^n${i}]\n\n`;
        notes += `[^n${i}]: Note ${i}.\n\n`;
      }
      return meeting(`${calls}In conclusion, the PTC:\n\n- took note.\n\n${notes}`);
    },
  },
  {
    name: 'table cells',
    unit: 'cells',
    start: 48,
    limit: LIMITS.tableCells,
    past: { rule: 'too-many-cells', file: 'meeting.md', line: BODY_LINE + 2 },
    make: (n) => {
      const rows = Math.max(1, Math.floor(n / 3) - 1);
      return meeting(`Tabled:\n\n| Topic | Task | Timeline |\n| --- | --- | --- |\n${'| A topic | *a* task | 2025 |\n'.repeat(rows)}${n % 3 ? `| ${'x |'.repeat(n % 3)}\n` : ''}`);
    },
  },
  {
    name: 'agenda items',
    unit: 'items',
    start: 16,
    limit: null,
    make: (n) => ({ 'meeting.md': `${FRONTMATTER}${Array.from({ length: n }, (_, i) => `# Item ${i + 1}\n\nThe Committee took note of item ${i + 1}.${DECIDE}\n`).join('')}` }),
  },
  {
    name: 'a long run of spaces in a paragraph',
    unit: 'MB',
    start: 1 / 16,
    limit: LIMITS.meetingBytes / MB,
    make: (n) => meeting(`Spaced ${' '.repeat(Math.round(n * MB) - 2000)}{#not-an-id end.`),
  },
  {
    name: 'one long line',
    unit: 'MB',
    start: 1 / 16,
    limit: LIMITS.meetingBytes / MB,
    make: (n) => meeting(SENTENCE.repeat(Math.round((n * MB - 2000) / SENTENCE.length))),
  },
  {
    name: 'a big item file',
    unit: 'MB',
    start: 1 / 16,
    limit: LIMITS.meetingBytes / MB,
    make: (n) => ({ ...meeting('Opened.'), 'items/01-big.md': `# Big\n\n${paragraphs(n * MB - 2000)}${DECIDE}` }),
  },
  {
    name: 'paragraphs at every limit of depth',
    unit: 'copies',
    start: 16,
    limit: null,
    // Sixteen copies an item file: a deep list ends 32 lists, and a file holds at most 1,000 ends.
    make: (n) => {
      const copy = `Quoted:\n\n${'> '.repeat(LIMITS.blockDepth)}deep.\n\n${indentedList(LIMITS.blockDepth)}\nStressed ${nestedEmphasis(LIMITS.inlineDepth)}.\n\n`;
      const files: Record<string, string> = { ...meeting('Opened.') };
      for (let i = 0; i < n / 16; i++) files[`items/${String(i + 1).padStart(4, '0')}.md`] = `# Deep ${i + 1}\n\n${copy.repeat(Math.min(16, n - 16 * i))}${DECIDE}`;
      return files;
    },
  },
];
