// Writes build results atomically: each file goes to a temporary name beside it, then is renamed.
// The output folder is not trusted (it is often on a shared drive): acta writes only into real
// folders of it, never through a link, and removes only files its manifest lists, that are still
// regular files in real folders inside it, and its own temporaries.

import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readFile, readdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sha256 } from '../hash.js';

export interface OutputFile {
  /** Relative to the meeting's output folder, with `/` separators. */
  readonly path: string;
  readonly content: string | Uint8Array;
  /** The key of what it was rendered from (see render-key.ts), when the build keeps a record of it. */
  readonly key?: string;
}

export class UnsafeOutputPath extends Error {}

/** A write the system refused (disk full, a folder in the way…): an environment problem, not a bug. */
export class WriteFailed extends Error {
  static of(target: string, cause: unknown): WriteFailed {
    return new WriteFailed(`cannot write ${target}: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

export interface WriteOptions {
  /**
   * Every file this build could have written (relative paths, `/` separators, as output-names makes
   * them): one it did not write this time was left by a previous build, and is removed after a good
   * write. Any other file in the folder is not acta's to remove.
   */
  readonly owned?: Pick<ReadonlySet<string>, 'has'>;
  /**
   * Keep a manifest of what this build wrote (MANIFEST in the folder), each file with the key of the sources it was made
   * from (`sources`, see build-cache's sourcesKey), and remove what the previous manifest lists and this build did not
   * write again, unless it was made from these very sources (a format or edition this build was not asked for, still
   * true to them): an old symbol, an annex now restricted and any file of older sources go. A file that no build wrote
   * is never removed. With a manifest, `owned` is not used: it only serves folders written before manifests existed.
   */
  readonly manifest?: { readonly sources: string | null };
}

/**
 * What a commit did: the files written (absolute paths), those of an earlier build it removed, and those it would have
 * removed but left in place because their bytes are no longer what acta wrote (someone edited them: relative paths).
 */
export interface Committed {
  readonly written: string[];
  readonly removed: string[];
  readonly changed: string[];
}

/** The list of what the last build wrote, in the meeting's output folder. */
export const MANIFEST = '.acta-manifest.json';

/**
 * Writes a build's files as they are rendered, each to a temporary file beside its place (so its
 * content need not stay in memory), then renames them all into place on commit: until then, and if
 * anything fails, every previous output stays as it was.
 */
export class OutputWriter {
  private readonly root: string;
  /** Each file of the build; a file kept as the last build wrote it has no temporary. */
  private readonly pending: { readonly relative: string; readonly target: string; readonly temporary: string | null; readonly hash: string | null }[] = [];
  /**
   * This writer's temporaries carry a random id of their own (`.X.docx.<id>.acta.tmp`): it removes those
   * and nothing else, so neither a user's `.notes.1.tmp` nor another build's temporaries are touched.
   */
  private readonly id = randomBytes(6).toString('hex');

  constructor(private readonly folder: string) {
    this.root = path.resolve(folder);
  }

  async add(file: OutputFile): Promise<void> {
    const target = await this.placeOf(file.path);
    const temporary = this.temporaryOf(target);
    this.pending.push({ relative: file.path, target, temporary, hash: sha256(file.content) });
    try {
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(temporary, file.content);
    } catch (e) {
      await this.abort();
      throw WriteFailed.of(path.relative(process.cwd(), target) || target, e);
    }
  }

  /** Counts a file of the last build, left as it is (its bytes and time untouched), among this build's files. */
  async keep(relative: string): Promise<void> {
    this.pending.push({ relative, target: await this.placeOf(relative), temporary: null, hash: null });
  }

  /** Where a file goes: inside the folder, through real folders only. */
  private async placeOf(relative: string): Promise<string> {
    const target = path.resolve(this.root, relative);
    if (target === this.root || !target.startsWith(this.root + path.sep)) {
      await this.abort();
      throw new UnsafeOutputPath(`refusing to write outside ${this.folder}: ${relative}`);
    }
    const link = await linkOnTheWay(this.root, path.dirname(target));
    if (link !== null) {
      await this.abort();
      throw new UnsafeOutputPath(`refusing to write ${relative} through ${path.relative(process.cwd(), link) || link}, a link in the output folder: acta writes only into real folders of ${this.folder}`);
    }
    return target;
  }

  private temporaryOf(target: string): string {
    return path.join(path.dirname(target), `.${path.basename(target)}.${this.id}.acta.tmp`);
  }

  /** Renames every file into place: a reader sees the old file or the new one, never a part of one. */
  async commit(options: WriteOptions = {}): Promise<Committed> {
    const written: string[] = [];
    try {
      for (const { target, temporary } of this.pending) {
        try {
          if (temporary !== null) await rename(temporary, target);
        } catch (e) {
          throw WriteFailed.of(path.relative(process.cwd(), target) || target, e);
        }
        written.push(target);
      }
    } finally {
      for (const { temporary } of this.pending.slice(written.length)) if (temporary !== null) await rm(temporary, { force: true });
    }
    const previous = options.manifest ? await readManifest(this.root) : null;
    const { removed, changed } = options.manifest ? await this.replaceManifest(previous ?? { files: [], sources: {}, hashes: {} }, options.manifest.sources) : { removed: [], changed: [] };
    if (options.owned && previous === null) {
      const kept = new Set(this.pending.map((p) => p.relative));
      for (const relative of await listFiles(this.root)) {
        if (!kept.has(relative) && options.owned.has(relative) && (await removable(this.root, relative))) {
          await rm(path.join(this.root, relative), { force: true });
          removed.push(relative);
        }
      }
    }
    return { written, removed, changed };
  }

  /**
   * Removes what the previous build wrote, this one did not, and other sources made; records what this one wrote and
   * what it kept, with their sources' keys and bytes' hashes; returns what it removed, and what it left in place because
   * it was edited since acta wrote it (that file is no longer acta's: it leaves the manifest and is never removed).
   */
  private async replaceManifest(previous: Manifest, sources: string | null): Promise<{ removed: string[]; changed: string[] }> {
    const now = new Set(this.pending.map((p) => p.relative));
    const made: Record<string, string> = {};
    const hashes: Record<string, string> = {};
    for (const p of this.pending) {
      const hash = p.hash ?? previous.hashes[p.relative];
      if (hash !== undefined) hashes[p.relative] = hash;
    }
    const removed: string[] = [];
    const changed: string[] = [];
    for (const relative of previous.files) {
      if (now.has(relative)) continue;
      const target = path.resolve(this.root, relative);
      if (!target.startsWith(this.root + path.sep) || relative === MANIFEST) continue;
      // The manifest is the folder's, which anyone may edit: a listed file goes only if it is still a regular file in
      // real folders inside this one (never through a link to elsewhere); one already gone (removed by hand) is dropped.
      if (!(await removable(this.root, relative))) continue;
      // A reviewer may have edited a DOCX where it was written: what is not as acta wrote it is theirs, never removed.
      const recorded = previous.hashes[relative];
      if (recorded !== undefined && sha256(await readFile(target)) !== recorded) {
        changed.push(relative);
        continue;
      }
      const key = previous.sources[relative];
      if (sources !== null && key === sources) {
        made[relative] = key; // of a format or edition this build was not asked for, and still true to the sources
        if (recorded !== undefined) hashes[relative] = recorded;
        continue;
      }
      await rm(target, { force: true });
      if (path.dirname(target) !== this.root) await rmdir(path.dirname(target)).catch(() => undefined); // only if that left it empty
      removed.push(relative);
    }
    if (sources !== null) for (const relative of now) made[relative] = sources;
    const files = [...now, ...Object.keys(made).filter((f) => !now.has(f))].sort();
    const temporary = this.temporaryOf(path.join(this.root, MANIFEST));
    const about = 'The files acta builds wrote here, each with the key of the sources it was made from and the hash of its bytes; the next build removes those it does not write again, unless made from the same sources or edited since.';
    const only = (record: Record<string, string>) => Object.fromEntries(files.flatMap((f) => (record[f] ? [[f, record[f]]] : [])));
    await writeFile(temporary, `${JSON.stringify({ about, files, sources: only(made), hashes: only(hashes) }, null, 2)}\n`);
    await rename(temporary, path.join(this.root, MANIFEST));
    return { removed, changed };
  }

  /** Removes the temporary files written so far; nothing is renamed. */
  async abort(): Promise<void> {
    // Best effort: a temporary that could not even be made (its folder is a file: ENOTDIR) must not hide
    // the write failure being reported behind an error of its own.
    for (const { temporary } of this.pending) if (temporary !== null) await rm(temporary, { force: true }).catch(() => undefined);
    this.pending.length = 0;
  }
}

/** Writes a set of files already in memory, atomically as OutputWriter does. */
export async function writeOutputs(folder: string, files: readonly OutputFile[], options: WriteOptions = {}): Promise<string[]> {
  // Resolve every path first, so a bad one writes nothing at all.
  const root = path.resolve(folder);
  for (const file of files) {
    const target = path.resolve(root, file.path);
    if (target === root || !target.startsWith(root + path.sep)) throw new UnsafeOutputPath(`refusing to write outside ${folder}: ${file.path}`);
  }
  const writer = new OutputWriter(folder);
  for (const file of files) await writer.add(file);
  return (await writer.commit(options)).written;
}

/** What the previous builds wrote: each file, the key of the sources it was made from and the hash of its bytes (none in older manifests). */
interface Manifest {
  readonly files: readonly string[];
  readonly sources: Readonly<Record<string, string>>;
  readonly hashes: Readonly<Record<string, string>>;
}

/** The previous build's manifest; null when there is none (or it is not one). */
async function readManifest(root: string): Promise<Manifest | null> {
  try {
    const data = JSON.parse(await readFile(path.join(root, MANIFEST), 'utf8')) as { files?: unknown; sources?: unknown; hashes?: unknown };
    if (!Array.isArray(data.files)) return null;
    const strings = (record: unknown) => Object.fromEntries(record && typeof record === 'object' ? Object.entries(record).filter((e): e is [string, string] => typeof e[1] === 'string') : []);
    return { files: data.files.filter((f): f is string => typeof f === 'string'), sources: strings(data.sources), hashes: strings(data.hashes) };
  } catch {
    return null;
  }
}

/** The first link (symbolic link, or anything not a real folder) between `root` and `folder`, if any; null when all are real folders or not there yet. */
async function linkOnTheWay(root: string, folder: string): Promise<string | null> {
  const parts = path.relative(root, folder).split(path.sep).filter(Boolean);
  let current = root;
  for (const part of parts) {
    current = path.join(current, part);
    try {
      const info = await lstat(current);
      if (info.isSymbolicLink() || !info.isDirectory()) return current;
    } catch {
      return null; // not there yet: made by mkdir, a real folder
    }
  }
  return null;
}

/** Whether a file of the output folder may be removed: a regular file (not a link), every folder above it real and inside the output folder. */
async function removable(root: string, relative: string): Promise<boolean> {
  const target = path.resolve(root, relative);
  if (!target.startsWith(root + path.sep)) return false;
  const info = await lstat(target).catch(() => null);
  if (info === null || !info.isFile()) return false;
  for (let folder = path.dirname(target); folder !== root; folder = path.dirname(folder)) {
    const above = await lstat(folder).catch(() => null);
    if (above === null || above.isSymbolicLink() || !above.isDirectory()) return false;
  }
  return true;
}

async function listFiles(root: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  let entries;
  try {
    entries = await readdir(path.join(root, prefix), { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(root, relative)));
    else out.push(relative);
  }
  return out;
}
