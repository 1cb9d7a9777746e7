// An issued report's numbering, as `acta issue` records it, and what changed since, as the corrigendum lists it.

import type { SourceRange } from './source.js';

/**
 * The numbering of a report as issued, as `acta issue` records it in the meeting folder (docs/format.md, Issued
 * numbers). Every number is kept as printed ("12", "12A", "12 bis"); `key` is a paragraph's `{#id}` or the
 * fingerprint of its place and text (number/fingerprints.ts).
 */
export interface IssuedRecord {
  readonly symbol: string;
  /** Corrigenda issued since the report: the changes a build finds now make corrigendum number `corrigenda + 1`. */
  readonly corrigenda: number;
  readonly items: readonly IssuedItem[];
  readonly paragraphs: readonly IssuedParagraph[];
  readonly decisions: readonly IssuedDecision[];
  readonly annexes: readonly IssuedAnnex[];
  /** The file, for messages about it. */
  readonly range: SourceRange;
}

export interface IssuedItem {
  readonly key: string;
  readonly numeral: string;
  readonly range: string;
  readonly subitems: readonly { readonly key: string; readonly letter: string; readonly range: string }[];
}

export interface IssuedParagraph {
  readonly key: string;
  readonly number: string;
  /** The numeral of its item. */
  readonly item: string;
  /** The fingerprint of its text alone: a paragraph found by its `{#id}` whose text changed is amended. */
  readonly hash: string;
  /** Its first words, for a reader of the file and to pair a paragraph whose text changed. */
  readonly text: string;
  /** Deleted or moved in an earlier corrigendum: the number stays, with its line. */
  readonly deleted?: boolean;
  readonly movedTo?: string;
}

export interface IssuedDecision {
  /** Its stable id after the symbol: "VIII(a)/1". */
  readonly id: string;
  readonly hash: string;
  readonly text: string;
}

export interface IssuedAnnex {
  /** The annex's id. */
  readonly key: string;
  readonly numeral: string;
}

/** What a paragraph is since the report was issued; null when unchanged (and in a report never issued). */
export type SinceIssue = 'inserted' | 'amended' | 'deleted' | 'moved';

/** One change since issue, as the corrigendum lists it, in reading order; `item` is the numeral of the item it is in. */
export type IssuedChange = { readonly item: string | null } & (
  | {
      readonly kind: 'inserted' | 'amended' | 'deleted';
      /** The paragraph's number as printed. */
      readonly label: string;
      /** The number printed before it (an insert's place). */
      readonly after: string | null;
    }
  | { readonly kind: 'moved'; readonly label: string; readonly from: string; readonly after: string | null }
  /** `label` is "Item III" or "Item III (b)"; `before` and `after` the ranges of the agenda table. */
  | { readonly kind: 'range'; readonly label: string; readonly before: string; readonly after: string }
  /** An item, sub-item or annex inserted or deleted: "Item IIIA", "Annex IIA". */
  | { readonly kind: 'part'; readonly label: string; readonly change: 'inserted' | 'deleted' }
);

export interface IssueFacts {
  /** The corrigendum a build with changes writes: 1 for Corr.1. */
  readonly corrigendum: number;
  /** "PC0517E1a/Corr.1" */
  readonly corrigendumSymbol: string;
  readonly changes: readonly IssuedChange[];
}
