// --reference-docx: the look of acta's styles taken from a Word document the user provides, as pandoc's
// --reference-doc does. Each of acta's styles keeps its id, its name, what it is based on and acta's numbering;
// its paragraph and run properties (fonts, sizes, spacing, colours, alignment) become those of the style of the
// same name in the reference. A style the reference lacks stays acta's. The reference's document defaults replace
// acta's. Both styles parts are read and written with fast-xml-parser (the reference was checked well-formed when
// it was loaded); this runs after packing, like the other steps of pack-docx.

import { childrenOf, rawAttributeOf, tagOf, type XmlNode } from '../../xml.js';
import { buildXml, mapRoot, parseXml, rootChildren, withChildren } from './package-xml.js';

const child = (nodes: readonly XmlNode[], tag: string): XmlNode | undefined => nodes.find((n) => tagOf(n) === tag);

interface StyleEntry {
  readonly node: XmlNode;
  readonly type: string;
  readonly id: string;
  readonly name: string;
}

function entryOf(node: XmlNode): StyleEntry {
  const name = child(childrenOf(node), 'w:name');
  return { node, type: rawAttributeOf(node, 'w:type') ?? 'paragraph', id: rawAttributeOf(node, 'w:styleId') ?? '', name: ((name && rawAttributeOf(name, 'w:val')) ?? '').toLowerCase() };
}

/** The paragraph properties whose children come before w:numPr in the schema's sequence. */
const BEFORE_NUMPR = new Set(['w:pStyle', 'w:keepNext', 'w:keepLines', 'w:pageBreakBefore', 'w:framePr', 'w:widowControl']);
/** A style's table elements, which come after its paragraph and run properties. */
const TABLE_PARTS = new Set(['w:tblPr', 'w:trPr', 'w:tcPr', 'w:tblStylePr']);

/** The reference's paragraph properties, with acta's numbering (the reference's list ids mean nothing in acta's numbering part). */
function paragraphProperties(reference: XmlNode | undefined, own: XmlNode | undefined): XmlNode | undefined {
  const numbering = own ? child(childrenOf(own), 'w:numPr') : undefined;
  const properties = reference ? childrenOf(reference).filter((n) => tagOf(n) !== 'w:numPr') : [];
  if (!numbering) return reference ? withChildren(reference, properties) : undefined;
  let at = 0;
  properties.forEach((n, i) => {
    if (BEFORE_NUMPR.has(tagOf(n))) at = i + 1;
  });
  properties.splice(at, 0, numbering);
  return reference ? withChildren(reference, properties) : { 'w:pPr': properties };
}

/** acta's style with the reference style's paragraph and run properties in place of its own. */
function restyle(own: XmlNode, reference: XmlNode): XmlNode {
  const ownChildren = childrenOf(own);
  const pPr = paragraphProperties(child(childrenOf(reference), 'w:pPr'), child(ownChildren, 'w:pPr'));
  const rPr = child(childrenOf(reference), 'w:rPr');
  const rest = ownChildren.filter((n) => tagOf(n) !== 'w:pPr' && tagOf(n) !== 'w:rPr');
  // After the style's header elements (name, basedOn, next, link, uiPriority, qFormat…), before table properties.
  const tail = rest.findIndex((n) => TABLE_PARTS.has(tagOf(n)));
  const at = tail === -1 ? rest.length : tail;
  return withChildren(own, [...rest.slice(0, at), ...(pPr ? [pPr] : []), ...(rPr ? [rPr] : []), ...rest.slice(at)]);
}

export interface ReferenceResult {
  readonly styles: string;
  /** The ids of acta's styles that took the reference's look. */
  readonly restyled: readonly string[];
}

/** acta's styles part with the look of the reference's styles part (`word/styles.xml` of the user's document). */
export function applyReferenceStyles(own: string, reference: string): ReferenceResult {
  const ownTree = parseXml(own);
  const references = rootChildren(parseXml(reference), 'w:styles');
  const referenceStyles = references.filter((n) => tagOf(n) === 'w:style').map(entryOf);
  const defaults = child(references, 'w:docDefaults');
  const restyled: string[] = [];
  const children = rootChildren(ownTree, 'w:styles').map((node) => {
    if (tagOf(node) === 'w:docDefaults') return defaults ?? node;
    if (tagOf(node) !== 'w:style') return node;
    const entry = entryOf(node);
    const match =
      referenceStyles.find((r) => r.type === entry.type && r.name !== '' && r.name === entry.name) ?? referenceStyles.find((r) => r.type === entry.type && r.id === entry.id);
    if (!match) return node;
    restyled.push(entry.id);
    return restyle(node, match.node);
  });
  return { styles: buildXml(mapRoot(ownTree, 'w:styles', () => children)), restyled };
}
