// Files acta reads that the user names (a meeting's Markdown, a reference document, a DOCX to import): each must be
// a regular file under a known size, checked before a byte is read, so a FIFO, a device such as /dev/zero or a huge
// file is refused at once instead of being waited on or read until memory runs out.

import { constants } from 'node:fs';
import { open, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

/** What the path is when it is not a regular file. */
export type NotAFile = 'folder' | 'pipe' | 'device' | 'socket';

export type FileRefusal =
  | { readonly kind: 'missing' }
  | { readonly kind: 'not-a-file'; readonly what: NotAFile }
  | { readonly kind: 'too-large'; readonly size: number }
  | { readonly kind: 'unreadable' };

export type RegularFile = { readonly bytes: Buffer; readonly refused?: undefined } | { readonly bytes?: undefined; readonly refused: FileRefusal };

const SPECIAL: Readonly<Record<NotAFile, string>> = { folder: 'folder', pipe: 'named pipe (a special file)', device: 'device (a special file)', socket: 'socket (a special file)' };

/** What a path that is not a regular file is, in a message's words. */
export function describeNotAFile(what: NotAFile): string {
  return SPECIAL[what];
}

function notAFile(info: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean }): NotAFile {
  return info.isDirectory() ? 'folder' : info.isFIFO() ? 'pipe' : info.isSocket() ? 'socket' : 'device';
}

/** The size of a regular file and its number of names (hard links), or why it is not one; nothing is opened. */
export async function sizeOfRegularFile(
  file: string,
): Promise<{ readonly size: number; readonly links: number; readonly refused?: undefined } | { readonly size?: undefined; readonly refused: FileRefusal }> {
  try {
    const info = await stat(file);
    return info.isFile() ? { size: info.size, links: info.nlink } : { refused: { kind: 'not-a-file', what: notAFile(info) } };
  } catch (e) {
    return { refused: { kind: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable' } };
  }
}

/** Reads a regular file of at most `maxBytes`. */
export async function readRegularFile(file: string, maxBytes: number): Promise<RegularFile> {
  const sized = await sizeOfRegularFile(file);
  if (sized.refused) return { refused: sized.refused };
  if (sized.size > maxBytes) return { refused: { kind: 'too-large', size: sized.size } };
  // Non-blocking, so a file swapped for a pipe after the check above cannot hold the open; its kind is checked again
  // on what was opened, and no more than the limit is read from a file that grew since.
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return { refused: { kind: 'unreadable' } };
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { refused: { kind: 'not-a-file', what: notAFile(info) } };
    if (info.size > maxBytes) return { refused: { kind: 'too-large', size: info.size } };
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      // The size it said, and one byte more to see its end; then small steps, should it have grown.
      const chunk = Buffer.alloc(Math.min(maxBytes + 1 - length, length < info.size ? info.size - length + 1 : 64 * 1024));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, length);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      length += bytesRead;
      if (length > maxBytes) return { refused: { kind: 'too-large', size: length } };
    }
    return { bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, length) };
  } catch {
    return { refused: { kind: 'unreadable' } };
  } finally {
    await handle.close();
  }
}

/** Why a file was not read, in a user's words. */
export class InputRefused extends Error {}

const MB = 1024 * 1024;
const SAID: Readonly<Record<NotAFile, string>> = { folder: 'a folder', pipe: 'a device, pipe or socket', device: 'a device, pipe or socket', socket: 'a device, pipe or socket' };

/** The bytes of `file`, at most `limit` of them; throws InputRefused for anything else than a regular file of that size. */
export async function readBoundedFile(file: string, limit: number): Promise<Uint8Array> {
  const read = await readRegularFile(file, limit);
  if (read.bytes) return new Uint8Array(read.bytes.buffer, read.bytes.byteOffset, read.bytes.byteLength);
  switch (read.refused.kind) {
    case 'missing':
      throw new InputRefused('there is no such file');
    case 'not-a-file':
      throw new InputRefused(`it is not a regular file (${SAID[read.refused.what]})`);
    case 'too-large':
      throw new InputRefused(`it is ${Math.ceil(read.refused.size / MB)} MB, more than the ${Math.round(limit / MB)} MB acta reads`);
    case 'unreadable':
      throw new InputRefused('it cannot be read');
  }
}

/** Where a file really is and its size, or why it cannot be read. */
export type Located =
  | { readonly real: string; readonly size: number }
  | { readonly real?: undefined; readonly problem: 'missing' | 'outside' | 'hard-link' | 'unreadable' }
  | { readonly real?: undefined; readonly problem: 'not-a-file'; readonly what: NotAFile };

export async function locate(root: string, file: string): Promise<Located> {
  let real: string;
  try {
    real = await realpath(file);
  } catch {
    return { problem: 'missing' };
  }
  const relative = path.relative(root, real);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return { problem: 'outside' };
  const sized = await sizeOfRegularFile(real);
  if (sized.refused?.kind === 'not-a-file') return { problem: 'not-a-file', what: sized.refused.what };
  if (sized.refused) return { problem: sized.refused.kind === 'missing' ? 'missing' : 'unreadable' };
  // A hard link is the same file under two names, and the other may be outside the meeting folder
  // (a file of someone else's, a secret): no link can say where, so none is read.
  if (sized.links > 1) return { problem: 'hard-link' };
  return { real, size: sized.size };
}

/** Files that systems and editors leave in folders: hidden files, backups, Windows' thumbnails, Word's lock files. */
export function isDropping(entry: string): boolean {
  const lower = entry.toLowerCase();
  return entry.startsWith('.') || entry.endsWith('~') || entry.startsWith('~$') || lower === 'thumbs.db' || lower === 'desktop.ini';
}
