// How the number stage writes labels: a range of paragraph numbers, a label as an anchor writes it, a paragraph's
// number as data has it, and the titles of a report in each edition.

import type { Catalogue } from '../i18n/labels.js';
import type { Range } from '../model.js';
import { numberOf } from './insert-labels.js';

/** "07 - 12", "157 - 161", "12A - 18": the leading number of each end zero-padded to two digits, as the seed prints them. */
export function formatRange(first: number | string, last: number | string): string {
  return rangeEnds(first, last).join(' - ');
}

/** The ends of a range as printed, each number at least two digits: "01" and "06", or "07" alone for one paragraph. */
export function rangeEnds(first: number | string, last: number | string): readonly [string] | readonly [string, string] {
  const pad = (n: number | string) => String(n).replace(/^\d+/, (digits) => digits.padStart(2, '0'));
  return String(first) === String(last) ? [pad(first)] : [pad(first), pad(last)];
}

/** What joins a label and a title in a heading: "Item IV – Title", "Annex II – Draft…"; a section's "IV. Title". */
export const TITLE_SEPARATOR = ' – ';
export const SECTION_TITLE_SEPARATOR = ' ';

/** A paragraph's number as data has it: the whole number, or an inserted one's label ("12A"); null when it has none. */
export function printedNumber(paragraph: { readonly number: number | null; readonly label: string | null }): number | string | null {
  return paragraph.number ?? paragraph.label;
}

/** A label as anchors, bookmarks and ids write it: "12 bis" → "12bis". */
export function slugOf(label: string): string {
  return label.replace(/\s+/g, '');
}

/** The range of a run of paragraph labels, from its first to its last; null when there is none. */
export function rangeOfLabels(labels: readonly string[]): Range | null {
  if (labels.length === 0) return null;
  const first = labels[0]!;
  const last = labels[labels.length - 1]!;
  const value = (label: string) => numberOf(label) ?? label;
  const ends = rangeEnds(first, last);
  return { first: value(first), last: value(last), label: ends.join(' - '), ends };
}

/**
 * An issued item's or sub-item's range: the range the record holds (which a transcription keeps even where the
 * published table had a slip), each end moved only where a number inserted since issue now ends it.
 */
export function heldRangeOf(labels: readonly string[], issued: string | undefined, issuedNumbers: ReadonlySet<string>): Range | null {
  const now = rangeOfLabels(labels);
  if (now === null || !issued) return now;
  const [first = '', last = first] = issued.split(' - ').map((end) => end.trim().replace(/^0+(?=\d)/, ''));
  const ends = [issuedNumbers.has(labels[0]!) ? first : labels[0]!, issuedNumbers.has(labels[labels.length - 1]!) ? last : labels[labels.length - 1]!] as const;
  return rangeOfLabels(ends);
}

/** The window or document title of a report or of an annex alone, in each edition. */
export function documentTitles(catalog: Catalogue, title: string): { readonly full: string; readonly public: string } {
  return { full: title, public: `${title} (${catalog.publicVersion})` };
}
