// The session's working documents, each with its frontmatter, sections and annexes.

import type { DocumentMeta } from './frontmatter.js';
import type { Annex, Item, TocBlock } from './items.js';
import type { SourceRange } from './source.js';

export type { DocumentMeta } from './frontmatter.js';

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
