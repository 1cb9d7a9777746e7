// Finds the sessions of an archive: each path given is a meeting folder (it holds meeting.md) or a folder of
// meeting folders, read in name order.

import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { error, type Diagnostic, type Result } from '../diagnostics.js';

export async function findMeetings(paths: readonly string[]): Promise<Result<string[]>> {
  const diagnostics: Diagnostic[] = [];
  const found: string[] = [];
  for (const given of paths) {
    const at = { file: given, line: 1, column: 1 };
    let isFolder = false;
    try {
      isFolder = (await stat(given)).isDirectory();
    } catch {
      diagnostics.push(error(at, 'no-such-folder', 'Unexpected path that does not exist, expected a meeting folder or a folder of meeting folders'));
      continue;
    }
    if (!isFolder) {
      diagnostics.push(error(at, 'not-a-folder', 'Unexpected file, expected a meeting folder or a folder of meeting folders'));
      continue;
    }
    if (existsSync(path.join(given, 'meeting.md'))) {
      found.push(given);
      continue;
    }
    const entries = (await readdir(given, { withFileTypes: true })).filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name).sort();
    const meetings = entries.map((name) => path.join(given, name)).filter((dir) => existsSync(path.join(dir, 'meeting.md')));
    if (meetings.length === 0) diagnostics.push(error(at, 'no-meetings', 'Unexpected folder with no meeting in it, expected a meeting folder (with meeting.md) or a folder of meeting folders'));
    found.push(...meetings);
  }
  // The same session given twice (as itself and in its archive) counts once.
  const unique = [...new Map(found.map((dir) => [path.resolve(dir), dir])).values()];
  return { value: unique, diagnostics };
}
