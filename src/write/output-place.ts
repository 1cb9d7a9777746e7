// Where a meeting's outputs may go: never into its own folder, nor into a folder that holds it, or a build
// would write its files among the sources (and its next build read them as input, or remove them).

import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { outputFolder } from '../output-names.js';

/** The real path of a folder that may not exist yet: its nearest existing parent's real path, and the rest. */
export async function realFolder(folder: string): Promise<string> {
  const absolute = path.resolve(folder);
  try {
    return await realpath(absolute);
  } catch {
    const parent = path.dirname(absolute);
    return parent === absolute ? absolute : path.join(await realFolder(parent), path.basename(absolute));
  }
}

const within = (inner: string, outer: string) => inner === outer || inner.startsWith(outer.endsWith(path.sep) ? outer : outer + path.sep);

/** What is wrong with writing the outputs of the meeting in `dir` under `out` (links followed); null when nothing is. */
export async function outputPlaceProblem(out: string, dir: string): Promise<string | null> {
  const target = outputFolder(out, dir);
  const [folder, meeting] = await Promise.all([realFolder(target), realFolder(dir)]);
  const shown = target.split(path.sep).join('/');
  if (within(folder, meeting)) {
    return `--out ${out} would write the files of ${dir} into ${shown}/, ${folder === meeting ? 'the meeting folder itself' : 'inside the meeting folder'}; choose an output folder outside it (the default is output/)`;
  }
  if (within(meeting, folder)) {
    return `--out ${out} would write the files of ${dir} into ${shown}/, a folder that holds the meeting folder; choose an output folder outside it (the default is output/)`;
  }
  return null;
}
