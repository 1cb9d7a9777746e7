// Restricted is fail-safe: a spelling a person could mean as restricted is an error naming the
// right one, so text that was meant to be withheld is never published because of a typo.

import { distance } from 'fastest-levenshtein';
import type { Nodes, Paragraph, PhrasingContent } from 'mdast';
import { visit } from 'unist-util-visit';
import { error, placeOf, pointAt, type Diagnostic, type Place, type Where } from '../diagnostics.js';
import type { SourceRange } from '../model.js';

/** The name itself in any case, or a close misspelling of it (`restrcited`, `Restricted`, `restriced`). */
export function looksRestricted(word: string): boolean {
  const w = word.toLowerCase();
  return w === 'restricted' || (w.length >= 7 && distance(w, 'restricted') <= 2);
}

const PUBLISHED = 'as typed, its text would be published';

/** Other words an author may use to mark text as confidential: never markup of acta's, so never silently published. */
const CONFIDENTIAL_WORDS: ReadonlySet<string> = new Set(['private', 'confidential', 'secret', 'internal']);

function meansConfidential(word: string): boolean {
  return looksRestricted(word) || CONFIDENTIAL_WORDS.has(word.toLowerCase());
}

/**
 * Lines of a paragraph that start with colons were meant as a block fence (`::: restricted`,
 * `::: {.restricted}`, a stray `:::`): Markdown read them as text, so the block around them would
 * be printed in every edition.
 */
export interface FenceState {
  /** A near-miss opener was reported above: the `:::` that closes it needs no message of its own. */
  openerReported: boolean;
}

