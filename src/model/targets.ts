// What a reference to an id prints and points at, read off the numbered tree.

import type { EditionLinks } from './edition.js';
import type { SourceRange } from './source.js';

export type TargetKind = 'paragraph' | 'item' | 'subitem' | 'annex' | 'heading' | 'document';

/** Which other document of the meeting folder a target is in, and the link to its file from this one's, in each edition. */
export interface Elsewhere {
  readonly symbol: string;
  readonly kind: 'report' | 'document';
  readonly href: EditionLinks;
}

interface TargetFields {
  readonly id: string;
  readonly kind: TargetKind;
  /** "12", "Item IV", "Item IV (b)", "Annex II", or a heading's text */
  readonly label: string;
  /** A paragraph's number */
  readonly number: number | null;
  /** The item an item, sub-item or report paragraph belongs to */
  readonly item: { readonly numeral: string; readonly label: string; readonly bookmark: string } | null;
  /** A sub-item's own label, "(b)"; null for an item's only sub-item (a reference reads as the item) */
  readonly subitemLabel: string | null;
  readonly restricted: boolean;
  readonly range: SourceRange;
}

/** A place in a document: in this one, or in another of the meeting folder (`elsewhere`). */
export interface PlacedTarget extends TargetFields {
  /** HTML id */
  readonly anchor: string;
  /** DOCX bookmark name */
  readonly bookmark: string;
  readonly elsewhere?: Elsewhere;
}

/** A working document as a whole: a reference to it links to its file. */
export interface DocumentTarget extends TargetFields {
  readonly kind: 'document';
  readonly anchor: null;
  readonly bookmark: null;
  readonly elsewhere: Elsewhere;
}

/** What a reference to an id prints and points at, read off the numbered tree. */
export type Target = PlacedTarget | DocumentTarget;
