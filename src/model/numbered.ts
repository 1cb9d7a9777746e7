// What number adds: numbers, labels, anchors and bookmarks on every part, the numbered tree and its indexes.

import type { DocumentProfile } from '../profiles.js';
import type { Decision } from './decision.js';
import type { DocumentFacts, DocumentTitles, ReportFacts } from './facts.js';
import type { IssueFacts, SinceIssue } from './issued.js';
import type { Annex, Footnote, Item, Paragraph, Subitem, TocBlock } from './items.js';
import type { MeetingMeta } from './report.js';
import type { SourceRange } from './source.js';
import type { Target } from './targets.js';

export interface Range {
  /** A paragraph number, or an inserted one's label ("12A") once the report is issued. */
  readonly first: number | string;
  readonly last: number | string;
  /** "01 - 06", or "07" for a single paragraph */
  readonly label: string;
  /** The label's ends as printed: "01" and "06", or "07" alone */
  readonly ends: readonly [string] | readonly [string, string];
}

export interface NumberedParagraph extends Paragraph {
  /** null for paragraphs of annexes that are not `numbered` */
  readonly number: number | null;
  /** "12": what a reference to it prints (null when unnumbered). */
  readonly label: string | null;
  /** "12.": the number as printed before the paragraph. */
  readonly marker: string | null;
  readonly anchor: string | null;
  readonly bookmark: string | null;
  readonly item: string | null;
  readonly subitem: string | null;
  /** The letters of the sub-item group the paragraph belongs to (several when headings share it). */
  readonly group: readonly string[];
  /** Its decisions; a decision wholly deleted by a tracked change has no id (it is no decision of the register). */
  readonly decisions: readonly Decision[] | null;
  /**
   * Every word is a tracked deletion: the paragraph is deleted (unnumbered, struck through, gone once accepted); in an
   * issued report it keeps its number, and prints the "[Deleted]" line once accepted.
   */
  readonly deleted: boolean;
  /** What it is since the report was issued: inserted (numbered "12A"), amended, moved, or deleted (its number and a line). */
  readonly sinceIssue: SinceIssue | null;
  /** The number an issued paragraph left when it was deleted or moved: its content is the catalogue's line ("[Deleted]"). */
  readonly vacated: boolean;
  /** Such a number, left by a paragraph moved elsewhere: where it went ("20A"). */
  readonly movedTo?: string;
}

export interface NumberedSubitem extends Subitem {
  readonly letter: string;
  /** "(b)" in the body; "○" for an item's only sub-item, as the seed prints it */
  readonly label: string;
  /** "b)" in the agenda table; "○" for an item's only sub-item */
  readonly agendaLabel: string;
  /** "item-IV-b" */
  readonly anchor: string;
  readonly bookmark: string;
  /** What a reference to it prints: "Item IV (b)", or "Item IV" for an item's only sub-item */
  readonly refLabel: string;
  /** Its item's only sub-item: printed "○", and referred to as the item */
  readonly alone: boolean;
  /** The range of its numbered paragraphs, "07 - 12" */
  readonly paragraphRange: Range | null;
}

export interface NumberedItem extends Item<NumberedParagraph, NumberedSubitem> {
  readonly numeral: string;
  /** "Item IV" */
  readonly label: string;
  /** What joins the label and the title in its heading: "Item IV – Title", or a section's "IV. Title" */
  readonly titleSeparator: string;
  readonly anchor: string;
  readonly bookmark: string;
  /** The range of its numbered paragraphs, "07 - 12" */
  readonly paragraphRange: Range | null;
}

export interface NumberedAnnex extends Omit<Annex<NumberedParagraph>, 'id' | 'title' | 'file'> {
  /** Null in a public edition that withholds the annex (restricted): only its numeral and label stay. */
  readonly id: string | null;
  readonly title: string | null;
  readonly file: string | null;
  readonly numeral: string;
  /** "Annex II" */
  readonly label: string;
  /** What joins the label and the title in a heading or outline: "Annex II – Draft…" */
  readonly titleSeparator: string;
  readonly anchor: string;
  readonly bookmark: string;
  /** "Annex II to doc. PC0517E1a" */
  readonly header: string;
  /** "Annex II is not included in the public version." */
  readonly notIncluded: string;
  /** The title of the annex alone, in each edition: "Annex II to doc. PC0517E1a – Title". */
  readonly documentTitles: DocumentTitles;
}

export interface NumberedFootnote extends Footnote {
  readonly number: number;
  readonly anchor: string;
  /** The anchor of its (first) call, for the way back */
  readonly refAnchor: string;
}

/** The numbered tree: what every transform after number takes and gives. */
export interface NumberedTree {
  /** What kind of document this is: its lead phrase, whether it has an agenda table, what its cover prints. */
  readonly profile: DocumentProfile;
  readonly meta: MeetingMeta;
  readonly facts: ReportFacts;
  readonly public: boolean;
  /** Tracked changes accepted and comments removed: every public edition, and the full one with --accept-changes. */
  readonly accepted: boolean;
  readonly items: readonly NumberedItem[];
  readonly annexes: readonly NumberedAnnex[];
  readonly footnotes: readonly NumberedFootnote[];
  /** Paragraph numbers in reading order, restricted ones included (public editions leave gaps). */
  readonly paragraphCount: number;
  /** The report is issued: its numbers are held, and what changed since (null for a draft and a working document). */
  readonly issue: IssueFacts | null;
  /** A translation checked against its original: the original's symbol. */
  readonly translationOf?: string;
  /** A working document: its place in the session (null for the summary report). */
  readonly document: DocumentFacts | null;
  /** A working document's table of contents, after its cover (`::toc` before its first section). */
  readonly toc?: TocBlock | null;
  /** The report's working documents, each numbered (empty in a document and in an annex alone). */
  readonly documents: readonly NumberedReport[];
  /** What references from this tree to the other documents of the meeting folder print and point at. */
  readonly external: Readonly<Record<string, Target>>;
  readonly range: SourceRange;
  /** Where each setting of meeting.md is written (see Report); none for a working document. */
  readonly settingPlaces: ReadonlyMap<string, { readonly line: number; readonly column: number }>;
}

export interface NumberedDecision {
  /** "I-a-1" */
  readonly id: string;
  /** "PC0517E1a/I(a)/1": what a decision of another session links to. */
  readonly stableId: string;
  readonly item: string;
  readonly subitem: string | null;
  /** Its paragraph's number as printed: 12, or "12A" once the report is issued; null in a paragraph left unnumbered. */
  readonly paragraph: number | string | null;
  readonly decision: Decision;
  readonly restricted: boolean;
}

/** The numbered tree with the indexes read off it (never stored beside it: see `indexReport`). */
export interface NumberedReport extends NumberedTree {
  readonly targets: Readonly<Record<string, Target>>;
  readonly decisions: readonly NumberedDecision[];
}
