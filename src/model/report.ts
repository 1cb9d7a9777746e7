// A report as parse reads it: its meeting's frontmatter, items, annexes, footnotes and working documents.

import type { Language } from '../i18n/labels.js';
import type { WorkingDocument } from './documents.js';
import type { IssuedRecord } from './issued.js';
import type { Annex, Footnote, Item, Paragraph, Subitem } from './items.js';
import type { SourceRange } from './source.js';

export interface MeetingMeta {
  readonly committee: string;
  readonly committee_short: string;
  readonly session: string;
  readonly start: string;
  readonly end: string;
  readonly place: string;
  readonly issued: string;
  readonly symbol: string;
  readonly organization: string | null;
  readonly organization_alt: string | null;
  /** A line under the organization's name, such as its establishment ("Established in 1952 as …"), and its second-language line. */
  readonly organization_note: string | null;
  readonly organization_note_alt: string | null;
  readonly language: Language;
  readonly title: string | null;
  readonly conclusion: string | null;
  readonly changes_author: string | null;
  readonly changes_date: string | null;
  /** A translation: the original's folder, relative to the translation's folder (docs/format.md, `translation_of`). */
  readonly translation_of: string | null;
  /** The report is itself an annex of another document (its symbol): its pages carry "Annex I to doc. …". */
  readonly annex_of: string | null;
  /** Which annex of that document it is (default I). */
  readonly annex_numeral: string | null;
  /** The jurisdiction slot of the Akoma Ntoso identifiers: `un` (the AKN4UN conventions) unless meeting.md says. */
  readonly jurisdiction: string;
  /** `issued`: the report's numbering is recorded (`acta issue`) and every build keeps it; `draft` renumbers freely. */
  readonly status: 'draft' | 'issued';
  /** The date of issue of the corrigendum (YYYY-MM-DD); the report's `issued` when meeting.md does not say. */
  readonly corrigendum_date: string | null;
}

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
}
