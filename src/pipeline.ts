// Composes the stages: load → parse → number → (public filter) → render → write.

import path from 'node:path';
import { hasErrors, sortDiagnostics, type Diagnostic } from './diagnostics.js';
import { loadMeeting } from './load/load-meeting.js';
import type { NumberedReport } from './model.js';
import { numberReport } from './number/number-report.js';
import { parseMeeting } from './parse/parse-meeting.js';
import { loadTemplates } from './load/load-templates.js';
import { acceptChanges } from './public/accept-changes.js';
import { extractAnnex } from './public/extract-annex.js';
import { filterPublic } from './public/filter-public.js';
import type { CompiledTemplates } from './render/html/render-html.js';
import { decisionsData, reportData, toJson } from './render/json/render-json.js';
import { OutputWriter, type OutputFile } from './write/write-outputs.js';

import { FORMATS, type Format } from './formats.js';

export { FORMATS, type Format };

export interface BuildOptions {
  readonly formats: readonly Format[];
  readonly publicOnly: boolean;
  readonly acceptChanges: boolean;
  /** A user's copy of templates/ (--templates). */
  readonly templates?: string;
}

/** What renderers share across meetings: compiled once per process. */
export interface RenderEnv {
  readonly html: CompiledTemplates;
}

export async function prepareRenderEnv(templatesDir?: string): Promise<{ env: RenderEnv | null; diagnostics: Diagnostic[] }> {
  // Loaded on first use, so `check` and `decisions` never load the writers.
  const { compileTemplates } = await import('./render/html/render-html.js');
  const loaded = await loadTemplates(templatesDir);
  if (!loaded.value) return { env: null, diagnostics: [...loaded.diagnostics] };
  const compiled = compileTemplates(loaded.value);
  if (!compiled.value) return { env: null, diagnostics: compiled.diagnostics };
  return { env: { html: compiled.value }, diagnostics: [] };
}

export interface Checked {
  readonly diagnostics: readonly Diagnostic[];
  /** null when the input has errors */
  readonly report: NumberedReport | null;
}

/** Loads, parses and numbers a meeting: everything `check` needs. */
export async function checkMeeting(dir: string): Promise<Checked> {
  const loaded = await loadMeeting(dir);
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];
  if (!loaded.value.meeting) return { diagnostics: sortDiagnostics(diagnostics), report: null };
  const parsed = parseMeeting(loaded.value);
  diagnostics.push(...parsed.diagnostics);
  if (!parsed.value) return { diagnostics: sortDiagnostics(diagnostics), report: null };
  const numbered = numberReport(parsed.value);
  diagnostics.push(...numbered.diagnostics);
  const sorted = sortDiagnostics(diagnostics);
  return { diagnostics: sorted, report: hasErrors(sorted) ? null : numbered.value };
}

/** What a document holds: the whole report, one annex alone, or the cover and agenda table. */
export type Part = 'report' | 'annex' | 'agenda';

type Renderer = (report: NumberedReport, name: string, env: RenderEnv, part: Part) => Promise<OutputFile[]> | OutputFile[];

const layout = (part: Part) => ({ annexesOnly: part === 'annex', agendaOnly: part === 'agenda' });

/** One renderer per format; each gets an edition (full or public) and names its files. */
const renderers: Readonly<Record<Format, Renderer>> = {
  docx: async (report, name, _env, part) => {
    const { renderDocx } = await import('./render/docx/render-docx.js');
    return [{ path: `${name}.docx`, content: await renderDocx(report, layout(part)) }];
  },
  html: async (report, name, env, part) => {
    const { renderHtml } = await import('./render/html/render-html.js');
    return [{ path: `${name}.html`, content: renderHtml(report, env.html, layout(part)) }];
  },
  // The annexes alone and the agenda are documents to read: their data is the report's JSON.
  json: (report, name, _env, part) => (part === 'report' ? [{ path: `${name}.json`, content: toJson(reportData(report)) }] : []),
};

export type Edition = 'full' | 'public';

/** Receives each file as soon as it is rendered, so a large meeting never holds all its outputs at once. */
export type Emit = (file: OutputFile) => Promise<void>;

/** Renders one edition's files: the report, each annex alone, the decisions register. */
export async function renderEdition(report: NumberedReport, edition: Edition, options: BuildOptions, env: RenderEnv, emit: Emit): Promise<void> {
  const symbol = report.meta.symbol;
  const shown = edition === 'public' ? filterPublic(report) : report;
  const suffix = edition === 'public' ? '-public' : '';
  for (const format of options.formats) {
    const render = renderers[format];
    for (const file of await render(shown, `${symbol}${suffix}`, env, 'report')) await emit(file);
    // Each annex alone; a restricted annex has no public file at all.
    for (const annex of shown.annexes) {
      if (edition === 'public' && annex.visibility === 'restricted') continue;
      for (const file of await render(extractAnnex(shown, annex), `annexes/annex-${annex.numeral}${suffix}`, env, 'annex')) await emit(file);
    }
  }
  if (options.formats.includes('json')) await emit({ path: `decisions${suffix}.json`, content: toJson(decisionsData(shown)) });
}

/** Renders every requested file of a checked meeting, handing each to `emit`. */
export async function renderMeeting(numbered: NumberedReport, options: BuildOptions, env: RenderEnv, emit: Emit): Promise<void> {
  const report = options.acceptChanges ? acceptChanges(numbered) : numbered;
  if (!options.publicOnly) await renderEdition(report, 'full', options, env, emit);
  await renderEdition(report, 'public', options, env, emit);
}

/** The cover block and agenda table alone (`acta agenda`), DOCX and HTML. */
export async function renderAgenda(numbered: NumberedReport, options: { readonly public: boolean }, env: RenderEnv): Promise<OutputFile[]> {
  const report = options.public ? filterPublic(numbered) : numbered;
  const name = `${report.meta.symbol}-agenda${options.public ? '-public' : ''}`;
  return [...(await renderers.docx(report, name, env, 'agenda')), ...(await renderers.html(report, name, env, 'agenda'))];
}

export interface Built extends Checked {
  readonly written: readonly string[];
}

/** Builds one meeting into `out/<folder name>/`; a meeting with errors writes nothing. */
export async function buildMeeting(dir: string, out: string, options: BuildOptions, env: RenderEnv): Promise<Built> {
  const checked = await checkMeeting(dir);
  if (!checked.report) return { ...checked, written: [] };
  const writer = new OutputWriter(path.join(out, meetingName(dir)));
  try {
    await renderMeeting(checked.report, options, env, (file) => writer.add(file));
  } catch (e) {
    await writer.abort();
    throw e;
  }
  // An annex that became restricted, or was removed, must not leave last build's file behind.
  const built = new Set<string>(options.formats);
  const stale = (relative: string) => {
    const m = /^annexes\/annex-[IVXLCDM]+(-public)?\.(\w+)$/.exec(relative);
    return m !== null && built.has(m[2]!) && (m[1] !== undefined || !options.publicOnly);
  };
  const written = await writer.commit({ stale });
  return { ...checked, written };
}

export function meetingName(dir: string): string {
  return path.basename(path.resolve(dir));
}
