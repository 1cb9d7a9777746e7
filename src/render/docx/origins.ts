// Where each paragraph of a DOCX came from, recorded by the writer as it writes the paragraph: the source text it
// shows, the node it stands for, and where a paragraph typed next to it in Word belongs. Each such paragraph carries a
// hidden bookmark `_acta_N` (Word hides bookmarks whose names start with `_`), N its index here, so `acta import`
// reads the map off the document instead of re-deriving the writer's layout.

import type { BookmarkEnd, BookmarkStart, ParagraphChild } from 'docx';
import type { Inline, NumberedParagraph, SourceRange, TableBlock } from '../../model.js';

/** A stretch of a source file, by offsets. */
export interface Span {
  readonly file: string;
  readonly start: number;
  readonly end: number;
}

export type OriginKind = 'fixed' | 'paragraph' | 'heading' | 'decision' | 'listItem' | 'plain' | 'cell';

export interface Origin {
  readonly kind: OriginKind;
  /** The source text the paragraph shows (its inline content); null for what the Markdown does not hold as text. */
  readonly span: Span | null;
  /** The numbered paragraph at or before it, for messages. */
  readonly near: NumberedParagraph | null;
  /** Where messages about it point. */
  readonly range: SourceRange | null;
  /** Where a top-level paragraph typed right after it belongs, and right before it. */
  readonly after: Span | null;
  readonly before: Span | null;
  /** A decision or a list item: the whole item, marker included. */
  readonly item?: SourceRange;
  /** A top-level paragraph: the node, to delete it. */
  readonly paragraph?: NumberedParagraph;
  /** A table cell: its table, row and column. */
  readonly cell?: { readonly table: TableBlock; readonly row: number; readonly col: number };
  /** A heading or paragraph in an annex: the annex's label, for messages. */
  readonly annex?: string;
  /** A paragraph of a footnote: the footnote's key. */
  readonly footnote?: string;
}

/** The prefix of the hidden bookmarks that tie a paragraph to its origin. */
export const ORIGIN_BOOKMARK = '_acta_';

/** The origin index a bookmark name stands for, or null when it is not one of acta's. */
export function originIndex(bookmark: string): number | null {
  if (!bookmark.startsWith(ORIGIN_BOOKMARK)) return null;
  const n = Number(bookmark.slice(ORIGIN_BOOKMARK.length));
  return Number.isSafeInteger(n) && n >= 0 ? n : null;
}

export const spanAt = (range: SourceRange, where: 'start' | 'end'): Span => ({ file: range.file, start: range[where].offset, end: range[where].offset });

/** The source offsets of inline content (the `{#id}` after it included: the id is in the last text node's range). */
export function inlineSpan(content: readonly Inline[]): Span | null {
  const first = content[0];
  const last = content.at(-1);
  return first && last ? { file: first.range.file, start: first.range.start.offset, end: last.range.end.offset } : null;
}

/** Where a paragraph ends in its file, the lists, tables and decisions that belong to it included. */
export function paragraphEnd(node: NumberedParagraph): number {
  let end = node.range.end.offset;
  for (const b of node.blocks) if (b.range.file === node.range.file) end = Math.max(end, b.range.end.offset);
  for (const d of node.decisions ?? []) if (d.range.file === node.range.file) end = Math.max(end, d.range.end.offset);
  return end;
}

/** What the writer keeps of the origins as it writes; `where` tells a paragraph's neighbourhood. */
export interface OriginLog {
  readonly origins: Origin[];
  /** The numbered paragraph written last, and the annex being written (its label). */
  near: NumberedParagraph | null;
  annex: string | undefined;
  /** The footnote being written, when the writer is inside one. */
  footnote: string | undefined;
}

export function originLog(): OriginLog {
  return { origins: [], near: null, annex: undefined, footnote: undefined };
}

type BookmarkPair = readonly [BookmarkStart, BookmarkEnd];

/**
 * Records a paragraph's origin and returns its children inside the paragraph's hidden bookmark. `bookmark` makes the
 * pair with the writer's own bookmark ids (which must be unique and the same in every build).
 */
export function traced(log: OriginLog, origin: Omit<Origin, 'near' | 'annex' | 'footnote'>, children: readonly ParagraphChild[], bookmark: (name: string) => BookmarkPair): ParagraphChild[] {
  const index = log.origins.length;
  log.origins.push({ ...origin, near: log.near, ...(log.annex !== undefined ? { annex: log.annex } : {}), ...(log.footnote !== undefined ? { footnote: log.footnote } : {}) });
  const [start, end] = bookmark(`${ORIGIN_BOOKMARK}${index}`);
  // docx's ParagraphChild type leaves bookmarks out, though its own example puts them among a paragraph's children.
  return [start as ParagraphChild, ...children, end as ParagraphChild];
}
