// The session's working documents, each with its frontmatter, sections and annexes.

import type { Annex, Item, TocBlock, Visibility } from './items.js';
import type { SourceRange } from './source.js';

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
