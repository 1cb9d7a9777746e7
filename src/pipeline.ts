// Composes the stages: load → parse → number → (public filter) → render → write (or print).

import { existsSync } from 'node:fs';
import path from 'node:path';
import { checkTranslation } from './align/check-translation.js';
import { error, hasErrors, sortDiagnostics, warning, type Diagnostic } from './diagnostics.js';
import { loadMeeting, LOCK_FILE, type LoadedMeeting } from './load/load-meeting.js';
import type { NumberedReport } from './model.js';
import { numberReport } from './number/number-report.js';
import type { TreeCache } from './parse/create-processor.js';
import { parseMeeting } from './parse/parse-meeting.js';
import { loadReferenceStyles } from './load/load-reference-docx.js';
import { loadRegisterTemplates, loadTemplates, templateText } from './load/load-templates.js';
import { findMeetings, readNeighbourMeetings } from './load/load-archive.js';
import { neighbourSessions } from './parse/frontmatter.js';
import type { WorkFacts } from './render/akn/akn-ids.js';
import { buildRegister, type ArchiveMeeting } from './register/build-register.js';
import { acceptChanges } from './public/accept-changes.js';
import { extractAnnex } from './public/extract-annex.js';
import { filterPublic } from './public/filter-public.js';
import { corrigendumOf } from './public/corrigendum.js';
import type { CompiledTemplates } from './render/html/render-html.js';
import type { MeetingDecisions } from './render/decisions/format-decisions.js';
import { corrigendumData, decisionRecords, decisionsData, reportData, toJson, type DecisionRecord } from './render/json/render-json.js';
import type { Renumbering } from './renumber/compare-numbering.js';
import * as z from 'zod/mini';
import { catalogFor, LANGUAGES } from './i18n/labels.js';
import { agendaFile, annexFile, corrigendumFile, decisionsFile, renumberingFile, meetingName, registerFile, documentAnnexFile, documentFile, editionsOf, formatsOfPart, outputFolder, partHasFormat, possibleAnnexFiles, reportFile, type Edition, type Part } from './output-names.js';
import { sha256 } from './hash.js';
import { buildKey, lastOutputs, remember, sourcesKey, upToDate, usesCache, type OutputRecord } from './write/build-cache.js';
import { renderKey } from './write/render-key.js';
import { keepTrees, keptTrees } from './write/kept-trees.js';
import { keepBases } from './write/base-cache.js';
import { lockOutputFolder } from './write/output-lock.js';
import { OutputWriter, writeOutputs, type OutputFile } from './write/write-outputs.js';

import { FORMATS, type BuildOptions, type Format } from './formats.js';
import type { PdfPrinter } from './render/pdf/print-pdf.js';
import { makeBase, type BaseFile, type BuildBase } from './render/docx/base-part.js';
import packageJson from '../package.json' with { type: 'json' };

export { FORMATS, type Edition, type Format };
/** The register of one or many meetings, as `acta decisions` prints it. */
export { formatDecisions as renderDecisions } from './render/decisions/format-decisions.js';

/** What renderers share across meetings: compiled once per process. */
export interface RenderEnv {
  readonly html: CompiledTemplates;
  /** The templates' text, as loaded: part of the build cache's key. */
  readonly templates: unknown;
  /** The styles part of the reference document (--reference-docx), when there is one. */
  readonly referenceStyles?: string;
  /** The build's browser, when PDF is asked for (see openPrinterFor). */
  readonly pdf?: PdfPrinter;
  /** The sessions beside the meeting, by symbol, when Akoma Ntoso is asked for: what its decisions' links name. */
  readonly sessions?: ReadonlyMap<string, WorkFacts>;
}

/**
 * The browser that prints the PDF files, started once for a whole command when its formats include
 * PDF; null otherwise. Throws BrowserUnavailable, before anything is rendered, when there is none.
 */
