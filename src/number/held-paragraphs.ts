// Numbering an issued report's paragraphs: each paragraph of now finds its entry of the record and keeps its number,
// one inserted since issue takes a number between ("12A"), and the number of one deleted or moved since stays in
// its place with a line that says so.

import type { Catalogue } from '../i18n/catalogue.js';
import { fromRoman } from '../i18n/labels.js';
import type { Flow, IssuedParagraph, IssuedRecord, Item, Paragraph, SinceIssue } from '../model.js';
import { isDeletion } from './deletions.js';
import { excerptOf, likeness } from './fingerprints.js';
import { labelSequence, numberOf } from './insert-labels.js';
import { pairEntries } from './pair-entries.js';
import { ALIKE, paragraphKeys, placedParagraphs, placeKey, type Placed } from './plan-keys.js';

/** The number a paragraph takes, and what became of it since issue. */
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

/** One slot of the body in its final order: a paragraph of now, or a number left by an issued one. */
type Slot = { readonly kind: 'current'; readonly index: number } | { readonly kind: 'vacated'; readonly record: number; readonly item: Item };

/** A paragraph of now found in the record: the index of its entry among the record's paragraphs, and how it was found. */
type Found = { readonly record: number; readonly how: 'same' | 'moved' | 'amended' };

/** The paragraphs of now that take a number, their keys, and the record entry each one is (by its index among them). */
interface ParagraphPairs {
  readonly placed: readonly Placed[];
  readonly keys: readonly { readonly key: string; readonly hash: string; readonly basis: string }[];
  readonly recordOf: ReadonlyMap<number, Found>;
}

/** Where a left number is printed: the record entry that left it, and the node of its item's body it goes before (null: at the end). */
type VacatedAt = { readonly record: number; readonly before: Flow | null };

/** The numbers of an issued report's paragraphs: each held where it is found, inserted ones between, and those left in their places. */
export function holdParagraphs(items: readonly Item[], record: IssuedRecord, numerals: ReadonlyMap<Item, string>, catalog: Catalogue) {
  const pairs = pairParagraphs(items, record, numerals);
  const { slots, vacatedAt } = placeVacated(items, record, numerals, pairs);
  const { labelOfSlot, count } = labelSlots(slots, pairs, record, catalog);
  const paragraphs = heldNumbers(slots, labelOfSlot, pairs, record);
  return { paragraphs, vacated: vacatedNumbers(vacatedAt, paragraphs, pairs, record, catalog), count };
}

/** Each paragraph of now that can take a number, paired with the record's paragraphs still live. */
function pairParagraphs(items: readonly Item[], record: IssuedRecord, numerals: ReadonlyMap<Item, string>): ParagraphPairs {
  const placed = placedParagraphs(items).filter((p) => !p.paragraph.unnumbered);
  const keys = paragraphKeys(placed.map((p) => ({ paragraph: p.paragraph, place: placeKey(p.item, numerals.get(p.item)!) })));
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
  const recordOf = new Map(pairs.flatMap((p, i) => (p ? [[i, { record: live[p.record]!, how: p.how }] as const] : [])));
  return { placed, keys, recordOf };
}

/** The record entry a paragraph of now keeps the place of (one moved keeps its number but not its place). */
function recordIndexOf(pairs: ParagraphPairs, index: number): number | null {
  const p = pairs.recordOf.get(index);
  return p && p.how !== 'moved' ? p.record : null;
}

/** The body's slots in their final order, each number an issued paragraph left placed among its item's paragraphs. */
function placeVacated(items: readonly Item[], record: IssuedRecord, numerals: ReadonlyMap<Item, string>, pairs: ParagraphPairs) {
  const found = new Set([...pairs.recordOf.values()].filter((p) => p.how !== 'moved').map((p) => p.record));
  const slots: Slot[] = pairs.placed.map((_, index) => ({ kind: 'current', index }));
  const itemByNumeral = new Map(items.map((item) => [numerals.get(item)!, item]));
  const vacatedAt = new Map<Item, VacatedAt[]>();
  record.paragraphs.forEach((entry, r) => {
    if (found.has(r)) return;
    const item = itemByNumeral.get(entry.item) ?? lastItemBefore(items, numerals, entry.item);
    if (!item) return;
    const { at, before } = vacatedPlace(slots, pairs, items, item, r);
    slots.splice(at, 0, { kind: 'vacated', record: r, item });
    vacatedAt.set(item, [...(vacatedAt.get(item) ?? []), { record: r, before }]);
  });
  return { slots, vacatedAt };
}

/**
 * Where the number record entry `r` left goes among the slots so far: before the first paragraph of its item that
 * comes after it in the record, else after the last that comes before it, else at its item's end; with the node of
 * its item's body it is printed before.
 */
