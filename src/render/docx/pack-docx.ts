// Packs a docx Document reproducibly: the same report gives the same bytes, on any machine.
//
// What the docx library can be told goes through its public API: the core properties (with the
// dates and the language, which its Document options lack) are handed to Packer as an override of
// docProps/core.xml, and the writer gives every bookmark its id. Two things it cannot be told are
// pinned after packing: the zip entries' times (the time of packing) and the ids of the relationships
// of external hyperlinks (random). Three more are put right after packing, for Word, which is stricter than the
// schemas: the note separators lose the note-reference run docx puts in them, the character style
// DefaultParagraphFont that docx's own styles are based on is defined, and a webSettings part (which Word always
// writes) is added with its relationship and content type. Each step checks that the output still has the shape it expects
// and throws if not, so a docx release that changes it fails the build instead of giving documents
// that differ from build to build.

import { Packer, type Document } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type { BaseParts } from './base-part.js';
import { applyReferenceStyles } from './reference-styles.js';
import { escapeXml } from '../../xml.js';

export interface CoreProperties {
  readonly title: string;
  readonly subject: string;
  readonly creator: string;
  readonly lastModifiedBy: string;
  readonly description: string;
  readonly revision: number;
}

export interface PackOptions {
  /** ISO date (YYYY-MM-DD): the document's created and modified dates, and the zip entries' date. */
  readonly date: string;
  /** BCP 47 tag written as the document's language. */
  readonly language: string;
  readonly properties: CoreProperties;
  /** The styles part of a user's reference document (--reference-docx): acta's styles take its look. */
  readonly referenceStyles?: string;
  /** The custom XML item that carries the build's base (see base-part.ts). */
  readonly base?: BaseParts;
  /**
   * Resolved comments when no comment answers another: docx writes a comment's resolved state (commentsExtended.xml)
   * only for threads, so acta adds the part for these, by the paragraph ids docx gives the comments.
   */
  readonly resolvedComments?: readonly { readonly paraId: string; readonly done: boolean }[];
}

const CORE_PART = 'docProps/core.xml';

export async function packDocx(doc: Document, options: PackOptions): Promise<Uint8Array> {
  const core = corePropertiesXml(options);
  const parts = unzipSync(new Uint8Array(await Packer.toBuffer(doc, false, [{ path: CORE_PART, data: core }])));
  if (parts[CORE_PART] === undefined || strFromU8(parts[CORE_PART]) !== core) {
    throw libraryChanged('the core properties acta gives Packer as an override', CORE_PART);
  }
  pinRelationshipIds(parts);
  for (const [part, note] of NOTE_PARTS) dropSeparatorReferences(parts, part, note);
  defineDefaultParagraphFont(parts);
  if (options.referenceStyles !== undefined) {
    parts['word/styles.xml'] = strToU8(applyReferenceStyles(strFromU8(parts['word/styles.xml']!), options.referenceStyles).styles);
  }
  addWebSettings(parts);
  if (options.base) addBaseParts(parts, options.base);
  if (options.resolvedComments?.length) addResolvedState(parts, options.resolvedComments);
  return zipWithDate(parts, options.date);
}

/** Thrown, never worked around: the user gets a stack trace to report (exit 70) instead of a file that differs from build to build. */
function libraryChanged(expected: string, where: string): Error {
  return new Error(`the docx library's output changed: expected ${expected} in ${where}; acta needs an update`);
}

const CORE_NAMESPACES = [
  'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
  'xmlns:dcterms="http://purl.org/dc/terms/"',
  'xmlns:dcmitype="http://purl.org/dc/dcmitype/"',
  'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
].join(' ');

