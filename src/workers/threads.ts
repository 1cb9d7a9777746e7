// Starts acta's worker threads, when acta runs from its bundle; from source, work stays in-process.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { BuildSummary } from '../pipeline.js';
import { ThreadFailure, type Failure } from '../errors.js';
import type { BuildOptions } from '../formats.js';
import type { CacheState } from '../cache/build-cache.js';

/** The bundle puts every chunk and the worker entries in one folder, so this resolves beside any of them. */
function workerScript(name: string): URL | null {
  const url = new URL(`./${name}.js`, import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : null;
}

/** A meeting's build, as its summary line tells it. */
export interface MeetingResult extends BuildSummary {
  readonly dir: string;
}

/**
 * Builds several meetings on a pool of threads, one meeting a thread at a time, and hands back each
 * result in the order given (so messages come out as they would one by one). null when not bundled.
 */
export function buildInThreads(
  dirs: readonly string[],
  out: string,
  options: BuildOptions,
  threads: number,
  onResult: (result: MeetingResult, index: number) => void,
  states: readonly (CacheState | null)[] | null = null,
): Promise<void> | null {
  const script = workerScript('build-worker');
  if (!script) return null;
  return new Promise<void>((resolve, reject) => {
    let next = 0;
    let printed = 0;
    let running = 0;
    const done: (MeetingResult | undefined)[] = [];
    const flush = () => {
      while (printed < dirs.length && done[printed]) onResult(done[printed]!, printed++);
    };
    const startOne = (worker: Worker) => {
      if (next >= dirs.length) {
        void worker.terminate();
        if (--running === 0) resolve();
        return;
      }
      const index = next++;
      worker.once('message', (reply: { result: MeetingResult } | { failure: Failure }) => {
        if ('failure' in reply) {
          void worker.terminate();
          reject(new ThreadFailure(reply.failure));
          return;
        }
        done[index] = reply.result;
        flush();
        startOne(worker);
      });
      worker.postMessage({ dir: dirs[index], out, options, ...(states ? { known: states[index] } : {}) });
    };
    for (let i = 0; i < Math.min(threads, dirs.length); i++) {
      const worker = new Worker(script, { workerData: { templates: options.templates, referenceDocx: options.referenceDocx } });
      worker.once('error', reject);
      running++;
      startOne(worker);
    }
  });
}
