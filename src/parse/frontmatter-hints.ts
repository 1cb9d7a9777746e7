// The words for frontmatter problems: YAML mistakes explained as a secretariat officer would fix
// them ("put the value in quotes"), and unknown keys answered from acta's own vocabulary.

import { closest, distance } from 'fastest-levenshtein';

/** A YAML problem, found again on the line that needs the fix. */
export interface ExplainedYaml {
  /** Offset in the frontmatter text of the place to fix. */
  readonly offset: number;
  readonly message: string;
}

const QUOTE_ADVICE = 'put a value in quotes when it holds `: ` or ` #`, or starts with `[`, `{`, `"`, `\'`, `*`, `&`, `!`, `@` or `` ` ``';

/**
 * Explains a YAML error from the `yaml` library. The library's own words ("Nested mappings are not
 * allowed in compact mappings") are for programmers: the line is read again to name the mistake.
 */
export function explainYamlError(text: string, code: string, offset: number, raw: string): ExplainedYaml {
  const lines = splitLines(text);
  const at = Math.max(0, lines.findLastIndex((l) => l.start <= offset));
  if (code === 'DUPLICATE_KEY') {
    const key = /^([^:\s]+)\s*:/.exec(text.slice(lines[at]!.start))?.[1] ?? 'key';
    return { offset: lines[at]!.start, message: `Unexpected second \`${key}\` key, expected each key once (delete one of the two lines)` };
  }
  // The line the library names first, then the lines above it (a list or quote opened there runs
  // on), then the line below (an indented line makes the library blame the key above it).
  const order = [at, ...range(at - 1, -1), at + 1].filter((i) => i >= 0 && i < lines.length);
  for (const i of order) {
    const found = mistakeOn(lines, i);
    if (found) return found;
  }
  return { offset, message: `Unexpected line that is not a setting between the \`---\` lines, expected \`key: value\` lines (${QUOTE_ADVICE})` };
}

interface Line {
  readonly start: number;
  readonly text: string;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    lines.push({ start, text: line.replace(/\r$/, '') });
    start += line.length + 1;
  }
  return lines;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i > to; i--) out.push(i);
  return out;
}

