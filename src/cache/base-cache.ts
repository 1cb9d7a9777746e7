// A copy of every base a build embeds, in the user's cache folder, by build id: a DOCX whose custom XML part was
// stripped (by a tool that drops what it does not know) still names its build in its properties, and the import
// finds the base here. A cache: never a source of truth, and it never fails a build.

import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { sourcesHashOf, type BaseFile, type BuildBase } from '../render/docx/base-part.js';
import { userCacheDir, writeAtomically } from './user-cache.js';

/** How many bases are kept: the oldest go first. A base of the flagship is about 70 kB. */
const KEPT = 400;

const folderOf = (env?: NodeJS.ProcessEnv) => path.join(userCacheDir(env), 'bases');
const fileOf = (build: string, env?: NodeJS.ProcessEnv) => path.join(folderOf(env), `${build}.json.deflate`);

interface Entry {
  readonly build: string;
  readonly sources: string;
  readonly files: readonly (readonly [string, string])[];
}

/** Keeps a copy of each base that carries sources; any failure (a read-only home, a full disk) is ignored. */
export async function keepBases(bases: readonly BuildBase[], env?: NodeJS.ProcessEnv): Promise<void> {
  try {
    const folder = folderOf(env);
    await mkdir(folder, { recursive: true });
    for (const base of bases) {
      if (!base.files) continue;
      const target = fileOf(base.build, env);
      const entry: Entry = { build: base.build, sources: base.sources, files: base.files.map((f) => [f.path, f.text]) };
      await writeAtomically(target, deflateSync(strToU8(JSON.stringify(entry)), { level: 6 }));
    }
    await prune(folder);
  } catch {
    // The copy is a convenience: the DOCX itself carries its base.
  }
}

/** Drops the oldest copies beyond KEPT. */
async function prune(folder: string): Promise<void> {
  const names = (await readdir(folder)).filter((n) => n.endsWith('.json.deflate'));
  if (names.length <= KEPT) return;
  const dated = await Promise.all(names.map(async (n) => ({ n, t: (await stat(path.join(folder, n))).mtimeMs })));
  dated.sort((a, b) => a.t - b.t);
  await Promise.all(dated.slice(0, dated.length - KEPT).map(({ n }) => rm(path.join(folder, n), { force: true })));
}

/** The sources of a build by its id, when a copy is kept and is whole (its hash checked); null otherwise. */
export async function recallBase(build: string, env?: NodeJS.ProcessEnv): Promise<{ readonly sources: string; readonly files: readonly BaseFile[] } | null> {
  if (!/^[0-9a-f]{32}$/.test(build)) return null;
  try {
    const entry = JSON.parse(strFromU8(inflateSync(new Uint8Array(await readFile(fileOf(build, env)))))) as Entry;
    if (entry.build !== build || !Array.isArray(entry.files)) return null;
    const files = entry.files.map(([p, t]) => ({ path: p, text: t }));
    return sourcesHashOf(files) === entry.sources ? { sources: entry.sources, files } : null;
  } catch {
    return null;
  }
}
