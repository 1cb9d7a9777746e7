// The reviewer's edits, applied to the base: the DOCX acta wrote from the sources the edited copy carries is read with
// the same reader as the edited copy, and each of its paragraphs knows the source it came from (the writer's map, by
// each paragraph's hidden bookmark). The two documents are aligned paragraph by paragraph (table rows as a whole),
// acta's bookmarks and words deciding which paragraph became which (align-paragraphs.ts); a paragraph that reads
// differently has its edits carried onto its source text (carry-edits.ts, merge.ts), a new one is inserted at its
// place, a deleted one removed (file-edits.ts), and every other byte stays. What comes out is the base's files as the reviewer left them: import-docx.ts merges that with the
// Markdown as it is now.

import type { NumberedReport } from '../model.js';
import { writeDocx } from '../render/docx/render-docx.js';
import type { XmlNode } from '../xml.js';
import { joined } from './align-paragraphs.js';
import { EditCarrier, type DocxContent, type Theirs } from './carry-edits.js';
import { parseXml, RefusedDocx, unpackDocx, type PartName, type ReadContext } from './read-docx.js';
import { readComments, readFootnotes, readLinks, readParagraphs, readPictures, readStyles } from './read-parts.js';

export type { Counts, ImportWarning, Theirs } from './carry-edits.js';

export type Parts = Partial<Record<PartName, string>>;

/**
 * The reviewer's edits in `edited` (the copy's parts), applied to the base: `report` is the document the copy is
 * (the report, or a working document) as numbered from the base's sources, `texts` those sources by path; `media` the
 * copy's pictures' SHA-256 by part name.
 */
export async function reviewerEdits(edited: Parts, media: ReadonlyMap<string, string>, report: NumberedReport, texts: ReadonlyMap<string, string>): Promise<Theirs> {
  const editedTrees = parsed(edited);
  const { bytes, origins } = await writeDocx(report);
  const expectedParts = unpackDocx(bytes);
  const expectedTrees = parsed(expectedParts);
  // Styles are compared by name: LibreOffice renames ids (BodyText becomes TextBody) and keeps names.
  const acta = readStyles(expectedTrees['word/styles.xml'] ?? null);
  const actaByName = new Map([...acta.names].map(([id, name]) => [name, id] as const));
  const expected = readDocument(expectedTrees, actaByName, expectedParts.media ?? new Map());
  const read = readDocument(editedTrees, actaByName, media);
  // A note called but not in the footnotes part (a part missing, emptied or cut short): its text would be lost.
  const called = read.paragraphs.flatMap((p) => p.tokens.flatMap((t) => (t.type === 'footnote' ? [t.id] : [])));
  const missing = called.filter((id) => !read.footnotes.has(id));
  if (missing.length) {
    throw new RefusedDocx(
      `the file calls ${missing.length === 1 ? 'a footnote' : `${missing.length} footnotes`} that its footnotes part (word/footnotes.xml) does not hold${edited['word/footnotes.xml'] === undefined ? ' (the part is missing)' : ''}; the notes' text would be lost: save the file again in Word and import that copy`,
    );
  }
  const mine = { ...read, paragraphs: joined(read.paragraphs) };
  const carrier = new EditCarrier(report, expected, mine, origins, texts);
  carrier.footnotes();
  carrier.body();
  carrier.footnoteTexts();
  return carrier.finish();
}

type Trees = Partial<Record<PartName, XmlNode[]>>;

const XML_PARTS = ['word/document.xml', 'word/comments.xml', 'word/commentsExtended.xml', 'word/footnotes.xml', 'word/styles.xml', 'word/_rels/document.xml.rels'] as const;

function parsed(parts: Parts): Trees {
  const out: Trees = {};
  for (const name of XML_PARTS) if (parts[name] !== undefined) out[name] = parseXml(name, parts[name]);
  return out;
}

function readDocument(parts: Trees, actaByName: ReadonlyMap<string, string>, media: ReadonlyMap<string, string>): DocxContent {
  const part = (name: PartName) => parts[name] ?? null;
  const styles = readStyles(part('word/styles.xml'));
  const context: ReadContext = {
    style: (id) => {
      const own = id ?? styles.defaultParagraph ?? 'Normal';
      const name = styles.names.get(own);
      return (name !== undefined ? actaByName.get(name) : undefined) ?? own;
    },
    links: readLinks(part('word/_rels/document.xml.rels')),
    pictures: readPictures(part('word/_rels/document.xml.rels'), media),
  };
  return {
    paragraphs: readParagraphs(part('word/document.xml')!, context),
    comments: readComments(part('word/comments.xml'), part('word/commentsExtended.xml')),
    footnotes: readFootnotes(part('word/footnotes.xml'), context),
  };
}
