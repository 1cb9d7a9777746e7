// Writes build results atomically: each file goes to a temporary name beside it, then is renamed.

import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface OutputFile {
  /** Relative to the meeting's output folder, with `/` separators. */
  readonly path: string;
  readonly content: string | Uint8Array;
}

export class UnsafeOutputPath extends Error {}

/** A write the system refused (disk full, a folder in the way…): an environment problem, not a bug. */
export class WriteFailed extends Error {
  static of(target: string, cause: unknown): WriteFailed {
    return new WriteFailed(`cannot write ${target}: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

const TEMPORARY = /^\..+\.\d+\.tmp$/;

export interface WriteOptions {
  /**
   * Every file this build could have written (relative paths, `/` separators, as output-names makes
   * them): one it did not write this time was left by a previous build, and is removed after a good
   * write. Any other file in the folder is not acta's to remove.
   */
  readonly owned?: Pick<ReadonlySet<string>, 'has'>;
}

/**
 * Writes a build's files as they are rendered, each to a temporary file beside its place (so its
 * content need not stay in memory), then renames them all into place on commit: until then, and if
 * anything fails, every previous output stays as it was.
 */
export class OutputWriter {
  private readonly root: string;
  private readonly pending: { readonly relative: string; readonly target: string; readonly temporary: string }[] = [];
  private cleared = false;

  constructor(private readonly folder: string) {
    this.root = path.resolve(folder);
  }

  async add(file: OutputFile): Promise<void> {
    const target = path.resolve(this.root, file.path);
    if (target === this.root || !target.startsWith(this.root + path.sep)) {
      await this.abort();
      throw new UnsafeOutputPath(`refusing to write outside ${this.folder}: ${file.path}`);
    }
    if (!this.cleared) {
      // A build killed mid-write leaves its temporary files: the next build clears them.
      this.cleared = true;
      for (const relative of await listFiles(this.root)) {
        if (TEMPORARY.test(path.basename(relative))) await rm(path.join(this.root, relative), { force: true });
      }
    }
    const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
    this.pending.push({ relative: file.path, target, temporary });
    try {
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(temporary, file.content);
    } catch (e) {
      await this.abort();
      throw WriteFailed.of(path.relative(process.cwd(), target) || target, e);
    }
  }

  /** Renames every file into place: a reader sees the old file or the new one, never a part of one. */
  async commit(options: WriteOptions = {}): Promise<string[]> {
    const written: string[] = [];
    try {
      for (const { target, temporary } of this.pending) {
        try {
          await rename(temporary, target);
        } catch (e) {
          throw WriteFailed.of(path.relative(process.cwd(), target) || target, e);
        }
        written.push(target);
      }
    } finally {
      for (const { temporary } of this.pending.slice(written.length)) await rm(temporary, { force: true });
    }
    if (options.owned) {
      const kept = new Set(this.pending.map((p) => p.relative));
      for (const relative of await listFiles(this.root)) {
        if (!kept.has(relative) && options.owned.has(relative)) await rm(path.join(this.root, relative), { force: true });
      }
    }
    return written;
  }

  /** Removes the temporary files written so far; nothing is renamed. */
  async abort(): Promise<void> {
    for (const { temporary } of this.pending) await rm(temporary, { force: true });
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
  return writer.commit(options);
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
