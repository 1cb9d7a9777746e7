// Files acta reads that the user names on the command line (a reference document, a DOCX to import):
// each must be a regular file under a known size, checked before a byte is read, so a FIFO, a device
// such as /dev/zero or a huge file is refused at once instead of being read until memory runs out.

import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';

/** Why a file was not read, in a user's words. */
export class InputRefused extends Error {}

const MB = 1024 * 1024;

/** The bytes of `file`, at most `limit` of them; throws InputRefused for anything else than a regular file of that size. */
export async function readBoundedFile(file: string, limit: number): Promise<Uint8Array> {
  let info;
  try {
    info = await stat(file);
  } catch {
    throw new InputRefused('there is no such file');
  }
  if (!info.isFile()) throw new InputRefused(`it is not a regular file (${info.isDirectory() ? 'a folder' : 'a device, pipe or socket'})`);
  if (info.size > limit) throw new InputRefused(`it is ${Math.ceil(info.size / MB)} MB, more than the ${Math.round(limit / MB)} MB acta reads`);
  // Opened without waiting (a file swapped for a pipe since the check would otherwise block), and checked again.
  const handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)).catch(() => {
    throw new InputRefused('it cannot be read');
  });
  try {
    const opened = await handle.stat();
    if (!opened.isFile() || opened.size > limit) throw new InputRefused('it changed while acta was reading it');
    const bytes = new Uint8Array(opened.size);
    let read = 0;
    while (read < bytes.length) {
      const { bytesRead } = await handle.read(bytes, read, bytes.length - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return bytes.subarray(0, read);
  } finally {
    await handle.close();
  }
}
