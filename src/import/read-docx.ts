// Reads a DOCX that came back from outside (untrusted): its zip with fflate, its XML with fast-xml-parser, each
// bounded before memory can run away; the document becomes a list of paragraphs made of runs, fields, revisions
// and comment anchors, as the import needs them.

import { sha256 } from '../hash.js';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { strFromU8 } from 'fflate';
import { NOT_A_ZIP, readZip, ZipRefused } from '../load/read-zip.js';
import { ENTITIES, tooDeep, WORD_XML, type XmlNode } from '../xml.js';

/** A DOCX acta refuses to read, with the one line that says why. */
export class RefusedDocx extends Error {}

const MB = 1024 * 1024;
/** Far above any report (the flagship's full DOCX is under 1 MB, its document part under 5 MB). */
export const LIMITS = { file: 64 * MB, part: 64 * MB, total: 256 * MB, ratio: 200, entries: 5000, paragraphs: 200_000 } as const;

const PARTS = [
  'word/document.xml', 'word/comments.xml', 'word/commentsExtended.xml', 'word/footnotes.xml', 'word/styles.xml', 'word/_rels/document.xml.rels', 'docProps/core.xml', 'docProps/custom.xml',
] as const;
export type PartName = (typeof PARTS)[number];
/** Custom XML items: one of them carries the build's base (render/docx/base-part.ts). */
const CUSTOM_XML = /^customXml\/item\d{1,3}\.xml$/;
export type Unpacked = Partial<Record<PartName, string>> & { readonly [custom: `customXml/${string}`]: string | undefined } & {
  /** The SHA-256 of each picture the document holds (`word/media/…`): what tells a picture replaced in Word. */
  readonly media?: ReadonlyMap<string, string>;
};
const MEDIA = /^word\/media\/[^/]+$/;

/** The parts the import reads, unpacked only after every entry of the zip has been checked. */
export function unpackDocx(bytes: Uint8Array): Unpacked {
  if (bytes.length > LIMITS.file) throw new RefusedDocx(`the file is ${Math.round(bytes.length / MB)} MB, more than the ${LIMITS.file / MB} MB any report can be`);
  let files: Map<string, Uint8Array>;
  try {
    files = readZip(bytes, (name) => (PARTS as readonly string[]).includes(name) || CUSTOM_XML.test(name) || MEDIA.test(name), { entries: LIMITS.entries, entry: LIMITS.part, total: LIMITS.total, ratio: LIMITS.ratio });
  } catch (e) {
    if (e instanceof ZipRefused) throw new RefusedDocx(e.message === NOT_A_ZIP ? `the file is not a DOCX: ${NOT_A_ZIP}` : e.message);
    throw e;
  }
  const out: Record<string, string> = {};
  for (const name of [...PARTS, ...[...files.keys()].filter((n) => CUSTOM_XML.test(n))]) {
    const data = files.get(name);
    if (!data) continue;
    // fflate sizes its output from the zip's own (untrusted) header: check what actually came out.
    if (data.length > LIMITS.part) throw new RefusedDocx(`the part ${name} unpacks to more than ${LIMITS.part / MB} MB`);
    out[name] = strFromU8(data);
  }
  const media = new Map([...files].flatMap(([name, data]) => (MEDIA.test(name) ? [[name, sha256(data)] as const] : [])));
  return { ...out, media } as Unpacked;
}

// The five predefined entities and character references are decoded by the helpers of ../xml.ts.
const parser = new XMLParser(WORD_XML);

/**
 * Parses one XML part; a DOCTYPE (where entities and external references are declared) is refused: Word never writes
 * one. So is what the parser would pass on as text unread: a reference to an entity that is not one of XML's five or
 * to no character, elements nested past the limit. (Control characters are left out later, with a warning.)
 */
export function parseXml(name: string, text: string): XmlNode[] {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new RefusedDocx(`the part ${name} declares a DOCTYPE or entities, which Word never writes (an entity-expansion or external-entity attack?)`);
  for (const reference of text.matchAll(/&([^;<&\s]{0,32});?/g)) {
    const ref = reference[1]!;
    if (!reference[0].endsWith(';') || !isKnownReference(ref)) {
      throw new RefusedDocx(`the part ${name} holds \`${reference[0].slice(0, 40)}\`, which is not one of XML's five entities nor a reference to a character XML allows`);
    }
  }
  // The parser reads an element left unclosed as closed at the end: a part cut short would read as a shorter
  // document, every paragraph after the cut a deletion. The validator checks every element is closed.
  if (XMLValidator.validate(text) !== true) throw new RefusedDocx(`the part ${name} is not well-formed XML (cut short or damaged)`);
  try {
    return parser.parse(text) as XmlNode[];
  } catch (e) {
    throw new RefusedDocx(`the part ${name} ${tooDeep(e) !== null ? `has ${tooDeep(e)}` : 'is not well-formed XML'}`);
  }
}

