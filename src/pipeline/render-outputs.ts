// Renders a numbered meeting's outputs: each edition, format and part, each output rendered again only when its key
// changed, and handed over in order as it is ready.

import path from 'node:path';
import type { NumberedReport } from '../model.js';
import { acceptChanges } from '../public/accept-changes.js';
import { extractAnnex } from '../public/extract-annex.js';
import { filterPublic } from '../public/filter-public.js';
import { corrigendumOf } from '../public/corrigendum.js';
import { corrigendumData, decisionsData, reportData, toJson } from '../render/json/render-json.js';
import { agendaFile, annexFile, corrigendumFile, decisionsFile, documentAnnexFile, documentFile, editionsOf, formatsOfPart, partHasFormat, reportFile, type Edition, type Part } from '../output-names.js';
import { renderKey } from '../cache/render-key.js';
import type { OutputFile } from '../write/write-outputs.js';
import { DEFAULT_AGENDA_FORMATS, type BuildOptions, type Format } from '../formats.js';
import { makeBase, type BaseFile, type BuildBase } from '../render/docx/base-part.js';
import packageJson from '../../package.json' with { type: 'json' };
import { type RenderEnv, openPrinterFor, sourcesOfDocument } from './stages.js';

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
    const { renderDocx } = await import('../render/docx/render-docx.js');
    return renderDocx(report, { ...layout(part), ...(env.referenceStyles !== undefined ? { referenceStyles: env.referenceStyles } : {}), ...(base ? { base } : {}) });
  },
  html: async (report, env, { part }): Promise<string> => {
    const { renderHtml } = await import('../render/html/render-html.js');
    return renderHtml(report, env.html, layout(part));
  },
  json: (report) => toJson(reportData(report)),
  // Akoma Ntoso: the report alone, for other tools (annexes are its attachments; the agenda is in its preface).
  akn: async (report, env): Promise<string> => {
    const { renderAkn } = await import('../render/akn/render-akn.js');
    return renderAkn(report, env.sessions ? { sessions: env.sessions } : {});
  },
  // The HTML edition laid out in pages (footnotes at their calls): the two editions can never differ in numbering or content.
  pdf: async (report, env, { part }): Promise<Uint8Array> => {
    if (!env.pdf) throw new Error('PDF asked for without a browser: openPrinterFor was not called');
    const [{ renderHtml }, { renderPdf }] = await Promise.all([import('../render/html/render-html.js'), import('../render/pdf/render-pdf.js')]);
    return renderPdf(report, renderHtml(report, env.html, { ...layout(part), paged: true }), env.pdf, part === 'annex');
  },
} as const satisfies Readonly<Record<Format, Renderer>>;

/** The report as an edition shows it: every command that writes or prints an edition goes through here. */
export function editionOf(report: NumberedReport, edition: Edition): NumberedReport {
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
 * (cache/render-key.ts); an output whose key is the one it was last rendered from is not rendered again, nor emitted.
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


/** The cover block and agenda table alone (`acta agenda`): DOCX and HTML, or the formats asked for. */
export async function renderAgenda(numbered: NumberedReport, edition: Edition, env: RenderEnv, formats: readonly Format[] = DEFAULT_AGENDA_FORMATS, sources?: MeetingSources): Promise<OutputFile[]> {
  const report = editionOf(numbered, edition);
  const files: OutputFile[] = [];
  for (const format of formatsOfPart('agenda', formats)) {
    const render: Renderer = renderers[format];
    const base = format === 'docx' ? baseOf(sources, report.meta.symbol, report, 'agenda', edition, env) : undefined;
    files.push({ path: agendaFile(report.meta.symbol, edition, format), content: await render(report, env, base ? { part: 'agenda', base } : { part: 'agenda' }) });
  }
  return files;
}
