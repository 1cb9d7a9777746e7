// Reads the record of an issued numbering (numbering.lock.yaml, written by `acta issue`) into the model, every
// problem at its line: the file is written by acta, so a problem in it is a hand edit or a merge gone wrong.

import { isNode, LineCounter, parseDocument } from 'yaml';
import * as z from 'zod/mini';
import { error, wholeFile, type Diagnostic } from '../diagnostics.js';
import type { SourceFile } from '../load/load-meeting.js';
import type { IssuedRecord } from '../model.js';

/** A number as printed: YAML reads `12` as a number and `12A` as text; both are kept as text. */
const label = z.pipe(z.union([z.string().check(z.minLength(1)), z.number()]), z.transform((v) => String(v)));
const text = z._default(z.string(), '');
/** A range as the agenda prints it, which a transcription may write by hand: `110 - 139`, `07`, `12A - 18`, `12 bis - 18`. */
const RANGE_END = String.raw`\d+(?:[A-Z]{1,3}| [a-z]+)?`;
const range = z._default(z.string().check(z.regex(new RegExp(`^(?:${RANGE_END}(?: - ${RANGE_END})?)?$`))), '');

const recordSchema = z.object({
  symbol: z.string(),
  corrigenda: z._default(z.number().check(z.int(), z.gte(0)), 0),
  items: z._default(
    z.array(
      z.object({
        key: z.string(),
        numeral: label,
        range,
        subitems: z._default(z.array(z.object({ key: z.string(), letter: label, range })), []),
      }),
    ),
    [],
  ),
  paragraphs: z._default(
    z.array(
      z.object({
        number: label,
        key: z._default(z.string(), ''),
        item: label,
        hash: z._default(z.string(), ''),
        text,
        deleted: z.optional(z.boolean()),
        moved_to: z.optional(label),
      }),
    ),
    [],
  ),
  decisions: z._default(z.array(z.object({ id: z.string(), hash: z.string(), text })), []),
  annexes: z._default(z.array(z.object({ key: z.string(), numeral: label })), []),
});

export type RecordData = z.input<typeof recordSchema>;

const AS_WRITTEN = 'expected the file as `acta issue` wrote it (restore it from version control: running `acta issue` again would record the numbering as it is now, not as it was issued)';

export function parseIssuedRecord(file: SourceFile): { readonly record: IssuedRecord | null; readonly diagnostics: Diagnostic[] } {
  const lines = new LineCounter();
  const doc = parseDocument(file.text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined) => {
    const pos = lines.linePos(offset ?? 0);
    return { file: file.path, line: pos.line, column: pos.col };
  };
  const first = doc.errors[0];
  if (first) return { record: null, diagnostics: [error(at(first.pos[0]), 'bad-record', `Unexpected text that is not a record of numbers, ${AS_WRITTEN}`)] };
  const parsed = recordSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const node = doc.getIn(issue.path as (string | number)[], true);
    const owner = doc.getIn(issue.path.slice(0, -1) as (string | number)[], true);
    const offset = (isNode(node) ? node.range?.[0] : undefined) ?? (isNode(owner) ? owner.range?.[0] : undefined);
    const where = issue.path.length ? ` at \`${issue.path.join('.')}\`` : '';
    // A range is the one value a secretariat writes by hand (as a report issued before acta printed it).
    const expected = issue.path.at(-1) === 'range' ? 'expected a range as the agenda table prints it (`110 - 139`, `07`, `12A - 18`)' : AS_WRITTEN;
    return { record: null, diagnostics: [error(at(offset), 'bad-record', `Unexpected value${where} in the record of the issued numbering, ${expected}`)] };
  }
  const d = parsed.data;
  const twice = repeated(d, doc, at) ?? strayRange(d, doc, at);
  if (twice) return { record: null, diagnostics: [twice] };
  return {
    record: {
      symbol: d.symbol,
      corrigenda: d.corrigenda,
      items: d.items,
      paragraphs: d.paragraphs.map((p) => ({
        key: p.key,
        number: p.number,
        item: p.item,
        hash: p.hash || hashInKey(p.key),
        text: p.text,
        ...(p.deleted ? { deleted: true } : {}),
        ...(p.moved_to !== undefined ? { movedTo: p.moved_to } : {}),
      })),
      decisions: d.decisions,
      annexes: d.annexes,
      range: wholeFile(file.path, file.text),
    },
    diagnostics: [],
  };
}

