// The typed report model: what parse produces and number decorates. Every node keeps the exact
// source range it came from (file, start and end), through every transform.

import type { Language } from './i18n/labels.js';
import type { DocumentProfile } from './profiles.js';

export interface Point {
  readonly line: number;
  readonly column: number;
  /** 0-based offset in the file's text. */
  readonly offset: number;
}

export interface SourceRange {
  readonly file: string;
  readonly start: Point;
  readonly end: Point;
}

// ---- inline content -------------------------------------------------------

export type Inline =
  | { readonly type: 'text'; readonly value: string; readonly range: SourceRange }
  | { readonly type: 'emphasis' | 'strong' | 'strike'; readonly children: readonly Inline[]; readonly range: SourceRange }
  | { readonly type: 'code'; readonly value: string; readonly range: SourceRange }
  | { readonly type: 'break'; readonly range: SourceRange }
  /** An external link (http, https, mailto). */
  | { readonly type: 'link'; readonly url: string; readonly children: readonly Inline[]; readonly range: SourceRange }
  /** `[](#id)` (children empty: print the target's label) or `[words](#id)`. */
  | { readonly type: 'ref'; readonly id: string; readonly children: readonly Inline[]; readonly range: SourceRange }
  /** A GFM footnote call; `key` is unique across the meeting. */
  | { readonly type: 'footnote'; readonly key: string; readonly range: SourceRange }
  /** CriticMarkup: tracked insertion or deletion, with who made it and when when the Markdown says (`{by="…" at="…"}`). */
  | { readonly type: 'ins' | 'del'; readonly children: readonly Inline[]; readonly by?: Attribution; readonly range: SourceRange }
  /**
   * CriticMarkup `{==words==}{>>[Author] text<<}`: `children` are the highlighted words (empty for a
   * comment at a point), printed as ordinary text; `body` is null for a highlight with no comment.
   * `{at="…" done}` after it gives its date and marks it resolved; `{>>…<<}{reply}` after it answers it.
   */
  | {
      readonly type: 'comment';
      readonly children: readonly Inline[];
      readonly author: string | null;
      readonly body: readonly Inline[] | null;
      readonly date?: string;
      readonly done?: boolean;
      readonly replies?: readonly CommentReply[];
      readonly range: SourceRange;
    }
  /** `:restricted[…]` */
  | { readonly type: 'restricted'; readonly children: readonly Inline[]; readonly range: SourceRange }
  /** `![description](images/map.png)`: a picture from the meeting's folder. */
  | ImageInline;

/** A picture, read from the meeting folder and carried in the model: its bytes travel with the text they belong to. */
export interface ImageInline {
  readonly type: 'image';
  /** The description (alt text), as typed. */
  readonly alt: string;
  /** The file, relative to the meeting folder with `/`: `images/map.png`. */
  readonly src: string;
  readonly format: ImageFormat;
  /** Its size in pixels (an SVG's in CSS pixels). */
  readonly width: number;
  readonly height: number;
  /** The file's bytes, in base64; `digest` is their SHA-256, in hexadecimal. */
  readonly data: string;
  readonly digest: string;
  readonly range: SourceRange;
}

export type ImageFormat = 'png' | 'jpeg' | 'svg';

/** Who made a tracked change and when (an ISO date, or date and time), as `{by="…" at="…"}` after it says. */
export interface Attribution {
  readonly author?: string;
  readonly date?: string;
  /** "Delegate of Japan, 1 December 2026": set by number, for the renderers to print. */
  readonly label?: string;
}

/** A reply to a comment: `{>>[Author] text<<}{reply at="…"}` right after the comment it answers. */
export interface CommentReply {
  readonly author: string | null;
  readonly body: readonly Inline[];
  readonly date?: string;
  readonly range: SourceRange;
}

// ---- blocks ----------------------------------------------------------------

export interface PlainParagraph {
  readonly type: 'plain';
  readonly content: readonly Inline[];
  readonly range: SourceRange;
}

export interface ListItem {
  readonly type: 'listItem';
  readonly blocks: readonly Block[];
  readonly range: SourceRange;
}