export async function openPrinterFor(formats: readonly Format[]): Promise<PdfPrinter | null> {
  if (!formats.includes('pdf')) return null;
  const { openPrinter } = await import('./render/pdf/print-pdf.js');
  return openPrinter();
}

export async function prepareRenderEnv(templatesDir?: string, referenceDocx?: string): Promise<{ env: RenderEnv | null; diagnostics: Diagnostic[] }> {
  // Loaded on first use, so `check` and `decisions` never load the writers.
  const { compileTemplates } = await import('./render/html/render-html.js');
  const loaded = await loadTemplates(templatesDir);
  if (!loaded.value) return { env: null, diagnostics: [...loaded.diagnostics] };
  const compiled = compileTemplates(loaded.value);
  if (!compiled.value) return { env: null, diagnostics: compiled.diagnostics };
  if (referenceDocx === undefined) return { env: { html: compiled.value, templates: templateText(loaded.value) }, diagnostics: [] };
  const reference = await loadReferenceStyles(referenceDocx);
  if (reference.value === null) return { env: null, diagnostics: [...reference.diagnostics] };
  return { env: { html: compiled.value, templates: templateText(loaded.value, reference.value), referenceStyles: reference.value }, diagnostics: [] };
}

export interface Checked {
  readonly diagnostics: readonly Diagnostic[];
  /** null when the input has errors */
  readonly report: NumberedReport | null;
  /** The meeting's Markdown as read, each file by its path relative to the meeting folder: what a DOCX carries as its base. */
  readonly sources?: readonly BaseFile[];
  /** Its pictures as read, by path (`images/map.png`): what an import renders the base with. */
  readonly images?: ReadonlyMap<string, Uint8Array | null>;
}

/** Loads, parses and numbers a meeting, and compares a translation with its original: everything `check` needs. */
export async function checkMeeting(dir: string, trees?: TreeCache): Promise<Checked> {
  const checked = await numberMeeting(dir, trees);
  if (!checked.report?.meta.translation_of) return checked;
  const compared = await checkTranslation(dir, { ...checked, report: checked.report }, numberMeeting);
  return { ...compared, ...(checked.sources ? { sources: checked.sources } : {}), ...(checked.images ? { images: checked.images } : {}) };
}

/** Loads, parses and numbers one meeting on its own (a translation not yet compared). */
export async function numberMeeting(dir: string, trees?: TreeCache): Promise<Checked> {
  return numberLoaded(await loadMeeting(dir), trees);
}

/** Parses and numbers a meeting already read (from disk, or from the sources a DOCX carries). */
export function numberLoaded(loaded: { readonly value: LoadedMeeting; readonly diagnostics: readonly Diagnostic[] }, trees?: TreeCache): Checked {
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];
  if (!loaded.value.meeting) return { diagnostics: sortDiagnostics(diagnostics), report: null };
  const parsed = parseMeeting(loaded.value, trees);
  for (const d of parsed.diagnostics) diagnostics.push(d);
  if (!parsed.value) return { diagnostics: sortDiagnostics(diagnostics), report: null };
  const numbered = numberReport(parsed.value);
  for (const d of numbered.diagnostics) diagnostics.push(d);
  const sorted = sortDiagnostics(diagnostics);
  return { diagnostics: sorted, report: hasErrors(sorted) ? null : numbered.value, sources: sourcesOf(loaded.value), ...(loaded.value.images ? { images: loaded.value.images } : {}) };
}

/** Every file of a loaded meeting, by its path relative to the folder, with `/`. */
export function sourcesOf(loaded: LoadedMeeting): BaseFile[] {
  // The record of an issued numbering too: a report is numbered from it, so a DOCX's base carries it.
  const files = [loaded.meeting, loaded.lock, ...loaded.items, ...loaded.annexes, ...loaded.documents.flatMap((d) => [d.file, ...d.annexes])].filter((f) => f !== null);
  return files.map((f) => ({ path: path.relative(loaded.dir, f.path).split(path.sep).join('/'), text: f.text }));
}

