// Packs a docx Document reproducibly: the same report gives the same bytes, on any machine.
//
// What the docx library can be told goes through its public API: the core properties (with the dates and the
// language, which its Document options lack) are handed to Packer as an override of docProps/core.xml, and the writer
// gives every bookmark, drawing and change its id. The rest is done on the packed parts read as XML trees
// (package-xml.ts), by element, never by finding text:
// - the zip entries' times are the issue date (docx zips with the time of packing);
// - the external hyperlinks' relationship ids, random in docx with no option to set them, are numbered in order;
// - the note separators lose the note-reference run docx puts in them (Word writes the separator alone);
// - DefaultParagraphFont, which docx's character styles are based on, is defined when docx does not define it;
// - a webSettings part (which Word always writes), the base's custom XML item and the comments' resolved state are
//   added with their relationships and content types (the docx API adds relationships only to parts it writes).
// One step stays text editing, and says why where it is: the references to the renamed hyperlink relationships in the
// part that holds them (`r:id="…"`), since the main document part is the largest of the package and its builder
// would write its empty elements otherwise than docx does. A step that finds what it edits already as Word wants it
// (a later docx) leaves it; one that cannot be done throws (exit 70) rather than write a file that differs from
// build to build.

import { Packer, type Document } from 'docx';
import { strFromU8, zipSync, unzipSync, type Zippable } from 'fflate';
import type { BaseParts } from './base-part.js';
import { applyReferenceStyles } from './reference-styles.js';
import { escapeXml, childrenOf, rawAttributeOf, tagOf, type XmlNode } from '../../xml.js';
import { PackageParts, addDocumentParts, hasDefaultContentType, hasRelationshipType, mapRoot, parseXml, relationshipIds, rootChildren, withChildren } from './package-xml.js';

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
  const files = unzipSync(new Uint8Array(await Packer.toBuffer(doc, false, [{ path: CORE_PART, data: core }])));
  if (files[CORE_PART] === undefined || strFromU8(files[CORE_PART]) !== core) {
    throw libraryChanged('the core properties acta gives Packer as an override', CORE_PART);
  }
  const parts = new PackageParts(files);
  pinRelationshipIds(parts);
  for (const [part, note] of NOTE_PARTS) dropSeparatorReferences(parts, part, note);
  defineDefaultParagraphFont(parts);
  addWebSettings(parts);
  if (options.base) added(hasDefaultContentType(parts, 'xml') ? addDocumentParts(parts, options.base) : 'a default content type for .xml parts, which the base\'s item takes', '[Content_Types].xml');
  if (options.resolvedComments?.length) addResolvedState(parts, options.resolvedComments);
  const written = parts.written();
  if (options.referenceStyles !== undefined) {
    written[STYLES] = new TextEncoder().encode(applyReferenceStyles(strFromU8(written[STYLES]!), options.referenceStyles).styles);
  }
  return zipWithDate(written, options.date);
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

/** The part a `.rels` part holds the relationships of: `word/_rels/document.xml.rels` → `word/document.xml`. */
const ownerOf = (rels: string) => rels.replace(/(^|\/)_rels\/([^/]+)\.rels$/, '$1$2');

/**
 * Random ids become `rIdLink1`, `rIdLink2`… in order of appearance. A relationship id is only ever used by the part
 * its `.rels` belongs to, as `r:id`, so those are the only places renamed, and a random id found anywhere else stops
 * the build.
 */
