// The typed report model: what parse produces and number decorates. Every node keeps its source place.

import type { Place } from './diagnostics.js';
import type { Language } from './i18n/labels.js';

export type { Place };

// ---- inline content -------------------------------------------------------

export type Inline =
  | { readonly type: 'text'; readonly value: string }
  | { readonly type: 'emphasis' | 'strong' | 'strike'; readonly children: readonly Inline[] }
  | { readonly type: 'code'; readonly value: string }
  | { readonly type: 'break' }
  /** An external link (http, https, mailto) or an internal link to an id with its own words. */
  | { readonly type: 'link'; readonly url: string; readonly children: readonly Inline[] }
  /** `[](#id)` (children empty: print the target's label) or `[words](#id)`. */
  | { readonly type: 'ref'; readonly id: string; readonly children: readonly Inline[]; readonly place: Place }
  /** A GFM footnote call; `key` is unique across the meeting. */
  | { readonly type: 'footnote'; readonly key: string; readonly place: Place }
  /** CriticMarkup: tracked insertion or deletion. */
  | { readonly type: 'ins' | 'del'; readonly children: readonly Inline[]; readonly place: Place }
  /**
   * CriticMarkup `{==words==}{>>[Author] text<<}`: `children` are the highlighted words (empty for a
   * comment at a point), printed as ordinary text; `body` is null for a highlight with no comment.
   */
  | { readonly type: 'comment'; readonly children: readonly Inline[]; readonly author: string | null; readonly body: readonly Inline[] | null; readonly place: Place }
  /** `:restricted[…]` */
  | { readonly type: 'restricted'; readonly children: readonly Inline[]; readonly place: Place };

// ---- blocks ----------------------------------------------------------------

export interface PlainParagraph {
  readonly type: 'plain';
  readonly content: readonly Inline[];
}

export interface ListBlock {
  readonly type: 'list';
  readonly ordered: boolean;
  readonly start: number;
  readonly items: readonly (readonly Block[])[];
}

export type Align = 'left' | 'right' | 'center' | null;

export interface TableBlock {
  readonly type: 'table';
  readonly align: readonly Align[];
  /** The first row is the header row. */
  readonly rows: readonly (readonly (readonly Inline[])[])[];
}

export interface QuoteBlock {
  readonly type: 'quote';
  readonly children: readonly Block[];
}

export interface CodeBlock {
  readonly type: 'codeblock';
  readonly lang: string | null;
  readonly value: string;
}

export interface RuleBlock {
  readonly type: 'rule';
}

/** A `###`-or-deeper heading in a report, or any heading in an annex: never numbered. */
export interface HeadingBlock {
  readonly type: 'heading';
  readonly depth: number;
  readonly id: string | null;
  readonly content: readonly Inline[];
  readonly restricted: boolean;
  readonly place: Place;
}

/** Content nested inside a list item, quote or footnote. */
export type Block = PlainParagraph | ListBlock | TableBlock | QuoteBlock | CodeBlock | RuleBlock | HeadingBlock;

export interface Decision {
  readonly content: readonly Inline[];
  /** Further blocks of the same list item (nested lists…). */
  readonly blocks: readonly Block[];
  readonly place: Place;
}

/** A top-level paragraph: numbered in the report (and in `numbered` annexes). */
export interface Paragraph {
  readonly type: 'paragraph';
  readonly id: string | null;
  readonly content: readonly Inline[];
  /** Lists, tables, quotes and code that follow it and belong to it. */
  readonly blocks: readonly Block[];
  /** Set when the paragraph is the conclusion phrase: the decisions of the list after it. */
  readonly decisions: readonly Decision[] | null;
  readonly restricted: boolean;
  readonly place: Place;
}

/** A list, table… at the top level with no paragraph before it (e.g. right after a heading). */
export interface LooseBlock {
  readonly type: 'loose';
  readonly block: Exclude<Block, HeadingBlock>;
  readonly restricted: boolean;
  readonly place: Place;
}

export interface Subitem {
  readonly id: string | null;
  readonly title: readonly Inline[];
  readonly purpose: string | null;
  readonly place: Place;
}

