// Word's XML as acta reads it with fast-xml-parser (a DOCX brought back by `acta import`, the styles of a reference
// document): the parser's options, the tree it gives and the helpers that walk it; and escaping for what acta writes.

import { LIMITS } from './limits.js';

export const WORD_XML = {
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // No entity is ever expanded or decoded by the parser: a DOCTYPE is refused before parsing, text stays escaped as
  // written (and so can be written back as it is), and whoever needs the text decodes the five predefined entities.
  processEntities: false,
  // Word nests a few dozen elements at most; past the limit the parser stops, so every walk of its tree can recurse.
  // (The parser counts the elements around the one it opens: xmlDepth elements in all.)
  maxNestedTags: LIMITS.xmlDepth - 1,
} as const;

/** The message for the parser's error past `maxNestedTags`, or null for another error. */
export function tooDeep(e: unknown): string | null {
  return e instanceof Error && /nested tags/i.test(e.message) ? `elements nested more than ${LIMITS.xmlDepth} deep, which Word never writes` : null;
}

/** A node as fast-xml-parser gives it with WORD_XML: `{ tag: children, ':@': attributes }`, or `{ '#text': text }`. */
export type XmlNode = { readonly [name: string]: XmlNode[] | string | Record<string, string> };

export const tagOf = (node: XmlNode): string => Object.keys(node).find((key) => key !== ':@') ?? '';

export const childrenOf = (node: XmlNode): XmlNode[] => {
  const value = node[tagOf(node)];
  return Array.isArray(value) ? value : [];
};

/** An attribute's value as written, still escaped: for a part that is written back as it was read. */
export const rawAttributeOf = (node: XmlNode, name: string): string | undefined => (node[':@'] as Record<string, string> | undefined)?.[name];

/** The five entities XML predefines, by name. */
export const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the five predefined entities and character references (the parser is told to leave them). */
export function decodeXmlText(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    /^#[xX]/.test(e) ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : ENTITIES[e]!,
  );
}

/** An attribute's value, decoded. */
export const attributeOf = (node: XmlNode, name: string): string | undefined => {
  const value = rawAttributeOf(node, name);
  return value === undefined ? undefined : decodeXmlText(value);
};

/** The text directly inside an element, decoded. */
export const textOf = (node: XmlNode): string =>
  childrenOf(node)
    .map((c) => (typeof c['#text'] === 'string' ? decodeXmlText(c['#text']) : ''))
    .join('');

/** Depth-first search for elements of a name (not inside one another). */
export function findAll(nodes: readonly XmlNode[], name: string, out: XmlNode[] = []): XmlNode[] {
  for (const node of nodes) {
    if (tagOf(node) === name) out.push(node);
    else findAll(childrenOf(node), name, out);
  }
  return out;
}

const XML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

/** Text or an attribute value as XML; control characters other than tab and newlines cannot appear in XML 1.0 at all, escaped or not. */
export function escapeXml(text: string): string {
  return text.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) => XML_ESCAPES[c] ?? '');
}
