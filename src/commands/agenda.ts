// `acta agenda`: the cover block and agenda table alone, DOCX and HTML, into OUT/<folder>/.

import type { Outcome } from '../errors.js';
import { DEFAULT_AGENDA_FORMATS, buildAgenda, openPrinterFor, prepareRenderEnv, type Format } from '../pipeline.js';
import { summaryLine } from './build.js';
import { refusedOutput, type Terminal } from './terminal.js';

export interface AgendaCommandOptions {
  readonly out: string;
  readonly public: boolean;
  readonly templates?: string;
  /** A Word document whose styles the DOCX takes (--reference-docx). */
  readonly referenceDocx?: string;
  /** DOCX and HTML unless given. */
  readonly formats?: readonly Format[];
}

export async function agendaCommand(dir: string, options: AgendaCommandOptions, terminal: Terminal): Promise<Outcome> {
  if (await refusedOutput(options.out, [dir], terminal)) return 'usage';
  const prepared = await prepareRenderEnv(options.templates, options.referenceDocx);
  terminal.problems(prepared.diagnostics);
  if (!prepared.env) return 'input';
  const formats = options.formats ?? DEFAULT_AGENDA_FORMATS;
  const printer = await openPrinterFor(formats);
  try {
    const env = printer ? { ...prepared.env, pdf: printer } : prepared.env;
    const built = await buildAgenda(dir, options.out, options.public ? 'public' : 'full', env, formats);
    terminal.problems(built.diagnostics);
    terminal.print(summaryLine(dir, options.out, { diagnostics: built.diagnostics, ok: built.report !== null, written: built.written.length }));
    return built.report ? 'ok' : 'input';
  } finally {
    await printer?.close();
  }
}