/**
 * The sources a document is made from, of a meeting's: a working document's own files (`documents/x.md`, or
 * `documents/x/` whole), or the report's (every file but the working documents').
 */
export function sourcesOfDocument(sources: readonly BaseFile[], document: NumberedReport | null, dir: string): BaseFile[] {
  if (document === null) return sources.filter((f) => !f.path.startsWith('documents/'));
  const own = path.relative(dir, document.range.file).split(path.sep).join('/');
  const folder = own.endsWith('/document.md') ? own.slice(0, -'document.md'.length) : null;
  return sources.filter((f) => (folder ? f.path.startsWith(folder) : f.path === own));
}

/** What a renderer may be told of a file besides its report: the DOCX carries its base (see render/docx/base-part.ts). */
interface RenderTarget {
  readonly part: Part;
  readonly base?: BuildBase;
}

type Renderer = (report: NumberedReport, env: RenderEnv, target: RenderTarget) => Promise<string | Uint8Array> | string | Uint8Array;

const layout = (part: Part) => ({ annexesOnly: part === 'annex', agendaOnly: part === 'agenda' });

/** One renderer per format; each gets an edition (full or public); output-names names its files. */
const renderers = {
  docx: async (report, env, { part, base }): Promise<Uint8Array> => {
    const { renderDocx } = await import('./render/docx/render-docx.js');
    return renderDocx(report, { ...layout(part), ...(env.referenceStyles !== undefined ? { referenceStyles: env.referenceStyles } : {}), ...(base ? { base } : {}) });
  },
  html: async (report, env, { part }): Promise<string> => {
    const { renderHtml } = await import('./render/html/render-html.js');
    return renderHtml(report, env.html, layout(part));
  },
  json: (report) => toJson(reportData(report)),
  // Akoma Ntoso: the report alone, for other tools (annexes are its attachments; the agenda is in its preface).
  akn: async (report, env): Promise<string> => {
    const { renderAkn } = await import('./render/akn/render-akn.js');
    return renderAkn(report, env.sessions ? { sessions: env.sessions } : {});
  },
  // The HTML edition laid out in pages (footnotes at their calls): the two editions can never differ in numbering or content.
  pdf: async (report, env, { part }): Promise<Uint8Array> => {
    if (!env.pdf) throw new Error('PDF asked for without a browser: openPrinterFor was not called');
    const [{ renderHtml }, { renderPdf }] = await Promise.all([import('./render/html/render-html.js'), import('./render/pdf/render-pdf.js')]);
    return renderPdf(report, renderHtml(report, env.html, { ...layout(part), paged: true }), env.pdf, part === 'annex');
  },
} as const satisfies Readonly<Record<Format, Renderer>>;

/** The report as an edition shows it: every command that writes or prints an edition goes through here. */
function editionOf(report: NumberedReport, edition: Edition): NumberedReport {
  return edition === 'public' ? filterPublic(report) : edition === 'accepted' ? acceptChanges(report) : report;
}


/** Receives each file as soon as it is rendered, so a large meeting never holds all its outputs at once. */
export type Emit = (file: OutputFile) => Promise<void>;

/**
 * How many files of one format are rendered at once. The browser prints in processes of its own while
 * this thread waits, so PDF documents are printed three at a time (docs/speed.md has the figures); every other
 * renderer works on this thread, where taking turns costs nothing.
 */
const CONCURRENCY: Readonly<Record<Format, number>> = { docx: 1, html: 1, json: 1, pdf: 3, akn: 1 };

