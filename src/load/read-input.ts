// Files acta reads that the user names (a meeting's Markdown, a reference document, a DOCX to import): each must be
// a regular file under a known size, checked before a byte is read, so a FIFO, a device such as /dev/zero or a huge
// file is refused at once instead of being waited on or read until memory runs out.

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
