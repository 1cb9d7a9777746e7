// Validates meeting and annex frontmatter with zod and maps every problem to its line in the file.

import { isAlias, isMap, isNode, isScalar, LineCounter, parseDocument, visit, type Document, type Node as YamlNode, type Pair, type YAMLError } from 'yaml';
import { closest, distance } from 'fastest-levenshtein';
// zod's tree-shakable API, as everywhere in acta: the full one loads every locale's messages at every start
// (docs/speed.md), and acta writes its own messages.
import * as z from 'zod/mini';
import { error, warning, type Diagnostic, type Place } from '../diagnostics.js';
import { annexSchema, documentSchema, meetingSchema, type AnnexMeta, type DocumentFrontmatter, type MeetingMeta } from '../model/frontmatter.js';

export { annexSchema, documentSchema, meetingSchema, symbol } from '../model/frontmatter.js';
import { cutByComment, documentKeyHint, explainYamlError, keyHint } from './frontmatter-hints.js';
import { issueError } from './frontmatter-issues.js';

const meetingKeys = Object.keys(meetingSchema.shape);
const annexKeys = Object.keys(annexSchema.shape);
const documentKeys = Object.keys(documentSchema.shape);

const examples: Readonly<Record<string, string>> = {
  committee: 'committee: Permanent Technical Committee',
  committee_short: 'committee_short: PTC',
  session: 'session: 219th/220th Sessions',
  start: 'start: 2018-04-16',
  end: 'end: 2018-04-20',
  place: 'place: Brussels',
  issued: 'issued: 2018-05-02',
  symbol: 'symbol: PC0517E1a',
  title: 'title: Draft WCO Cross-Border E-Commerce Framework of Standards',
  item: 'item: ptc-work-programme (the id of the agenda item or sub-item)',
};

/** The frontmatter block as remark-frontmatter found it. */
export interface FrontmatterSource {
  readonly value: string;
  /** Line of the opening `---`. */
  readonly line: number;
}

export function parseMeetingFrontmatter(file: string, source: FrontmatterSource | null): { meta: MeetingMeta | null; diagnostics: Diagnostic[]; settingPlaces: ReadonlyMap<string, Place> } {
  const found = validateSource(file, source, meetingSchema, meetingKeys, 'meeting.md');
  return { meta: found.data ?? null, diagnostics: found.diagnostics, settingPlaces: found.keys ?? new Map() };
}

export function parseAnnexFrontmatter(file: string, source: FrontmatterSource | null): { meta: AnnexMeta | null; diagnostics: Diagnostic[] } {
  const found = validateSource(file, source, annexSchema, annexKeys, 'annex file');
  return { meta: found.data ?? null, diagnostics: found.diagnostics };
}

export function parseDocumentFrontmatter(file: string, source: FrontmatterSource | null): { meta: DocumentFrontmatter | null; diagnostics: Diagnostic[]; itemPlace: Place } {
  const found = validateSource(file, source, documentSchema, documentKeys, 'working document');
  // The `item` value's place, where an id that names no item of the agenda is reported.
  const itemPlace: Place = found.values?.get('item') ?? { file, line: source?.line ?? 1, column: 1 };
  return { meta: found.data ?? null, diagnostics: found.diagnostics, itemPlace };
}

type Schema = z.ZodMiniType<Record<string, unknown>>;
/** What a frontmatter is checked with: its file, its text, the schema and keys of its kind, and the kind's name for messages. */
type Check<S extends Schema> = [file: string, source: FrontmatterSource | null, schema: S, keys: readonly string[], what: string];
type Validated<S extends Schema> = {
  data?: z.output<S>;
  diagnostics: Diagnostic[];
  /** Where each key's value starts in the file, as the YAML parser found it. */
  values?: ReadonlyMap<string, Place>;
  /** Where each key starts in the file. */
  keys?: ReadonlyMap<string, Place>;
};

/** The YAML nodes of each key of a frontmatter, and of its value, to place messages about them. */
type KeyNodes = ReadonlyMap<string, { readonly key: YamlNode | null; readonly value: YamlNode | null }>;
/** The place in the file of an offset in the frontmatter's text (the opening line for none). */
type PlaceAt = (offset: number | undefined) => Place;

