// `acta watch`: build once, then again on every save, and keep the preview server up to date.

import path from 'node:path';
import { watch } from 'chokidar';
import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';
import { classifyError } from '../errors.js';
import { TreeCache } from '../parse/create-processor.js';
import { checkMeeting, outputFolder, renderPreview, type RenderEnv } from '../pipeline.js';
import { writeOutputs } from '../write/write-outputs.js';
import { startLiveServer } from './live-server.js';
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

export async function watchMeeting(options: WatchOptions): Promise<Watching> {
  const server = await startLiveServer(options.port);
  let running: Promise<void> = Promise.resolve();
  let busy = false;
  let pending = false;

  // Only the HTML edition being previewed is rebuilt, and only the files that changed are read
  // again as Markdown, so a save shows in well under a second.
  const trees = new TreeCache();
  const build = async (): Promise<{ readonly show: () => Promise<void>; readonly ok: boolean; readonly shows: string; readonly numbering: Numbering | null }> => {
    const started = performance.now();
    trees.nextRound();
    const checked = await checkMeeting(options.dir, trees);
    let diagnostics = checked.diagnostics;
    // What the page will say moved since the last report a settled build showed (a save shown early may be a file
    // caught half-written: what moved is never measured from it).
    const numbering = checked.report ? numberingOf(checked.report) : null;
    const notice = numbering && shownNumbering ? renumberingNotice(compareNumbering(shownNumbering, numbering, referencesOf(checked.report!))) : [];
    let preview: Awaited<ReturnType<typeof renderPreview>> | null = null;
    if (checked.report) {
      try {
        preview = await renderPreview(checked.report, options.public ? 'public' : 'full', options.env);
      } catch (e) {
        // A template failing must not end the session: shown like any problem.
        const failed = classifyError(e);
        if (failed.kind !== 'input') throw e;
        diagnostics = [...diagnostics, failed.diagnostic];
      }
    }
    const errors = diagnostics.filter((d) => d.severity === 'error').map((d) => formatDiagnostic(d));
    const ms = performance.now() - started;
    // What the preview shows, to tell whether a build changes it.
    const shows = errors.length ? `problems\n${errors.join('\n')}` : `report\n${preview?.content ?? ''}`;
    const show = async () => {
      shown = shows;
      let failure: string | null = null;
      if (errors.length) server.problems(errors);
      else if (preview) {
        server.publish(preview.content, notice);
        // Written once the page is told: the page is served from memory, the file is the preview's copy in the output folder.
        try {
          await writeOutputs(outputFolder(options.out, options.dir), [preview]);
        } catch (e) {
          // An output refused must not end the session either.
          const failed = classifyError(e);
          if (failed.kind !== 'refused-write') throw e;
          failure = `acta: ${failed.message}`;
          server.problems([failure]);
        }
      }
      options.onBuilt({ diagnostics, failure, ok: errors.length === 0 && failure === null, ms });
    };
    return { show, ok: errors.length === 0, shows, numbering };
  };
  let shown = '';
  let shownNumbering: Numbering | null = null;
  // Builds run one after another: saves during a build get a build after it, and a build already out of date
  // (another save came meanwhile) is not shown. A bug in one build is reported, and the next save builds again.
  const drain = async () => {
    busy = true;
    try {
      let early = false;
      for (;;) {
        if (pending) {
          pending = false;
          const built = await build();
          if (!pending && built.ok) {
            await built.show();
            early = true;
          }
          continue;
        }
        await pause(SETTLE_MS);
        if (pending) continue;
        const settled = await build();
        if (pending) continue;
        // Shown unless the save was shown already and this build shows the same.
        if (!early || settled.shows !== shown) await settled.show();
        if (settled.ok && settled.numbering) shownNumbering = settled.numbering;
        return;
      }
    } finally {
      busy = false;
    }
  };
  const changed = () => {
    pending = true;
    if (!busy) running = drain().catch((e: unknown) => options.onBug(e));
  };

  running = build().then(async (first) => {
    await first.show();
    if (first.ok && first.numbering) shownNumbering = first.numbering;
  });
  await running;
  const watcher = watch(options.dir, { ignoreInitial: true, ignored: (p) => path.basename(p).startsWith('.') && p !== options.dir });
  watcher.on('all', changed);
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));

  return {
    url: server.url,
    settled: async () => {
      while (busy || pending) await running;
    },
    close: async () => {
      await watcher.close();
      await running.catch(() => undefined);
      await server.close();
    },
  };
}
