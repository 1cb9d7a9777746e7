// Which number, numeral, letter and decision place each part of a report takes: counted afresh for a draft, or held
// as recorded when the report was issued (`acta issue`), with what was inserted since numbered in the language's
// house style ("12A", "12 bis") and what was deleted keeping its number and a line. The number stage only reads this.

import type { Catalogue } from '../i18n/catalogue.js';
import { toLetter, toRoman } from '../i18n/labels.js';
import type { Annex, Decision, IssuedChange, IssuedRecord, Item, Paragraph, Subitem } from '../model.js';
import { isDeletion } from './deletions.js';
import { labelSequence } from './insert-labels.js';
import { decisionBasis, excerptOf, hashOf, likeness } from './fingerprints.js';
import { holdParagraphs, type HeldNumber, type VacatedNumber } from './held-paragraphs.js';
import { pairEntries } from './pair-entries.js';
import { ALIKE, headingKey, placedParagraphs } from './plan-keys.js';

export type { HeldNumber, VacatedNumber } from './held-paragraphs.js';
export { headingKey, paragraphKeys, placeKey } from './plan-keys.js';

/** What the number stage reads off for each part of a report: its numeral, letter, number or decision place. */
export interface NumberPlan {
  readonly numerals: ReadonlyMap<Item, string>;
  readonly letters: ReadonlyMap<Subitem, string>;
  /** Every numbered paragraph; a paragraph not here has no number (unnumbered, or deleted with tracking in a draft). */
  readonly paragraphs: ReadonlyMap<Paragraph, HeldNumber>;
  readonly vacated: ReadonlyMap<Item, readonly VacatedNumber[]>;
  /** A decision's place in its item's or sub-item's list: "2", "2A". A decision not here has no id. */
  readonly ordinals: ReadonlyMap<Decision, string>;
  readonly annexNumerals: ReadonlyMap<Annex, string>;
  /** Items, sub-items and annexes inserted or deleted since issue (labels as printed). */
  readonly parts: readonly IssuedChange[];
  /** How many paragraph numbers the report uses. */
  readonly count: number;
  /** The ranges the record holds for each item and sub-item it pairs (none in a draft). */
  readonly issuedRanges: ReadonlyMap<Item | Subitem, string>;
  /** Every paragraph number the record holds. */
  readonly issuedNumbers: ReadonlySet<string>;
}

/** Numbering a draft: numerals, letters and numbers counted in reading order. */
export function freshPlan(items: readonly Item[], annexes: readonly Annex[]): NumberPlan {
  const numerals = new Map(items.map((item, i) => [item, toRoman(i + 1)]));
  const letters = new Map<Subitem, string>();
  for (const item of items) {
    let n = 0;
    for (const node of item.body) if (node.type === 'subitems') for (const s of node.subitems) letters.set(s, toLetter(++n));
  }
  const paragraphs = new Map<Paragraph, HeldNumber>();
  const ordinals = new Map<Decision, string>();
  const counts = new Map<string, number>();
  let count = 0;
  for (const { paragraph, item, group } of placedParagraphs(items)) {
    // A paragraph deleted with tracking takes no number: the numbers close up as they will once it is accepted. One
    // left unnumbered takes none either, but its decisions are decisions.
    if (isDeletion(paragraph.content)) continue;
    if (!paragraph.unnumbered) {
      count++;
      paragraphs.set(paragraph, { number: count, label: String(count), since: null, from: null });
    }
    const scope = scopeOf(numerals.get(item)!, group, letters);
    for (const d of paragraph.decisions ?? []) {
      if (isDeletion(d.content)) continue;
      const n = (counts.get(scope) ?? 0) + 1;
      counts.set(scope, n);
      ordinals.set(d, String(n));
    }
  }
  return { numerals, letters, paragraphs, vacated: new Map(), ordinals, annexNumerals: new Map(annexes.map((a, i) => [a, toRoman(i + 1)])), parts: [], count, issuedRanges: new Map(), issuedNumbers: new Set() };
}

/** "VIII(a)": the place of a decision list, as a stable id writes it. */
function scopeOf(numeral: string, group: readonly Subitem[] | null, letters: ReadonlyMap<Subitem, string>): string {
  return group?.length === 1 ? `${numeral}(${letters.get(group[0]!)})` : numeral;
}

// ---- numbering an issued report ----------------------------------------------------------------

/** Pairs headings (items, sub-items, annexes) with the record's: by key, then in order where the titles changed. */
function pairHeadings<R extends { readonly key: string }, C>(records: readonly R[], currents: readonly C[], keyOf: (c: C) => string) {
  return pairEntries(records, currents, { keyOfRecord: (r) => r.key, keyOfCurrent: keyOf, alike: () => true, orderMatters: false });
}