/** The same elements, order and escaping as docx's own core properties, plus the dates and the language it cannot be given. */
function corePropertiesXml({ properties: p, date, language }: PackOptions): string {
  const element = (name: string, value: string) => `<${name}>${escapeXml(value)}</${name}>`;
  const stamp = (name: string) => `<${name} xsi:type="dcterms:W3CDTF">${date}T00:00:00Z</${name}>`;
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    `<cp:coreProperties ${CORE_NAMESPACES}>`,
    element('dc:title', p.title),
    element('dc:subject', p.subject),
    element('dc:creator', p.creator),
    element('dc:description', p.description),
    element('cp:lastModifiedBy', p.lastModifiedBy),
    element('cp:revision', String(p.revision)),
    stamp('dcterms:created'),
    stamp('dcterms:modified'),
    element('dc:language', language),
    '</cp:coreProperties>',
  ].join('');
}


/** docx's ids from its counters (`rId1`…), and its random ones: `rId` and 21 characters of nanoid, lower-cased. */
const COUNTED_ID = /^rId\d+$/;
const RANDOM_ID = /^rId[a-z0-9_-]{21}$/;

/**
 * Random ids become `rIdLink1`, `rIdLink2`… in order of appearance. A relationship id is only ever used by the part
 * its `.rels` belongs to (`word/_rels/document.xml.rels` by `word/document.xml`), as `r:id`, so those are the only
 * places renamed, and a random id found anywhere else stops the build.
 */
function pinRelationshipIds(parts: Record<string, Uint8Array>): void {
  const renamed = new Map<string, string>();
  const text = new Map<string, string>();
  const read = (name: string) => text.get(name) ?? strFromU8(parts[name]!);
  // Each part is read in one pass whatever its number of links (a 100-fold meeting has thousands).
  for (const name of Object.keys(parts).filter((n) => n.endsWith('.rels'))) {
    const rels = read(name);
    const ids = [...rels.matchAll(/ Id="([^"]*)"/g)].map((m) => m[1]!);
    const count = rels.split('<Relationship ').length - 1;
    if (ids.length !== count) throw libraryChanged(`an Id="…" on each of its ${count} relationships`, name);
    const random = ids.filter((id) => !COUNTED_ID.test(id));
    if (random.length === 0) continue;
    const source = name.replace(/(^|\/)_rels\/([^/]+)\.rels$/, '$1$2');
    if (parts[source] === undefined) throw libraryChanged(`a part of its own for the relationships ${random.join(', ')}`, name);
    const here = new Map<string, string>();
    for (const id of random) {
      if (!RANDOM_ID.test(id)) throw libraryChanged(`relationship ids of the form rId<number> or rId<21 random characters>, not ${id}`, name);
      if (here.has(id)) throw libraryChanged(`one relationship with the id ${id}`, name);
      const pinned = `rIdLink${renamed.size + 1}`;
      renamed.set(id, pinned);
      here.set(id, pinned);
    }
    const referenced = new Set<string>();
    const owner = read(source).replace(/r:id="([^"]*)"/g, (whole, id: string) => {
      const pinned = here.get(id);
      if (pinned === undefined) return whole;
      referenced.add(id);
      return `r:id="${pinned}"`;
    });
    const missing = random.find((id) => !referenced.has(id));
    if (missing !== undefined) throw libraryChanged(`a reference r:id="${missing}" to the relationship of ${name}`, source);
    text.set(name, rels.replace(/ Id="([^"]*)"/g, (whole, id: string) => (here.has(id) ? ` Id="${here.get(id)}"` : whole)));
    text.set(source, owner);
  }
  for (const [name, value] of text) parts[name] = strToU8(value);
  if (renamed.size === 0) return;
  for (const [name, data] of Object.entries(parts)) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const xml = text.get(name) ?? strFromU8(data);
    const left = [...xml.matchAll(/rId[a-z0-9_-]{21}/g)].map((m) => m[0]).find((id) => renamed.has(id));
    if (left !== undefined) throw libraryChanged(`no use of the random relationship id ${left} other than r:id in the part it belongs to`, name);
  }
}

const NOTE_PARTS = [['word/footnotes.xml', 'footnote'], ['word/endnotes.xml', 'endnote']] as const;

