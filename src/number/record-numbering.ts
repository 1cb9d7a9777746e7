// The record `acta issue` writes: the numbering of a numbered report as it stands, each paragraph under its stable
// key, as a small YAML file a reader can follow and a version-control diff can show.

import { Document, isMap, isSeq, type YAMLMap } from 'yaml';
import type { IssuedRecord, NumberedItem, NumberedParagraph, NumberedReport } from '../model.js';
import { subitemsOf } from '../walk.js';
import { hashInKey } from '../parse/issued-record.js';
import { decisionBasis, excerptOf, hashOf } from './fingerprints.js';
import { headingKey, paragraphKeys, placeKey } from './number-plan.js';

/** The record of a report's numbering now; `corrigenda` counts the corrigenda issued so far. */
export function recordNumbering(report: NumberedReport, corrigenda: number): Omit<IssuedRecord, 'range'> {
  const items = report.items.map((item) => ({
    key: headingKey(item.id, item.title),
    numeral: item.numeral,
    range: item.paragraphRange?.label ?? '',
    subitems: subitemsOf(item).map((s) => ({ key: headingKey(s.id, s.title), letter: s.letter, range: s.paragraphRange?.label ?? '' })),
  }));

  // Keys are made over the paragraphs a plan keys, in the same order: every one but those left unnumbered and the
  // numbers deleted paragraphs left.
  const placed = report.items.flatMap((item) => item.body.flatMap((node) => (node.type === 'paragraph' && !node.unnumbered && !node.vacated ? [{ paragraph: node, item }] : [])));
  const keys = new Map(paragraphKeys(placed.map((p) => ({ paragraph: p.paragraph, place: placeKey(p.item, p.item.numeral) }))).map((k, i) => [placed[i]!.paragraph, k]));
  const paragraphs = report.items.flatMap((item) =>
    item.body.flatMap((node) => {
      if (node.type !== 'paragraph' || node.label === null) return [];
      // The record holds the Markdown as accepted: a deletion still proposed is recorded done.
      if (node.vacated || node.deleted) return [gone(node, item)];
      const key = keys.get(node)!;
      return [{ key: key.key, number: node.label, item: item.numeral, hash: key.hash, text: excerptOf(key.basis) }];
    }),
  );

  const decisions = report.items.flatMap((item) =>
    item.body.flatMap((node) => {
      if (node.type !== 'paragraph' || node.deleted) return [];
      const scope = node.subitem === null ? item.numeral : `${item.numeral}(${node.subitem})`;
      return (node.decisions ?? []).flatMap((d) => {
        if (d.id === undefined) return [];
        const basis = decisionBasis(d);
        return [{ id: `${scope}/${d.id.slice(d.id.lastIndexOf('-') + 1)}`, hash: hashOf(basis), text: excerptOf(basis) }];
      });
    }),
  );
  const annexes = report.annexes.map((a) => ({ key: a.id ?? `#${a.numeral}`, numeral: a.numeral }));
  return { symbol: report.meta.symbol, corrigenda, items, paragraphs, decisions, annexes };
}

/** A number whose paragraph is deleted, or moved elsewhere: kept, with nothing to find it by. */
function gone(node: NumberedParagraph, item: NumberedItem) {
  return { key: '', number: node.label!, item: item.numeral, hash: '', text: '', ...(node.movedTo !== undefined ? { movedTo: node.movedTo } : { deleted: true }) };
}

const HEADER = [
  ' The numbering of this report as issued, recorded by `acta issue`. While meeting.md says',
  ' `status: issued`, every build keeps these numbers: a paragraph inserted later is numbered after the',
  ' one before it ("12A", "12 bis"), a deleted one keeps its number with a line saying so, and the',
  ' build writes a corrigendum listing the changes. Commit this file with the Markdown. Edit it only',
  ' to write a range as a report issued before acta printed it (docs/format.md, Issued numbers).',
  ' A paragraph is found again by its {#id}, else by `key`: the place (its item) and a fingerprint',
  ' of its text; `text` is the start of that text.',
].join('\n');

/** The record as YAML: one line a paragraph, decision, sub-item and annex; the same record gives the same bytes. */
export function formatRecord(record: Omit<IssuedRecord, 'range'>): string {
  const data = {
    symbol: record.symbol,
    corrigenda: record.corrigenda,
    items: record.items.map(({ subitems, ...item }) => ({ ...item, ...(subitems.length ? { subitems } : {}) })),
    // A whole number as a number; the hash only where the key does not end with it (a `{#id}`).
    paragraphs: record.paragraphs.map(({ number, key, item, hash, text, deleted, movedTo }) => ({
      number: /^\d+$/.test(number) ? Number(number) : number,
      ...(key ? { key } : {}),
      item,
      ...(hash && hashInKey(key) !== hash ? { hash } : {}),
      ...(text ? { text } : {}),
      ...(deleted ? { deleted } : {}),
      ...(movedTo !== undefined ? { moved_to: movedTo } : {}),
    })),
    decisions: record.decisions,
    annexes: record.annexes,
  };
  const doc = new Document(data);
  doc.commentBefore = HEADER;
  // Each entry of a list of entries on one line; an item's own fields stay one a line, with its sub-items.
  const flowEntries = (node: unknown) => {
    if (!isSeq(node)) return;
    for (const entry of node.items) if (isMap(entry)) (entry as YAMLMap).flow = true;
  };
  for (const name of ['paragraphs', 'decisions', 'annexes']) flowEntries(doc.get(name, true));
  const items = doc.get('items', true);
  if (isSeq(items)) for (const item of items.items) if (isMap(item)) flowEntries(item.get('subitems', true));
  return doc.toString({ lineWidth: 0, flowCollectionPadding: true });
}
