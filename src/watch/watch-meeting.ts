// `acta watch`: build once, then again on every save, and keep the preview server up to date.

import path from 'node:path';
import { watch } from 'chokidar';
import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';
import { classifyError } from '../errors.js';
import type { NumberedReport } from '../model.js';
import { TreeCache } from '../cache/tree-cache.js';
import { checkMeeting, outputFolder, renderPreview, type RenderEnv } from '../pipeline.js';
import { writeOutputs } from '../write/write-outputs.js';
import { startLiveServer, type LiveServer } from './live-server.js';
import { compareNumbering, numberingOf, referencesOf, type Numbering } from '../renumber/compare-numbering.js';
import { renumberingNotice } from '../render/renumbering/format-renumbering.js';

export interface WatchOptions {
  readonly dir: string;
  readonly out: string;
  readonly port: number;
  readonly public: boolean;
  readonly env: RenderEnv;
  /** A bug (not a problem of the meeting) during a rebuild after a save. */
  readonly onBug: (error: unknown) => void;
  /** After every build: its problems and how long it took. */
  readonly onBuilt: (result: { readonly diagnostics: readonly Diagnostic[]; readonly failure: string | null; readonly ok: boolean; readonly ms: number }) => void;
}

export interface Watching {
  readonly url: string;
  /** Resolves when the build started by the latest change has finished (for tests). */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A save is built at once, as soon as its first file event comes, and shown if it builds. Then, once no event has
 * come for this long, the meeting is built again and shown if that differs: chokidar drops a file's second change
 * within 50 ms of its first, so the first build may have read a file caught half-written (an editor empties it,
 * then writes it) with no event to come for the rest. Problems are shown only by that settled build.
 */
const SETTLE_MS = 80;

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The previewed edition, as `renderPreview` writes it. */
type Preview = Awaited<ReturnType<typeof renderPreview>>;

/** What one build found, and what the preview would show of it. */
interface Built {
  readonly diagnostics: readonly Diagnostic[];
  /** Its errors, as the page lists them. */
  readonly errors: readonly string[];
  readonly preview: Preview | null;
  /** The banner over the page: what moved since the report a settled build last showed. */
  readonly notice: readonly string[];
  readonly ok: boolean;
  /** What the preview shows, to tell whether a build changes it. */
  readonly shows: string;
  readonly numbering: Numbering | null;
  readonly ms: number;
}

/** One watch session's state, local to its `watchMeeting` and changed only by its builds and file events. */
interface Session {
  readonly options: WatchOptions;
  readonly server: LiveServer;
  /** The Markdown trees of the last build: only the files that changed are read again. */
  readonly trees: TreeCache;
  /** The build under way (or the last one). */
  running: Promise<void>;
  /** A drain of builds is under way. */
  busy: boolean;
  /** A file changed since the last build began. */
  pending: boolean;
  /** What the page shows now (a build's `shows`). */
  shown: string;
  /** The numbering of the last report a settled build showed, which notices are measured from. */
  shownNumbering: Numbering | null;
}

/** The previewed edition of a checked report; a template failing is one more problem, not the end of the session. */
async function previewOf(report: NumberedReport | null, options: WatchOptions, diagnostics: readonly Diagnostic[]): Promise<{ readonly preview: Preview | null; readonly diagnostics: readonly Diagnostic[] }> {
  if (!report) return { preview: null, diagnostics };
  try {
    return { preview: await renderPreview(report, options.public ? 'public' : 'full', options.env), diagnostics };
  } catch (e) {
    const failed = classifyError(e);
    if (failed.kind !== 'input') throw e;
    return { preview: null, diagnostics: [...diagnostics, failed.diagnostic] };
  }
}

/**
 * Checks the meeting and renders the previewed edition alone, so a save shows in well under a second. What moved is
 * measured from the last report a settled build showed (a save shown early may be a file caught half-written).
 */
async function buildOnce(session: Session): Promise<Built> {
  const started = performance.now();
  session.trees.nextRound();
  const checked = await checkMeeting(session.options.dir, session.trees);
  const report = checked.report;
  const numbering = report ? numberingOf(report) : null;
  const since = session.shownNumbering;
  const notice = report && numbering && since ? renumberingNotice(compareNumbering(since, numbering, referencesOf(report))) : [];
  const { preview, diagnostics } = await previewOf(report, session.options, checked.diagnostics);
  const errors = diagnostics.filter((d) => d.severity === 'error').map((d) => formatDiagnostic(d));
  const ms = performance.now() - started;
  const shows = errors.length ? `problems\n${errors.join('\n')}` : `report\n${preview?.content ?? ''}`;
  return { diagnostics, errors, preview, notice, ok: errors.length === 0, shows, numbering, ms };
}

/**
 * Writes the preview's copy into the output folder (the page itself is served from memory). An output refused is
 * shown on the page and returned as its line: it must not end the session either.
 */
async function writePreview(session: Session, preview: Preview): Promise<string | null> {
  try {
    await writeOutputs(outputFolder(session.options.out, session.options.dir), [preview]);
    return null;
  } catch (e) {
    const failed = classifyError(e);
    if (failed.kind !== 'refused-write') throw e;
    const failure = `acta: ${failed.message}`;
    session.server.problems([failure]);
    return failure;
  }
}

/** Shows a build on the page, its problems or its report (then written), and tells `onBuilt`. */
async function show(session: Session, built: Built): Promise<void> {
  session.shown = built.shows;
  let failure: string | null = null;
  if (built.errors.length) session.server.problems(built.errors);
  else if (built.preview) {
    session.server.publish(built.preview.content, built.notice);
    failure = await writePreview(session, built.preview);
  }
  session.options.onBuilt({ diagnostics: built.diagnostics, failure, ok: built.ok && failure === null, ms: built.ms });
}

/**
 * Builds until no file has changed for SETTLE_MS, one build after another: saves during a build get a build after
 * it, and a build already out of date (another save came meanwhile) is not shown.
 */
async function drain(session: Session): Promise<void> {
  session.busy = true;
  try {
    let early = false;
    for (;;) {
      if (session.pending) {
        session.pending = false;
        const built = await buildOnce(session);
        if (!session.pending && built.ok) {
          await show(session, built);
          early = true;
        }
        continue;
      }
      await pause(SETTLE_MS);
      if (session.pending) continue;
      const settled = await buildOnce(session);
      if (session.pending) continue;
      // Shown unless the save was shown already and this build shows the same.
      if (!early || settled.shows !== session.shown) await show(session, settled);
      if (settled.ok && settled.numbering) session.shownNumbering = settled.numbering;
      return;
    }
  } finally {
    session.busy = false;
  }
}

/** A file event: a drain of builds starts unless one is under way; a bug in it is reported, and the next save builds again. */
function changed(session: Session): void {
  session.pending = true;
  if (!session.busy) session.running = drain(session).catch((e: unknown) => session.options.onBug(e));
}

/** Builds the meeting once and shows it, then watches its folder (hidden files aside) and serves the preview. */
export async function watchMeeting(options: WatchOptions): Promise<Watching> {
  const server = await startLiveServer(options.port);
  const session: Session = { options, server, trees: new TreeCache(), running: Promise.resolve(), busy: false, pending: false, shown: '', shownNumbering: null };
  session.running = buildOnce(session).then(async (first) => {
    await show(session, first);
    if (first.ok && first.numbering) session.shownNumbering = first.numbering;
  });
  await session.running;
  const watcher = watch(options.dir, { ignoreInitial: true, ignored: (p) => path.basename(p).startsWith('.') && p !== options.dir });
  watcher.on('all', () => changed(session));
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));

  return {
    url: server.url,
    settled: async () => {
      while (session.busy || session.pending) await session.running;
    },
    close: async () => {
      await watcher.close();
      await session.running.catch(() => undefined);
      await server.close();
    },
  };
}