function mistakeOn(lines: readonly Line[], i: number): ExplainedYaml | null {
  const { start, text } = lines[i]!;
  if (/^\s*(#|$)/.test(text) && !text.includes('\t')) return null;
  const tab = /^[ ]*\t/.exec(text);
  if (tab) {
    return { offset: start + tab[0].length - 1, message: 'Unexpected tab at the start of a settings line (between the `---` lines), expected each `key: value` at the start of its line (delete the tab)' };
  }
  const glued = /^([\w-]+):(?![\s:/])(\S.*)$/.exec(text);
  if (glued) {
    return { offset: start + glued[1]!.length + 1, message: `Unexpected \`${glued[1]}:${glued[2]}\` with no space after the colon, expected \`${glued[1]}: ${glued[2]}\`` };
  }
  const pair = /^([\w-]+):[ \t]+(\S.*)$/.exec(text);
  if (pair) {
    const key = pair[1]!;
    const value = pair[2]!.trimEnd();
    const valueAt = start + text.indexOf(value, key.length + 1);
    const quote = value[0];
    if (quote === '"' || quote === "'") {
      const close = closingQuote(value, quote);
      if (close === -1) {
        return { offset: valueAt, message: `Unexpected \`${quote}\` that opens the value of \`${key}\` and is never closed, expected a closing \`${quote}\` at the end of the value, on the same line` };
      }
      const after = value.slice(close + 1).trim();
      if (after !== '' && !after.startsWith('#')) {
        const inner = quote === '"' ? "'" : '"';
        return { offset: valueAt + close + 1, message: `Unexpected text after the closing quote of \`${key}\`, expected the whole value in quotes: \`${key}: ${inner}${value}${inner}\`` };
      }
      return null;
    }
    if ((quote === '[' || quote === '{') && !value.endsWith(quote === '[' ? ']' : '}')) {
      return { offset: valueAt, message: `Unexpected \`${quote}\` at the start of the value of \`${key}\` that is read as the start of a list, expected the value in quotes: \`${key}: "${value}"\`` };
    }
    if (quote === '@' || quote === '`' || quote === '%' || quote === '*' || quote === '&' || quote === '!') {
      return { offset: valueAt, message: `Unexpected \`${quote}\` at the start of the value of \`${key}\`, expected the value in quotes: \`${key}: "${value}"\`` };
    }
    const colon = /:(\s|$)/.exec(value);
    if (colon && !/^[[{]/.test(value)) {
      return { offset: valueAt + colon.index, message: `Unexpected colon in the value of \`${key}\`, expected the value in quotes: \`${key}: "${value.replace(/"/g, '\\"')}"\`` };
    }
    return null;
  }
  const indented = /^( +)\S/.exec(text);
  if (indented && i > 0 && /^[\w-]+:[ \t]*\S/.test(lines[i - 1]!.text)) {
    return { offset: start, message: 'Unexpected indented line, expected each `key: value` at the start of its line (delete the spaces before it, or join it to the line above)' };
  }
  return null;
}

function closingQuote(value: string, quote: string): number {
  for (let k = 1; k < value.length; k++) {
    if (quote === '"' && value[k] === '\\') {
      k++;
      continue;
    }
    if (value[k] === quote) {
      if (quote === "'" && value[k + 1] === "'") {
        k++;
        continue;
      }
      return k;
    }
  }
  return -1;
}

/**
 * A value cut short by ` #`: YAML reads the rest of the line as a comment (`title: Item #3` is
 * "Item"). Legal YAML, so a warning: the author almost always meant the `#`.
 */
export function cutByComment(text: string, key: string, value: { readonly value?: unknown; readonly type?: string | undefined; readonly comment?: string | null | undefined; readonly range?: readonly number[] | null | undefined }): ExplainedYaml | null {
  if (value.type !== 'PLAIN' || !value.comment || !value.range) return null;
  const end = value.range[1]!;
  const hash = text.indexOf('#', end);
  if (hash === -1 || text.slice(end, hash).includes('\n')) return null;
  const lineEnd = text.indexOf('\n', hash);
  const whole = `${String(value.value)} ${text.slice(hash, lineEnd === -1 ? undefined : lineEnd).trimEnd()}`;
  return {
    offset: hash,
    message: `Unexpected \`#\` in the value of \`${key}\`: what follows is read as a note and only \`${String(value.value)}\` is kept, expected the value in quotes if the \`#\` is part of it: \`${key}: "${whole.replace(/"/g, '\\"')}"\``,
  };
}

// ---- unknown keys ----------------------------------------------------------------

type Hint = string | ((value: unknown) => string);

const isNo = (value: unknown) => value === false || value === 'no' || value === 'false';

/** Keys people write for an annex's keys, and what they mean by them. */
const ANNEX_WORDS: Readonly<Record<string, Hint>> = {
  restricted: (v) => (isNo(v) ? 'no line at all (an annex is public unless it says `visibility: restricted`)' : '`visibility: restricted`'),
  private: '`visibility: restricted`',
  confidential: '`visibility: restricted`',
  internal: '`visibility: restricted`',
  hidden: '`visibility: restricted`',
  secret: '`visibility: restricted`',
  public: (v) => (isNo(v) ? '`visibility: restricted`' : 'no line at all (an annex is public unless it says `visibility: restricted`)'),
  access: '`visibility: restricted` or `visibility: public`',
  landscape: (v) => (isNo(v) ? 'no line at all (pages are portrait unless it says `orientation: landscape`)' : '`orientation: landscape`'),
  portrait: (v) => (isNo(v) ? '`orientation: landscape`' : 'no line at all (pages are portrait unless it says `orientation: landscape`)'),
  wide: '`orientation: landscape`',
  horizontal: '`orientation: landscape`',
  rotate: '`orientation: landscape`',
  rotated: '`orientation: landscape`',
  page: '`orientation: landscape` or `orientation: portrait`',
  layout: '`orientation: landscape` or `orientation: portrait`',
  numbering: '`numbered: true`',
  numbers: '`numbered: true`',
  number: '`numbered: true`',
  numbered_paragraphs: '`numbered: true`',
  paragraph_numbers: '`numbered: true`',
  name: '`title`',
  heading: '`title`',
  caption: '`title`',
  annex_title: '`title`',
  label: '`id`',
  anchor: '`id`',
  ref: '`id`',
};

/** Keys people write for meeting.md's keys. */
const MEETING_WORDS: Readonly<Record<string, Hint>> = {
  short: '`committee_short`',
  short_name: '`committee_short`',
  acronym: '`committee_short`',
  abbreviation: '`committee_short`',
  abbrev: '`committee_short`',
  committee_name: '`committee`',
  committee_acronym: '`committee_short`',
  committee_abbreviation: '`committee_short`',
  name: '`committee`',
  date: '`start` and `end` (the days of the session) or `issued` (the date of the report)',
  dates: '`start` and `end`',
  start_date: '`start`',
  begin: '`start`',
  from: '`start`',
  first_day: '`start`',
  end_date: '`end`',
  to: '`end`',
  until: '`end`',
  last_day: '`end`',
  issue_date: '`issued`',
  date_issued: '`issued`',
  date_of_issue: '`issued`',
  issue: '`issued`',
  published: '`issued`',
  publication_date: '`issued`',
  city: '`place`',
  venue: '`place`',
  location: '`place`',
  town: '`place`',
  code: '`symbol`',
  doc: '`symbol`',
  document: '`symbol`',
  doc_symbol: '`symbol`',
  document_symbol: '`symbol`',
  document_code: '`symbol`',
  reference: '`symbol`',
  lang: '`language`',
  locale: '`language`',
  org: '`organization`',
  organisation: '`organization`',
  organisation_alt: '`organization_alt`',
  sessions: '`session`',
  meeting: '`session`',
  conclusion_phrase: '`conclusion`',
  decision_phrase: '`conclusion`',
  phrase: '`conclusion`',
  author: '`changes_author`',
  change_author: '`changes_author`',
  change_date: '`changes_date`',
};

/** A word's hint: the vocabulary's own entries only, so `constructor` or `__proto__` is an unknown key like any other. */
function hintOf(words: Readonly<Record<string, Hint>>, word: string): Hint | undefined {
  return Object.hasOwn(words, word) ? words[word] : undefined;
}

/** Keys of working documents (docs/format.md), which acta does not read yet. */
const DOCUMENT_KEYS = ['item', 'heading', 'action'];

/**
 * What an unknown key should have been, as the words after "expected": the vocabulary first
 * (`restricted: true` → `visibility: restricted`), then a key of the other kind of file, then a
 * near spelling, else the list of keys.
 */
export function keyHint(key: string, value: unknown, keys: readonly string[], otherKeys: readonly string[], where: string, otherWhere: string): string {
  const word = key.toLowerCase().replace(/[\s-]+/g, '_');
  const meeting = keys.includes('committee');
  if (keys.includes(word) && word !== key) return `a known key (did you mean \`${word}\`?)`;
  const words = meeting ? MEETING_WORDS : ANNEX_WORDS;
  // A word of the vocabulary, or a misspelling of one (`comittee_name`).
  const nearWord = closest(word, Object.keys(words));
  const own = hintOf(words, word) ?? (distance(word, nearWord) <= 2 && word.length > 4 ? hintOf(words, nearWord) : undefined);
  if (own !== undefined) return `a known key (did you mean ${typeof own === 'string' ? own : own(value)}?)`;
  if (meeting && hintOf(ANNEX_WORDS, word) !== undefined) {
    if (/^(restricted|private|confidential|internal|hidden|secret|public)$/.test(word)) {
      return 'a key of meeting.md (restricted text is marked in the text, `:::restricted` … `:::` or `:restricted[…]`; a whole annex with `visibility: restricted` at the top of its own file)';
    }
    return `a key of meeting.md (\`${word}\` looks like an annex setting: annex keys go at the top of each annex file: ${otherKeys.map((k) => `\`${k}\``).join(', ')})`;
  }
  if (otherKeys.includes(word) && !keys.includes(word)) return `a key of ${where} (\`${word}\` belongs in ${otherWhere})`;
  if (DOCUMENT_KEYS.includes(word) && !keys.includes(word)) return `a key of ${where} (\`${word}\` is a key of working documents, in \`documents/\`)`;
  const near = closest(word, [...keys]);
  if (distance(word, near) <= Math.max(2, Math.floor(word.length / 3))) return `a known key (did you mean \`${near}\`?)`;
  return `one of the keys of ${where}: ${keys.map((k) => `\`${k}\``).join(', ')}`;
}

/**
 * A working document's keys: the closest one for a typo, and where an annex's or the meeting's key goes
 * (the annex vocabulary's hints, `landscape` → `orientation: landscape`, name keys a document does not have).
 */
export function documentKeyHint(key: string, documentKeys: readonly string[], meetingKeys: readonly string[]): string {
  const word = key.toLowerCase().replace(/[\s-]+/g, '_');
  if (documentKeys.includes(word)) return `a known key (did you mean \`${word}\`?)`;
  if (/^(landscape|portrait|orientation|numbered)$/.test(word)) {
    return `a key of a working document (\`${word}\` is an annex setting: it goes at the top of each of the document's annexes, \`annexes/*.md\` beside \`document.md\`)`;
  }
  if (/^(restricted|private|confidential|public|hidden|secret)$/.test(word)) return 'a known key (did you mean `visibility: restricted`?)';
  if (meetingKeys.includes(word)) return `a key of a working document (\`${word}\` belongs in meeting.md: a document takes it from the meeting)`;
  const near = closest(word, [...documentKeys]);
  if (distance(word, near) <= Math.max(2, Math.floor(word.length / 3))) return `a known key (did you mean \`${near}\`?)`;
  return `one of the keys of a working document: ${documentKeys.map((k) => `\`${k}\``).join(', ')}`;
}
