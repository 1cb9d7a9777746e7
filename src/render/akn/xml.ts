// A small typed XML builder for the Akoma Ntoso writer: elements are values, and every text and attribute value is
// escaped when the tree is written, so no user text can ever become markup.

/** The Akoma Ntoso elements acta writes: a name outside this list is a type error, not a document the schema refuses. */
export type AknName =
  | 'akomaNtoso' | 'debateReport' | 'doc' | 'meta' | 'identification'
  | 'FRBRWork' | 'FRBRExpression' | 'FRBRManifestation' | 'FRBRthis' | 'FRBRuri' | 'FRBRalias' | 'FRBRdate' | 'FRBRauthor' | 'FRBRcountry' | 'FRBRnumber' | 'FRBRname' | 'FRBRlanguage'
  | 'publication' | 'analysis' | 'activeModifications' | 'textualMod' | 'meaningMod' | 'efficacyMod' | 'legalSystemMod' | 'source' | 'destination'
  | 'references' | 'TLCOrganization' | 'TLCConcept' | 'notes' | 'note'
  | 'preface' | 'mainBody' | 'attachments' | 'attachment' | 'container' | 'blockContainer'
  | 'hcontainer' | 'paragraph' | 'num' | 'heading' | 'subheading' | 'crossHeading' | 'content'
  | 'p' | 'blockList' | 'item' | 'ul' | 'ol' | 'li' | 'table' | 'tr' | 'th' | 'td'
  | 'b' | 'i' | 'span' | 'a' | 'ref' | 'rref' | 'ins' | 'del' | 'eol' | 'img' | 'authorialNote' | 'noteRef'
  | 'docTitle' | 'docNumber' | 'docDate' | 'docCommittee' | 'docType' | 'session' | 'organization' | 'date' | 'location';

export type XmlAttributes = Readonly<Record<string, string | number | null | undefined>>;

export interface XmlElement {
  readonly name: AknName;
  readonly attributes: XmlAttributes;
  readonly children: readonly XmlNode[];
}

export type XmlNode = XmlElement | string;

/** An element; null and undefined attributes are left out, and so are null children. */
export function el(name: AknName, attributes: XmlAttributes = {}, children: readonly (XmlNode | null | undefined | false)[] = []): XmlElement {
  return { name, attributes, children: children.filter((c): c is XmlNode => c !== null && c !== undefined && c !== false) };
}

/** Characters XML 1.0 cannot hold at all (the parse stage already replaced most of them): dropped. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function escapeText(value: string): string {
  return value.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(value: string): string {
  // Tabs and line breaks as references, or a reader normalises them to spaces.
  return escapeText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

/**
 * Elements whose children are laid out one a line: those that hold only elements. Anything else is written as it
 * is, since a line break added inside a paragraph would be a space in its text.
 */
const LAYOUT = new Set<AknName>([
  'akomaNtoso', 'debateReport', 'doc', 'meta', 'identification', 'FRBRWork', 'FRBRExpression', 'FRBRManifestation', 'analysis', 'activeModifications',
  'textualMod', 'meaningMod', 'efficacyMod', 'legalSystemMod', 'references', 'notes', 'note', 'preface', 'mainBody', 'attachments', 'attachment', 'container',
  'blockContainer', 'hcontainer', 'paragraph', 'content', 'blockList', 'item', 'ul', 'ol', 'table', 'tr', 'th', 'td',
]);

function write(node: XmlNode, depth: number, out: string[]): void {
  if (typeof node === 'string') {
    out.push(escapeText(node));
    return;
  }
  out.push(`<${node.name}`);
  for (const [name, value] of Object.entries(node.attributes)) {
    if (value === null || value === undefined) continue;
    if (!/^[A-Za-z_][\w.:-]*$/.test(name)) throw new Error(`not an XML attribute name: ${name}`);
    out.push(` ${name}="${escapeAttribute(String(value))}"`);
  }
  if (node.children.length === 0) {
    out.push('/>');
    return;
  }
  out.push('>');
  const layout = LAYOUT.has(node.name) && node.children.every((c) => typeof c !== 'string');
  for (const child of node.children) {
    if (layout) out.push(`\n${'  '.repeat(depth + 1)}`);
    write(child, depth + 1, out);
  }
  if (layout) out.push(`\n${'  '.repeat(depth)}`);
  out.push(`</${node.name}>`);
}

/** The whole document: the XML declaration, then the tree. */
export function serializeXml(root: XmlElement): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  write(root, 0, out);
  out.push('\n');
  return out.join('');
}
