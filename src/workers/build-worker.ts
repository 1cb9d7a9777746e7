// Worker thread: builds whole meetings, one at a time, for `acta build` of several meetings.

import { parentPort, workerData } from 'node:worker_threads';
import type { BuildOptions } from '../formats.js';
import type { CacheState } from '../cache/build-cache.js';

const ready = (async () => {
  const pipeline = await import('../pipeline.js');
  const data = workerData as { templates?: string; referenceDocx?: string };
  const prepared = await pipeline.prepareRenderEnv(data.templates, data.referenceDocx);
  if (!prepared.env) throw new Error(prepared.diagnostics.map((d) => d.message).join('\n'));
  return { pipeline, env: prepared.env };
})();
ready.catch(() => undefined);

parentPort!.on('message', async (request: { dir: string; out: string; options: BuildOptions; known?: CacheState | null }) => {
  try {
    const { pipeline, env } = await ready;
    const built = await pipeline.buildMeeting(request.dir, request.out, request.options, env, request.known);
    parentPort!.postMessage({ result: { dir: request.dir, ...pipeline.summaryOf(built) } });
  } catch (e) {
    // Classified here, where the error still has its class: only plain data crosses to the main
    // thread. Loaded only now, as it brings commander along, which a build never needs.
    const { classifyError } = await import('../errors.js');
    parentPort!.postMessage({ failure: classifyError(e) });
  }
});