function pinRelationshipIds(parts: PackageParts): void {
  const renamed = new Map<string, string>();
  for (const name of Object.keys(parts.files).filter((n) => n.endsWith('.rels'))) {
    const tree = parts.tree(name)!;
    const random = relationshipIds(tree).filter((id) => !COUNTED_ID.test(id));
    if (random.length === 0) continue;
    const owner = ownerOf(name);
    if (!parts.has(owner)) throw libraryChanged(`a part of its own for the relationships ${random.join(', ')}`, name);
    const here = new Map<string, string>();
    for (const id of random) {
      if (!RANDOM_ID.test(id)) throw libraryChanged(`relationship ids of the form rId<number> or rId<21 random characters>, not ${id}`, name);
      if (here.has(id)) throw libraryChanged(`one relationship with the id ${id}`, name);
      here.set(id, `rIdLink${renamed.size + here.size + 1}`);
    }
    for (const [id, pinned] of here) renamed.set(id, pinned);
    parts.setTree(name, mapRoot(tree, 'Relationships', (children) => children.map((n) => renameRelationship(n, here))));
    parts.setFile(owner, renameReferences(strFromU8(parts.files[owner]!), here, owner));
  }
  if (renamed.size > 0) checkNoRandomIdLeft(parts, renamed);
}

function renameRelationship(node: XmlNode, renamed: ReadonlyMap<string, string>): XmlNode {
  const id = rawAttributeOf(node, 'Id');
  const pinned = id === undefined ? undefined : renamed.get(id);
  return pinned === undefined ? node : { ...node, ':@': { ...(node[':@'] as Record<string, string>), Id: pinned } };
}

/**
 * The one edit made in a part's text: each `r:id="…"` naming a renamed relationship. The part is the main document
 * (or the notes or comments that hold links), the largest of the package; the ids are opaque tokens that appear
 * nowhere else, and each must be found there at least once.
 */
function renameReferences(xml: string, renamed: ReadonlyMap<string, string>, owner: string): string {
  const referenced = new Set<string>();
  const text = xml.replace(/r:id="([^"]*)"/g, (whole, id: string) => {
    const pinned = renamed.get(id);
    if (pinned === undefined) return whole;
    referenced.add(id);
    return `r:id="${pinned}"`;
  });
  const missing = [...renamed.keys()].find((id) => !referenced.has(id));
  if (missing !== undefined) throw libraryChanged(`a reference r:id="${missing}" to its relationship`, owner);
  return text;
}

function checkNoRandomIdLeft(parts: PackageParts, renamed: ReadonlyMap<string, string>): void {
  for (const [name, data] of Object.entries(parts.written())) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const left = [...strFromU8(data).matchAll(/rId[a-z0-9_-]{21}/g)].map((m) => m[0]).find((id) => renamed.has(id));
    if (left !== undefined) throw libraryChanged(`no use of the random relationship id ${left} other than r:id in the part it belongs to`, name);
  }
}

const NOTE_PARTS = [['word/footnotes.xml', 'footnote'], ['word/endnotes.xml', 'endnote']] as const;

/**
 * docx writes the separator and continuation separator notes (ids -1 and 0) with a `w:footnoteRef` run before the
 * separator, as in a real note; Word writes the separator alone, and reportedly offers to repair a file whose
 * separators hold a reference. A separator without one is left as it is.
 */
function dropSeparatorReferences(parts: PackageParts, name: string, note: 'footnote' | 'endnote'): void {
  const tree = parts.tree(name);
  if (!tree) throw libraryChanged(`a ${note}s part`, name);
  const isReference = (run: XmlNode) => tagOf(run) === 'w:r' && childrenOf(run).some((c) => tagOf(c) === `w:${note}Ref`);
  const separator = (node: XmlNode) => tagOf(node) === `w:${note}` && ['separator', 'continuationSeparator'].includes(rawAttributeOf(node, 'w:type') ?? '');
  const holdsReference = (node: XmlNode) => childrenOf(node).some((p) => tagOf(p) === 'w:p' && childrenOf(p).some(isReference));
  if (!rootChildren(tree, `w:${note}s`).some((n) => separator(n) && holdsReference(n))) return;
  const cleaned = (node: XmlNode) => withChildren(node, childrenOf(node).map((p) => (tagOf(p) === 'w:p' ? withChildren(p, childrenOf(p).filter((r) => !isReference(r))) : p)));
  parts.setTree(name, mapRoot(tree, `w:${note}s`, (children) => children.map((n) => (separator(n) ? cleaned(n) : n))));
}

