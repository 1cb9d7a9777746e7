// The parts of a report as parse reads them: items and sub-items with the flow of paragraphs under them, annexes,
// footnotes.

import type { Block, HeadingBlock } from './blocks.js';
import type { Decision } from './decision.js';
import type { Inline } from './inline.js';
import type { SourceRange } from './source.js';

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