/** Runs the renders with at most `limit` under way, and emits their files in the order given (a render that gives null kept its file). */
export async function emitInOrder(renders: readonly (() => Promise<OutputFile | null>)[], limit: number, emit: Emit): Promise<void> {
  const pending: Promise<OutputFile | null>[] = [];
  let next = 0;
  const start = () => {
    if (next >= renders.length) return;
    const render = renders[next++]!();
    // Handled now, awaited in its turn: a render that fails while an earlier one is still under way
    // must not be an unhandled rejection (which ends the process) before its turn comes.
    render.catch(() => undefined);
    pending.push(render);
  };
  while (pending.length < limit && next < renders.length) start();
  for (let i = 0; i < renders.length; i++) {
    // A render that fails is awaited in its turn; those started after it are settled so none is left unhandled.
    const file = await pending[i]!.catch(async (e: unknown) => {
      await Promise.allSettled(pending.slice(i + 1));
      throw e;
    });
    start();
    if (file !== null) await emit(file);
  }
}

/**
 * The outputs a build may keep as the last build wrote them. Each output's key is the hash of what its renderer reads
 * (write/render-key.ts); an output whose key is the one it was last rendered from is not rendered again, nor emitted.
 */
export interface Reuse {
  /** true: the file is kept as it is, and not rendered. */
  readonly keep: (path: string, key: string) => Promise<boolean>;
}

/** What reaches a format's renderer besides its model and target: the HTML templates, the reference document's styles, the sessions beside. */
function reachingFormat(format: Format, env: RenderEnv): unknown {
  if (format === 'docx') return env.referenceStyles ?? null;
  if (format === 'html' || format === 'pdf') {
    const { referenceStyles: _, ...html } = (env.templates ?? {}) as { readonly referenceStyles?: unknown };
    return html;
  }
  if (format === 'akn') return env.sessions ? [...env.sessions] : null;
  return null;
}

/** One output file, rendered, or kept as the last build wrote it when `reuse` says its key (its model, `context`: its target or data, and its format's templates) has not changed. */
function outputOf(path: string, format: Format, model: NumberedReport | null, context: unknown, env: RenderEnv, render: () => Promise<string | Uint8Array> | string | Uint8Array, reuse?: Reuse): () => Promise<OutputFile | null> {
  return async () => {
    if (!reuse) return { path, content: await render() };
    const key = await renderKey({ path, format, model, context: { context, reaches: reachingFormat(format, env) } });
    if (await reuse.keep(path, key)) return null;
    return { path, content: await render(), key };
  };
}

/** The Markdown a meeting was read from, for the bases its DOCX files carry; `kept` hears of each base that carries sources. */
export interface MeetingSources {
  readonly dir: string;
  readonly files: readonly BaseFile[];
  readonly kept?: (base: BuildBase) => void;
}

/** The base of one DOCX: what it is, its build id, and (full editions of a whole document) its sources. */
function baseOf(sources: MeetingSources | undefined, meeting: string, shown: NumberedReport, part: Part, edition: Edition, env: RenderEnv): BuildBase | undefined {
  if (!sources) return undefined;
  const files = sourcesOfDocument(sources.files, shown.document ? shown : null, sources.dir);
  const identity = { meeting, document: shown.document?.id ?? null, symbol: shown.meta.symbol, part, edition };
  const base = makeBase(identity, files, part === 'report' && edition === 'full', { version: packageJson.version, ...(env.referenceStyles !== undefined ? { referenceStyles: env.referenceStyles } : {}) });
  if (base.files) sources.kept?.(base);
  return base;
}

