// The stages composed for one meeting: load, parse, number (and the comparison of a translation), and what the
// renderers share across meetings.

import path from 'node:path';
import { checkTranslation } from '../align/check-translation.js';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { loadMeeting, type LoadedMeeting } from '../load/load-meeting.js';
import type { NumberedReport } from '../model.js';
import { numberReport } from '../number/number-report.js';
import type { TreeCache } from '../cache/tree-cache.js';
import { parseMeeting } from '../parse/parse-meeting.js';
import { loadReferenceStyles } from '../load/load-reference-docx.js';
import { loadTemplates, templateText } from '../load/load-templates.js';
import type { WorkFacts } from '../render/akn/akn-ids.js';
import type { CompiledTemplates } from '../render/html/render-html.js';
import type { Format } from '../formats.js';
import type { PdfPrinter } from '../render/pdf/print-pdf.js';
import type { BaseFile } from '../render/docx/base-part.js';

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
  const { openPrinter } = await import('../render/pdf/print-pdf.js');
  return openPrinter();
}

export async function prepareRenderEnv(templatesDir?: string, referenceDocx?: string): Promise<{ env: RenderEnv | null; diagnostics: Diagnostic[] }> {
  // Loaded on first use, so `check` and `decisions` never load the writers.
  const { compileTemplates } = await import('../render/html/render-html.js');
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
