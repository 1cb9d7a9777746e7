// --reference-docx FILE: the styles part of the user's Word document, read once for a whole command.

import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import { error, type Diagnostic, type Result } from '../diagnostics.js';
import { formatMegabytes, LIMITS } from '../limits.js';
import { tooDeep, WORD_XML } from '../xml.js';
import { describeNotAFile, readRegularFile } from './regular-file.js';

const STYLES = 'word/styles.xml';
/** A styles part is a few hundred kilobytes at most; a larger entry is not one. */
const MAX_STYLES = 16 * 1024 * 1024;

export async function loadReferenceStyles(file: string): Promise<Result<string | null>> {
  const fail = (ruleId: string, message: string): Result<null> => ({ value: null, diagnostics: [error({ file, line: 1, column: 1 }, ruleId, message)] as Diagnostic[] });
  // A pipe or a device is refused from what it is, never opened and waited on.
  const read = await readRegularFile(file, LIMITS.wordBytes);
  if (read.refused?.kind === 'not-a-file') return fail('no-reference-docx', `Unexpected ${describeNotAFile(read.refused.what)} as the reference document, expected a Word document (.docx) whose styles the DOCX takes`);
  if (read.refused?.kind === 'too-large') return fail('bad-reference-docx', `Unexpected reference document of ${formatMegabytes(read.refused.size)}, expected a Word document (.docx) of at most ${formatMegabytes(LIMITS.wordBytes)}`);
  if (read.refused) return fail('no-reference-docx', 'Unexpected reference document that cannot be read, expected a Word document (.docx) whose styles the DOCX takes');
  const bytes = new Uint8Array(read.bytes.buffer, read.bytes.byteOffset, read.bytes.byteLength);
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
    if (valid === true) {
      // Parsed as the DOCX writer will parse it: elements nested past the limit stop it there, before anything is written.
      try {
        new XMLParser(WORD_XML).parse(styles);
      } catch (e) {
        const deep = tooDeep(e);
        if (deep !== null) return fail('bad-reference-docx', `Unexpected reference document whose styles part (${STYLES}) has ${deep}, expected a Word document (.docx) as Word saves it`);
        throw e;
      }
      return { value: styles, diagnostics: [] };
    }
    const { msg, line, col } = valid.err;
    return fail('bad-reference-docx', `Unexpected reference document whose styles part (${STYLES}) is not well-formed XML (line ${line}, column ${col}: ${msg}), expected a Word document (.docx) as Word saves it`);
  }
}