/**
 * docx writes the separator and continuation separator notes (ids -1 and 0) with a `w:footnoteRef` run styled
 * FootnoteReference before the separator, as in a real note; Word writes the separator alone, and reportedly offers
 * to repair a file whose separators hold a reference.
 */
function dropSeparatorReferences(parts: Record<string, Uint8Array>, name: string, note: 'footnote' | 'endnote'): void {
  const data = parts[name];
  if (data === undefined) throw libraryChanged(`a ${note}s part`, name);
  let xml = strFromU8(data);
  const reference = `<w:r><w:rPr><w:rStyle w:val="${note === 'footnote' ? 'FootnoteReference' : 'EndnoteReference'}"/></w:rPr><w:${note}Ref/></w:r>`;
  for (const type of ['separator', 'continuationSeparator']) {
    const open = new RegExp(`<w:${note} w:type="${type}" w:id="-?\\d+">`).exec(xml);
    const end = open ? xml.indexOf(`</w:${note}>`, open.index) : -1;
    const at = open ? xml.indexOf(reference, open.index) : -1;
    if (!open || at < 0 || at > end) throw libraryChanged(`a ${type} ${note} holding the run ${reference}`, name);
    xml = xml.slice(0, at) + xml.slice(at + reference.length);
  }
  parts[name] = strToU8(xml);
}

const DEFAULT_PARAGRAPH_FONT =
  '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>';

/** docx bases its character styles (Hyperlink, FootnoteReference…) on DefaultParagraphFont without defining it; Word defines it in every document. */
function defineDefaultParagraphFont(parts: Record<string, Uint8Array>): void {
  const name = 'word/styles.xml';
  const xml = parts[name] === undefined ? '' : strFromU8(parts[name]);
  if (!xml.includes('<w:basedOn w:val="DefaultParagraphFont"/>')) throw libraryChanged('character styles based on DefaultParagraphFont', name);
  if (xml.includes('w:styleId="DefaultParagraphFont"')) throw libraryChanged('no DefaultParagraphFont style of its own (acta adds it)', name);
  if (xml.split('</w:styles>').length !== 2) throw libraryChanged('one closing </w:styles>', name);
  parts[name] = strToU8(xml.replace('</w:styles>', `${DEFAULT_PARAGRAPH_FONT}</w:styles>`));
}

const WEB_SETTINGS = {
  part: 'word/webSettings.xml',
  xml: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:webSettings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:optimizeForBrowser/><w:allowPNG/></w:webSettings>',
  relationship: '<Relationship Id="rIdWebSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/webSettings" Target="webSettings.xml"/>',
  contentType: '<Override PartName="/word/webSettings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.webSettings+xml"/>',
} as const;

/** Optional in the standard, but Word always writes it, and one public report traced a Word for Mac repair of docx output to its absence. */
function addWebSettings(parts: Record<string, Uint8Array>): void {
  const rels = 'word/_rels/document.xml.rels';
  const types = '[Content_Types].xml';
  if (parts[WEB_SETTINGS.part] !== undefined) throw libraryChanged('no webSettings part of its own (acta adds it)', WEB_SETTINGS.part);
  const relsXml = parts[rels] === undefined ? '' : strFromU8(parts[rels]);
  const typesXml = parts[types] === undefined ? '' : strFromU8(parts[types]);
  if (relsXml.split('</Relationships>').length !== 2 || relsXml.includes('/webSettings"')) throw libraryChanged('one </Relationships> and no webSettings relationship', rels);
  if (relsXml.includes('Id="rIdWebSettings"')) throw libraryChanged('no relationship with the id rIdWebSettings', rels);
  if (typesXml.split('</Types>').length !== 2 || typesXml.includes('/word/webSettings.xml')) throw libraryChanged('one </Types> and no webSettings content type', types);
  parts[WEB_SETTINGS.part] = strToU8(WEB_SETTINGS.xml);
  parts[rels] = strToU8(relsXml.replace('</Relationships>', `${WEB_SETTINGS.relationship}</Relationships>`));
  parts[types] = strToU8(typesXml.replace('</Types>', `${WEB_SETTINGS.contentType}</Types>`));
}