export interface ListBlock {
  readonly type: 'list';
  readonly ordered: boolean;
  readonly start: number;
  /** A bullet list the author lettered by hand ("- a. …", "- b. …", as the seed types them): it prints its letters and no bullet. */
  readonly lettered: boolean;
  readonly items: readonly ListItem[];
  readonly range: SourceRange;
}

export type Align = 'left' | 'right' | 'center' | null;

export interface TableCell {
  readonly type: 'cell';
  readonly content: readonly Inline[];
  readonly range: SourceRange;
}

export interface TableRow {
  readonly type: 'row';
  readonly cells: readonly TableCell[];
  readonly range: SourceRange;
}

export interface TableBlock {
  readonly type: 'table';
  readonly align: readonly Align[];
  /** The first row is the header row. */
  readonly rows: readonly TableRow[];
  readonly range: SourceRange;
}

export interface QuoteBlock {
  readonly type: 'quote';
  readonly children: readonly Block[];
  readonly range: SourceRange;
}

export interface CodeBlock {
  readonly type: 'codeblock';
  readonly lang: string | null;
  readonly value: string;
  readonly range: SourceRange;
}

export interface RuleBlock {
  readonly type: 'rule';
  readonly range: SourceRange;
}

/** A `###`-or-deeper heading in a report, or any heading in an annex: never numbered. */
export interface HeadingBlock {
  readonly type: 'heading';
  readonly depth: number;
  readonly id: string | null;
  readonly content: readonly Inline[];
  readonly restricted: boolean;
  readonly range: SourceRange;
  /** Set by number for a heading with an id: its HTML anchor and DOCX bookmark. */
  readonly anchor?: string;
  readonly bookmark?: string;
}

/** Content nested inside a list item, quote or footnote. */
export type Block = PlainParagraph | ListBlock | TableBlock | QuoteBlock | CodeBlock | RuleBlock | HeadingBlock;

/** What a decision can do to an earlier one (docs/format.md, Decision links). */
export const LINK_RELATIONS = ['supersedes', 'amends', 'follows-up', 'implements', 'completes'] as const;
export type LinkRelation = (typeof LINK_RELATIONS)[number];

/** `{supersedes="PC0490E1a/IV/1"}` at the end of a decision: one link a target. */
export interface DecisionLink {
  readonly relation: LinkRelation;
  /** The stable id of the decision it points at, as typed: "PC0490E1a/IV/1". */
  readonly target: string;
  /** Where the target is typed, for messages about it. */
  readonly range: SourceRange;
}

export interface Decision {
  readonly type: 'decision';
  readonly content: readonly Inline[];
  /** Further blocks of the same list item (nested lists…). */
  readonly blocks: readonly Block[];
  /**
   * The author lettered the list ("- a. took note…", "- b. …"): the decision prints its typed letter, which stays in
   * its text, and no dash; the data's text leaves the letter out.
   */
  readonly lettered: boolean;
  readonly range: SourceRange;
  /** `{#id}` at the end of the decision's text: its own name in its stable id, and a reference target. */
  readonly key: string | null;
  /** What it does to earlier decisions, typed at the end of its text. */
  readonly links: readonly DecisionLink[];
  /** Set by number: "I-a-1". */
  readonly id?: string;
  /** Set by number: "PC0517E1a/XIV(b)/2", or "PC0517E1a/{key}" (see number/decision-ids.ts). */
  readonly stableId?: string;
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
  /** `{-}` (or `{.unnumbered}`) at its end: never numbered, never a reference target, for transcribing an issued report exactly. */
  readonly unnumbered: boolean;
  readonly range: SourceRange;
}

/** A list, table… at the top level with no paragraph before it (e.g. right after a heading). */
export interface LooseBlock {
  readonly type: 'loose';
  readonly block: Exclude<Block, HeadingBlock>;
  readonly restricted: boolean;
  readonly range: SourceRange;
}

export interface Subitem {
  readonly type: 'subitem';
  readonly id: string | null;
  readonly title: readonly Inline[];
  readonly purpose: string | null;
  readonly range: SourceRange;
  /** A label the author typed at the start of the heading (`(c)`), taken out of the title: the number stage checks it. */
  readonly typedLabel?: TypedLabel;
}

