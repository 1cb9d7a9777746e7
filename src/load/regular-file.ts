// Reads a file given as a file: a regular file under a size, or a refusal that says why. A pipe, a device or a
// folder is refused from its metadata at once, never opened and waited on; a file over the size is never read.

import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';

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

/** The size of a regular file, or why it is not one; nothing is opened. */
export async function sizeOfRegularFile(file: string): Promise<{ readonly size: number; readonly refused?: undefined } | { readonly size?: undefined; readonly refused: FileRefusal }> {
  try {
    const info = await stat(file);
    return info.isFile() ? { size: info.size } : { refused: { kind: 'not-a-file', what: notAFile(info) } };
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
