// `acta watch`: build once, then again on every save, and keep the preview server up to date.

import path from 'node:path';
import { watch } from 'chokidar';
import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';
import { checkMeeting, meetingName, type RenderEnv } from '../pipeline.js';
import { filterPublic } from '../public/filter-public.js';
import { renderHtml } from '../render/html/render-html.js';
import { writeOutputs } from '../write/write-outputs.js';
import { startLiveServer } from './live-server.js';

export interface WatchOptions {
  readonly dir: string;
  readonly out: string;
  readonly port: number;
  readonly public: boolean;
  readonly env: RenderEnv;
  /** After every build: its problems and how long it took. */
  readonly onBuilt: (result: { readonly diagnostics: readonly Diagnostic[]; readonly ok: boolean; readonly ms: number }) => void;
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

  // Only the HTML edition being previewed is rebuilt, so a save shows in well under a second.
  const build = async () => {
    const started = performance.now();
    const checked = await checkMeeting(options.dir);
    if (checked.report) {
      const report = options.public ? filterPublic(checked.report) : checked.report;
      const html = renderHtml(report, options.env.html);
      const name = `${report.meta.symbol}${options.public ? '-public' : ''}.html`;
      await writeOutputs(path.join(options.out, meetingName(options.dir)), [{ path: name, content: html }]);
      server.publish(html);
    } else {
      server.problems(checked.diagnostics.filter((d) => d.severity === 'error').map((d) => formatDiagnostic(d)));
    }
    options.onBuilt({ diagnostics: checked.diagnostics, ok: checked.report !== null, ms: performance.now() - started });
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      // Builds run one after another: a save during a build gets a build of its own after it.
      running = running.then(build, build);
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