/** Reads a frontmatter's YAML and checks it against its kind's schema: its data, or what is wrong with it. */
function validateSource<S extends Schema>(...[file, source, schema, keys, what]: Check<S>): Validated<S> {
  if (!source) {
    return {
      diagnostics: [
        error({ file, line: 1, column: 1 }, 'missing-frontmatter', `Unexpected ${what} without its settings, expected \`key: value\` lines between two \`---\` lines first (with ${keys.filter((k) => examples[k]).slice(0, 3).map((k) => `\`${k}\``).join(', ')}…)`),
      ],
    };
  }
  const lines = new LineCounter();
  const doc = parseDocument(source.value, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const placeAt: PlaceAt = (offset) => {
    if (offset === undefined) return { file, line: source.line, column: 1 };
    const pos = lines.linePos(offset);
    return { file, line: source.line + pos.line, column: pos.col };
  };
  if (doc.errors.length > 0) return { diagnostics: yamlErrors(source, doc.errors, placeAt) };
  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && (contents.value === null || contents.value === ''))) {
    return validateData({}, placeAt, schema, keys, new Map(), { file, line: source.line, column: 1 });
  }
  if (!isMap(contents)) {
    return { diagnostics: [error(placeAt(contents.range?.[0]), 'frontmatter-not-mapping', 'Unexpected text between the `---` lines that is not a list of settings, expected `key: value` lines')] };
  }
  const diagnostics: Diagnostic[] = [];
  const nodes = keyNodes(source, contents.items, placeAt, diagnostics);
  // A setting is a name and its value: a line with no name, or a list or block as the name, is none.
  const unnamed = contents.items.find((pair) => !isScalar(pair.key) || String(pair.key.value ?? '').trim() === '');
  if (unnamed) {
    const at = (isNode(unnamed.key) ? unnamed.key.range?.[0] : undefined) ?? (isNode(unnamed.value) ? unnamed.value.range?.[0] : undefined);
    return { diagnostics: [...diagnostics, error(placeAt(at), 'yaml-syntax', 'Unexpected setting without a name, expected `key: value` with the key a plain word (such as `title: …`)')] };
  }
  const unplain = contents.items.map((pair) => notPlain(source.value, pair)).find((found) => found !== null);
  if (unplain) {
    diagnostics.push(error(placeAt(unplain.offset), 'yaml-syntax', `Unexpected \`${unplain.mark}\` at the start of the value of \`${unplain.key}\`, expected the value in quotes: \`${unplain.key}: "${unplain.mark}…"\``));
    return { diagnostics };
  }
  const data = plainData(doc, source, placeAt);
  if (!('data' in data)) return { diagnostics: [...diagnostics, data.refused] };
  const notText = notTextValue(data.data, nodes, placeAt);
  if (notText) return { diagnostics: [...diagnostics, notText] };
  const validated = validateData(data.data, placeAt, schema, keys, nodes, { file, line: source.line, column: 1 });
  const placesOf = (node: 'key' | 'value') => new Map([...nodes].flatMap(([key, found]) => (found[node]?.range ? [[key, placeAt(found[node].range[0])] as const] : [])));
  return { ...validated, diagnostics: [...diagnostics, ...validated.diagnostics], values: placesOf('value'), keys: placesOf('key') };
}

/** The YAML errors, one message a line: YAML often reports one mistake twice. */
function yamlErrors(source: FrontmatterSource, errors: readonly YAMLError[], placeAt: PlaceAt): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<number>();
  for (const e of errors) {
    const explained = explainYamlError(source.value, e.code, e.pos[0], firstLine(e.message));
    const place = placeAt(explained.offset);
    if (seen.has(place.line)) continue;
    seen.add(place.line);
    diagnostics.push(error(place, 'yaml-syntax', explained.message));
  }
  return diagnostics;
}

/** The nodes of each key and its value; a value a comment cut short is a warning in `diagnostics`. */
function keyNodes(source: FrontmatterSource, pairs: readonly Pair[], placeAt: PlaceAt, diagnostics: Diagnostic[]): KeyNodes {
  const nodes = new Map<string, { key: YamlNode | null; value: YamlNode | null }>();
  for (const pair of pairs) {
    const keyNode = pair.key as YamlNode | null;
    const name = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
    nodes.set(name, { key: keyNode, value: pair.value as YamlNode | null });
    const cut = isScalar(pair.value) ? cutByComment(source.value, name, pair.value) : null;
    if (cut) diagnostics.push(warning(placeAt(cut.offset), 'yaml-comment', cut.message));
  }
  return nodes;
}

/** The frontmatter as plain data, or the error for an alias YAML could not expand. */
function plainData(doc: Document, source: FrontmatterSource, placeAt: PlaceAt): { data: Record<string, unknown> } | { refused: Diagnostic } {
  try {
    // No alias is left to expand (notPlain refused them): the count is a second guard.
    return { data: doc.toJS({ maxAliasCount: 0 }) as Record<string, unknown> };
  } catch {
    // `*name` with no `&name` before it: YAML reads the value as a reference to another value.
    const alias = /^([\w-]+):[ \t]*\*/m.exec(source.value);
    const offset = alias ? alias.index + alias[0].length - 1 : undefined;
    const key = alias?.[1] ?? 'key';
    return { refused: error(placeAt(offset), 'yaml-syntax', `Unexpected \`*\` at the start of the value of \`${key}\`, expected the value in quotes: \`${key}: "…"\``) };
  }
}

