// The trees a build keeps for the next (in the user's cache folder, beside the build record): the meeting's
// Markdown files as the last build read them, by a hash of their text, so a build reads again only the files
// that changed. Loaded by the pipeline only: the up-to-date check of `acta build` never reads them.

import type { Root } from 'mdast';
import * as z from 'zod/mini';
import { TreeCache } from './tree-cache.js';
import { sha256 } from '../hash.js';
import { codeFingerprint, ENTRY_VERSION } from './build-cache.js';
import { readCacheFile, writeCacheFile } from './user-cache.js';

/** The trees of the meeting's Markdown files as the last build read them, beside the build record. */
export const TREES_FILE = 'trees.json';

const Trees = z.object({
  entry: z.literal(ENTRY_VERSION),
  /** acta's code that read them: another acta reads again. */
  code: z.string(),
  /** The hash of `trees`: a file cut short or edited is ignored whole. */
  sum: z.string(),
  /** JSON of [hash of a file's text, its tree][]. */
  trees: z.string(),
});

/**
 * A tree cache seeded with the trees the last build of this output folder read, so this build reads again
 * only the files whose text changed. An entry that is missing, unreadable, of another acta or not what its
 * sum says gives an empty cache: every file is read, as with no cache at all.
 */
export async function keptTrees(folder: string): Promise<TreeCache> {
  try {
    const entry = Trees.parse(JSON.parse((await readCacheFile(folder, TREES_FILE)) ?? 'null'));
    if (entry.code !== (await codeFingerprint()) || sha256(entry.trees) !== entry.sum) return new TreeCache();
    const list = z.array(z.tuple([z.string(), z.looseObject({ type: z.literal('root') })])).parse(JSON.parse(entry.trees));
    return new TreeCache(new Map(list as unknown as [string, Root][]));
  } catch {
    return new TreeCache();
  }
}

/** Keeps the trees this build read for the next build into `folder`, in the user's cache. */
export async function keepTrees(folder: string, trees: TreeCache): Promise<void> {
  const list = JSON.stringify([...trees.kept()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const entry = { entry: ENTRY_VERSION, code: await codeFingerprint(), sum: sha256(list), trees: list };
  await writeCacheFile(folder, TREES_FILE, JSON.stringify(entry));
}
