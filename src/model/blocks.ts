// Blocks: the lists, tables, quotes, code, rules and headings nested in a paragraph, list item, quote or footnote.

import type { Inline } from './inline.js';
import type { SourceRange } from './source.js';

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