/** The error for the first value that holds a character no document can hold, if any. */
function notTextValue(data: Record<string, unknown>, nodes: KeyNodes, placeAt: PlaceAt): Diagnostic | null {
  for (const [key, value] of Object.entries(data)) {
    const bad = typeof value === 'string' ? NOT_TEXT.exec(value) : null;
    if (!bad) continue;
    const node = nodes.get(key);
    const code = bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    return error(placeAt(node?.value?.range?.[0] ?? node?.key?.range?.[0]), 'not-text', `Unexpected character U+${code} in the value of \`${key}\`, expected text: no document can hold this character`);
  }
  return null;
}

/** Checks a frontmatter's data against its kind's schema: the data, or one message a mistake, each where it is typed. */
function validateData<S extends Schema>(data: Record<string, unknown>, placeAt: PlaceAt, schema: S, keys: readonly string[], nodes: KeyNodes, start: Place): Validated<S> {
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) {
    const checked = result.data as Record<string, unknown>;
    if (typeof checked.start === 'string' && typeof checked.end === 'string' && checked.end < checked.start) {
      return {
        diagnostics: [error(placeAt(nodes.get('end')?.value?.range?.[0]), 'dates-reversed', `Unexpected \`end: ${checked.end}\` before \`start: ${checked.start}\`, expected an end on or after the start`)],
      };
    }
    return { data: result.data, diagnostics: [] };
  }
  const diagnostics: Diagnostic[] = [];
  // One mistake, one message: a misspelled key is reported where it is typed, not again as a missing key.
  const meant = unknownKeys(result.error.issues, data, keys, nodes, placeAt, diagnostics);
  const reported = new Set<string>();
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') continue;
    const key = String(issue.path[0] ?? '');
    // One message a key: a value can fail several checks (format, then a refinement).
    if (reported.has(key)) continue;
    reported.add(key);
    const node = nodes.get(key);
    if (issue.input === undefined && !nodes.has(key)) {
      if (meant.has(key)) continue;
      const line = examples[key] ?? `${key}: …`;
      diagnostics.push(error(start, 'missing-key', `Unexpected settings without \`${key}\`, expected a line like \`${line}\``));
      continue;
    }
    diagnostics.push(issueError(issue, key, placeAt(node?.value?.range?.[0] ?? node?.key?.range?.[0])));
  }
  return { diagnostics };
}

/** Reports each key the schema does not know, where it is typed: the keys they were meant to be (a near known key). */
function unknownKeys(issues: readonly z.core.$ZodIssue[], data: Record<string, unknown>, keys: readonly string[], nodes: KeyNodes, placeAt: PlaceAt, diagnostics: Diagnostic[]): Set<string> {
  const meant = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    for (const key of issue.keys) {
      const hint = unknownKeyHint(key, data[key], keys);
      const near = /did you mean `([\w]+)`/.exec(hint)?.[1];
      if (near) meant.add(near);
      diagnostics.push(error(placeAt(nodes.get(key)?.key?.range?.[0]), 'unknown-key', `Unexpected key \`${key}\`, expected ${hint}`));
    }
  }
  return meant;
}

function unknownKeyHint(key: string, value: unknown, keys: readonly string[]): string {
  if (keys === documentKeys) return documentKeyHint(key, documentKeys, meetingKeys);
  return keys === meetingKeys
    ? keyHint(key, value, meetingKeys, annexKeys, 'meeting.md', 'an annex file')
    : keyHint(key, value, annexKeys, meetingKeys, 'an annex file', 'meeting.md');
}

/**
 * Characters no document can hold (C0 and C1 controls but tab and line ends, non-characters, halves of a surrogate
 * pair), which a quoted value can spell with an escape (`"\\uD800"`). The Markdown's own are replaced when it is read.
 */
export const NOT_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\p{Noncharacter_Code_Point}\p{Cs}]/u;

/**
 * The first mark of a pair that is not plain data: an alias (`*name`, which a value could repeat into a billion others),
 * an anchor (`&name`, which silently takes the start of an unquoted value such as `&Co`) or a tag (`!name`).
 */
function notPlain(text: string, pair: Pair): { key: string; mark: string; offset: number } | null {
  const key = isScalar(pair.key) ? String(pair.key.value) : 'key';
  let found: { key: string; mark: string; offset: number } | null = null;
  for (const node of [pair.key, pair.value]) {
    if (!isNode(node)) continue;
    visit(node, (_, inner) => {
      if (!isNode(inner)) return undefined;
      const start = inner.range?.[0] ?? 0;
      if (isAlias(inner)) found = { key, mark: `*${inner.source}`, offset: start };
      else if (inner.anchor) found = { key, mark: `&${inner.anchor}`, offset: text.lastIndexOf(`&${inner.anchor}`, start) };
      else if (inner.tag !== undefined && isScalar(inner)) {
        // The tag as written, just before the value: `!!binary`, `!foo`.
        const written = /(!\S*)\s*$/.exec(text.slice(Math.max(0, start - 200), start));
        found = { key, mark: written?.[1] ?? '!', offset: written ? start - (written[0].length) : start };
      }
      return found ? visit.BREAK : undefined;
    });
    if (found) return found;
  }
  return null;
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/\s+at line \d+, column \d+:?$/, '').trim();
}
