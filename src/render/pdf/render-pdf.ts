// The PDF writer: the HTML edition printed by the build's browser, with acta's properties and bookmarks.

import { catalogFor } from '../../i18n/labels.js';
import type { NumberedReport } from '../../model.js';
import { subitemsOf } from '../../walk.js';
import { plainInlines } from '../../plain-text.js';
import type { PdfDocument, PdfPrinter } from './print-pdf.js';

/** The document properties and bookmark titles of one document (the report, an annex alone, the agenda). */
export function pdfDocument(report: NumberedReport, annexAlone: boolean): PdfDocument {
  const meta = report.meta;
  const edition = report.public ? 'public' : 'full';
  const titled = annexAlone && report.annexes[0] ? report.annexes[0] : report.facts;
  const bookmarkTitles: Record<string, string> = {};
  for (const item of report.items) {
    bookmarkTitles[item.anchor] = `${item.label}${item.titleSeparator}${plainInlines(report, item.title)}`;
    for (const subitem of subitemsOf(item)) bookmarkTitles[subitem.anchor] = `${subitem.label} ${plainInlines(report, subitem.title)}`;
  }
  // A restricted annex left out of a public edition has no heading, and its title is not the edition's to show.
  for (const annex of report.annexes) if (annex.title !== null && !(report.public && annex.visibility === 'restricted')) bookmarkTitles[annex.anchor] = `${annex.label}${annex.titleSeparator}${annex.title}`;
  return {
    title: titled.documentTitles[edition],
    author: meta.organization ?? meta.committee,
    subject: meta.symbol,
    language: catalogFor(meta.language).tags.html,
    issued: meta.issued,
    bookmarkTitles,
  };
}

export function renderPdf(report: NumberedReport, html: string, printer: PdfPrinter, annexAlone: boolean): Promise<Uint8Array> {
  return printer.print(html, pdfDocument(report, annexAlone));
}
