// Which number, numeral, letter and decision place each part of a report takes: counted afresh for a draft, or held
// as recorded when the report was issued (`acta issue`), with what was inserted since numbered in the language's
// house style ("12A", "12 bis") and what was deleted keeping its number and a line. The number stage only reads this.

import type { Catalogue } from '../i18n/catalogue.js';
import { fromRoman, toLetter, toRoman } from '../i18n/labels.js';
import type { Annex, Decision, Flow, IssuedChange, IssuedParagraph, IssuedRecord, Item, Paragraph, SinceIssue, Subitem } from '../model.js';
import { isDeletion } from './deletions.js';
import { labelSequence, numberOf } from './insert-labels.js';
import { decisionBasis, excerptOf, hashOf, likeness, normalizeBasis, basisOfInlines, paragraphBasis } from './fingerprints.js';
import { pairEntries } from './pair-entries.js';

export interface HeldNumber {
  /** The number when it is a whole number ("12"); null for an inserted one ("12A"). */
  readonly number: number | null;
  readonly label: string;
  readonly since: SinceIssue | null;
  /** A moved paragraph's number before. */
  readonly from: string | null;
}

/** A number an issued paragraph leaves where it was: deleted, or moved elsewhere. */
export interface VacatedNumber {
  readonly label: string;
  readonly number: number | null;
  /** What it prints under its number: "[Deleted]", "[Moved to paragraph 20A]". */
  readonly line: string;
  /** Deleted or moved since the last issue (a corrigendum lists it); null for one an earlier corrigendum gave. */
  readonly since: 'deleted' | 'moved' | null;
  /** Where a moved paragraph went. */
  readonly movedTo: string | null;
  /** Printed before this node of its item; null: at the item's end. */
  readonly before: Flow | null;
}

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

/** A paragraph with the sub-items it sits under: the decision scope is the one sub-item of a group of one. */
interface Placed {
  readonly paragraph: Paragraph;
  readonly item: Item;
  readonly group: readonly Subitem[] | null;
}

