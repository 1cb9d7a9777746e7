// Facts number computes once about a report, an annex or a working document: titles, dates, place in the session.

import type { DocumentMeta } from './frontmatter.js';

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
  /** The session's dates as printed: "16 – 20 April 2018"; null for a working document, whose cover has none */
  readonly dates: string | null;
  /** The place and date of issue as printed: "Brussels, 2 May 2018." */
  readonly issued: string;
  /** What the top of every page but the first says: "Annex I to doc. PC0517E1" for a report that is itself an annex, else the symbol. */
  readonly runningHeader: string;
  /** Who made the tracked changes, and when (YYYY-MM-DD). */
  readonly changes: { readonly author: string; readonly date: string; readonly label: string };
}

/** What a working document adds to its tree: its settings that say where it belongs, and its place in the session. */
export interface DocumentFacts extends Pick<DocumentMeta, 'id' | 'item' | 'heading' | 'visibility'> {
  /** "Item XIV (b)", as the report prints a reference to it (the item's alone for a lone sub-item). */
  readonly itemLabel: string;
  /** "(Item XIV (b) on the Agenda)" */
  readonly agendaReference: string;
  /** "Doc. PC0509E1a": what a reference to the document prints. */
  readonly label: string;
}
