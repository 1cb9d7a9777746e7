// `acta watch`: build once, then again on every save, and keep the preview server up to date.

import path from 'node:path';
import { watch } from 'chokidar';
import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';
import { classifyError } from '../errors.js';
import { TreeCache } from '../parse/create-processor.js';
import { checkMeeting, outputFolder, renderPreview, type RenderEnv } from '../pipeline.js';
import { writeOutputs } from '../write/write-outputs.js';
import { startLiveServer } from './live-server.js';

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

/** One save is one build: changes closer together than this are taken as one. */
const DEBOUNCE_MS = 80;

export async function watchMeeting(options: WatchOptions): Promise<Watching> {
  const server = await startLiveServer(options.port);
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;

  // Only the HTML edition being previewed is rebuilt, and only the files that changed are read
  // again as Markdown, so a save shows in well under a second.
  const trees = new TreeCache();
  const build = async () => {
    const started = performance.now();
    trees.nextRound();
    const checked = await checkMeeting(options.dir, trees);
    let diagnostics = checked.diagnostics;
    let failure: string | null = null;
    if (checked.report) {
      try {
        const preview = await renderPreview(checked.report, options.public ? 'public' : 'full', options.env);
        await writeOutputs(outputFolder(options.out, options.dir), [preview]);
        server.publish(preview.content);
      } catch (e) {
        // A template failing or an output refused must not end the session: shown like any problem.
        const failed = classifyError(e);
        if (failed.kind === 'input') diagnostics = [...diagnostics, failed.diagnostic];
        else if (failed.kind === 'refused-write') failure = `acta: ${failed.message}`;
        else throw e;
      }
    }
    const errors = diagnostics.filter((d) => d.severity === 'error').map((d) => formatDiagnostic(d));
    const lines = failure ? [...errors, failure] : errors;
    if (lines.length) server.problems(lines);
    options.onBuilt({ diagnostics, failure, ok: lines.length === 0, ms: performance.now() - started });
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      // Builds run one after another: a save during a build gets a build of its own after it.
      // A bug in one build is reported, and the next save builds again.
      running = running.then(build, build).catch(options.onBug);
    }, DEBOUNCE_MS);
  };

  running = build();
  await running;
  const watcher = watch(options.dir, { ignoreInitial: true, ignored: (p) => path.basename(p).startsWith('.') && p !== options.dir });
  watcher.on('all', schedule);
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));

  return {
    url: server.url,
    settled: async () => {
      while (timer) await new Promise((r) => setTimeout(r, DEBOUNCE_MS));
      await running;
    },
    close: async () => {
      if (timer) clearTimeout(timer);
      await watcher.close();
      await running.catch(() => undefined);
      await server.close();
    },
  };
}
