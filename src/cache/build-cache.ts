// The build cache: a build whose whole input is what the last build of that folder read (every file of
// the meeting, the templates, the options, acta's own code) and whose outputs are all present and
// unmodified writes nothing; a build that runs keeps, untouched, each output whose own key (what it is
// rendered from, see render-key.ts) is the one the last build rendered it from. Its record lives in the user's cache folder (src/cache/user-cache.ts), one
// a meeting output folder, never in the output folder itself, and is never a source of truth: an entry
// that is missing, unreadable, of another version or of another input is ignored, and the build runs.

import { existsSync } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// zod's tree-shakable API: the up-to-date check runs before anything else is loaded, so it takes only what it
// uses (docs/speed.md has the figures).
import * as z from 'zod/mini';
import type { Diagnostic } from '../diagnostics.js';
import type { BuildOptions } from '../formats.js';
import { editionsOf } from '../output-names.js';
import { readCacheFile, writeCacheFile } from './user-cache.js';
import { sha256 } from '../hash.js';

/** The build record, in the cache folder of a meeting's output folder. */
export const CACHE_FILE = 'build.json';

/** Bumped when the entries' shape changes: an entry of another shape is ignored. */
export const ENTRY_VERSION = 2;



/**
 * Every file under `dir` (dot-files and dot-folders left out), as relative path → content hash, sorted;
 * null when the folder or one of its files cannot be read (not a folder, no such path, no permission):
 * such a build is not cached, and loading the meeting says what is wrong.
 */
async function hashTree(dir: string): Promise<[string, string][] | null> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    const files = entries
      .filter((e) => e.isFile())
      .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
      .filter((relative) => !relative.split(path.sep).some((part) => part.startsWith('.')))
      .sort();
    return await Promise.all(files.map(async (relative) => [relative.split(path.sep).join('/'), sha256(await readFile(path.join(dir, relative)))] as [string, string]));
  } catch {
    return null;
  }
}

/** Every file under `dir` as [relative path, size, modification time], sorted; null when it cannot be read. */
async function statTree(dir: string): Promise<[string, number, number][] | null> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    const files = entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)).sort();
    return await Promise.all(files.map(async (file) => {
      const info = await stat(file);
      return [path.relative(dir, file).split(path.sep).join('/'), info.size, info.mtimeMs] as [string, number, number];
    }));
  } catch {
    return null;
  }
}

let code: Promise<string> | null = null;

/**
 * acta's own code: the package manifest (its version) and every file of the folder this module was loaded from
 * under the package (dist/ when bundled, src/ when run from source), by name, size and modification time, as
 * build tools tell a rebuilt program (cheaper than reading and hashing it: docs/speed.md). A
 * new acta, or a rebuilt one, is a new key.
 */
export function codeFingerprint(): Promise<string> {
  code ??= (async () => {
    let dir = path.dirname(fileURLToPath(import.meta.url));
    let below = '';
    while (!existsSync(path.join(dir, 'package.json'))) {
      const parent = path.dirname(dir);
      if (parent === dir) return 'unknown';
      below = path.basename(dir);
      dir = parent;
    }
    return fingerprintOf(path.join(dir, 'package.json'), path.join(dir, below));
  })();
  return code;
}

/** The fingerprint of a program: its manifest's text and its code folder's files by name, size and modification time. */
export async function fingerprintOf(manifest: string, folder: string): Promise<string> {
  return sha256(JSON.stringify([await readFile(manifest, 'utf8'), (await statTree(folder)) ?? 'unreadable']));
}

/**
 * Whether a build uses the cache: asked for (the command line's default), and no PDF, whose pages also depend on the
 * browser, nor Akoma Ntoso, whose links name the sessions beside the meeting (their folders are not in the key).
 */
export function usesCache(options: Pick<BuildOptions, 'cache' | 'formats'>): boolean {
  return options.cache === true && !options.formats.includes('pdf') && !options.formats.includes('akn');
}

/** What the cache says of a meeting before it is built: its build's key, and the last build when that still holds. */
export interface CacheState {
  readonly key: string;
  readonly last: { readonly diagnostics: readonly Diagnostic[]; readonly files: number } | null;
}

/** A meeting's cache state: null when its build does not use the cache or its folder cannot be read whole. */
export async function cacheState(dir: string, folder: string, options: BuildOptions, templates: unknown): Promise<CacheState | null> {
  const key = usesCache(options) ? await buildKey(dir, options, templates) : null;
  return key === null ? null : { key, last: await upToDate(folder, key) };
}

/**
 * The key of a build: acta's code, the options that change what it writes, the templates as loaded
 * (their text, so a changed template is a new key) and every file of the meeting folder. null when
 * the folder cannot be read whole: that build runs uncached, and reports the problem as any build does.
 */
