// The DOCX writer's read-only context and the state it accumulates while writing (footnotes, ids).

import type { Paragraph } from 'docx';
import type { NumberedFootnote, NumberedReport } from '../../model.js';
import type { OriginLog } from './origins.js';

export interface WriterEnv {
  readonly report: NumberedReport;
  readonly changes: { readonly author: string; readonly date: string };
  readonly footnotes: ReadonlyMap<string, NumberedFootnote>;
}

export interface WriterState {
  /** Word footnote contents by footnote number. */
  readonly footnotes: Map<number, Paragraph[]>;
  /** Tracked change ids must be unique in the document. */
  nextChangeId: number;
  /** Bookmark ids must be unique in the document, and the same in every build of it. */
  nextBookmarkId: number;
  /** Drawings (pictures) are numbered in their document, from 1. */
  nextDrawingId: number;
  /** Each ordered list is its own numbering instance, so each starts at its own start. */
  nextListInstance: number;
  /** The footnotes a footnote reference was written for: a document carries those alone (the agenda cites few or none). */
  readonly citedFootnotes: Set<number>;
  /** Word comments, in order of their anchors (ids 0, 1, 2…), replies after the comment they answer. */
  readonly comments: WordComment[];
  /** Where each paragraph written from the Markdown came from (see origins.ts). */
  readonly log: OriginLog;
}

export interface WordComment {
  readonly id: number;
  readonly author: string;
  /** ISO date and time. */
  readonly date: string;
  readonly body: Paragraph;
  /** The id of the comment it answers. */
  readonly parentId?: number;
  readonly resolved?: boolean;
}
