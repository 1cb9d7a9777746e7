// `acta align`: numbers an original and its translation, compares them and writes the page that
// shows them side by side. The page is written even when they diverge: showing where is its job.

import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { loadAlignedTemplates } from '../load/load-templates.js';
import type { NumberedReport } from '../model.js';
import { numberMeeting, outputFolder } from '../pipeline.js';
import { alignedFile } from '../write/output-names.js';
import { writeOutputs } from '../write/write-outputs.js';
import { alignReports } from './align-reports.js';

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