export function checkFenceLines(file: string, source: string, node: Paragraph, state: FenceState, diagnostics: Diagnostic[]): void {
  const start = node.position?.start;
  const end = node.position?.end;
  if (start?.offset === undefined || end?.offset === undefined) return;
  const lines = source.slice(start.offset, end.offset).split('\n');
  lines.forEach((line, i) => {
    const m = /^([ \t]*)(:{2,})(.*?)\r?$/.exec(line);
    if (!m) return;
    const colons = m[2]!;
    const rest = m[3]!.trim();
    const place: Place = { file, line: start.line + i, column: (i === 0 ? start.column : 1) + m[1]!.length };
    const typed = `${colons}${m[3]!.replace(/\r$/, '')}`;
    const word = /^\{?\s*[.#]?([\p{L}\p{N}_-]+)/u.exec(rest)?.[1];
    if (word && looksRestricted(word)) {
      state.openerReported = true;
      diagnostics.push(
        error(place, 'restricted-syntax', `Unexpected \`${typed}\`, expected \`:::restricted\` (three colons, then the name with no space or braces) on a line of its own to open a restricted block; ${PUBLISHED}`),
      );
    } else if (colons.length >= 3 && rest === '') {
      if (state.openerReported) {
        state.openerReported = false;
        return;
      }
      diagnostics.push(
        error(place, 'directive-syntax', `Unexpected \`${colons}\` line that closes no block, expected it only to close a \`:::restricted\` block opened above it; ${PUBLISHED}`),
      );
    } else if (colons.length >= 3) {
      state.openerReported = true;
      diagnostics.push(
        error(place, 'directive-syntax', `Unexpected \`${typed}\`, expected \`:::restricted\` (no space, no braces) to open a restricted block and \`:::\` alone to close it; ${PUBLISHED}`),
      );
    }
  });
}

/**
 * Colons that look like `:` (full-width, small, ratio, modifier letter…): `：restricted[` reads as
 * text, so its words would be published.
 */
const COLONS = ':\uFF1A\uFE55\uFE13\uA789\u2236\u02F8\u05C3\u0589\u2982';

/**
 * `[text]{.restricted}` (pandoc's span: its first class), `: restricted[text]` (a space after the colon), `：restricted[`,
 * `&#58;restricted[`. Each pattern runs in time linear in the text: a brace group is found first and its class read
 * apart, since a single pattern that backtracks over the group's dots takes time that grows with their square.
 */
const TEXT_NEAR_MISSES = [
  /\{[^{}\n]*\}/gu,
  new RegExp(`(?:^|[^${COLONS}\\p{L}\\p{N}])[${COLONS}]\\s+([\\p{L}\\p{N}_-]+)\\s*\\[`, 'gu'),
  // The text itself holds the span's opening: it was escaped, written with a character reference or a look-alike colon.
  new RegExp(`[${COLONS}]([\\p{L}\\p{N}_-]+)\\s*\\[`, 'gu'),
];
const CLASS = /\.([\p{L}\p{N}_-]+)/u;

/**
 * Inline spellings of `:restricted[…]` that Markdown read as text. Format characters (zero-width
 * spaces, joiners) are ignored and compatibility forms folded (NFKC), so `：restricted[` and
 * `:rest\u200Bricted[` are caught too.
 */
export function checkRestrictedText(source: string, text: { readonly value: string; readonly range: SourceRange }, diagnostics: Diagnostic[], index: ReportedPlaces = reportedPlaces()): void {
  if (!/[eE][sS][tT][rR]|[rR][eE][sS][tT]|[pP][rR][iI][vV]|[cC][oO][nN][fF]|[sS][eE][cC][rR]|[iI][nN][tT][eE]|[^\0-\u00FF]/.test(text.value)) return;
  const folded = fold(text.value);
  if (!TEXT_NEAR_MISSES.some((pattern) => new RegExp(pattern.source, pattern.flags.replace('g', '')).test(folded))) return;
  const { value, rawIndex } = foldWithIndex(text.value);
  const raw = source.slice(text.range.start.offset, text.range.end.offset);
  const reported = new Set<number>();
  for (const pattern of TEXT_NEAR_MISSES) {
    for (const m of value.matchAll(pattern)) {
      const name = m[1] ?? CLASS.exec(m[0])?.[1];
      const shown = m[0].replace(new RegExp(`^[^${COLONS}{]*`, 'u'), '');
      const at = m.index + m[0].length - shown.length;
      if (name === undefined || reported.has(at) || !meansConfidential(name)) continue;
      const lineStart = value.lastIndexOf('\n', m.index) + 1;
      if (/^[ \t]*:{2,}/.test(value.slice(lineStart))) continue; // a fence line: reported for the paragraph
      reported.add(at);
      const { place, typed } = locate(source, raw, text, rawIndex[at]!, rawIndex[m.index + m[0].length]!, name);
      // The same place already reported: a near-miss directive or an unclosed span, kept as typed.
      if (restrictedPlaces(diagnostics, index).has(`${place.file}:${place.line}:${place.column}`)) continue;
      const right = /^\{/.test(shown) || looksRestricted(name) ? 'the name' : `\`restricted\` (not \`${name}\`)`;
      diagnostics.push(
        error(place, 'restricted-syntax', `Unexpected \`${typed}\`, expected \`:restricted[text]\` (a plain colon, ${right} and the text in brackets, with no space, escape or character reference); ${PUBLISHED}`),
      );
    }
  }
}

/**
 * The places of the restricted-* problems reported so far in a list of messages, indexed as the list grows (it only
 * ever grows while a meeting is read): looking through the whole list for each near miss took time that grew with
 * their square. One a reading of a meeting, kept by its reader.
 */
export interface ReportedPlaces {
  /** How many messages of the list are indexed. */
  count: number;
  readonly places: Set<string>;
}

export function reportedPlaces(): ReportedPlaces {
  return { count: 0, places: new Set() };
}

function restrictedPlaces(diagnostics: readonly Diagnostic[], index: ReportedPlaces): Set<string> {
  for (; index.count < diagnostics.length; index.count++) {
    const d = diagnostics[index.count]!;
    if (d.ruleId.startsWith('restricted-')) index.places.add(`${d.file}:${d.line}:${d.column}`);
  }
  return index.places;
}

/** Text as it reads: format characters dropped, compatibility forms (full-width letters and colons) folded. */
const fold = (text: string): string => text.replace(/\p{Cf}/gu, '').normalize('NFKC');

/** `fold`, keeping for each character of the result the index of the character it came from. */
function foldWithIndex(text: string): { value: string; rawIndex: number[] } {
  let value = '';
  const rawIndex: number[] = [];
  let i = 0;
  for (const c of text) {
    const folded = fold(c);
    value += folded;
    for (let k = 0; k < folded.length; k++) rawIndex.push(i);
    i += c.length;
  }
  rawIndex.push(text.length);
  return { value, rawIndex };
}

/**
 * Where a near miss is typed, and as what. The text's value is its source as typed unless it holds
 * escapes or character references (`\:`, `&#58;`): then the word is looked for in the source.
 */
function locate(source: string, raw: string, text: { readonly value: string; readonly range: SourceRange }, from: number, to: number, word: string): { place: Place; typed: string } {
  const at = (offset: number): Place => {
    const point = pointAt(source, text.range.start.offset + offset);
    return { file: text.range.file, line: point.line, column: point.column };
  };
  if (raw === text.value) return { place: at(from), typed: raw.slice(from, to) };
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const typed = new RegExp(`(?:&#0*58;|&#[xX]0*3[aA];|&colon;|\\\\:|[${COLONS}])\\s*${escaped}\\s*(?:\\\\)?\\[`, 'iu').exec(raw);
  if (typed) return { place: at(typed.index), typed: typed[0] };
  return { place: placeOf(text.range), typed: text.value.slice(from, to) };
}

/**
 * The place of the `directive` node that the reader took for a directive of another name or shape:
 * `:restricted [text]`, `:restrcited[text]`, and the other words for confidential, `:private[text]`,
 * `:confidential[text]`, `:secret[text]`, `:internal[text]`.
 */
export function checkRestrictedDirective(place: Where, typed: string, name: string, diagnostics: Diagnostic[]): boolean {
  const other = CONFIDENTIAL_WORDS.has(name.toLowerCase());
  if (!looksRestricted(name) && !(other && typed.startsWith(`:${name}[`))) return false;
  const shown = typed.length > 40 ? `${typed.slice(0, 39)}…` : typed;
  diagnostics.push(
    error(place, 'restricted-syntax', `Unexpected \`${shown}\`, expected \`:restricted[text]\` (a colon, the name${other ? ' `restricted`' : ''} and the text in brackets, with no space); ${PUBLISHED}`),
  );
  return true;
}

/**
 * A span that ends while something opened in its text is still open: `:restricted[a (see <x] y) z]`.
 * The `]` was most likely meant as part of a link's address, a parenthesis or code whose opening
 * Markdown did not take (a link inside a link, an unclosed backtick), and the words after it as
 * restricted; but they would be published. Only the span's own text counts, not code, links or
 * spans inside it.
 */
export function checkRestrictedEnd(file: string, source: string, span: { readonly children: readonly PhrasingContent[]; readonly position?: Paragraph['position'] }, diagnostics: Diagnostic[]): void {
  let text = '';
  const collect = (nodes: readonly PhrasingContent[]): void => {
    for (const node of nodes) {
      // As typed, less what is escaped (`\``, `\(` are characters of the text, not openings).
      // (Text split around a bare URL has no position: its value is as typed.)
      if (node.type === 'text') text += node.position ? source.slice(node.position.start.offset, node.position.end.offset).replace(/\\[\s\S]/g, '') : node.value;
      else if (node.type === 'emphasis' || node.type === 'strong' || node.type === 'delete' || node.type.startsWith('critic')) collect((node as { children?: PhrasingContent[] }).children ?? []);
    }
  };
  collect(span.children);
  if (!/[(`<]/.test(text)) return;
  let parentheses = 0;
  for (const c of text) {
    if (c === '(') parentheses++;
    else if (c === ')' && parentheses > 0) parentheses--;
  }
  const open = parentheses > 0 ? 'a parenthesis `(`' : text.includes('`') ? 'a backtick `` ` ``' : /<(?:[\p{L}/!?][^>]*)?$/u.test(text) ? 'an angle bracket `<`' : null;
  const end = span.position?.end;
  if (open === null || !end) return;
  diagnostics.push(
    error({ file, line: end.line, column: end.column - 1 }, 'restricted-unclosed', `Unexpected \`]\` that ends the restricted text inside ${open} opened in it, expected it closed before the \`]\` that ends the restricted text (a \`]\` of the text is written \`\\]\`, a lone backtick with a backslash before it); as typed, the words after it would be published`),
  );
}

/**
 * Raw HTML meant to mark text confidential: a comment that speaks of restricted text (`<!--
 * restricted -->`, or one that swallowed a `:restricted[` opening) or a tag with a restricted or
 * confidential class. HTML is left out of every edition, but the text around it is published.
 */
export function checkRestrictedHtml(where: Where, value: string, diagnostics: Diagnostic[]): void {
  const html = value.trim();
  const comment = html.startsWith('<!--');
  const words = comment ? html.slice(4).match(/[\p{L}\p{N}_]+/gu) ?? [] : attributeWords(html);
  const word = words.find((w) => (comment ? looksRestricted(w) : meansConfidential(w)));
  if (word === undefined) return;
  const shown = html.length > 40 ? `${html.slice(0, 39).replace(/\s+/g, ' ')}…` : html.replace(/\s+/g, ' ');
  const why = comment
    ? 'a comment withholds nothing: the text after it is published (reword it if it is only a note)'
    : 'HTML is left out, but the text around it is published';
  diagnostics.push(
    error(where, 'restricted-syntax', `Unexpected HTML \`${shown}\` that speaks of restricted text, expected \`:::restricted\` … \`:::\` around a block, or \`:restricted[text]\` inline, to withhold text; ${why}`),
  );
}

/** The words of a tag's name and attribute values: `<div class="restricted">` → div, class, restricted. */
function attributeWords(html: string): string[] {
  const tag = /^<\/?[^>]*>?/.exec(html)?.[0] ?? html;
  return tag.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * A fenced code block or an HTML block still open when a `:::` line comes ends there: the block
 * is closed by a line meant as code or as a comment, and the text after it is no longer
 * restricted. Such a block inside `:::restricted` is an error at its start.
 */
export function checkOpenInsideBlock(file: string, source: string, block: Nodes, diagnostics: Diagnostic[]): void {
  visit(block, (node) => {
    if (node === block || (node.type !== 'code' && node.type !== 'html')) return;
    const start = node.position?.start;
    const end = node.position?.end;
    if (start?.offset === undefined || end?.offset === undefined) return;
    const typed = source.slice(start.offset, end.offset);
    const open = node.type === 'code' ? openFence(typed) : openHtml(typed);
    if (open === null) return;
    diagnostics.push(
      error({ file, line: start.line, column: start.column }, 'restricted-syntax', `Unexpected ${open} still open at the \`:::\` line that ends the restricted block, expected it closed before that line; as typed, the \`:::\` is read as part of it and the text after it would be published`),
    );
  });
}

/** What a fenced code block lacks to be closed (null when it is closed, or is indented code). */
function openFence(typed: string): string | null {
  const fence = /^[ \t]*(`{3,}|~{3,})/.exec(typed)?.[1];
  if (!fence) return null;
  const lines = typed.split(/\r?\n/);
  const last = lines[lines.length - 1]!;
  const closed = lines.length > 1 && new RegExp(`^[ \\t]*\\${fence[0]}{${fence.length},}[ \\t]*$`).test(last);
  return closed ? null : `code block (\`${fence}\`)`;
}

/** What an HTML block lacks to be closed: CommonMark's end conditions of the blocks that run past blank lines. */
function openHtml(typed: string): string | null {
  const ends: readonly [RegExp, RegExp, string][] = [
    [/^\s*<!--/, /-->/, 'HTML comment (`<!--`)'],
    [/^\s*<\?/, /\?>/, 'HTML block (`<?`)'],
    [/^\s*<!\[CDATA\[/, /\]\]>/, 'HTML block (`<![CDATA[`)'],
    [/^\s*<![A-Za-z]/, />/, 'HTML block (`<!`)'],
    [/^\s*<(?:pre|script|style|textarea)(?:[\s>]|$)/i, /<\/(?:pre|script|style|textarea)>/i, 'HTML block'],
  ];
  for (const [opens, closes, what] of ends) if (opens.test(typed)) return closes.test(typed.replace(opens, '')) ? null : what;
  return null;
}

