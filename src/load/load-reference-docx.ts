// --reference-docx FILE: the styles part of the user's Word document, read once for a whole command.

import { readFile } from 'node:fs/promises';
import { XMLValidator } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import { error, type Diagnostic, type Result } from '../diagnostics.js';

const STYLES = 'word/styles.xml';
/** A styles part is a few hundred kilobytes at most; a larger entry is not one. */
const MAX_STYLES = 16 * 1024 * 1024;

export async function loadReferenceStyles(file: string): Promise<Result<string | null>> {
  const fail = (ruleId: string, message: string): Result<null> => ({ value: null, diagnostics: [error({ file, line: 1, column: 1 }, ruleId, message)] as Diagnostic[] });
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch {
    return fail('no-reference-docx', 'Unexpected reference document that cannot be read, expected a Word document (.docx) whose styles the DOCX takes');
  }
  try {
    const parts = unzipSync(bytes, { filter: (entry) => entry.name === STYLES && entry.originalSize <= MAX_STYLES });
    const styles = parts[STYLES];
    if (styles !== undefined) return checked(strFromU8(styles));
  } catch {
    // not a zip: reported below, as a document without styles
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
