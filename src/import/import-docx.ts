// `acta import`: a reviewer's copy merged into the meeting three ways. The base is the Markdown the copy was built from
// (it travels inside the DOCX); theirs is that base with the reviewer's edits (theirs.ts); ours is the Markdown as it
// is now. Each file is merged with diff3 (merge3.ts), so work done in the Markdown since the build, and other
// reviewers' copies already imported, are kept; where both changed the same words there is a conflict.

import path from 'node:path';
import { createTwoFilesPatch, diffArrays } from 'diff';
import { pointAt, type Diagnostic } from '../diagnostics.js';
import { loadedFromFiles } from '../load/load-meeting.js';
import type { NumberedReport, SourceRange } from '../model.js';
import { numberLoaded, sourcesOfDocument } from '../pipeline.js';
import type { BaseFile } from '../render/docx/base-part.js';
import { resolveBase, type ResolvedBase } from './base.js';
import { mergeThree, type Conflict } from './merge3.js';
import { findAll, textOf } from '../xml.js';
import { parseXml, RefusedDocx, unpackDocx } from './read-docx.js';
import { reviewerEdits, type Counts, type ImportWarning } from './theirs.js';

export interface ImportOptions {
  /** `mark`: write both sides of each conflict as CriticMarkup instead of stopping. */
  readonly conflicts: 'stop' | 'mark';
  /** The Markdown has not changed since the file was built: it may stand for a base the file no longer carries. */
  readonly baseIsCurrent: boolean;
  readonly env?: NodeJS.ProcessEnv;
}

/** The meeting as it is now. */
export interface CurrentMeeting {
  readonly dir: string;
  readonly report: NumberedReport;
  /** Its files, by path relative to the folder (with `/`). */
  readonly sources: readonly BaseFile[];
  /** What `acta check` says of it now: problems the import did not make are not the import's to report. */
  readonly diagnostics: readonly Diagnostic[];
  /** Its pictures now: the base is rendered with them, to be compared with the copy. */
  readonly images?: ReadonlyMap<string, Uint8Array | null>;
}

export interface ImportResult {
  /** Each file the import changes, by the path messages show: its text now and after. */
  readonly files: ReadonlyMap<string, { readonly before: string; readonly after: string }>;
  /** Where the Markdown and the copy changed the same words (with `--conflicts mark`, written as CriticMarkup). */
  readonly conflicts: readonly (Conflict & { readonly file: string })[];
  readonly counts: Counts;
  /** Edits that could not come back, and what the merged Markdown will make `acta build` say, at their places now. */
  readonly warnings: readonly ImportWarning[];
  readonly base: ResolvedBase['from'];
  /** Who saved the copy, as its properties say. */
  readonly reviewer: string;
}

export async function importDocx(bytes: Uint8Array, current: CurrentMeeting, options: ImportOptions): Promise<ImportResult> {
  const { media, ...parts } = unpackDocx(bytes);
  if (!parts['word/document.xml']) throw new RefusedDocx('the file is not a Word document: it has no word/document.xml');
  const documents = current.report.documents.flatMap((d) => (d.document ? [d.document.id] : []));
  const base = await resolveBase(parts, {
    symbol: current.report.meta.symbol,
    documents,
    sourcesOf: (document) => sourcesOfDocument(current.sources, document === null ? null : current.report.documents.find((d) => d.document?.id === document) ?? null, current.dir),
  }, options);

  // The base meeting: the base's files over the meeting's others as they are now (a working document's base holds its own).
  const baseFiles = new Map(current.sources.map((f) => [f.path, f.text]));
  const own = new Set(sourcesOfDocument(current.sources, base.identity.document === null ? null : current.report.documents.find((d) => d.document?.id === base.identity.document) ?? null, current.dir).map((f) => f.path));
  for (const p of own) baseFiles.delete(p);
  for (const f of base.files) baseFiles.set(f.path, f.text);
  const numbered = numberLoaded({ value: loadedFromFiles(current.dir, [...baseFiles].map(([p, text]) => ({ path: p, text })), current.images), diagnostics: [] });
  const document = base.identity.document === null ? numbered.report : numbered.report?.documents.find((d) => d.document?.id === base.identity.document) ?? null;
  if (!document) {
    const first = numbered.diagnostics.find((d) => d.severity === 'error');
    throw new RefusedDocx(`the Markdown the file was built from does not build with this acta${first ? ` (${first.message})` : ''}; rebuild the DOCX and send it again`);
  }

  const shown = (relative: string) => path.join(current.dir, ...relative.split('/'));
  const texts = new Map(base.files.map((f) => [shown(f.path), f.text]));
  const theirs = await reviewerEdits(parts, media ?? new Map(), document, texts);

  const reviewer = lastModifiedBy(parts['docProps/core.xml']) ?? 'reviewer';
  const ours = new Map(current.sources.map((f) => [shown(f.path), f.text]));
  const files = new Map<string, { before: string; after: string }>();
  const conflicts: (Conflict & { file: string })[] = [];
  for (const [file, edited] of theirs.files) {
    const before = texts.get(file)!;
    const now = ours.get(file);
    if (now === undefined) {
      conflicts.push({ file, line: 1, column: 1, ours: '(the file was renamed or deleted since the copy was built)', theirs: firstChange(before, edited) });
      continue;
    }
    const merged = mergeThree(before, now, edited, options.conflicts === 'mark' ? { reviewer } : undefined);
    conflicts.push(...merged.conflicts.map((c) => ({ ...c, file })));
    if (merged.text !== now) files.set(file, { before: now, after: merged.text });
  }

  const warnings = theirs.warnings.map((w) => ({ ...w, range: movedRange(w.range, texts.get(w.range.file), ours.get(w.range.file)) }));
  warnings.push(...afterMerge(current, files));
  return { files, conflicts, counts: theirs.counts, warnings, base: base.from, reviewer };
}

