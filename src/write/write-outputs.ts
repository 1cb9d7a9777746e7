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
  constructor(
    readonly target: string,
    cause: unknown,
  ) {
    super(`cannot write ${target}: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

const TEMPORARY = /^\..+\.\d+\.tmp$/;

export interface WriteOptions {
  /** Files acta wrote before and no longer writes (relative paths, `/` separators): removed after a good write. */
  readonly stale?: (relative: string) => boolean;
}

/** Resolves every path first, so a bad one writes nothing; then writes each file and renames it into place. */
export async function writeOutputs(folder: string, files: readonly OutputFile[], options: WriteOptions = {}): Promise<string[]> {
  const root = path.resolve(folder);
  const targets = files.map((file) => {
    const target = path.resolve(root, file.path);
    if (target !== root && !target.startsWith(root + path.sep)) throw new UnsafeOutputPath(`refusing to write outside ${folder}: ${file.path}`);
    return { target, content: file.content };
  });
  // A build killed mid-write leaves its temporary files: the next build clears them.
  for (const relative of await listFiles(root)) {
    if (TEMPORARY.test(path.basename(relative))) await rm(path.join(root, relative), { force: true });
  }
  const written: string[] = [];
  const temporaries: string[] = [];
  let current = folder;
  try {
    // Write every temporary file first, so a failure leaves every previous output as it was.
    for (const { target, content } of targets) {
      current = target;
      await mkdir(path.dirname(target), { recursive: true });
      const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
      temporaries.push(temporary);
      await writeFile(temporary, content);
    }
    // Then rename each into place: a reader sees the old file or the new one, never a part of one.
    for (const [index, { target }] of targets.entries()) {
      current = target;
      await rename(temporaries[index]!, target);
      written.push(target);
    }
  } catch (e) {
    throw new WriteFailed(path.relative(process.cwd(), current) || current, e);
  } finally {
    for (const temporary of temporaries.slice(written.length)) await rm(temporary, { force: true });
  }
  if (options.stale) {
    const kept = new Set(files.map((f) => f.path));
    for (const relative of await listFiles(root)) {
      if (!kept.has(relative) && options.stale(relative)) await rm(path.join(root, relative), { force: true });
    }
  }
  return written;
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