/** Consecutive `##` headings with nothing between them share the paragraphs that follow. */
export interface SubitemGroup<S = Subitem> {
  readonly type: 'subitems';
  readonly subitems: readonly S[];
  readonly place: Place;
}

export type Flow<P = Paragraph, S = Subitem> = P | HeadingBlock | LooseBlock | SubitemGroup<S>;

export interface Item<P = Paragraph, S = Subitem> {
  readonly id: string | null;
  readonly title: readonly Inline[];
  readonly purpose: string | null;
  readonly body: readonly Flow<P, S>[];
  readonly place: Place;
}

export type Visibility = 'public' | 'restricted';
export type Orientation = 'portrait' | 'landscape';

export interface Annex<P = Paragraph> {
  readonly id: string;
  readonly title: string;
  readonly visibility: Visibility;
  readonly orientation: Orientation;
  readonly numbered: boolean;
  readonly body: readonly Flow<P, never>[];
  readonly file: string;
  readonly place: Place;
}

export interface Footnote {
  readonly key: string;
  readonly blocks: readonly Block[];
  readonly place: Place;
}

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
  readonly language: Language;
  readonly title: string | null;
  readonly conclusion: string | null;
  readonly changes_author: string | null;
  readonly changes_date: string | null;
}

export interface Report<P = Paragraph, S = Subitem> {
  readonly meta: MeetingMeta;
  readonly items: readonly Item<P, S>[];
  readonly annexes: readonly Annex<P>[];
  readonly footnotes: readonly Footnote[];
  /** Where meeting.md is, for messages about the meeting as a whole. */
  readonly place: Place;
}

// ---- what number adds --------------------------------------------------------

export interface Range {
  readonly first: number;
  readonly last: number;
  /** "01 - 06", or "07" for a single paragraph */
  readonly label: string;
}

export interface NumberedParagraph extends Paragraph {
  /** null for paragraphs of annexes that are not `numbered` */
  readonly number: number | null;
  readonly anchor: string | null;
  readonly item: string | null;
  readonly subitem: string | null;
  /** The letters of the sub-item group the paragraph belongs to (several when headings share it). */
  readonly group: readonly string[];
}

export interface NumberedSubitem extends Subitem {
  readonly letter: string;
  /** "(b)" in the body; "○" for an item's only sub-item, as the seed prints it */
  readonly label: string;
  /** "b)" in the agenda table; "○" for an item's only sub-item */
  readonly agendaLabel: string;
  /** "item-IV-b" */
  readonly anchor: string;
  readonly range: Range | null;
}

export interface NumberedItem extends Item<NumberedParagraph, NumberedSubitem> {
  readonly numeral: string;
  /** "Item IV" */
  readonly label: string;
  readonly anchor: string;
  readonly range: Range | null;
  readonly subitems: readonly NumberedSubitem[];
}

export interface NumberedAnnex extends Annex<NumberedParagraph> {
  readonly numeral: string;
  /** "Annex II" */
  readonly label: string;
  readonly anchor: string;
  /** "Annex II to doc. PC0517E1a" */
  readonly header: string;
}

export type TargetKind = 'paragraph' | 'item' | 'subitem' | 'annex' | 'heading';

export interface Target {
  readonly id: string;
  readonly kind: TargetKind;
  readonly label: string;
  readonly anchor: string;
  readonly restricted: boolean;
  readonly place: Place;
}

export interface NumberedFootnote extends Footnote {
  readonly number: number;
  readonly anchor: string;
}

export interface NumberedDecision {
  /** "I-a-1" */
  readonly id: string;
  readonly item: string;
  readonly subitem: string | null;
  readonly paragraph: number;
  readonly decision: Decision;
  readonly restricted: boolean;
}

export interface NumberedReport {
  readonly meta: MeetingMeta;
  readonly public: boolean;
  readonly items: readonly NumberedItem[];
  readonly annexes: readonly NumberedAnnex[];
  readonly footnotes: readonly NumberedFootnote[];
  readonly targets: Readonly<Record<string, Target>>;
  readonly decisions: readonly NumberedDecision[];
  /** Paragraph numbers in reading order, restricted ones included (public editions leave gaps). */
  readonly paragraphCount: number;
  readonly place: Place;
}
