// What converting a file's inlines knows (src/parse/inline.ts), and the nodes it converts: shared with the reading of
// the attribute blocks after changes and comments (critic-attributes.ts).

import type { PhrasingContent } from 'mdast';
import type { Position } from 'unist';
import type { Diagnostic } from '../diagnostics.js';
import type { PictureSource } from './pictures.js';
import type { ReportedPlaces } from './restricted-spelling.js';

export interface InlineContext {
  readonly file: string;
  /** The text the reader parsed, to put back directives as typed. */
  readonly source: string;
  readonly diagnostics: Diagnostic[];
  /** Maps a footnote label of this file to its meeting-wide key. */
  readonly footnoteKey: (label: string) => string;
  /** Set inside a CriticMarkup node, to report another one nested in it. */
  readonly inCritic?: string;
  /** Where this file's pictures are found (absent: taken on trust, unread). */
  readonly pictures?: PictureSource;
  /** The places of restricted-* messages in `diagnostics`, kept by the meeting's reader (see restricted-spelling.ts). */
  readonly restrictedPlaces?: ReportedPlaces;
}

/** An mdast node inside a paragraph: phrasing content, or a node of an extension. */
export type InlineNode = PhrasingContent | { type: string; position?: Position; [k: string]: unknown };
