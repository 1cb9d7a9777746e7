// The places and keys numbering reads a report's paragraphs and headings by: each paragraph with the item and sub-items
// it sits under, and the key an issued record holds it by, so an issued report finds its parts again.

import type { Item, Paragraph, Subitem } from '../model.js';
import { basisOfInlines, hashOf, normalizeBasis, paragraphBasis } from './fingerprints.js';

/** A paragraph with the sub-items it sits under: the decision scope is the one sub-item of a group of one. */
export interface Placed {
  readonly paragraph: Paragraph;
  readonly item: Item;
  readonly group: readonly Subitem[] | null;
}

/** Every paragraph of the items, in reading order, with its item and the sub-items it sits under. */
export function placedParagraphs(items: readonly Item[]): Placed[] {
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

/** Two texts close enough for one to be the other, amended. */
export const ALIKE = 0.5;

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
export function placeKey(item: Item, numeral: string): string {
  return item.id ?? numeral;
}