const STYLES = 'word/styles.xml';

const DEFAULT_PARAGRAPH_FONT =
  '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>';

/** docx bases its character styles (Hyperlink, FootnoteReference…) on DefaultParagraphFont without defining it; Word defines it in every document. */
function defineDefaultParagraphFont(parts: PackageParts): void {
  const tree = parts.tree(STYLES);
  if (!tree) throw libraryChanged('a styles part', STYLES);
  if (rootChildren(tree, 'w:styles').some((n) => rawAttributeOf(n, 'w:styleId') === 'DefaultParagraphFont')) return;
  parts.setTree(STYLES, mapRoot(tree, 'w:styles', (children) => [...children, ...parseXml(DEFAULT_PARAGRAPH_FONT)]));
}

const WEB_SETTINGS_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/webSettings';

/** Optional in the standard, but Word always writes it, and one public report traced a Word for Mac repair of docx output to its absence. */
function addWebSettings(parts: PackageParts): void {
  if (hasRelationshipType(parts, WEB_SETTINGS_TYPE)) return;
  const problem = addDocumentParts(parts, {
    files: {
      'word/webSettings.xml':
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:webSettings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:optimizeForBrowser/><w:allowPNG/></w:webSettings>',
    },
    relationship: { id: 'rIdWebSettings', type: WEB_SETTINGS_TYPE, target: 'webSettings.xml' },
    contentTypes: [{ partName: '/word/webSettings.xml', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.webSettings+xml' }],
  });
  added(problem, 'word/webSettings.xml');
}

/** Throws when parts could not be added (see addDocumentParts). */
function added(problem: string | null, where: string): void {
  if (problem !== null) throw libraryChanged(problem, where);
}

const COMMENTS_EXTENDED_TYPE = 'http://schemas.microsoft.com/office/2011/relationships/commentsExtended';

/** The resolved state of comments that answer none and are answered by none (see PackOptions.resolvedComments). */
function addResolvedState(parts: PackageParts, comments: readonly { readonly paraId: string; readonly done: boolean }[]): void {
  if (hasRelationshipType(parts, COMMENTS_EXTENDED_TYPE)) throw libraryChanged('no commentsExtended part when no comment answers another', 'word/commentsExtended.xml');
  const paragraphs = new Set(paragraphIds(parts.tree('word/comments.xml') ?? []));
  for (const c of comments) if (!paragraphs.has(c.paraId)) throw libraryChanged(`a comment paragraph with w14:paraId="${c.paraId}"`, 'word/comments.xml');
  const entries = comments.map((c) => `<w15:commentEx w15:paraId="${c.paraId}" w15:done="${c.done ? 1 : 0}"/>`).join('');
  const problem = addDocumentParts(parts, {
    files: {
      'word/commentsExtended.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w15:commentsEx xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" mc:Ignorable="w15">${entries}</w15:commentsEx>`,
    },
    relationship: { id: 'rIdCommentsExtended', type: COMMENTS_EXTENDED_TYPE, target: 'commentsExtended.xml' },
    contentTypes: [{ partName: '/word/commentsExtended.xml', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml' }],
  });
  added(problem, 'word/commentsExtended.xml');
}

/** The `w14:paraId` of every paragraph of the comments part. */
function paragraphIds(tree: readonly XmlNode[]): string[] {
  return rootChildren(tree, 'w:comments').flatMap((comment) =>
    childrenOf(comment)
      .filter((p) => tagOf(p) === 'w:p')
      .map((p) => rawAttributeOf(p, 'w14:paraId') ?? ''),
  );
}

/** fflate writes a zip entry's time as local time, so a local noon gives the same bytes in every time zone. */
function zipWithDate(parts: Record<string, Uint8Array>, date: string): Uint8Array {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const mtime = new Date(year, month - 1, day, 12);
  const files: Zippable = {};
  for (const [name, data] of Object.entries(parts)) files[name] = [data, { mtime }];
  return zipSync(files, { level: 6 });
}
