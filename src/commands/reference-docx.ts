// `acta reference-docx FILE`: acta's own reference document, for a user to restyle in Word and pass to --reference-docx.

import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Outcome } from '../errors.js';
import type { Language } from '../i18n/labels.js';
import { renderReferenceDocx } from '../render/docx/reference-docx.js';
import { writeOutputs } from '../write/write-outputs.js';
import type { Terminal } from './terminal.js';

export async function referenceDocxCommand(file: string, language: Language, terminal: Terminal): Promise<Outcome> {
  // A folder where the file should be named is wrong usage, said as such (writing into it would be refused as a path outside its parent).
  const isFolder = /[\\/]$/.test(file) || (await stat(file).then((s) => s.isDirectory(), () => false));
  if (isFolder) {
    terminal.complain(`acta: ${file} is a folder; expected the path of the .docx file to write, such as ${path.join(file, 'reference.docx')}\n`);
    return 'usage';
  }
  await writeOutputs(path.dirname(file), [{ path: path.basename(file), content: await renderReferenceDocx(language) }]);
  terminal.print(`${file}: acta's styles, one paragraph each; change them in Word (Modify Style), then build with --reference-docx ${file}\n`);
  return 'ok';
}
