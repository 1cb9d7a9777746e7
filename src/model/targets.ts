// What a reference to an id prints and points at, read off the numbered tree.

import type { EditionLinks } from './edition.js';
import type { SourceRange } from './source.js';

export type TargetKind = 'paragraph' | 'item' | 'subitem' | 'annex' | 'heading' | 'document';

/** What a reference to an id prints and points at, read off the numbered tree. */
export interface Target {
  readonly id: string;
  readonly kind: TargetKind;
  /** "12", "Item IV", "Item IV (b)", "Annex II", or a heading's text */
  readonly label: string;
  /** HTML id */
  readonly anchor: string;
  /** DOCX bookmark name */
  readonly bookmark: string;
  /** A paragraph's number */
  readonly number: number | null;
  /** The item an item, sub-item or report paragraph belongs to */
  readonly item: { readonly numeral: string; readonly label: string; readonly bookmark: string } | null;
  /** A sub-item's own label, "(b)"; null for an item's only sub-item (a reference reads as the item) */
  readonly subitemLabel: string | null;
  readonly restricted: boolean;
  readonly range: SourceRange;
  /** A target in another document of the meeting folder: which one, and the link to its file from this document's, in each edition. */
  readonly elsewhere?: { readonly symbol: string; readonly kind: 'report' | 'document'; readonly href: EditionLinks };
}
