// A translation's check: loads its original (named by `translation_of`) and compares the two
// numbered models; a missing or broken original is an error at the `translation_of` line.

import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { error, hasErrors, sortDiagnostics, type Diagnostic, type Place } from '../diagnostics.js';
import type { NumberedReport } from '../model.js';
import { alignReports, RULE } from './align-reports.js';

interface Numbered {
  readonly diagnostics: readonly Diagnostic[];
  readonly report: NumberedReport | null;
}

/** The original's folder as messages show it: `meetings/exemple-fr`, not `meetings/example-en/../exemple-fr`. */
export function originalDir(dir: string, translationOf: string): string {
  return path.normalize(path.join(dir, translationOf));
}

/** Checks a numbered translation against its original; `number` loads, parses and numbers a folder. */
export async function checkTranslation(dir: string, translation: Numbered & { report: NumberedReport }, number: (dir: string) => Promise<Numbered>): Promise<Numbered> {
  const report = translation.report;
  const relative = report.meta.translation_of ?? '';
  const written = report.settingPlaces.get('translation_of');
  const at: Place = { file: report.range.file, line: written?.line ?? 1, column: 1 };
  const folder = originalDir(dir, relative);
  const fail = (message: string): Numbered => {
    const diagnostics = sortDiagnostics([...translation.diagnostics, error(at, RULE, message)]);
    return { diagnostics, report: null };
  };
  if ((await realpathOrNull(folder)) === (await realpathOrNull(dir))) {
    return fail(`Unexpected \`translation_of: ${relative}\` naming this meeting itself, expected the folder of the original, relative to this one (such as \`../ptc-219-220\`)`);
  }
  const original = await number(folder);
  if (!original.report) {
    const missing = original.diagnostics.some((d) => ['no-such-folder', 'not-a-folder', 'missing-meeting'].includes(d.ruleId));
    if (missing) return fail(`Unexpected \`translation_of: ${relative}\`: there is no meeting folder at ${folder}, expected the folder of the original, relative to this one (such as \`../ptc-219-220\`)`);
    const errors = original.diagnostics.filter((d) => d.severity === 'error').length;
    return fail(`Unexpected original ${folder} with ${errors} error${errors === 1 ? '' : 's'}, expected an original that passes \`acta check ${folder}\` (fix it first)`);
  }
  return compared(translation, original.report);
}

/** Adds the comparison's errors to a translation's check. */
export function compared(translation: Numbered & { report: NumberedReport }, original: NumberedReport): Numbered {
  const diagnostics = sortDiagnostics([...translation.diagnostics, ...alignReports(original, translation.report)]);
  return { diagnostics, report: hasErrors(diagnostics) ? null : { ...translation.report, translationOf: original.meta.symbol } };
}

async function realpathOrNull(p: string): Promise<string | null> {
  try {
    return await realpath(p);
  } catch {
    return null;
  }
}
