// Reads the record of an issued numbering (numbering.lock.yaml, written by `acta issue`) into the model, every
// problem at its line: the file is written by acta, so a problem in it is a hand edit or a merge gone wrong.

import { isNode, LineCounter, parseDocument } from 'yaml';
import * as z from 'zod/mini';
import { error, wholeFile, type Diagnostic } from '../diagnostics.js';
import type { SourceFile } from '../load/load-meeting.js';
import type { IssuedRecord } from '../model.js';
import { hashInKey } from '../number/fingerprints.js';

/** A number as printed: YAML reads `12` as a number and `12A` as text; both are kept as text. */
const label = z.pipe(z.union([z.string().check(z.minLength(1)), z.number()]), z.transform((v) => String(v)));
const text = z._default(z.string(), '');

const recordSchema = z.object({
  symbol: z.string(),
  corrigenda: z._default(z.number().check(z.int(), z.gte(0)), 0),
  items: z._default(
    z.array(
      z.object({
        key: z.string(),
        numeral: label,
        range: text,
        subitems: z._default(z.array(z.object({ key: z.string(), letter: label, range: text })), []),
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
    return { record: null, diagnostics: [error(at(offset), 'bad-record', `Unexpected value${where} in the record of the issued numbering, ${AS_WRITTEN}`)] };
  }
  const d = parsed.data;
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