/**
 * The first number, numeral, letter or id the record gives twice: each names one thing in citations, so a record
 * holding one twice (a merge of two branches' records, a line copied by hand) cannot say which is which.
 */
function repeated(d: z.output<typeof recordSchema>, doc: ReturnType<typeof parseDocument>, at: (offset: number | undefined) => { file: string; line: number; column: number }): Diagnostic | null {
  const lists: [what: string, path: (string | number)[], values: string[]][] = [
    ['paragraph numbered', ['paragraphs'], d.paragraphs.map((p) => p.number)],
    ['item numbered', ['items'], d.items.map((i) => i.numeral)],
    ['annex numbered', ['annexes'], d.annexes.map((a) => a.numeral)],
    ['decision with the id', ['decisions'], d.decisions.map((x) => x.id)],
    ...d.items.map((item, i): [string, (string | number)[], string[]] => [`sub-item of Item ${item.numeral} lettered`, ['items', i, 'subitems'], item.subitems.map((s) => s.letter)]),
  ];
  for (const [what, path, values] of lists) {
    const seen = new Map<string, number>();
    for (const [i, value] of values.entries()) {
      const first = seen.get(value);
      if (first === undefined) {
        seen.set(value, i);
        continue;
      }
      const node = (k: number) => doc.getIn([...path, k], true);
      const offset = (k: number) => {
        const n = node(k);
        return isNode(n) ? n.range?.[0] : undefined;
      };
      return error(
        at(offset(i)),
        'bad-record',
        `Unexpected second ${what} ${value} in the record of the issued numbering (the first is at line ${at(offset(first)).line}): each is recorded once, ${AS_WRITTEN}`,
      );
    }
  }
  return null;
}

/**
 * The first range whose ends are not paragraph numbers the record holds, in order: a range written by hand must name
 * issued paragraphs (`110 - 139`), or the agenda table would print a number that is no paragraph of the report.
 */
function strayRange(d: z.output<typeof recordSchema>, doc: ReturnType<typeof parseDocument>, at: (offset: number | undefined) => { file: string; line: number; column: number }): Diagnostic | null {
  const order = new Map(d.paragraphs.map((p, i) => [p.number, i]));
  const ranges = d.items.flatMap((item, i) => [
    { range: item.range, path: ['items', i, 'range'] },
    ...item.subitems.map((s, k) => ({ range: s.range, path: ['items', i, 'subitems', k, 'range'] })),
  ]);
  for (const { range, path } of ranges) {
    if (!range) continue;
    const [first = '', last = first] = range.split(' - ').map((end) => end.replace(/^0+(?=\d)/, ''));
    const [a, b] = [order.get(first), order.get(last)];
    if (a !== undefined && b !== undefined && a <= b) continue;
    const node = doc.getIn(path, true);
    return error(
      at(isNode(node) ? node.range?.[0] : undefined),
      'bad-record',
      `Unexpected range \`${range}\` in the record of the issued numbering, expected its ends to be paragraph numbers the record holds, the first before the last (the record holds ${d.paragraphs[0]?.number ?? 'none'} to ${d.paragraphs.at(-1)?.number ?? 'none'})`,
    );
  }
  return null;
}

/** The fingerprint a key made of a place and a text ends with (`transit/3fa2c1d0`, `transit/3fa2c1d0~2`); '' for an id. */
export function hashInKey(key: string): string {
  return /\/([0-9a-f]{8})(?:~\d+)?$/.exec(key)?.[1] ?? '';
}