/** `Item III –`, `(c)`, `II.` typed before a heading's title; `mark` is the numeral or letter alone. */
export interface TypedLabel {
  readonly text: string;
  readonly mark: string;
  readonly range: SourceRange;
  /** Typed inside bold or italics: left in the title, so it prints after acta's own label. */
  readonly kept?: boolean;
}

/** Consecutive `##` headings with nothing between them share the paragraphs that follow. */
export interface SubitemGroup<S = Subitem> {
  readonly type: 'subitems';
  readonly subitems: readonly S[];
  readonly range: SourceRange;
}

/**
 * `::toc` (optionally `::toc[Title]{depth=2}`): a table of contents of the headings that follow it, down to `depth`
 * levels (3 unless said), in an annex or at the head of a working document.
 */
export interface TocBlock {
  readonly type: 'toc';
  /** The title the author gave it, or null for the language's own ("Contents"). */
  readonly title: readonly Inline[] | null;
  readonly depth: number;
  readonly range: SourceRange;
}

export type Flow<P = Paragraph, S = Subitem> = P | HeadingBlock | LooseBlock | SubitemGroup<S> | TocBlock;

/** `:::banner[THEME]` under an item's heading: a row across the agenda table above the item, with an optional note. */
export interface Banner {
  readonly title: readonly Inline[];
  /** Its note's paragraphs (the seed's is in italics), empty when it has none. */
  readonly note: readonly (readonly Inline[])[];
  readonly range: SourceRange;
}

/** One line of a day's timetable: its time, and an item or sub-item (a lone reference to it) or words of its own. */
export interface TimetableEntry {
  /** As typed: "9.30 – 10.00". */
  readonly time: string;
  /** Minutes after midnight of its start, and of its end when it has one: a day's times run in order. */
  readonly start: number;
  readonly end: number | null;
  readonly content: readonly Inline[];
  /** What follows the entry's first line: a description, the sessions and their speakers. */
  readonly details: readonly Block[];
  readonly range: SourceRange;
}

/** `:::day[DAY III (Disruptive Technologies)]` with a `-` list of times: a day's timetable, at the end of the agenda table. */
export interface Day {
  readonly title: readonly Inline[];
  readonly entries: readonly TimetableEntry[];
  readonly range: SourceRange;
}

export interface Item<P = Paragraph, S = Subitem> {
  readonly type: 'item';
  readonly id: string | null;
  readonly title: readonly Inline[];
  readonly purpose: string | null;
  /** Warnings the author turned off for this item with a comment such as `<!-- no-decisions -->`. */
  readonly allow: readonly string[];
  readonly body: readonly Flow<P, S>[];
  /** The theme row above the item in the agenda table. */
  readonly banner?: Banner;
  /** The timetables of the days written in the item, printed at the end of the agenda table. */
  readonly days?: readonly Day[];
  readonly range: SourceRange;
  readonly typedLabel?: TypedLabel;
}

export type Visibility = 'public' | 'restricted';
export type Orientation = 'portrait' | 'landscape';

export interface Annex<P = Paragraph> {
  readonly type: 'annex';
  readonly id: string;
  readonly title: string;
  readonly visibility: Visibility;
  readonly orientation: Orientation;
  readonly numbered: boolean;
  readonly body: readonly Flow<P, never>[];
  readonly file: string;
  readonly range: SourceRange;
}

