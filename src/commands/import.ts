// `acta import FILE.docx --into DIR`: merges the edits made in Word to a DOCX acta built into the meeting's Markdown.

import path from 'node:path';
import { error, shortened, warning, type Diagnostic } from '../diagnostics.js';
import type { Outcome } from '../errors.js';
import { importDocx, unifiedDiff } from '../import/import-docx.js';
import { LIMITS, RefusedDocx } from '../import/read-docx.js';
import { describeNotAFile, readRegularFile } from '../load/read-input.js';
import { checkMeeting } from '../pipeline.js';
import { OutputWriter } from '../write/write-outputs.js';
import { countOf, type Terminal } from './terminal.js';

export interface ImportOptions {
  readonly into: string;
  readonly dryRun: boolean;
  /** `mark`: write both sides of each conflict as CriticMarkup; `stop` (the default): report them and write nothing. */
  readonly conflicts: 'stop' | 'mark';
  readonly baseIsCurrent: boolean;
}


export async function importCommand(file: string, options: ImportOptions, terminal: Terminal): Promise<Outcome> {
  const refuse = (reason: string): Outcome => {
    terminal.problems([error({ file, line: 1, column: 1 }, 'import-refused', `Unexpected file: ${reason}`)]);
    return 'input';
  };
  const checked = await checkMeeting(options.into);
  terminal.problems(checked.diagnostics);
  if (!checked.report || !checked.sources) return 'input';
  // Opened without waiting, so a pipe or a device is refused at once rather than waited on.
  const read = await readRegularFile(file, LIMITS.file);
  if (read.refused) {
    switch (read.refused.kind) {
      case 'not-a-file':
        return refuse(`it is not a file (${describeNotAFile(read.refused.what)}); expected a .docx file`);
      case 'too-large':
        return refuse(`it is ${Math.round(read.refused.size / 1024 / 1024)} MB, more than any report can be; expected the DOCX acta built`);
      case 'unreadable':
        return refuse('it cannot be read; expected the DOCX acta built from this meeting');
      case 'missing':
        return refuse('there is no such file; expected the DOCX acta built from this meeting');
    }
  }
  const bytes = new Uint8Array(read.bytes.buffer, read.bytes.byteOffset, read.bytes.byteLength);
  let result;
  try {
    result = await importDocx(bytes, { dir: options.into, report: checked.report, sources: checked.sources, diagnostics: checked.diagnostics, ...(checked.images ? { images: checked.images } : {}) }, { conflicts: options.conflicts, baseIsCurrent: options.baseIsCurrent });
  } catch (e) {
    if (e instanceof RefusedDocx) return refuse(e.message);
    throw e;
  }
  const warnings: Diagnostic[] = result.warnings.map((w) => warning(w.range, 'import-not-brought-back', w.message));
  const conflicts: Diagnostic[] = result.conflicts.map((c) =>
    (options.conflicts === 'mark' ? warning : error)(
      { file: c.file, line: c.line, column: c.column },
      'import-conflict',
      `Unexpected conflict: the Markdown now reads «${shorten(c.ours)}» where ${result.reviewer}'s copy reads «${shorten(c.theirs)}», expected one of them${options.conflicts === 'mark' ? ': both are written as CriticMarkup, keep one' : ': nothing was written; decide in the Markdown, or run again with --conflicts mark to have both written as CriticMarkup'}`,
    ),
  );
  terminal.problems([...warnings, ...conflicts]);
  if (result.conflicts.length > 0 && options.conflicts !== 'mark') return 'input';
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
  const from = result.base === 'file' ? '' : result.base === 'cache' ? ' (its base from the copy kept on this computer)' : ' (its base: the Markdown as it is now)';
  terminal.print(
    `${options.into}: ${countOf(result.files.size, 'file', 'files')} changed${from}; paragraphs: ${c.inserted} inserted, ${c.deleted} deleted, ${c.changed} changed; ${countOf(c.tracked, 'tracked change', 'tracked changes')} and ${countOf(c.comments, 'comment', 'comments')} brought in${result.conflicts.length ? `; ${countOf(result.conflicts.length, 'conflict', 'conflicts')} marked` : ''}\n`,
  );
  return 'ok';
}

function shorten(text: string): string {
  return shortened(text.trim(), 120) || '(nothing)';
}
