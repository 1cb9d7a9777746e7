// Issued numbers: `acta issue` records a report's numbering, `acta renumbering` says what moved since an earlier draft.

import path from 'node:path';
import { error, type Diagnostic } from '../diagnostics.js';
import { LOCK_FILE } from '../load/load-meeting.js';
import type { NumberedReport } from '../model.js';
import { reportData, toJson, type DecisionRecord } from '../render/json/render-json.js';
import type { Renumbering } from '../renumber/compare-numbering.js';
import * as z from 'zod/mini';
import { catalogFor, LANGUAGES } from '../i18n/labels.js';
import { renumberingFile, outputFolder } from '../output-names.js';
import { writeOutputs, type OutputFile } from '../write/write-outputs.js';
import { checkMeeting, numberLoaded } from './stages.js';

export interface Issued {
  readonly diagnostics: readonly Diagnostic[];
  /** null when the input has errors (nothing written). */
  readonly report: NumberedReport | null;
  /** What was recorded: `issued` the first time, `corrigendum` when the changes of a corrigendum were, `unchanged` when nothing had changed since. */
  readonly done: 'issued' | 'corrigendum' | 'unchanged' | null;
  readonly written: readonly string[];
}

/**
 * `acta issue`: records the report's numbering as it is now in the meeting folder, and says `status: issued` in
 * meeting.md. On an issued report with changes, the numbering with those changes (a corrigendum's) becomes the one
 * recorded, and the next corrigendum is numbered after it.
 */
export async function issueMeeting(dir: string): Promise<Issued> {
  const checked = await checkMeeting(dir);
  const report = checked.report;
  if (!report) return { diagnostics: checked.diagnostics, report: null, done: null, written: [] };
  const { formatRecord, recordNumbering } = await import('../number/record-numbering.js');
  const { markIssued } = await import('../write/mark-issued.js');
  const issue = report.issue;
  if (issue && issue.changes.length === 0) return { diagnostics: checked.diagnostics, report, done: 'unchanged', written: [] };
  // A record of numbers already issued is never replaced by today's numbers without the secretariat saying so.
  const earlier = checked.sources?.find((f) => f.path === LOCK_FILE);
  if (!issue && earlier) {
    const refused = error(
      { file: path.join(dir, LOCK_FILE), line: 1, column: 1 },
      'already-issued',
      `Unexpected record of numbers already issued, with a meeting.md that does not say \`status: issued\`, expected one or the other: add \`status: issued\` to meeting.md to keep the issued numbers (then \`acta issue\` records a corrigendum's), or delete ${LOCK_FILE} to issue the report afresh; nothing was written`,
    );
    return { diagnostics: [...checked.diagnostics, refused], report: null, done: null, written: [] };
  }
  const record = formatRecord(recordNumbering(report, issue ? issue.corrigendum : 0));
  const meeting = checked.sources?.find((f) => f.path === 'meeting.md');
  const files: OutputFile[] = [{ path: LOCK_FILE, content: record }];
  if (meeting && markIssued(meeting.text) !== meeting.text) files.push({ path: 'meeting.md', content: markIssued(meeting.text) });
  const written = await writeOutputs(dir, files);
  return { diagnostics: checked.diagnostics, report, done: issue ? 'corrigendum' : 'issued', written };
}

export interface Renumbered {
  readonly diagnostics: readonly Diagnostic[];
  /** null when either version has errors, or the earlier one is no report's data (nothing written). */
  readonly renumbering: Renumbering | null;
  readonly markdown: string;
  readonly written: readonly string[];
}

/** `acta renumbering`: what moved between an earlier version of the meeting and now, printed and written to `out/<folder>/`. */
export async function renumberMeeting(dir: string, since: string, out: string): Promise<Renumbered> {
  const [{ loadSince }, { compareNumbering, numberingOf, numberingOfData, referencesOf }, { formatRenumbering }] = await Promise.all([
    import('../load/load-since.js'),
    import('../renumber/compare-numbering.js'),
    import('../render/renumbering/format-renumbering.js'),
  ]);
  const none = { renumbering: null, markdown: '', written: [] };
  const checked = await checkMeeting(dir);
  if (!checked.report) return { diagnostics: checked.diagnostics, ...none };
  const earlier = await loadSince(dir, since);
  if ('problem' in earlier) return { diagnostics: [...checked.diagnostics, earlier.problem], ...none };
  let before;
  if (earlier.kind === 'json') {
    const data = readReportData(earlier.data);
    if (!data) return { diagnostics: [...checked.diagnostics, error({ file: since, line: 1, column: 1 }, 'bad-since', 'Unexpected JSON that is not the data of a report, expected the `{symbol}.json` an earlier build wrote')], ...none };
    before = numberingOfData(data, readDecisions(earlier.decisions));
  } else {
    const old = numberLoaded({ value: earlier.loaded, diagnostics: earlier.diagnostics });
    if (!old.report) return { diagnostics: [...checked.diagnostics, ...old.diagnostics.filter((d) => d.severity === 'error')], ...none };
    before = numberingOf(old.report);
  }
  const renumbering = compareNumbering(before, numberingOf(checked.report), referencesOf(checked.report));
  const markdown = formatRenumbering(renumbering, since, catalogFor(checked.report.meta.language));
  const written = await writeOutputs(outputFolder(out, dir), [
    { path: renumberingFile('md'), content: markdown },
    { path: renumberingFile('json'), content: toJson({ since, ...renumbering }) },
  ]);
  return { diagnostics: checked.diagnostics, renumbering, markdown, written };
}

const id = z.nullable(z.string());
const range = z.string();
/** What the comparison reads of an earlier build's report data (numberingOfData): anything else is not checked. */
const earlierReport = z.object({
  symbol: z.string(),
  language: z.enum(LANGUAGES),
  paragraphs: z.array(z.object({ number: z.nullable(z.union([z.number(), z.string()])), id, item: z.string(), text: z.string() })),
  items: z.array(z.object({ id, numeral: z.string(), range, subitems: z.array(z.object({ id, letter: z.string(), range })) })),
  annexes: z.array(z.object({ id, numeral: z.string() })),
});

/** An earlier build's report data, checked as far as the comparison reads it (null: not the data of a report). */
function readReportData(value: unknown): ReturnType<typeof reportData> | null {
  return earlierReport.safeParse(value).success ? (value as ReturnType<typeof reportData>) : null;
}

function readDecisions(value: unknown): DecisionRecord[] {
  const decisions = (value as { decisions?: unknown } | null)?.decisions;
  return Array.isArray(decisions) ? (decisions as DecisionRecord[]).filter((d) => typeof d?.stable_id === 'string' && typeof d.text === 'string') : [];
}
