// How acta reads Word's XML with fast-xml-parser, wherever it does (a DOCX brought back by `acta import`, the styles
// of a reference document): in document order, attributes by their own names, every text and value as written.

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