function vacatedPlace(slots: readonly Slot[], pairs: ParagraphPairs, items: readonly Item[], item: Item, r: number): { at: number; before: Flow | null } {
  const placed = pairs.placed;
  const sameItem = slots.flatMap((s, at) => (s.kind === 'current' && placed[s.index]!.item === item ? [{ at, index: s.index }] : []));
  const after = sameItem.find((s) => (recordIndexOf(pairs, s.index) ?? -1) > r);
  if (after) return { at: after.at, before: placed[after.index]!.paragraph };
  const before = [...sameItem].reverse().find((s) => {
    const ri = recordIndexOf(pairs, s.index);
    return ri !== null && ri < r;
  });
  let at = before ? before.at + 1 : sameItem.length ? sameItem[sameItem.length - 1]!.at + 1 : slotsEndOf(slots, placed, items, item);
  // After the numbers of its item already left there, in the record's order.
  const leftHere = (slot: Slot | undefined) => slot?.kind === 'vacated' && slot.item === item;
  while (leftHere(slots[at])) at++;
  return { at, before: before ? nextNode(item, placed[before.index]!.paragraph) : null };
}

/** The label of each slot that takes a number, in the final order: issued numbers held, inserted ones numbered between. */
function labelSlots(slots: readonly Slot[], pairs: ParagraphPairs, record: IssuedRecord, catalog: Catalogue): { labelOfSlot: ReadonlyMap<Slot, string>; count: number } {
  const placed = pairs.placed;
  const issued = (slot: Slot): string | null => {
    if (slot.kind === 'vacated') return record.paragraphs[slot.record]!.number;
    if (isDeletion(placed[slot.index]!.paragraph.content) && recordIndexOf(pairs, slot.index) === null) return null;
    const r = recordIndexOf(pairs, slot.index);
    return r === null ? null : record.paragraphs[r]!.number;
  };
  // A paragraph deleted with tracking that was never issued takes no number, and no place in the sequence.
  const numbered = slots.filter((s) => s.kind === 'vacated' || !isDeletion(placed[s.index]!.paragraph.content) || recordIndexOf(pairs, s.index) !== null);
  const labels = labelSequence(numbered.map(issued), 'number', catalog.issued.insert, record.paragraphs.map((p) => p.number));
  return { labelOfSlot: new Map(numbered.map((s, i) => [s, labels[i]!])), count: labels.length };
}

/** The number each paragraph of now takes, what became of it since issue, and a moved one's number before. */
function heldNumbers(slots: readonly Slot[], labelOfSlot: ReadonlyMap<Slot, string>, pairs: ParagraphPairs, record: IssuedRecord): Map<Paragraph, HeldNumber> {
  const paragraphs = new Map<Paragraph, HeldNumber>();
  pairs.placed.forEach((p, index) => {
    const slot = slots.find((s) => s.kind === 'current' && s.index === index)!;
    const label = labelOfSlot.get(slot);
    if (label === undefined) return;
    const pairing = pairs.recordOf.get(index);
    const since = sinceIssue(p.paragraph, pairing, record, pairs.keys[index]!.hash);
    paragraphs.set(p.paragraph, { number: numberOf(label), label, since, from: pairing?.how === 'moved' ? record.paragraphs[pairing.record]!.number : null });
  });
  return paragraphs;
}

/** What became of a paragraph since issue: inserted, moved, deleted with tracking, amended, or nothing. */
function sinceIssue(paragraph: Paragraph, pairing: Found | undefined, record: IssuedRecord, hash: string): SinceIssue | null {
  if (!pairing) return 'inserted';
  if (pairing.how === 'moved') return 'moved';
  if (isDeletion(paragraph.content)) return 'deleted';
  return pairing.how === 'amended' || record.paragraphs[pairing.record]!.hash !== hash ? 'amended' : null;
}

/** The numbers left in each item, with the line each prints: "[Deleted]", or where the paragraph moved to. */
function vacatedNumbers(
  vacatedAt: ReadonlyMap<Item, readonly VacatedAt[]>,
  paragraphs: ReadonlyMap<Paragraph, HeldNumber>,
  pairs: ParagraphPairs,
  record: IssuedRecord,
  catalog: Catalogue,
): Map<Item, VacatedNumber[]> {
  const movedFrom = new Map([...pairs.recordOf].filter(([, p]) => p.how === 'moved').map(([i, p]) => [p.record, i]));
  const vacated = new Map<Item, VacatedNumber[]>();
  for (const [item, list] of vacatedAt) {
    vacated.set(
      item,
      list.map(({ record: r, before }) => {
        const entry: IssuedParagraph = record.paragraphs[r]!;
        const moved = movedFrom.get(r);
        const movedTo = moved !== undefined ? (paragraphs.get(pairs.placed[moved]!.paragraph)?.label ?? null) : (entry.movedTo ?? null);
        const since = entry.deleted || entry.movedTo !== undefined ? null : moved !== undefined ? ('moved' as const) : ('deleted' as const);
        return { label: entry.number, number: numberOf(entry.number), line: movedTo !== null ? catalog.issued.movedTo(movedTo) : catalog.issued.deleted, since, movedTo, before };
      }),
    );
  }
  return vacated;
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
