// `acta align`: numbers an original and its translation, compares them and writes the page that shows them side by
// side, with every divergence printed. The page is written even when they diverge: showing where is its job.

import { alignReports } from '../align/align-reports.js';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import type { Outcome } from '../errors.js';
import { loadAlignedTemplates } from '../load/load-templates.js';
import type { NumberedReport } from '../model.js';
import { alignedFile } from '../output-names.js';
import { numberMeeting, outputFolder } from '../pipeline.js';
import { writeOutputs } from '../write/write-outputs.js';
import { refusedOutput, type Terminal } from './terminal.js';

export interface Aligned {
  readonly diagnostics: readonly Diagnostic[];
  /** The files written: none when either meeting has input errors of its own. */
  readonly written: readonly string[];
  /** true when the two editions have the same structure */
  readonly aligned: boolean;
}

/** The comparison and the page, from two numbered reports: no I/O. */
export async function renderAlignedPage(original: NumberedReport, translation: NumberedReport): Promise<{ diagnostics: Diagnostic[]; html: string }> {
  const { renderAligned } = await import('../render/html/render-aligned.js');
  const diagnostics = sortDiagnostics(alignReports(original, translation));
  return { diagnostics, html: renderAligned(original, translation, diagnostics, await loadAlignedTemplates()) };
}

/** Writes `{symbol}-aligned.html` (the translation's symbol) into `out/<translation folder>/`. */
export async function alignMeetings(originalDir: string, translationDir: string, out: string): Promise<Aligned> {
  const [original, translation] = await Promise.all([numberMeeting(originalDir), numberMeeting(translationDir)]);
  const own = [...original.diagnostics, ...translation.diagnostics];
  if (!original.report || !translation.report) return { diagnostics: own, written: [], aligned: false };
  const page = await renderAlignedPage(original.report, translation.report);
  const written = await writeOutputs(outputFolder(out, translationDir), [{ path: alignedFile(translation.report.meta.symbol), content: page.html }]);
  return { diagnostics: [...own, ...page.diagnostics], written, aligned: !hasErrors(page.diagnostics) };
}

export async function alignCommand(original: string, translation: string, options: { readonly out: string }, terminal: Terminal): Promise<Outcome> {
  if (await refusedOutput(options.out, [translation], terminal)) return 'usage';
  const result = await alignMeetings(original, translation, options.out);
  terminal.problems(result.diagnostics);
  for (const file of result.written) terminal.print(`${file}\n`);
  return result.aligned ? 'ok' : 'input';
}
