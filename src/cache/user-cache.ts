// Where acta keeps what a build remembers for the next (its record and the parsed trees): the user's
// cache folder, never the output folder. An output folder is often on a shared drive; a record or a
// tree there could be edited by anyone, and the next build would trust it (publishing an edited
// tree's restricted text). Every cache file is written here, by the one atomic writer below.

import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { realFolder } from '../write/output-place.js';
import { sha256 } from '../hash.js';

/** The user's cache folder for acta: ACTA_CACHE_DIR (tests, scripts), else the XDG cache folder (`~/.cache/acta`), else the platform's. */
export function userCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.ACTA_CACHE_DIR) return path.resolve(env.ACTA_CACHE_DIR);
  if (env.XDG_CACHE_HOME) return path.join(env.XDG_CACHE_HOME, 'acta');
  if (process.platform === 'win32' && env.LOCALAPPDATA) return path.join(env.LOCALAPPDATA, 'acta', 'cache');
  if (process.platform === 'darwin') return path.join(homedir(), 'Library', 'Caches', 'acta');
  return path.join(homedir(), '.cache', 'acta');
}

/** The cache folder of one output folder: its files are what the last build into that folder left for the next. */
export async function cacheFolderOf(outputFolder: string): Promise<string> {
  const key = sha256(await realFolder(outputFolder)).slice(0, 32);
  return path.join(userCacheDir(), 'builds', key);
}

/** A cache file's text, or null when there is none or it cannot be read (a cache never fails a build). */
export async function readCacheFile(outputFolder: string, name: string): Promise<string | null> {
  try {
    return await readFile(path.join(await cacheFolderOf(outputFolder), name), 'utf8');
  } catch {
    return null;
  }
}

/** Writes a cache file atomically; a cache folder that cannot be written is no failure: the next build runs in full. */
export async function writeCacheFile(outputFolder: string, name: string, text: string): Promise<void> {
  try {
    const folder = await cacheFolderOf(outputFolder);
    // Only the user reads it: it holds the meeting's text, restricted parts included.
    await mkdir(folder, { recursive: true, mode: 0o700 });
    await writeAtomically(path.join(folder, name), text);
  } catch {
    // A read-only home, a full disk: the build itself has succeeded.
  }
}

/** The one atomic writer of cache files: a temporary beside the target, renamed onto it. */
export async function writeAtomically(target: string, text: string | Uint8Array): Promise<void> {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(8).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, text, { mode: 0o600 });
    await rename(temporary, target);
  } catch (e) {
    await rm(temporary, { force: true });
    throw e;
  }
}
