// A report as parse reads it: its meeting's frontmatter, items, annexes, footnotes and working documents.

import type { WorkingDocument } from './documents.js';
import type { MeetingMeta } from './frontmatter.js';

export type { MeetingMeta } from './frontmatter.js';
import type { IssuedRecord } from './issued.js';
import type { Annex, Footnote, Item, Paragraph, Subitem } from './items.js';
import type { SourceRange } from './source.js';

export interface Report<P = Paragraph, S = Subitem> {
  readonly meta: MeetingMeta;
  readonly items: readonly Item<P, S>[];
  readonly annexes: readonly Annex<P>[];
  readonly footnotes: readonly Footnote[];
  /** The session's working documents (docs/format.md), in file-name order. */
  readonly documents: readonly WorkingDocument[];
  /** The numbering recorded when the report was issued (`numbering.lock.yaml`), used only while meeting.md says `status: issued`. */
  readonly record: IssuedRecord | null;
  /** The whole of meeting.md, for messages about the meeting as a whole. */
  readonly range: SourceRange;
  /** Where each setting of meeting.md is written (its key's line and column), for messages about one of them. */
  readonly settingPlaces: ReadonlyMap<string, { readonly line: number; readonly column: number }>;
}