/** Numbering an issued report: items, sub-items, paragraphs, decisions and annexes keep what the record holds, what is new since numbered between. */
export function heldPlan(items: readonly Item[], annexes: readonly Annex[], record: IssuedRecord, catalog: Catalogue): NumberPlan {
  const insert = catalog.issued.insert;
  const parts: IssuedChange[] = [];

  // Items and their sub-items.
  const itemPairs = pairHeadings(record.items, items, (item) => headingKey(item.id, item.title));
  const itemLabels = labelSequence(itemPairs.map((p) => (p ? record.items[p.record]!.numeral : null)), 'numeral', insert, record.items.map((i) => i.numeral));
  const numerals = new Map(items.map((item, i) => [item, itemLabels[i]!]));
  const letters = new Map<Subitem, string>();
  const issuedRanges = new Map<Item | Subitem, string>();
  items.forEach((item, i) => {
    const issued = itemPairs[i] ? record.items[itemPairs[i]!.record]! : null;
    if (issued) issuedRanges.set(item, issued.range);
    if (!issued) parts.push({ kind: 'part', item: itemLabels[i]!, label: `${catalog.item} ${itemLabels[i]}`, change: 'inserted' });
    const subitems = item.body.flatMap((node) => (node.type === 'subitems' ? node.subitems : []));
    const recorded = issued?.subitems ?? [];
    const pairs = pairHeadings(recorded, subitems, (s) => headingKey(s.id, s.title));
    const labels = labelSequence(pairs.map((p) => (p ? recorded[p.record]!.letter : null)), 'letter', insert, recorded.map((s) => s.letter));
    subitems.forEach((s, k) => {
      letters.set(s, labels[k]!);
      if (pairs[k]) issuedRanges.set(s, recorded[pairs[k]!.record]!.range);
      if (issued && !pairs[k]) parts.push({ kind: 'part', item: itemLabels[i]!, label: `${catalog.item} ${itemLabels[i]} (${labels[k]})`, change: 'inserted' });
    });
    const kept = new Set(pairs.flatMap((p) => (p ? [p.record] : [])));
    recorded.forEach((s, r) => {
      if (issued && !kept.has(r)) parts.push({ kind: 'part', item: itemLabels[i]!, label: `${catalog.item} ${issued.numeral} (${s.letter})`, change: 'deleted' });
    });
  });
  const keptItems = new Set(itemPairs.flatMap((p) => (p ? [p.record] : [])));
  record.items.forEach((item, r) => {
    if (!keptItems.has(r)) parts.push({ kind: 'part', item: null, label: `${catalog.item} ${item.numeral}`, change: 'deleted' });
  });

  const { paragraphs, vacated, count } = holdParagraphs(items, record, numerals, catalog);
  const ordinals = holdDecisions(items, record, numerals, letters, paragraphs, insert);

  // Annexes keep their numerals by id.
  const annexPairs = pairHeadings(record.annexes, annexes, (a) => a.id);
  const annexLabels = labelSequence(annexPairs.map((p) => (p ? record.annexes[p.record]!.numeral : null)), 'numeral', insert, record.annexes.map((a) => a.numeral));
  const annexNumerals = new Map(annexes.map((a, i) => [a, annexLabels[i]!]));
  annexes.forEach((_, i) => {
    if (!annexPairs[i]) parts.push({ kind: 'part', item: null, label: `${catalog.annex} ${annexLabels[i]}`, change: 'inserted' });
  });
  const keptAnnexes = new Set(annexPairs.flatMap((p) => (p ? [p.record] : [])));
  record.annexes.forEach((a, r) => {
    if (!keptAnnexes.has(r)) parts.push({ kind: 'part', item: null, label: `${catalog.annex} ${a.numeral}`, change: 'deleted' });
  });

  return { numerals, letters, paragraphs, vacated, ordinals, annexNumerals, parts, count, issuedRanges, issuedNumbers: new Set(record.paragraphs.map((p) => p.number)) };
}

/** Decisions keep their place in their list: found by text in their list, else by order where the text changed. */
function holdDecisions(
  items: readonly Item[],
  record: IssuedRecord,
  numerals: ReadonlyMap<Item, string>,
  letters: ReadonlyMap<Subitem, string>,
  paragraphs: ReadonlyMap<Paragraph, HeldNumber>,
  insert: Catalogue['issued']['insert'],
): Map<Decision, string> {
  const byScope = new Map<string, Decision[]>();
  for (const { paragraph, item, group } of placedParagraphs(items)) {
    // A paragraph deleted with tracking has no decisions of the register, as in a draft.
    if (isDeletion(paragraph.content)) continue;
    const scope = scopeOf(numerals.get(item)!, group, letters);
    byScope.set(scope, [...(byScope.get(scope) ?? []), ...(paragraph.decisions ?? []).filter((d) => !isDeletion(d.content))]);
  }
  const recorded = new Map<string, { ordinal: string; hash: string; text: string }[]>();
  for (const d of record.decisions) {
    const slash = d.id.lastIndexOf('/');
    const scope = d.id.slice(0, slash);
    recorded.set(scope, [...(recorded.get(scope) ?? []), { ordinal: d.id.slice(slash + 1), hash: d.hash, text: d.text }]);
  }
  const ordinals = new Map<Decision, string>();
  for (const [scope, decisions] of byScope) {
    const issued = recorded.get(scope) ?? [];
    const bases = decisions.map((d) => decisionBasis(d));
    const pairs = pairEntries(issued, decisions, {
      keyOfRecord: (r) => r.hash,
      keyOfCurrent: (_, i) => hashOf(bases[i]!),
      alike: (r, _, i) => likeness(r.text.replace(/…$/, ''), excerptOf(bases[i]!).replace(/…$/, '')) >= ALIKE,
      orderMatters: false,
    });
    const labels = labelSequence(pairs.map((p) => (p ? issued[p.record]!.ordinal : null)), 'number', (base, n) => insert(base, n).replace(/\s+/g, ''), issued.map((d) => d.ordinal));
    decisions.forEach((d, i) => ordinals.set(d, labels[i]!));
  }
  return ordinals;
}
