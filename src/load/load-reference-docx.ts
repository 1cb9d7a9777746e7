// --reference-docx FILE: the styles part of the user's Word document, read once for a whole command.

import { XMLValidator } from 'fast-xml-parser';
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
    if (valid === true) return { value: styles, diagnostics: [] };
    const { msg, line, col } = valid.err;
    return fail('bad-reference-docx', `Unexpected reference document whose styles part (${STYLES}) is not well-formed XML (line ${line}, column ${col}: ${msg}), expected a Word document (.docx) as Word saves it`);
  }
}