/** Renders one edition's files: the report, each annex alone, the decisions register. */
export async function renderEdition(report: NumberedReport, edition: Edition, options: BuildOptions, env: RenderEnv, emit: Emit, sources?: MeetingSources, reuse?: Reuse): Promise<void> {
  const symbol = report.meta.symbol;
  const shown = editionOf(report, edition);
  const reportNames: FileNames = { whole: (format) => reportFile(symbol, edition, format), annex: (numeral, format) => annexFile(numeral, edition, format) };
  const base = (document: NumberedReport, part: Part) => baseOf(sources, symbol, document, part, edition, env);
  await renderWithAnnexes(shown, edition, options.formats, options, env, reportNames, emit, base, reuse);
  if (options.formats.includes('json')) {
    // Keyed on its data alone: a word changed in the text leaves the register as it was.
    const data = decisionsData(shown);
    const decisions = await outputOf(decisionsFile(edition), 'json', null, data, env, () => toJson(data), reuse)();
    if (decisions !== null) await emit(decisions);
  }
  // An issued report changed since issue: its corrigendum beside it, in the formats asked for (its data, not Akoma Ntoso).
  const corrigendum = corrigendumOf(shown);
  if (corrigendum) {
    const n = shown.issue!.corrigendum;
    for (const format of options.formats.filter((f) => f !== 'akn')) {
      const path = corrigendumFile(symbol, n, edition, format);
      const data = format === 'json' ? corrigendumData(shown) : null;
      const render = () => (data !== null ? toJson(data) : renderers[format](corrigendum, env, { part: 'report' }));
      const file = await outputOf(path, format, data !== null ? null : corrigendum, data ?? { part: 'report' }, env, render, reuse)();
      if (file !== null) await emit(file);
    }
  }
  // The working documents of the edition (a restricted one has no public edition), each with its annexes alone.
  // They are in every format but Akoma Ntoso, which is the report's.
  if (options.documents === false) return;
  const formats = options.formats.filter((f) => f !== 'akn');
  for (const document of shown.documents) {
    const docSymbol = document.meta.symbol;
    const names: FileNames = { whole: (format) => documentFile(docSymbol, edition, format), annex: (numeral, format) => documentAnnexFile(docSymbol, numeral, edition, format) };
    await renderWithAnnexes(document, edition, formats, options, env, names, emit, base, reuse);
  }
}

/** Where a document's files go: the document whole, and each of its annexes alone. */
interface FileNames {
  readonly whole: (format: Format) => string;
  readonly annex: (numeral: string, format: Format) => string;
}

/** A document (the report or a working document) in each format, and each of its annexes alone; a restricted annex has no public file at all. */
async function renderWithAnnexes(
  shown: NumberedReport,
  edition: Edition,
  formats: readonly Format[],
  options: BuildOptions,
  env: RenderEnv,
  names: FileNames,
  emit: Emit,
  baseFor: (document: NumberedReport, part: Part) => BuildBase | undefined,
  reuse?: Reuse,
): Promise<void> {
  // Each annex alone is extracted once for all formats (and so hashed once for their keys).
  const alone = new Map<string, NumberedReport>();
  const annexAlone = (annex: NumberedReport['annexes'][number]) => {
    let extracted = alone.get(annex.numeral);
    if (!extracted) alone.set(annex.numeral, (extracted = extractAnnex(shown, annex)));
    return extracted;
  };
  for (const format of formats) {
    const render: Renderer = renderers[format];
    const target = (part: Part): RenderTarget => {
      const base = format === 'docx' ? baseFor(shown, part) : undefined;
      return base ? { part, base } : { part };
    };
    const whole = target('report');
    const renders = [outputOf(names.whole(format), format, shown, whole, env, () => render(shown, env, whole), reuse)];
    if (options.annexFiles !== false && partHasFormat('annex', format)) {
      for (const annex of shown.annexes) {
        if (edition === 'public' && annex.visibility === 'restricted') continue;
        const model = annexAlone(annex);
        const own = target('annex');
        renders.push(outputOf(names.annex(annex.numeral, format), format, model, own, env, () => render(model, env, own), reuse));
      }
    }
    await emitInOrder(renders, CONCURRENCY[format], emit);
  }
}

/** Renders every requested file of a checked meeting, handing each to `emit`. */
export async function renderMeeting(numbered: NumberedReport, options: BuildOptions, env: RenderEnv, emit: Emit, sources?: MeetingSources, reuse?: Reuse): Promise<void> {
  for (const edition of editionsOf(options)) await renderEdition(numbered, edition, options, env, emit, sources, reuse);
}

