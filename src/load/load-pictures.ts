// The pictures of a meeting: the files of its `images/` folder, read with their sizes bounded, for the Markdown's
// `![description](images/…)` to show.

import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { error, type Diagnostic } from '../diagnostics.js';
import { formatMegabytes, LIMITS } from '../limits.js';
import { describeNotAFile, isDropping, locate, readRegularFile } from './read-input.js';

/** The folder of a meeting that holds its pictures, and the kinds of file read there. */
export const IMAGES_FOLDER = 'images';
export const PICTURE_FILE = /\.(png|jpe?g|svg)$/i;

/**
 * The pictures of `images/` and its folders (PNG, JPEG, SVG; other files there are not acta's and are left alone),
 * each at most LIMITS.pictureBytes and all together LIMITS.picturesBytes; one that cannot be read is said at its file.
 */
export async function loadPictures(root: string, dir: string, said: Diagnostic[]): Promise<Map<string, Uint8Array | null>> {
  const folder = path.join(dir, IMAGES_FOLDER);
  const images = new Map<string, Uint8Array | null>();
  const key = (file: string) => path.relative(dir, file).split(path.sep).join('/').normalize('NFC');
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(folder, { recursive: true, withFileTypes: true });
  } catch {
    return images;
  }
  const files = entries
    // A folder is listed with its files, whatever its name (`maps.png/`).
    .filter((e) => !e.isDirectory())
    .map((e) => path.join(e.parentPath, e.name))
    .filter((file) => PICTURE_FILE.test(file) && !path.relative(folder, file).split(path.sep).some(isDropping))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let total = 0;
  for (const file of files) {
    const at = { file, line: 1, column: 1 };
    const located = await locate(root, file);
    if (located.real === undefined) {
      if (located.problem === 'outside') said.push(error(at, 'outside-link', 'Unexpected link to a file outside the meeting folder, expected a picture inside it (refused)'));
      else if (located.problem === 'hard-link') said.push(error(at, 'hard-link', 'Unexpected picture that is also stored under another name (a hard link), expected a file of its own: copy it instead (refused)'));
      else if (located.problem === 'not-a-file') said.push(error(at, 'not-a-file', `Unexpected ${describeNotAFile(located.what)}, expected a picture file`));
      // A folder inside images/ is listed with its files; anything else unreadable is said when the Markdown shows it.
      if (located.problem !== 'missing' && located.problem !== 'unreadable') images.set(key(file), null);
      continue;
    }
    if (located.size > LIMITS.pictureBytes || total + located.size > LIMITS.picturesBytes) {
      const one = located.size > LIMITS.pictureBytes;
      said.push(
        error(at, 'picture-too-large', one
          ? `Unexpected picture of ${formatMegabytes(located.size)}, expected at most ${formatMegabytes(LIMITS.pictureBytes)}: save it smaller (a PNG or JPEG the width of a page is well under 1 MB)`
          : `Unexpected picture that brings the meeting's pictures over ${formatMegabytes(LIMITS.picturesBytes)}, expected at most that together: save the pictures smaller`),
      );
      images.set(key(file), null);
      continue;
    }
    const read = await readRegularFile(located.real, LIMITS.pictureBytes);
    if (read.refused) {
      said.push(error(at, 'unreadable', 'Unexpected unreadable file, expected a readable picture'));
      images.set(key(file), null);
      continue;
    }
    total += read.bytes.length;
    images.set(key(file), new Uint8Array(read.bytes));
  }
  return images;
}
