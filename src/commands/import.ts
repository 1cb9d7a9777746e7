// `acta import FILE.docx --into DIR`: brings the edits made in Word back into the meeting's Markdown.

import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { error, warning, type Diagnostic } from '../diagnostics.js';
import type { Outcome } from '../errors.js';
import { importDocx, unifiedDiff } from '../import/import-docx.js';
import { LIMITS, RefusedDocx } from '../import/read-docx.js';
import { checkMeeting } from '../pipeline.js';
import { OutputWriter } from '../write/write-outputs.js';
import type { Terminal } from './terminal.js';

export interface ImportOptions {
  readonly into: string;
  readonly dryRun: boolean;
}

export async function importCommand(file: string, options: ImportOptions, terminal: Terminal): Promise<Outcome> {
  const refuse = (reason: string): Outcome => {
    terminal.problems([error({ file, line: 1, column: 1 }, 'import-refused', `Unexpected file: ${reason}`)]);
    return 'input';
  };
  const checked = await checkMeeting(options.into);
  terminal.problems(checked.diagnostics);
  if (!checked.report) return 'input';
  let bytes: Uint8Array;
  try {
    const info = await stat(file);
    if (!info.isFile()) return refuse('it is not a file; expected a .docx file');
    if (info.size > LIMITS.file) return refuse(`it is ${Math.round(info.size / 1024 / 1024)} MB, more than any report can be; expected the DOCX acta built`);
    bytes = new Uint8Array(await readFile(file));
  } catch {
    return refuse('there is no such file; expected the DOCX acta built from this meeting');
  }
  let result;
  try {
    result = await importDocx(bytes, checked.report);
  } catch (e) {
    if (e instanceof RefusedDocx) return refuse(e.message);
    throw e;
  }
  const warnings: Diagnostic[] = result.warnings.map((w) => warning(w.range, 'import-not-brought-back', w.message));
  terminal.problems(warnings);
  const root = path.resolve(options.into);
  if (options.dryRun) {
    terminal.print(unifiedDiff(result.files));
    return 'ok';
  }
  const writer = new OutputWriter(root);
  for (const [name, { after }] of result.files) {
    const relative = path.relative(root, path.resolve(name));
    // The model only names files of the meeting; anything else is never written.
    if (relative.startsWith('..') || path.isAbsolute(relative)) return refuse(`an edit maps outside ${options.into}`);
    await writer.add({ path: relative.split(path.sep).join('/'), content: after });
  }
  await writer.commit();
  const c = result.counts;
  terminal.print(
    `${options.into}: ${result.files.size} file(s) changed; paragraphs: ${c.inserted} inserted, ${c.deleted} deleted, ${c.changed} changed; ${c.tracked} tracked change(s) and ${c.comments} comment(s) brought in\n`,
  );
  return 'ok';
}
