// Many sessions at once: the decisions of a meeting as `acta decisions` prints them, and the register of an archive.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { loadRegisterTemplates } from '../load/load-templates.js';
import { findMeetings } from '../load/load-archive.js';
import { buildRegister, type ArchiveMeeting } from '../register/build-register.js';
import type { MeetingDecisions } from '../render/decisions/format-decisions.js';
import { decisionRecords } from '../render/json/render-json.js';
import { meetingName, registerFile, reportFile, type Edition } from '../output-names.js';
import { writeOutputs, type OutputFile } from '../write/write-outputs.js';
import { editionOf } from './render-outputs.js';
import { type Checked, checkMeeting } from './stages.js';

export interface CheckedDecisions extends Checked {
  /** null when the input has errors */
  readonly register: MeetingDecisions | null;
  /** The actions each working document of the edition expects from the committee, one register a document. */
  readonly actions: readonly MeetingDecisions[];
}

/** `acta decisions`: the decisions register of one edition of a meeting. */
export async function meetingDecisions(dir: string, edition: Edition): Promise<CheckedDecisions> {
  const checked = await checkMeeting(dir);
  if (!checked.report) return { ...checked, register: null, actions: [] };
  const shown = editionOf(checked.report, edition);
  const actions = shown.documents.map((d) => ({ symbol: d.meta.symbol, decisions: decisionRecords(d) }));
  return { ...checked, register: { symbol: shown.meta.symbol, decisions: decisionRecords(shown) }, actions };
}

export interface RegisterResult {
  readonly diagnostics: readonly Diagnostic[];
  /** The files written, relative to the output folder; none when the archive has errors. */
  readonly written: readonly string[];
  readonly sessions: number;
  readonly decisions: number;
}

/** `acta register`: the decisions of every session of the archives, with their links and status, into `out/`. */
export async function registerArchive(paths: readonly string[], out: string, edition: 'full' | 'public'): Promise<RegisterResult> {
  const found = await findMeetings(paths);
  const diagnostics: Diagnostic[] = [...found.diagnostics];
  const meetings: ArchiveMeeting[] = [];
  for (const dir of found.value) {
    const checked = await checkMeeting(dir);
    for (const d of checked.diagnostics) diagnostics.push(d);
    if (checked.report) meetings.push({ dir, report: checked.report });
  }
  const none = { written: [], sessions: 0, decisions: 0 };
  // A register with a session missing would read as complete: none is written.
  if (hasErrors(diagnostics)) return { diagnostics, ...none };
  const { register, diagnostics: linkProblems } = buildRegister(meetings, edition);
  for (const d of sortDiagnostics(linkProblems)) diagnostics.push(d);
  if (hasErrors(diagnostics)) return { diagnostics, ...none };
  // Each decision links to its paragraph in the session's report when that report was built beside the register.
  const reports = new Map<string, string>();
  for (const session of register.sessions) {
    const href = path.posix.join(meetingName(session.dir), reportFile(session.symbol, edition, 'html'));
    if (existsSync(path.join(out, href))) reports.set(session.symbol, href);
  }
  const [{ registerCsv, registerJson }, { renderRegisterHtml }] = await Promise.all([import('../render/register/register-data.js'), import('../render/register/render-register-html.js')]);
  const files: OutputFile[] = [
    { path: registerFile(edition, 'html'), content: renderRegisterHtml(register, reports, await loadRegisterTemplates()) },
    { path: registerFile(edition, 'json'), content: registerJson(register) },
    { path: registerFile(edition, 'csv'), content: registerCsv(register) },
  ];
  const written = await writeOutputs(out, files);
  return { diagnostics, written, sessions: register.sessions.length, decisions: register.decisions.length };
}