/** One edition of the report alone as HTML, nothing else: the preview of `acta watch`. */
export async function renderPreview(numbered: NumberedReport, edition: Edition, env: RenderEnv): Promise<OutputFile & { readonly content: string }> {
  return { path: reportFile(numbered.meta.symbol, edition, 'html'), content: await renderers.html(editionOf(numbered, edition), env, { part: 'report' }) };
}

/** What `acta agenda` writes unless --format says otherwise. */
export const AGENDA_FORMATS: readonly Format[] = ['docx', 'html'];

/** The cover block and agenda table alone (`acta agenda`): DOCX and HTML, or the formats asked for. */
export async function renderAgenda(numbered: NumberedReport, edition: Edition, env: RenderEnv, formats: readonly Format[] = AGENDA_FORMATS, sources?: MeetingSources): Promise<OutputFile[]> {
  const report = editionOf(numbered, edition);
  const files: OutputFile[] = [];
  for (const format of formatsOfPart('agenda', formats)) {
    const render: Renderer = renderers[format];
    const base = format === 'docx' ? baseOf(sources, report.meta.symbol, report, 'agenda', edition, env) : undefined;
    files.push({ path: agendaFile(report.meta.symbol, edition, format), content: await render(report, env, base ? { part: 'agenda', base } : { part: 'agenda' }) });
  }
  return files;
}

export interface Built extends Checked {
  readonly written: readonly string[];
  /** The files of an earlier build this one removed (a format, edition or part it was not asked for, an old name), relative to the folder. */
  readonly removed?: readonly string[];
  /** The build was skipped: its input and outputs are those of the last build, this many files (diagnostics are that build's). */
  readonly upToDate?: number;
}

/** What the summary line of one meeting says. */
export interface BuildSummary {
  readonly diagnostics: readonly Diagnostic[];
  readonly ok: boolean;
  readonly written: number;
  /** Files of an earlier build that this one removed, as no longer made from the sources (a format or part not asked for). */
  readonly removed?: number;
  /** Set when the build was skipped: the files of the last build, all still as it wrote them. */
  readonly upToDate?: number;
}

export function summaryOf(built: Built): BuildSummary {
  return {
    diagnostics: built.diagnostics,
    ok: built.report !== null || built.upToDate !== undefined,
    written: built.written.length,
    ...(built.removed?.length ? { removed: built.removed.length } : {}),
    ...(built.upToDate !== undefined ? { upToDate: built.upToDate } : {}),
  };
}

