// Builds one meeting into its output folder: checked, rendered, written under the folder's lock, with the build
// cache and the bases the DOCX files carry.

import path from 'node:path';
import { warning, type Diagnostic } from '../diagnostics.js';
import { readNeighbourMeetings } from '../load/load-archive.js';
import { neighbourSessions } from '../parse/sessions.js';
import { editionsOf, outputFolder, possibleAnnexFiles, type Edition } from '../output-names.js';
import { sha256 } from '../hash.js';
import { cacheState, lastOutputs, remember, sourcesKey, upToDate, type CacheState, type LastOutputs, type OutputRecord } from '../cache/build-cache.js';
import { keepTrees, keptTrees } from '../cache/kept-trees.js';
import { keepBases } from '../cache/base-cache.js';
import { lockOutputFolder } from '../write/output-lock.js';
import { OutputWriter, writeOutputs } from '../write/write-outputs.js';
import { DEFAULT_AGENDA_FORMATS, type BuildOptions, type Format } from '../formats.js';
import type { BuildBase } from '../render/docx/base-part.js';
import type { NumberedReport } from '../model.js';
import { type Emit, type Reuse, renderAgenda, renderMeeting } from './render-outputs.js';
import { type Checked, type RenderEnv, checkMeeting } from './stages.js';

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

/** Where and from what a build that runs writes: `key` is its build-cache key, null when the cache is not used. */
interface Run {
  readonly dir: string;
  readonly folder: string;
  readonly key: string | null;
  readonly options: BuildOptions;
  readonly env: RenderEnv;
}

/**
 * Builds one meeting into `out/<folder name>/`; a meeting with errors writes nothing. `known`: its cache state as the
 * command found it before building any meeting, else it is found here. A stale state is taken as it is (the build
 * runs); an up-to-date one is checked again, as a meeting built before it may have written into the same folder.
 */
export async function buildMeeting(dir: string, out: string, options: BuildOptions, env: RenderEnv, known?: CacheState | null): Promise<Built> {
  const folder = outputFolder(out, dir);
  const state = await stateOf(dir, folder, options, env, known);
  if (state?.last) return { diagnostics: state.last.diagnostics, report: null, written: [], upToDate: state.last.files };
  const key = state?.key ?? null;
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
    return await writeMeeting({ dir, folder, key, options, env }, checked, report);
  } finally {
    await release();
  }
}

/** A meeting's cache state: found here, or as the command found it, an up-to-date one checked again. */
async function stateOf(dir: string, folder: string, options: BuildOptions, env: RenderEnv, known: CacheState | null | undefined): Promise<CacheState | null> {
  if (known === undefined) return cacheState(dir, folder, options, env.templates);
  return known?.last ? { ...known, last: await upToDate(folder, known.key) } : known;
}

/** Renders a checked meeting into its locked folder, then commits the files, the DOCX bases and the build record. */
async function writeMeeting(run: Run, checked: Checked, report: NumberedReport): Promise<Built> {
  const writer = new OutputWriter(run.folder);
  const records = new Map<string, OutputRecord>();
  // The outputs whose key has not changed since the last build are kept on disk as they are, untouched.
  const last = run.key !== null ? await lastOutputs(run.folder) : null;
  const reuse = last ? reuseOf(last, writer, records) : undefined;
  const bases: BuildBase[] = [];
  const sources = checked.sources ? { dir: run.dir, files: checked.sources, kept: (base: BuildBase) => void bases.push(base) } : undefined;
  try {
    await renderMeeting(report, run.options, await renderEnvOf(run), recordingEmit(run.key, writer, records), sources, reuse);
  } catch (e) {
    await writer.abort();
    throw e;
  }
  // What the previous builds wrote and this one did not goes, unless it was made from these very sources (a format
  // or edition this build was not asked for): an old symbol, an annex now restricted or removed, any file of older
  // sources. A folder built before manifests existed has its stale annex files recognised by name.
  const owned = run.options.annexFiles === false ? { has: () => false } : possibleAnnexFiles(report.annexes.length, editionsOf(run.options), run.options.formats);
  const { written, removed, changed } = await writer.commit({ owned, manifest: { sources: await sourcesKey(run.dir, run.env.templates) } });
  await keepBases(bases);
  if (run.key !== null) await remember(run.folder, run.key, records, checked.diagnostics);
  const edited = changed.map((relative) => editedOutput(run.folder, relative));
  return { ...checked, diagnostics: [...checked.diagnostics, ...edited], written, removed };
}

/** Keeps an output of the last build the cache still vouches for: left on disk as it is, and recorded again. */
function reuseOf(last: LastOutputs, writer: OutputWriter, records: Map<string, OutputRecord>): Reuse {
  return {
    keep: async (relative, outputKey) => {
      const kept = await last.keep(relative, outputKey);
      if (kept === null) return false;
      await writer.keep(relative);
      records.set(relative, kept);
      return true;
    },
  };
}

/** The render environment, with the sessions beside the meeting when Akoma Ntoso is asked for (its links name them). */
async function renderEnvOf(run: Run): Promise<RenderEnv> {
  return run.options.formats.includes('akn') ? { ...run.env, sessions: neighbourSessions(await readNeighbourMeetings(run.dir)) } : run.env;
}

/** Hands each rendered file to the writer, noting its bytes' hash and render key for the build record when there is one. */
function recordingEmit(key: string | null, writer: OutputWriter, records: Map<string, OutputRecord>): Emit {
  return (file) => {
    if (key !== null && file.key !== undefined) records.set(file.path, { hash: sha256(file.content), key: file.key });
    return writer.add(file);
  };
}

/** An output edited since acta wrote it: said once, as the file leaves the manifest and no later build touches it or speaks of it again. */
function editedOutput(folder: string, relative: string): Diagnostic {
  return warning({ file: path.join(folder, relative), line: 1, column: 1 }, 'output-edited', `Unexpected changes in \`${relative}\` since acta wrote it, expected acta's own file: this build no longer makes it, and it is left in place as yours (bring a reviewer's edits back with \`acta import\`, or delete it)`);
}

/** `acta agenda`: the cover block and agenda table of one edition, into `out/<folder name>/`. */
export async function buildAgenda(dir: string, out: string, edition: Edition, env: RenderEnv, formats: readonly Format[] = DEFAULT_AGENDA_FORMATS): Promise<Built> {
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