/** The custom XML item of the base, related to the main document as Word relates its own custom XML items. */
function addBaseParts(parts: Record<string, Uint8Array>, base: BaseParts): void {
  const rels = 'word/_rels/document.xml.rels';
  const types = '[Content_Types].xml';
  for (const [name, xml] of Object.entries(base.parts)) {
    if (parts[name] !== undefined) throw libraryChanged(`no part ${name} of its own (acta adds it)`, name);
    parts[name] = strToU8(xml);
  }
  const relsXml = strFromU8(parts[rels]!);
  const typesXml = strFromU8(parts[types]!);
  if (relsXml.split('</Relationships>').length !== 2 || relsXml.includes('Id="rIdActaBase"')) throw libraryChanged('one </Relationships> and no relationship rIdActaBase', rels);
  if (typesXml.split('</Types>').length !== 2 || !typesXml.includes('Extension="xml"')) throw libraryChanged('one </Types> and a default content type for .xml', types);
  parts[rels] = strToU8(relsXml.replace('</Relationships>', `${base.relationship}</Relationships>`));
  parts[types] = strToU8(typesXml.replace('</Types>', `${base.contentTypes.join('')}</Types>`));
}

const COMMENTS_EXTENDED = {
  part: 'word/commentsExtended.xml',
  relationship: '<Relationship Id="rIdCommentsExtended" Type="http://schemas.microsoft.com/office/2011/relationships/commentsExtended" Target="commentsExtended.xml"/>',
  contentType: '<Override PartName="/word/commentsExtended.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"/>',
} as const;

/** The resolved state of comments that answer none and are answered by none (see PackOptions.resolvedComments). */
function addResolvedState(parts: Record<string, Uint8Array>, comments: readonly { readonly paraId: string; readonly done: boolean }[]): void {
  const rels = 'word/_rels/document.xml.rels';
  const types = '[Content_Types].xml';
  if (parts[COMMENTS_EXTENDED.part] !== undefined) throw libraryChanged('no commentsExtended part when no comment answers another', COMMENTS_EXTENDED.part);
  const commentsXml = parts['word/comments.xml'] === undefined ? '' : strFromU8(parts['word/comments.xml']);
  for (const c of comments) if (!commentsXml.includes(`w14:paraId="${c.paraId}"`)) throw libraryChanged(`a comment paragraph with w14:paraId="${c.paraId}"`, 'word/comments.xml');
  const entries = comments.map((c) => `<w15:commentEx w15:paraId="${c.paraId}" w15:done="${c.done ? 1 : 0}"/>`).join('');
  parts[COMMENTS_EXTENDED.part] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w15:commentsEx xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" mc:Ignorable="w15">${entries}</w15:commentsEx>`,
  );
  const relsXml = strFromU8(parts[rels]!);
  const typesXml = strFromU8(parts[types]!);
  if (relsXml.split('</Relationships>').length !== 2 || relsXml.includes('/commentsExtended"')) throw libraryChanged('one </Relationships> and no commentsExtended relationship', rels);
  parts[rels] = strToU8(relsXml.replace('</Relationships>', `${COMMENTS_EXTENDED.relationship}</Relationships>`));
  parts[types] = strToU8(typesXml.replace('</Types>', `${COMMENTS_EXTENDED.contentType}</Types>`));
}

/** fflate writes a zip entry's time as local time, so a local noon gives the same bytes in every time zone. */
function zipWithDate(parts: Record<string, Uint8Array>, date: string): Uint8Array {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const mtime = new Date(year, month - 1, day, 12);
  const files: Zippable = {};
  for (const [name, data] of Object.entries(parts)) files[name] = [data, { mtime }];
  return zipSync(files, { level: 6 });
}
