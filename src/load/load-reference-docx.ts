// --reference-docx FILE: the styles part of the user's Word document, read once for a whole command.

import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { childrenOf, rawAttributeOf, tagOf, tooDeep, WORD_XML, type XmlNode } from '../xml.js';
import { strFromU8 } from 'fflate';
import { error, type Diagnostic, type Result } from '../diagnostics.js';
import { InputRefused, readBoundedFile } from './read-input.js';
import { readZip, ZipRefused } from './read-zip.js';

const STYLES = 'word/styles.xml';
const MB = 1024 * 1024;
/** A styles part is a few hundred kilobytes at most; a larger entry is not one. */
const MAX_STYLES = 16 * MB;
/** A Word document with its pictures: far above any house template. */
export const MAX_REFERENCE = 64 * MB;

export async function loadReferenceStyles(file: string): Promise<Result<string | null>> {
  const fail = (ruleId: string, message: string): Result<null> => ({ value: null, diagnostics: [error({ file, line: 1, column: 1 }, ruleId, message)] as Diagnostic[] });
  let bytes: Uint8Array;
  try {
    bytes = await readBoundedFile(file, MAX_REFERENCE);
  } catch (e) {
    const why = e instanceof InputRefused ? ` (${e.message})` : '';
    return fail('no-reference-docx', `Unexpected reference document that cannot be read${why}, expected a Word document (.docx) whose styles the DOCX takes`);
  }
  try {
    const styles = readZip(bytes, (name) => name === STYLES, { entries: 5000, entry: MAX_STYLES, total: MAX_STYLES }).get(STYLES);
    if (styles !== undefined) return checked(strFromU8(styles));
  } catch (e) {
    // A zip bomb is said so; a file that is no zip is reported below, as a document without styles.
    if (e instanceof ZipRefused && !/readable zip/.test(e.message)) return fail('bad-reference-docx', `Unexpected reference document: ${e.message}; expected a Word document (.docx)`);
  }
  return fail('bad-reference-docx', 'Unexpected reference document without a styles part (word/styles.xml), expected a Word document (.docx), such as the one `acta reference-docx FILE` writes');

  /** The styles part, once it is known to be well-formed XML with no DOCTYPE (Word never writes one), so the DOCX writer can read it. */
  function checked(styles: string): Result<string | null> {
    if (/<!DOCTYPE|<!ENTITY/i.test(styles)) return fail('bad-reference-docx', `Unexpected reference document whose styles part (${STYLES}) declares a DOCTYPE or entities, expected a Word document (.docx): Word never writes one`);
    const valid = XMLValidator.validate(styles);
    if (valid === true) {
      // Parsed as the DOCX writer will parse it: elements nested past the limit stop it here, before anything is written.
      try {
        new XMLParser(WORD_XML).parse(styles);
      } catch (e) {
        const deep = tooDeep(e);
        if (deep !== null) return fail('bad-reference-docx', `Unexpected reference document whose styles part (${STYLES}) has ${deep}, expected a Word document (.docx) as Word saves it`);
        throw e;
      }
      const hiding = hidingStyle(styles);
      if (hiding === null) return { value: styles, diagnostics: [] };
      return fail('bad-reference-docx', `Unexpected ${hiding.style} in the reference document, which makes text ${hiding.how}, expected a style that changes fonts, sizes, colours and spacing only: text in it would be printed yet unreadable (refused)`);
    }
    const { msg, line, col } = valid.err;
    return fail('bad-reference-docx', `Unexpected reference document whose styles part (${STYLES}) is not well-formed XML (line ${line}, column ${col}: ${msg}), expected a Word document (.docx) as Word saves it`);
  }
}

const valueOf = (node: XmlNode, name = 'w:val'): string | undefined => rawAttributeOf(node, name);
const OFF = new Set(['0', 'false', 'off']);
/** Half-points: 12 is 6 pt, below which no one reads a printed word. */
const SMALLEST = 12;

/**
 * The first style (or the document defaults) whose run properties hide text (`w:vanish`,
 * `w:specVanish`), make it white or nearly (on paper's white) or smaller than 6 pt; null when none does.
 * A reference restyles what acta prints: such a style would print a paragraph no one can read.
 */
function hidingStyle(styles: string): { readonly style: string; readonly how: string } | null {
  const tree = new XMLParser(WORD_XML).parse(styles, true) as XmlNode[];
  const root = tree.find((n) => tagOf(n) === 'w:styles');
  if (!root) return null;
  const places: { readonly style: string; readonly rPr: XmlNode }[] = [];
  for (const node of childrenOf(root)) {
    if (tagOf(node) === 'w:docDefaults') {
      for (const d of childrenOf(node)) for (const r of childrenOf(d)) if (tagOf(r) === 'w:rPr') places.push({ style: 'document defaults', rPr: r });
    } else if (tagOf(node) === 'w:style') {
      const name = childrenOf(node).find((n) => tagOf(n) === 'w:name');
      const shown = `style \`${(name && valueOf(name)) ?? valueOf(node, 'w:styleId') ?? '?'}\``;
      for (const r of childrenOf(node)) if (tagOf(r) === 'w:rPr') places.push({ style: shown, rPr: r });
    }
  }
  for (const { style, rPr } of places) {
    for (const p of childrenOf(rPr)) {
      const tag = tagOf(p);
      const val = valueOf(p);
      if ((tag === 'w:vanish' || tag === 'w:specVanish') && !OFF.has(val ?? '')) return { style, how: 'hidden' };
      if (tag === 'w:color' && /^[0-9a-f]{6}$/i.test(val ?? '') && [0, 2, 4].every((i) => parseInt(val!.slice(i, i + 2), 16) >= 0xf0)) return { style, how: `white (colour ${val})` };
      if ((tag === 'w:sz' || tag === 'w:szCs') && Number(val) < SMALLEST) return { style, how: `tiny (${Number(val) / 2} pt)` };
    }
  }
  return null;
}