export interface Footnote {
  readonly type: 'footnoteDefinition';
  readonly key: string;
  readonly blocks: readonly Block[];
  readonly range: SourceRange;
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

// ---- issued numbers ------------------------------------------------------------

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

/** The frontmatter of a working document (docs/format.md). */
export interface DocumentMeta {
  readonly symbol: string;
  readonly title: string;
  /** The id of the agenda item or sub-item it is submitted under. */
  readonly item: string;
  readonly issued: string;
  readonly id: string;
  readonly visibility: Visibility;
  readonly heading: string | null;
  /** The phrase that opens its list of actions, instead of the language's own. */
  readonly action: string | null;
}

/** A working document: `#` headings are its sections (items of the model), with its own annexes. */
export interface WorkingDocument {
  readonly type: 'document';
  readonly meta: DocumentMeta;
  readonly items: readonly Item[];
  readonly annexes: readonly Annex[];
  /** `::toc` before the first section: a table of contents of the document, after its cover. */
  readonly toc: TocBlock | null;
  /** document.md, or the single file. */
  readonly file: string;
  /** The place of the `item` value, for a message about it. */
  readonly itemRange: SourceRange;
  readonly range: SourceRange;
}

// ---- what number adds --------------------------------------------------------

export interface Range {
  /** A paragraph number, or an inserted one's label ("12A") once the report is issued. */
  readonly first: number | string;
  readonly last: number | string;
  /** "01 - 06", or "07" for a single paragraph */
  readonly label: string;
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
  /** The range of its numbered paragraphs, "07 - 12" */
  readonly paragraphRange: Range | null;
}

export interface NumberedItem extends Item<NumberedParagraph, NumberedSubitem> {
  readonly numeral: string;
  /** "Item IV" */
  readonly label: string;
  readonly anchor: string;
  readonly bookmark: string;
  /** The range of its numbered paragraphs, "07 - 12" */
  readonly paragraphRange: Range | null;
}

export interface NumberedAnnex extends Annex<NumberedParagraph> {
  readonly numeral: string;
  /** "Annex II" */
  readonly label: string;
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

export interface DocumentTitles {
  readonly full: string;
  readonly public: string;
}

/** Facts about the report as a whole, computed once by number. */
export interface ReportFacts {
  /** The report's title: frontmatter `title`, else the language's "Summary report". */
  readonly title: string;
  /** What a reader's window or a document's properties call it, in each edition: "PC0517E1a – Summary report (Public Version)". */
  readonly documentTitles: DocumentTitles;
  /** The title as the cover prints it: a working document's in capitals. */
  readonly coverTitle: string;
  /** "The 219th/220th Sessions of the Permanent Technical Committee"; a working document's agenda reference. */
  readonly subtitle: string;
  /** The session's dates as printed: "16 – 20 April 2018" */
  readonly dates: string;
  /** The place and date of issue as printed: "Brussels, 2 May 2018." */
  readonly issued: string;
  /** What the top of every page but the first says: "Annex I to doc. PC0517E1" for a report that is itself an annex, else the symbol. */
  readonly runningHeader: string;
  /** Who made the tracked changes, and when (YYYY-MM-DD). */
  readonly changes: { readonly author: string; readonly date: string; readonly label: string };
}

/** What a working document adds to its tree: its place in the session. */
export interface DocumentFacts {
  readonly id: string;
  /** The id of the agenda item or sub-item it is submitted under. */
  readonly item: string;
  /** "Item XIV (b)", as the report prints a reference to it (the item's alone for a lone sub-item). */
  readonly itemLabel: string;
  /** "(Item XIV (b) on the Agenda)" */
  readonly agendaReference: string;
  /** A line above the title ("MANAGING THE PTC"). */
  readonly heading: string | null;
  readonly visibility: Visibility;
  /** "Doc. PC0509E1a": what a reference to the document prints. */
  readonly label: string;
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
}

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
  /** A target in another document of the meeting folder: which one, so a link can name its file. */
  readonly elsewhere?: { readonly symbol: string; readonly kind: 'report' | 'document' };
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

/** A handler for every node type of a union: a writer that lacks one fails the type check. */
export type Handlers<N extends { readonly type: string }, A extends readonly unknown[], R> = {
  readonly [K in N['type']]: (node: NodeOf<N, K>, ...args: A) => R;
};

/** The members of a union whose `type` can be K (some members share one shape for several types). */
type NodeOf<N, K> = N extends { readonly type: infer T } ? (K extends T ? N : never) : never;

export function dispatch<N extends { readonly type: string }, A extends readonly unknown[], R>(handlers: Handlers<N, A, R>, node: N, ...args: A): R {
  return (handlers[node.type as N['type']] as (node: N, ...args: A) => R)(node, ...args);
}