/**
 * A character a reference may stand for: any but half a surrogate pair or one past U+10FFFF. Control characters and
 * U+FFFE/U+FFFF, which XML does not allow either, are read and then left out of the text with a warning at their
 * paragraph (as a control character written as it is).
 */
const isXmlChar = (code: number): boolean => (code >= 0 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0x10ffff);

function referencedCode(ref: string): number {
  return ref.startsWith('#x') || ref.startsWith('#X') ? (/^#[xX][0-9a-fA-F]{1,8}$/.test(ref) ? parseInt(ref.slice(2), 16) : -1) : /^#\d{1,10}$/.test(ref) ? Number(ref.slice(1)) : -1;
}

function isKnownReference(ref: string): boolean {
  return ref.startsWith('#') ? isXmlChar(referencedCode(ref)) : Object.hasOwn(ENTITIES, ref);
}

// ---- the document as the import sees it --------------------------------------------------------------

/**
 * A tracked change: who made it and when (Word's w:date, when it says). `inserted` marks a deletion of text that was
 * itself a tracked insertion: text never accepted and now taken out again, so it is in neither reading.
 */
export type Change = { readonly kind: 'ins' | 'del'; readonly author: string; readonly date: string | null; readonly inserted?: boolean } | null;

/** The bold and italic a run had before a tracked formatting change (w:rPrChange), when it had other ones, and who changed them. */
export type FormatChange = { readonly bold: boolean; readonly italic: boolean; readonly author: string; readonly date: string | null } | null;

export type Token =
  | {
      readonly type: 'text';
      readonly text: string;
      readonly bold: boolean;
      readonly italic: boolean;
      readonly strike: boolean;
      readonly style: string | null;
      /** The hyperlink the run is in: an address, or `#bookmark` for a place in the document. */
      readonly link: string | null;
      readonly change: Change;
      readonly formatChange: FormatChange;
    }
  | {
      readonly type: 'field';
      readonly instruction: string;
      /** What the field shows: its result as Word last wrote it, with tracked edits accepted. */
      readonly result: string;
      readonly style: string | null;
      readonly change: Change;
      /** Its result holds a tracked edit of its own (someone typed into the computed text). */
      readonly edited: boolean;
    }
  | { readonly type: 'footnote'; readonly id: string; readonly change: Change }
  | { readonly type: 'comment-start' | 'comment-end' | 'comment-ref'; readonly id: string }
  /** A picture acta wrote from `![alt](src)`: its drawing names the file. */
  | { readonly type: 'picture'; readonly src: string; readonly alt: string; readonly change: Change; readonly digest: string | null }
  /** An image, drawing, text box or embedded object: nothing the Markdown can take back. */
  | { readonly type: 'object'; readonly change: Change; readonly what: 'image or object' | 'embedded document (altChunk)' };

export interface DocxParagraph {
  /** Its style, as acta names it when the style is one of acta's (LibreOffice renames some ids: BodyText becomes TextBody). */
  readonly style: string;
  readonly bookmarks: readonly string[];
  /** The index of its origin in the writer's map (its hidden `_acta_N` bookmark), when acta wrote it from the Markdown. */
  readonly origin: number | null;
  /** A paragraph inserted or deleted with tracking on (its mark is a revision). */
  readonly mark: Change;
  readonly tokens: readonly Token[];
  readonly inTable: boolean;
  /** Control characters (other than tab and line breaks) the paragraph held: dropped, and said so. */
  readonly controls: number;
  /** Runs of hidden text (w:vanish: Word does not show them): read as text, and said so. */
  readonly hidden: number;
  /** Where it sits in a table: the table's, row's and column's index in document order (null outside tables). */
  readonly cell: { readonly table: number; readonly row: number; readonly col: number; readonly rowMark: Change } | null;
}

/** How to read a document's references to its other parts: its styles (by acta's ids) and its hyperlinks' addresses. */
export interface ReadContext {
  readonly style: (id: string | null) => string;
  readonly links: ReadonlyMap<string, string>;
  /** The SHA-256 of each picture, by its relationship id. */
  readonly pictures?: ReadonlyMap<string, string>;
}

export interface DocxComment {
  readonly id: string;
  readonly author: string;
  /** Word's w:date, when it gives one. */
  readonly date: string | null;
  readonly text: string;
  /** The comment it answers (its id), from commentsExtended.xml. */
  readonly parent: string | null;
  /** Marked resolved (done) in Word or LibreOffice. */
  readonly done: boolean;
  /** Control characters its text held, dropped. */
  readonly controls: number;
}
