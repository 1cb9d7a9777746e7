// Builds a meeting in-process into a temporary folder, as `acta build` would.

import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildMeeting, prepareRenderEnv, type BuildOptions, type Built, type Format } from '../src/pipeline.js';

export async function buildTo(dir: string, formats: readonly Format[], more: Partial<BuildOptions> = {}): Promise<Built & { folder: string }> {
  const out = await mkdtemp(path.join(tmpdir(), 'acta-build-'));
  const prepared = await prepareRenderEnv(more.templates, more.referenceDocx);
  if (!prepared.env) throw new Error(prepared.diagnostics.map((d) => d.message).join('\n'));
  const built = await buildMeeting(dir, out, { formats, publicOnly: false, acceptChanges: false, ...more }, prepared.env);
  return { ...built, folder: path.join(out, path.basename(path.resolve(dir))) };
}
