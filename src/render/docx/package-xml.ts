// The parts of a packed DOCX as XML trees: read with fast-xml-parser and written back with its builder, so an element
// is added or taken out by its name and attributes, never by finding text in the part. Only a part acta changed is
// written back, and it comes back as docx wrote it but for one thing no reader sees: a carriage return in its text
// (from a Markdown file saved with CRLF line ends) is a line feed, as every XML reader reads it anyway.

import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { strFromU8, strToU8 } from 'fflate';
import { childrenOf, rawAttributeOf, tagOf, WORD_XML, type XmlNode } from '../../xml.js';

const parser = new XMLParser(WORD_XML);
const builder = new XMLBuilder({ ...WORD_XML, suppressEmptyNode: true });

/** The files of a package, by path; each part is read as a tree when first edited and written back once. */
export class PackageParts {
  private readonly trees = new Map<string, XmlNode[]>();
  /** The parts whose tree acta changed: the only ones written back. */
  private readonly changed = new Set<string>();

  constructor(readonly files: Record<string, Uint8Array>) {}

  has(name: string): boolean {
    return this.files[name] !== undefined || this.trees.has(name);
  }

  /** The part's tree, or undefined when the package has no such part. */
  tree(name: string): XmlNode[] | undefined {
    const known = this.trees.get(name);
    if (known) return known;
    const data = this.files[name];
    if (data === undefined) return undefined;
    const tree = parseXml(strFromU8(data));
    this.trees.set(name, tree);
    return tree;
  }

  /** Replaces a part's tree (or adds the part). */
  setTree(name: string, tree: XmlNode[]): void {
    this.trees.set(name, tree);
    this.changed.add(name);
  }

  /** Adds a part as bytes or text, as given. */
  setFile(name: string, data: string | Uint8Array): void {
    this.trees.delete(name);
    this.changed.delete(name);
    this.files[name] = typeof data === 'string' ? strToU8(data) : data;
  }

  /** The files with every changed tree written back. */
  written(): Record<string, Uint8Array> {
    for (const name of this.changed) this.files[name] = strToU8(buildXml(this.trees.get(name)!));
    this.changed.clear();
    this.trees.clear();
    return this.files;
  }
}

/** XML text as a tree (a part, or an element of acta's own to add to one); throws on XML that is not well-formed. */
export function parseXml(xml: string): XmlNode[] {
  return parser.parse(xml, true) as XmlNode[];
}

/** A tree as XML text: values as they were read, still escaped, so nothing needs encoding again. */
export function buildXml(tree: readonly XmlNode[]): string {
  return builder.build(tree) as string;
}

/** An element with its attributes (values as written in XML, escaped) and children. */
export function element(tag: string, attributes: Readonly<Record<string, string>>, children: XmlNode[] = []): XmlNode {
  return { [tag]: children, ...(Object.keys(attributes).length ? { ':@': { ...attributes } } : {}) };
}

/** The same element with other children. */
export const withChildren = (node: XmlNode, children: XmlNode[]): XmlNode => ({ ...node, [tagOf(node)]: children });

/** The tree with its root element's children mapped (the root: the one element beside the declaration). */
export function mapRoot(tree: readonly XmlNode[], root: string, map: (children: XmlNode[]) => XmlNode[]): XmlNode[] {
  return tree.map((node) => (tagOf(node) === root ? withChildren(node, map(childrenOf(node))) : node));
}

/** The children of a part's root element, or [] when it has none. */
export function rootChildren(tree: readonly XmlNode[], root: string): XmlNode[] {
  const node = tree.find((n) => tagOf(n) === root);
  return node ? childrenOf(node) : [];
}

/** A relationship from a part to another, as a `.rels` part lists it. */
export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
}

/** A content type given to one part by its name (`/word/webSettings.xml`). */
export interface ContentTypeOverride {
  readonly partName: string;
  readonly contentType: string;
}

const RELS = 'word/_rels/document.xml.rels';
const TYPES = '[Content_Types].xml';

/** The ids of a `.rels` part's relationships, in order. */
export function relationshipIds(tree: readonly XmlNode[]): string[] {
  return rootChildren(tree, 'Relationships')
    .filter((n) => tagOf(n) === 'Relationship')
    .map((n) => rawAttributeOf(n, 'Id') ?? '');
}

/** Parts the main document relates to: their files, the relationship from the document, their content types. */
export interface DocumentParts {
  readonly files: Readonly<Record<string, string>>;
  readonly relationship: Relationship;
  readonly contentTypes: readonly ContentTypeOverride[];
}

/** Whether the main document relates to a part of this type already. */
export function hasRelationshipType(parts: PackageParts, type: string): boolean {
  return rootChildren(parts.tree(RELS) ?? [], 'Relationships').some((n) => rawAttributeOf(n, 'Type') === type);
}

/**
 * Adds parts the main document relates to. Returns what stands in the way instead, changing nothing: a part of the
 * same name or a relationship of the same id already in the package, or no relationships or content types part.
 */
export function addDocumentParts(parts: PackageParts, added: DocumentParts): string | null {
  const rels = parts.tree(RELS);
  if (!rels || !parts.tree(TYPES)) return `a ${RELS} and a ${TYPES}`;
  const taken = Object.keys(added.files).find((name) => parts.has(name));
  if (taken !== undefined) return `no part ${taken} of its own (acta adds it)`;
  if (relationshipIds(rels).includes(added.relationship.id)) return `no relationship with the id ${added.relationship.id}`;
  for (const [name, data] of Object.entries(added.files)) parts.setFile(name, data);
  const { id, type, target } = added.relationship;
  parts.setTree(RELS, mapRoot(rels, 'Relationships', (children) => [...children, element('Relationship', { Id: id, Type: type, Target: target })]));
  for (const override of added.contentTypes) addContentType(parts, override);
  return null;
}

/** Whether the package gives every part with this extension a content type (`<Default Extension="xml" …/>`). */
export function hasDefaultContentType(parts: PackageParts, extension: string): boolean {
  return rootChildren(parts.tree(TYPES) ?? [], 'Types').some((n) => tagOf(n) === 'Default' && rawAttributeOf(n, 'Extension') === extension);
}

/** Adds a content type for one part, unless the package gives that part one already. */
export function addContentType(parts: PackageParts, override: ContentTypeOverride): void {
  const types = parts.tree(TYPES);
  if (!types) return;
  if (rootChildren(types, 'Types').some((n) => rawAttributeOf(n, 'PartName') === override.partName)) return;
  parts.setTree(TYPES, mapRoot(types, 'Types', (children) => [...children, element('Override', { PartName: override.partName, ContentType: override.contentType })]));
}