/** What `acta build` will say of the merged Markdown that it does not say now: a deleted paragraph still cited, and the like. */
function afterMerge(current: CurrentMeeting, files: ReadonlyMap<string, { readonly after: string }>): ImportWarning[] {
  if (files.size === 0) return [];
  const merged = current.sources.map((f) => {
    const changed = files.get(path.join(current.dir, ...f.path.split('/')));
    return changed ? { path: f.path, text: changed.after } : f;
  });
  const checked = numberLoaded({ value: loadedFromFiles(current.dir, merged, current.images), diagnostics: [] });
  const known = new Set(current.diagnostics.map((d) => `${d.file}:${d.ruleId}:${d.message}`));
  return checked.diagnostics
    .filter((d) => d.severity === 'error' && !known.has(`${d.file}:${d.ruleId}:${d.message}`))
    .map((d) => ({
      range: { file: d.file, start: { line: d.line, column: d.column, offset: 0 }, end: { line: d.line, column: d.column, offset: 0 } },
      message: `After this import, \`acta build\` stops here: ${d.message.charAt(0).toLowerCase()}${d.message.slice(1)} (the reviewer's edits removed or changed what it needs; fix it in the Markdown)`,
    }));
}

/** A place in the base, moved to the same line of the file as it is now. */
function movedRange(range: SourceRange, base: string | undefined, now: string | undefined): SourceRange {
  if (base === undefined || now === undefined || base === now) return range;
  const lines = (text: string) => text.split('\n');
  const map = new Map<number, number>();
  let a = 0;
  let b = 0;
  for (const part of diffArrays(lines(base), lines(now))) {
    const n = part.count ?? part.value.length;
    if (part.removed) for (let k = 0; k < n; k++) map.set(a++, b);
    else if (part.added) b += n;
    else for (let k = 0; k < n; k++) map.set(a++, b++);
  }
  const move = (p: SourceRange['start']) => {
    const line = (map.get(p.line - 1) ?? p.line - 1) + 1;
    const lineStart = lines(now).slice(0, line - 1).join('\n').length + (line > 1 ? 1 : 0);
    return pointAt(now, lineStart + p.column - 1);
  };
  return { file: range.file, start: move(range.start), end: move(range.end) };
}

/** The first stretch that differs, for a message. */
function firstChange(before: string, after: string): string {
  let i = 0;
  while (i < before.length && before[i] === after[i]) i++;
  return after.slice(i, i + 80);
}

function lastModifiedBy(core: string | undefined): string | null {
  if (core === undefined) return null;
  const found = findAll(parseXml('docProps/core.xml', core), 'cp:lastModifiedBy')[0];
  const name = found ? textOf(found).trim() : '';
  return name || null;
}

export function unifiedDiff(files: ImportResult['files']): string {
  return [...files].map(([file, { before, after }]) => createTwoFilesPatch(`a/${file}`, `b/${file}`, before, after, '', '', { context: 3 })).join('');
}