/** Builds one meeting into `out/<folder name>/`; a meeting with errors writes nothing. */
export async function buildMeeting(dir: string, out: string, options: BuildOptions, env: RenderEnv): Promise<Built> {
  const folder = outputFolder(out, dir);
  // PDF files depend on the browser too, which the key does not hold: a build with PDF always runs. So does one
  // with Akoma Ntoso, whose links name the sessions beside the meeting (their folders are not in the key).
  const akn = options.formats.includes('akn');
  const key = usesCache(options) && !akn ? await buildKey(dir, options, env.templates) : null;
  if (key !== null) {
    const last = await upToDate(folder, key);
    if (last) return { diagnostics: last.diagnostics, report: null, written: [], upToDate: last.files };
  }
  // A build that runs reads again only the files changed since the last one (the rest: their kept trees).
  let trees = key !== null ? await keptTrees(folder) : undefined;
  trees?.nextRound();
  const checked = await checkMeeting(dir, trees);
  if (!checked.report) return { ...checked, written: [] };
  const report = checked.report;
  // From the first file written to the build record: one build at a time into this folder.
  const release = await lockOutputFolder(folder);
  try {
    // Kept now and let go: the Markdown trees are not needed to render, and a meeting a hundred times the
    // flagship's size would otherwise hold them all through every render.
    if (trees) await keepTrees(folder, trees);
    trees = undefined;
    const writer = new OutputWriter(folder);
    const records = new Map<string, OutputRecord>();
    // The outputs whose key has not changed since the last build are kept on disk as they are, untouched.
    const last = key !== null ? await lastOutputs(folder) : null;
    const reuse: Reuse | undefined = last
      ? {
          keep: async (relative, outputKey) => {
            const kept = await last.keep(relative, outputKey);
            if (kept === null) return false;
            await writer.keep(relative);
            records.set(relative, kept);
            return true;
          },
        }
      : undefined;
    const bases: BuildBase[] = [];
    const sources = checked.sources ? { dir, files: checked.sources, kept: (base: BuildBase) => void bases.push(base) } : undefined;
    try {
      const withSessions = akn ? { ...env, sessions: neighbourSessions(await readNeighbourMeetings(dir)) } : env;
      await renderMeeting(
        report,
        options,
        withSessions,
        (file) => {
          if (key !== null && file.key !== undefined) records.set(file.path, { hash: sha256(file.content), key: file.key });
          return writer.add(file);
        },
        sources,
        reuse,
      );
    } catch (e) {
      await writer.abort();
      throw e;
    }
    // What the previous builds wrote and this one did not goes, unless it was made from these very sources (a format
    // or edition this build was not asked for): an old symbol, an annex now restricted or removed, any file of older
    // sources. A folder built before manifests existed has its stale annex files recognised by name.
    const owned = options.annexFiles === false ? { has: () => false } : possibleAnnexFiles(report.annexes.length, editionsOf(options), options.formats);
    const { written, removed, changed } = await writer.commit({ owned, manifest: { sources: await sourcesKey(dir, env.templates) } });
    await keepBases(bases);
    if (key !== null) await remember(folder, key, records, checked.diagnostics);
    // Said once: the file leaves the manifest, so no later build touches it or speaks of it again.
    const edited = changed.map((relative) =>
      warning({ file: path.join(folder, relative), line: 1, column: 1 }, 'output-edited', `Unexpected changes in \`${relative}\` since acta wrote it, expected acta's own file: this build no longer makes it, and it is left in place as yours (bring a reviewer's edits back with \`acta import\`, or delete it)`),
    );
    return { ...checked, diagnostics: [...checked.diagnostics, ...edited], written, removed };
  } finally {
    await release();
  }
}

/** `acta agenda`: the cover block and agenda table of one edition, into `out/<folder name>/`. */
export async function buildAgenda(dir: string, out: string, edition: Edition, env: RenderEnv, formats: readonly Format[] = AGENDA_FORMATS): Promise<Built> {
  const checked = await checkMeeting(dir);
  if (!checked.report) return { ...checked, written: [] };
  const sources = checked.sources ? { dir, files: checked.sources } : undefined;
  const files = await renderAgenda(checked.report, edition, env, formats, sources);
  const folder = outputFolder(out, dir);
  const release = await lockOutputFolder(folder);
  try {
    return { ...checked, written: await writeOutputs(folder, files) };
  } finally {
    await release();
  }
}

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
  const [{ registerCsv, registerJson }, { renderRegisterHtml }] = await Promise.all([import('./render/register/register-data.js'), import('./render/register/render-register-html.js')]);
  const files: OutputFile[] = [
    { path: registerFile(edition, 'html'), content: renderRegisterHtml(register, reports, await loadRegisterTemplates()) },
    { path: registerFile(edition, 'json'), content: registerJson(register) },
    { path: registerFile(edition, 'csv'), content: registerCsv(register) },
  ];
  const written = await writeOutputs(out, files);
  return { diagnostics, written, sessions: register.sessions.length, decisions: register.decisions.length };
}

export { meetingName, outputFolder } from './output-names.js';

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
  const { formatRecord, recordNumbering } = await import('./number/record-numbering.js');
  const { markIssued } = await import('./write/mark-issued.js');
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
    import('./load/load-since.js'),
    import('./renumber/compare-numbering.js'),
    import('./render/renumbering/format-renumbering.js'),
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
