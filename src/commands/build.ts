// `acta build`: each meeting folder into OUT/<folder>/, every edition and format asked for.

import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import type { Outcome } from '../errors.js';
import type { BuildOptions } from '../formats.js';
import type { CacheState } from '../cache/build-cache.js';
import type { BuildSummary, RenderEnv } from '../pipeline.js';
import { outputFolder } from '../output-names.js';
import { countOf, refusedOutput, type Terminal } from './terminal.js';

export interface BuildCommandOptions extends BuildOptions {
  readonly out: string;
  /** One line a meeting on stdout: what was written, where, and how many warnings. */
  readonly summary?: boolean;
}

const shown = (dir: string) => dir.replace(/(.)\/+$/, '$1');
const count = (n: number, word: string) => countOf(n, word);

/**
 * `meetings/ptc: 26 files written to output/ptc/, 1 warning`, with `(2 files of an earlier build removed)` after the folder
 * when a build removed what it no longer makes, or `… nothing changed: 26 files up to date in …`
 */
export function summaryLine(dir: string, out: string, result: BuildSummary): string {
  const warnings = result.diagnostics.filter((d) => d.severity === 'warning').length;
  if (!result.ok) {
    const errors = result.diagnostics.length - warnings;
    return `${shown(dir)}: nothing written, ${count(errors, 'error')}${warnings ? `, ${count(warnings, 'warning')}` : ''}\n`;
  }
  const folder = outputFolder(out, dir).split(path.sep).join('/');
  if (result.upToDate !== undefined) return `${shown(dir)}: nothing changed since the last build, ${count(result.upToDate, 'file')} up to date in ${folder}/, ${count(warnings, 'warning')}\n`;
  const removed = result.removed ? ` (${count(result.removed, 'file')} of an earlier build removed)` : '';
  return `${shown(dir)}: ${count(result.written, 'file')} written to ${folder}/${removed}, ${count(warnings, 'warning')}\n`;
}

/**
 * What the build cache says of each meeting, found without loading the pipeline (see src/cache/build-cache.ts): when
 * every one is up to date, a build with nothing to do costs little more than starting Node; otherwise each build
 * takes its meeting's state from here (see buildMeeting). null when the cache is not used or the templates cannot be
 * read.
 */
async function cacheStates(dirs: readonly string[], out: string, options: BuildOptions): Promise<(CacheState | null)[] | null> {
  const { cacheState, usesCache } = await import('../cache/build-cache.js');
  if (!usesCache(options)) return null;
  const { loadTemplates, templateText } = await import('../load/load-templates.js');
  const loaded = await loadTemplates(options.templates);
  if (!loaded.value) return null;
  // With --reference-docx, its styles are part of the key too; a reference that cannot be read is reported by the build.
  let referenceStyles: string | undefined;
  if (options.referenceDocx !== undefined) {
    const { loadReferenceStyles } = await import('../load/load-reference-docx.js');
    const reference = await loadReferenceStyles(options.referenceDocx);
    if (reference.value === null) return null;
    referenceStyles = reference.value;
  }
  const templates = templateText(loaded.value, referenceStyles);
  const states: (CacheState | null)[] = [];
  for (const dir of dirs) states.push(await cacheState(dir, outputFolder(out, dir), options, templates));
  return states;
}

export async function buildCommand(dirs: readonly string[], options: BuildCommandOptions, terminal: Terminal): Promise<Outcome> {
  const { out, summary, ...buildOptions } = options;
  if (await refusedOutput(out, dirs, terminal)) return 'usage';
  const states = await cacheStates(dirs, out, buildOptions);
  const lasts = (states ?? []).map((state) => state?.last ?? null);
  if (states && lasts.every((last): last is NonNullable<typeof last> => last !== null)) {
    for (const [index, last] of lasts.entries()) {
      const result: BuildSummary = { diagnostics: last.diagnostics, ok: true, written: 0, upToDate: last.files };
      terminal.problems(result.diagnostics);
      if (summary === true) terminal.print(summaryLine(dirs[index]!, out, result));
    }
    return 'ok';
  }
  const { openPrinterFor, prepareRenderEnv } = await import('../pipeline.js');
  const prepared = await prepareRenderEnv(options.templates, options.referenceDocx);
  terminal.problems(prepared.diagnostics);
  if (!prepared.env) return 'input';
  // Found and started before any meeting is built: no browser, nothing written.
  const printer = await openPrinterFor(options.formats);
  try {
    return await buildAll(dirs, out, summary === true, buildOptions, printer ? { ...prepared.env, pdf: printer } : prepared.env, terminal, states);
  } finally {
    await printer?.close();
  }
}

async function buildAll(dirs: readonly string[], out: string, summary: boolean, buildOptions: BuildOptions, env: RenderEnv, terminal: Terminal, states: readonly (CacheState | null)[] | null): Promise<Outcome> {
  const several = dirs.length > 1;
  let failed = false;
  const report = (result: BuildSummary, index: number) => {
    if (several) terminal.status(null);
    terminal.problems(result.diagnostics);
    if (summary) terminal.print(summaryLine(dirs[index]!, out, result));
    if (!result.ok) failed = true;
    if (several) terminal.status(`built ${index + 1} of ${dirs.length} meetings`);
  };
  const threads = Math.max(1, Math.min(availableParallelism(), dirs.length));
  const [{ buildMeeting, summaryOf }, { buildInThreads }] = await Promise.all([import('../pipeline.js'), import('../workers/threads.js')]);
  // Several meetings: a thread a meeting, on every core. One meeting is built here: a second
  // thread would start cold and cost what it saves (measured: docs/speed.md). With PDF, every
  // meeting is built here, in turn: one browser prints them all, and it keeps the cores busy itself.
  const pooled = several && !env.pdf ? buildInThreads(dirs, out, buildOptions, threads, report, states) : null;
  if (pooled) await pooled;
  else {
    for (const [index, dir] of dirs.entries()) {
      const built = await buildMeeting(dir, out, buildOptions, env, states ? states[index] : undefined);
      report(summaryOf(built), index);
    }
  }
  if (several) terminal.status(null);
  return failed ? 'input' : 'ok';
}