export async function buildKey(dir: string, options: BuildOptions, templates: unknown): Promise<string | null> {
  const [codeKey, meeting] = await Promise.all([codeFingerprint(), hashTree(dir)]);
  if (meeting === null) return null;
  const decisive = { formats: options.formats, editions: editionsOf(options), annexFiles: options.annexFiles !== false, documents: options.documents !== false, acceptChanges: options.acceptChanges };
  return sha256(JSON.stringify({ entry: ENTRY_VERSION, code: codeKey, dir: path.resolve(dir), options: decisive, templates, meeting }));
}

/**
 * What a build's files are made from, whatever it was asked to write: acta's code, the templates and every file of the
 * meeting folder. A file an earlier build wrote under the same key still says what the sources say, so a narrower build
 * (fewer formats, one edition) leaves it; under another key it is stale, and goes. null when the folder cannot be read.
 */
export async function sourcesKey(dir: string, templates: unknown): Promise<string | null> {
  const [codeKey, meeting] = await Promise.all([codeFingerprint(), hashTree(dir)]);
  return meeting === null ? null : sha256(JSON.stringify({ entry: ENTRY_VERSION, code: codeKey, dir: path.resolve(dir), templates, meeting }));
}

const Entry = z.object({
  entry: z.literal(ENTRY_VERSION),
  key: z.string(),
  /** Each output, relative to the folder, with the hash of the bytes written. */
  outputs: z.record(z.string(), z.string()),
  /** Each output, with the key of what it was rendered from (see render-key.ts). */
  keys: z.record(z.string(), z.string()),
  /** What the build printed (warnings): printed again when the build is skipped. */
  diagnostics: z.array(z.looseObject({ severity: z.enum(['error', 'warning']), ruleId: z.string(), message: z.string(), file: z.string(), line: z.number(), column: z.number() })),
});

/**
 * The warnings of the last build when `key` is its key and every output it wrote is still there with
 * the bytes it wrote; null otherwise (no entry, a corrupt or foreign one, a changed input or output).
 */
export async function upToDate(folder: string, key: string): Promise<{ readonly diagnostics: readonly Diagnostic[]; readonly files: number } | null> {
  const entry = await readEntry(folder);
  if (entry === null || entry.key !== key) return null;
  const outputs = Object.entries(entry.outputs);
  if (outputs.length === 0) return null;
  const inside = path.resolve(folder) + path.sep;
  if (outputs.some(([relative]) => !path.resolve(folder, relative).startsWith(inside))) return null;
  // Read at once: one after another, waiting on each file cost more than hashing them all.
  const unchanged = await Promise.all(
    outputs.map(async ([relative, hash]) => {
      try {
        return sha256(await readFile(path.resolve(folder, relative))) === hash;
      } catch {
        return false;
      }
    }),
  );
  if (unchanged.includes(false)) return null;
  return { diagnostics: entry.diagnostics as unknown as Diagnostic[], files: outputs.length };
}

async function readEntry(folder: string): Promise<z.infer<typeof Entry> | null> {
  try {
    const parsed = Entry.safeParse(JSON.parse((await readCacheFile(folder, CACHE_FILE)) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** One output of a build: the hash of its bytes, and the key of what it was rendered from. */
export interface OutputRecord {
  readonly hash: string;
  readonly key: string;
}

/** The outputs the last build into a folder wrote, as its record says: a build keeps those it would render the same. */
export interface LastOutputs {
  /**
   * The output's record when the last build rendered `relative` from `key` and the file is still there with the
   * bytes it wrote (checked now: a file edited or replaced since is rendered again); null otherwise.
   */
  readonly keep: (relative: string, key: string) => Promise<OutputRecord | null>;
}

/** The outputs of the last build into `folder`; with no usable record, none is kept. */
export async function lastOutputs(folder: string): Promise<LastOutputs> {
  const entry = await readEntry(folder);
  const inside = path.resolve(folder) + path.sep;
  return {
    keep: async (relative, key) => {
      const hash = entry?.outputs[relative];
      if (hash === undefined || entry?.keys[relative] !== key) return null;
      const target = path.resolve(folder, relative);
      if (!target.startsWith(inside)) return null;
      try {
        return sha256(await readFile(target)) === hash ? { hash, key } : null;
      } catch {
        return null;
      }
    },
  };
}

/** Records a build that wrote `outputs` (relative path → bytes hash and render key) into `folder`, in the user's cache. */
export async function remember(folder: string, key: string, outputs: ReadonlyMap<string, OutputRecord>, diagnostics: readonly Diagnostic[]): Promise<void> {
  const sorted = [...outputs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const entry = {
    entry: ENTRY_VERSION,
    key,
    outputs: Object.fromEntries(sorted.map(([relative, o]) => [relative, o.hash])),
    keys: Object.fromEntries(sorted.map(([relative, o]) => [relative, o.key])),
    diagnostics,
  };
  await writeCacheFile(folder, CACHE_FILE, JSON.stringify(entry));
}
