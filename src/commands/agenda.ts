// `acta agenda`: the cover block and agenda table alone, DOCX and HTML, into OUT/<folder>/.

import type { Outcome } from '../errors.js';
import { buildAgenda, prepareRenderEnv } from '../pipeline.js';
import type { Terminal } from './terminal.js';

export interface AgendaCommandOptions {
  readonly out: string;
  readonly public: boolean;
  readonly templates?: string;
}

export async function agendaCommand(dir: string, options: AgendaCommandOptions, terminal: Terminal): Promise<Outcome> {
  const prepared = await prepareRenderEnv(options.templates);
  terminal.problems(prepared.diagnostics);
  if (!prepared.env) return 'input';
  const built = await buildAgenda(dir, options.out, options.public ? 'public' : 'full', prepared.env);
  terminal.problems(built.diagnostics);
  return built.report ? 'ok' : 'input';
}