function placedParagraphs(items: readonly Item[]): Placed[] {
  const out: Placed[] = [];
  for (const item of items) {
    let group: readonly Subitem[] | null = null;
    for (const node of item.body) {
      if (node.type === 'subitems') group = node.subitems;
      else if (node.type === 'paragraph') out.push({ paragraph: node, item, group });
    }
  }
  return out;
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

/** Two texts close enough for one to be the other, amended. */
const ALIKE = 0.5;

/**
 * The key of each paragraph that can take a number: its `{#id}`, or the fingerprint of its place (its item's id, or
 * its numeral) and text, `transit/3fa2c1d0`; a second paragraph with the same place and text adds `~2`.
 */
export function paragraphKeys(placed: readonly { readonly paragraph: Paragraph; readonly place: string }[]): { readonly key: string; readonly hash: string; readonly basis: string }[] {
  const seen = new Map<string, number>();
  return placed.map(({ paragraph, place }) => {
    const basis = paragraphBasis(paragraph);
    const hash = hashOf(basis);
    if (paragraph.id !== null) return { key: paragraph.id, hash, basis };
    const key = `${place}/${hash}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return { key: n === 1 ? key : `${key}~${n}`, hash, basis };
  });
}

/** An item's or sub-item's key: its `{#id}`, or the fingerprint of its title. */
export function headingKey(id: string | null, title: Paragraph['content']): string {
  return id ?? `title/${hashOf(normalizeBasis(basisOfInlines(title)))}`;
}

/** The place in a paragraph's key: its item's id, or its numeral. */
export function placeOf(item: Item, numeral: string): string {
  return item.id ?? numeral;
}

/** Pairs headings (items, sub-items, annexes) with the record's: by key, then in order where the titles changed. */
function pairHeadings<R extends { readonly key: string }, C>(records: readonly R[], currents: readonly C[], keyOf: (c: C) => string) {
  return pairEntries(records, currents, { keyOfRecord: (r) => r.key, keyOfCurrent: keyOf, alike: () => true, orderMatters: false });
}

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

/** One slot of the body in its final order: a paragraph of now, or a number left by an issued one. */
type Slot = { readonly kind: 'current'; readonly index: number } | { readonly kind: 'vacated'; readonly record: number; readonly item: Item };

function holdParagraphs(items: readonly Item[], record: IssuedRecord, numerals: ReadonlyMap<Item, string>, catalog: Catalogue) {
  const placed = placedParagraphs(items).filter((p) => !p.paragraph.unnumbered);
  const keys = paragraphKeys(placed.map((p) => ({ paragraph: p.paragraph, place: placeOf(p.item, numerals.get(p.item)!) })));
  // Numbers an earlier corrigendum deleted or moved stay as they are: no paragraph of now can be them.
  const live = record.paragraphs.flatMap((p, i) => (p.deleted || p.movedTo !== undefined ? [] : [i]));
  const liveRecords = live.map((i) => record.paragraphs[i]!);
  const pairs = pairEntries(liveRecords, placed, {
    keyOfRecord: (r) => r.key,
    keyOfCurrent: (_, i) => keys[i]!.key,
    textOfRecord: (r) => r.hash,
    textOfCurrent: (_, i) => keys[i]!.hash,
    alike: (r, c, i) => r.item === numerals.get(c.item) && likeness(r.text.replace(/…$/, ''), excerptOf(keys[i]!.basis).replace(/…$/, '')) >= ALIKE,
    orderMatters: true,
  });

  // Which record entry each paragraph of now is, and which issued numbers are left.
  const recordOf = new Map<number, { readonly record: number; readonly how: 'same' | 'moved' | 'amended' }>();
  pairs.forEach((p, i) => {
    if (p) recordOf.set(i, { record: live[p.record]!, how: p.how });
  });
  const found = new Set([...recordOf.values()].filter((p) => p.how !== 'moved').map((p) => p.record));
  const movedFrom = new Map([...recordOf].filter(([, p]) => p.how === 'moved').map(([i, p]) => [p.record, i]));

  // Final order: each left number goes before the first paragraph of its item that comes after it in the record,
  // else after the last that comes before it, else at its item's end.
  const slots: Slot[] = placed.map((_, index) => ({ kind: 'current', index }));
  const recordIndexOf = (index: number): number | null => {
    const p = recordOf.get(index);
    return p && p.how !== 'moved' ? p.record : null;
  };
  const itemByNumeral = new Map(items.map((item) => [numerals.get(item)!, item]));
  const vacatedAt = new Map<Item, { record: number; before: Flow | null }[]>();
  record.paragraphs.forEach((entry, r) => {
    if (found.has(r)) return;
    const item = itemByNumeral.get(entry.item) ?? lastItemBefore(items, numerals, entry.item);
    if (!item) return;
    const sameItem = slots.flatMap((s, at) => (s.kind === 'current' && placed[s.index]!.item === item ? [{ at, index: s.index }] : []));
    const after = sameItem.find((s) => (recordIndexOf(s.index) ?? -1) > r);
    const before = [...sameItem].reverse().find((s) => {
      const ri = recordIndexOf(s.index);
      return ri !== null && ri < r;
    });
    let at: number;
    let node: Flow | null;
    if (after) {
      at = after.at;
      node = placed[after.index]!.paragraph;
    } else {
      at = before ? before.at + 1 : sameItem.length ? sameItem[sameItem.length - 1]!.at + 1 : slotsEndOf(slots, placed, items, item);
      node = before ? nextNode(item, placed[before.index]!.paragraph) : null;
      // After the numbers of its item already left there, in the record's order.
      while (slots[at]?.kind === 'vacated' && (slots[at] as { item: Item }).item === item) at++;
    }
    slots.splice(at, 0, { kind: 'vacated', record: r, item });
    vacatedAt.set(item, [...(vacatedAt.get(item) ?? []), { record: r, before: node }]);
  });

  // Labels in the final order.
  const issued = (slot: Slot): string | null => {
    if (slot.kind === 'vacated') return record.paragraphs[slot.record]!.number;
    if (isDeletion(placed[slot.index]!.paragraph.content) && recordIndexOf(slot.index) === null) return null;
    const r = recordIndexOf(slot.index);
    return r === null ? null : record.paragraphs[r]!.number;
  };
  // A paragraph deleted with tracking that was never issued takes no number, and no place in the sequence.
  const numbered = slots.filter((s) => s.kind === 'vacated' || !isDeletion(placed[s.index]!.paragraph.content) || recordIndexOf(s.index) !== null);
  const labels = labelSequence(numbered.map(issued), 'number', catalog.issued.insert, record.paragraphs.map((p) => p.number));
  const labelOfSlot = new Map(numbered.map((s, i) => [s, labels[i]!]));

  const paragraphs = new Map<Paragraph, HeldNumber>();
  placed.forEach((p, index) => {
    const slot = slots.find((s) => s.kind === 'current' && s.index === index)!;
    const label = labelOfSlot.get(slot);
    if (label === undefined) return;
    const pairing = recordOf.get(index);
    const since: SinceIssue | null = !pairing
      ? 'inserted'
      : pairing.how === 'moved'
        ? 'moved'
        : isDeletion(p.paragraph.content)
          ? 'deleted'
          : pairing.how === 'amended' || record.paragraphs[pairing.record]!.hash !== keys[index]!.hash
            ? 'amended'
            : null;
    paragraphs.set(p.paragraph, { number: numberOf(label), label, since, from: pairing?.how === 'moved' ? record.paragraphs[pairing.record]!.number : null });
  });

  const vacated = new Map<Item, VacatedNumber[]>();
  for (const [item, list] of vacatedAt) {
    vacated.set(
      item,
      list.map(({ record: r, before }) => {
        const entry: IssuedParagraph = record.paragraphs[r]!;
        const moved = movedFrom.get(r);
        const movedTo = moved !== undefined ? (paragraphs.get(placed[moved]!.paragraph)?.label ?? null) : (entry.movedTo ?? null);
        const since = entry.deleted || entry.movedTo !== undefined ? null : moved !== undefined ? ('moved' as const) : ('deleted' as const);
        return { label: entry.number, number: numberOf(entry.number), line: movedTo !== null ? catalog.issued.movedTo(movedTo) : catalog.issued.deleted, since, movedTo, before };
      }),
    );
  }
  return { paragraphs, vacated, count: labels.length };
}

/** The item shown last before an issued numeral that no item has any more (its numbers go at that item's end). */
function lastItemBefore(items: readonly Item[], numerals: ReadonlyMap<Item, string>, numeral: string): Item | undefined {
  const wanted = fromRoman(numeral.replace(/[^IVXLCDM].*$/, '')) ?? 0;
  return [...items].reverse().find((item) => (fromRoman(numerals.get(item)!.replace(/[^IVXLCDM].*$/, '')) ?? 0) <= wanted) ?? items[0];
}

/** The node of an item's body after a paragraph (null when it is the last). */
function nextNode(item: Item, paragraph: Paragraph): Flow | null {
  const at = item.body.indexOf(paragraph);
  return item.body[at + 1] ?? null;
}

/** Where an item's slots end: after the last slot of any item up to it. */
function slotsEndOf(slots: readonly Slot[], placed: readonly Placed[], items: readonly Item[], item: Item): number {
  const upTo = new Set(items.slice(0, items.indexOf(item) + 1));
  let end = 0;
  slots.forEach((s, at) => {
    if (upTo.has(s.kind === 'current' ? placed[s.index]!.item : s.item)) end = at + 1;
  });
  return end;
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
