// Makes the browser's PDF acta's, read and written with pdf-lib: each page its own size, dates pinned to
// `issued`, acta's document properties, and bookmark titles as the report prints them.

import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';

/** One page as the paged-media engine laid it out, in points. */
export interface PageBox {
  readonly width: number;
  readonly height: number;
}

/** What acta writes over the browser's PDF. */
export interface PdfFinish {
  readonly title: string;
  readonly author: string;
  readonly subject: string;
  /** BCP 47, as the HTML's `lang`. */
  readonly language: string;
  /** ISO date (YYYY-MM-DD): the creation and modification dates, so two builds are byte-identical. */
  readonly issued: string;
  /**
   * The title of every bookmark, in the order of the browser's outline (its headings in document order).
   * Chromium takes a bookmark's title from the painted text and drops the space at each line break
   * ("WTO TradeFacilitation"); these are the headings' own words.
   */
  readonly bookmarks: readonly string[];
  /**
   * Each page's own size. The browser prints every page on one sheet size, the largest of them (a landscape
   * annex makes every sheet square), with the page at its top left: each page is cut back to its own box.
   */
  readonly pages: readonly PageBox[];
}

/** Thrown when the browser's PDF is not laid out as this module reads it: a bug to report, with the reason. */
export class UnexpectedPdf extends Error {
  override readonly name = 'UnexpectedPdf';
}

/** Letters and digits only: the painted text may be in capitals, and lose spaces and dashes. */
const squeeze = (s: string) => s.replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();

/** The PDF with acta's page boxes, properties and bookmark titles. */
export async function finishPdf(bytes: Uint8Array, finish: PdfFinish): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  cutPages(pdf, finish.pages);
  const date = new Date(`${finish.issued}T00:00:00Z`);
  pdf.setTitle(finish.title);
  pdf.setAuthor(finish.author);
  pdf.setSubject(finish.subject);
  pdf.setCreator('acta');
  pdf.setLanguage(finish.language);
  pdf.setCreationDate(date);
  pdf.setModificationDate(date);
  retitleBookmarks(pdf, finish.bookmarks);
  // No object streams: the file stays readable as text, as the browser wrote it.
  return pdf.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
}

function cutPages(pdf: PDFDocument, pages: readonly PageBox[]): void {
  // Chromium may add a blank sheet after the last page (vivliostyle-cli removes it the same way).
  const printed = pdf.getPages();
  if (printed.length === pages.length + 1) pdf.removePage(pages.length);
  else if (printed.length !== pages.length) throw new UnexpectedPdf(`the browser printed ${printed.length} pages for ${pages.length} laid out`);
  printed.slice(0, pages.length).forEach((page, i) => {
    const { width, height } = pages[i]!;
    const sheet = page.getMediaBox();
    const top = sheet.y + sheet.height;
    page.setMediaBox(sheet.x, top - height, width, height);
    page.setCropBox(sheet.x, top - height, width, height);
  });
}

/** Bookmark titles: only when the outline is the headings acta expects, one for one, each title holding the browser's words. */
function retitleBookmarks(pdf: PDFDocument, titles: readonly string[]): void {
  const items = outlineItems(pdf);
  const titleOf = (item: PDFDict) => {
    const title = item.lookup(PDFName.of('Title'));
    return title instanceof PDFString || title instanceof PDFHexString ? title.decodeText() : '';
  };
  const matches = items.length === titles.length && items.every((item, i) => squeeze(titles[i]!).includes(squeeze(titleOf(item))));
  if (!matches) return;
  items.forEach((item, i) => item.set(PDFName.of('Title'), PDFHexString.fromText(titles[i]!)));
}

/** The outline's items in reading order (depth first). */
function outlineItems(pdf: PDFDocument): PDFDict[] {
  const outlines = pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const items: PDFDict[] = [];
  const seen = new Set<PDFDict>();
  const walk = (first: PDFDict | undefined) => {
    for (let item = first; item && !seen.has(item); item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      seen.add(item);
      items.push(item);
      walk(item.lookupMaybe(PDFName.of('First'), PDFDict));
    }
  };
  walk(outlines?.lookupMaybe(PDFName.of('First'), PDFDict));
  return items;
}
