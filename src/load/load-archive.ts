// Finds the sessions of an archive: each path given is a meeting folder (it holds meeting.md) or a folder of
// meeting folders, read in name order; and reads the meeting.md of the sessions beside a meeting.

import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { error, pathError, type Diagnostic, type Result } from '../diagnostics.js';
import { LIMITS } from '../limits.js';
import { readRegularFile } from './read-input.js';
import type { SourceFile } from './load-meeting.js';

export async function findMeetings(paths: readonly string[]): Promise<Result<string[]>> {
  const diagnostics: Diagnostic[] = [];
  const found: string[] = [];
  for (const given of paths) {
    const at = { file: given, line: 1, column: 1 };
    let isFolder = false;
    try {
      isFolder = (await stat(given)).isDirectory();
    } catch {
      diagnostics.push(pathError(given, 'no-such-folder', `Folder \`${given}\` not found, expected a meeting folder or a folder of meeting folders (check the path)`));
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

/**
 * The meeting.md of each session in the folder that holds a meeting (its archive), in name order: what the Akoma
 * Ntoso export reads to name a decision of another session. One that cannot be read is skipped, never waited on: it
 * is not this build's to check.
 */
export async function readNeighbourMeetings(dir: string): Promise<SourceFile[]> {
  const archive = path.dirname(path.resolve(dir));
  let entries: string[];
  try {
    entries = (await readdir(archive, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  } catch {
    return [];
  }
  const files: SourceFile[] = [];
  for (const name of entries) {
    // Read as a meeting's own files are: a pipe or a device there is skipped, never waited on; nor is a huge file read.
    const file = path.join(archive, name, 'meeting.md');
    const read = await readRegularFile(file, LIMITS.meetingBytes);
    if (!read.refused) files.push({ path: file, text: read.bytes.toString('utf8') });
  }
  return files;
}
