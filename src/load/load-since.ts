// Reads the earlier version `acta renumbering --since REF` compares with: an older copy of the meeting folder, an
// earlier build's JSON, or, when the folder is in git, the folder at a revision (read with `git ls-tree` and
// `git show`, so nothing in the working copy changes).

import { execFile } from 'node:child_process';
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { error, type Diagnostic } from '../diagnostics.js';
import { LOCK_FILE, loadMeeting, loadedFromFiles, type LoadedMeeting } from './load-meeting.js';

const run = promisify(execFile);

export type Since =
  | { readonly kind: 'folder' | 'git'; readonly loaded: LoadedMeeting; readonly diagnostics: readonly Diagnostic[] }
  /** An earlier build's `{symbol}.json`, with `decisions.json` beside it when it is there. */
  | { readonly kind: 'json'; readonly data: unknown; readonly decisions: unknown };

export class UnknownSince extends Error {}

/** The earlier version of the meeting in `dir` that `since` names; throws UnknownSince (a usage problem) when it names none. */
export async function loadSince(dir: string, since: string): Promise<Since | { readonly problem: Diagnostic }> {
  const info = await stat(since).catch(() => null);
  if (info?.isDirectory()) {
    const loaded = await loadMeeting(since);
    return { kind: 'folder', loaded: loaded.value, diagnostics: loaded.diagnostics };
  }
  if (info?.isFile()) {
    const at = { file: since, line: 1, column: 1 };
    let data: unknown;
    try {
      data = JSON.parse(await readFile(since, 'utf8'));
    } catch {
      return { problem: error(at, 'bad-since', 'Unexpected file that is not the JSON of a report, expected a meeting folder, the `{symbol}.json` an earlier build wrote, or a git revision') };
    }
    // The register the same build wrote beside it, for the decision ids: none is no problem, a damaged one is said.
    const beside = path.join(path.dirname(since), /-public\.json$/.test(since) ? 'decisions-public.json' : 'decisions.json');
    const text = await readFile(beside, 'utf8').catch(() => null);
    if (text === null) return { kind: 'json', data, decisions: null };
    try {
      return { kind: 'json', data, decisions: JSON.parse(text) as unknown };
    } catch {
      return { problem: error({ file: beside, line: 1, column: 1 }, 'bad-since', `Unexpected \`${path.basename(beside)}\` that is not JSON beside the report's, expected the decisions an earlier build wrote there (delete it to compare without the decision ids)`) };
    }
  }
  return loadRevision(dir, since);
}

async function git(cwd: string, args: readonly string[]): Promise<string> {
  const { stdout } = await run('git', ['-C', cwd, ...args], { maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' });
  return stdout;
}

/** The meeting folder as it was at a git revision. */
async function loadRevision(dir: string, revision: string): Promise<Since | { readonly problem: Diagnostic }> {
  const at = { file: dir, line: 1, column: 1 };
  let top: string;
  try {
    top = (await git(dir, ['rev-parse', '--show-toplevel'])).trim();
  } catch {
    throw new UnknownSince(`--since ${revision}: no such folder or file, and ${dir} is not in a git repository: give an older copy of the meeting folder, an earlier build's JSON, or a git revision`);
  }
  let commit: string;
  try {
    commit = (await git(top, ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`])).trim();
  } catch {
    throw new UnknownSince(`--since ${revision}: no such folder, file or git revision`);
  }
  const folder = path.relative(await realpath(top), await realpath(dir)).split(path.sep).join('/');
  const listed = (await git(top, ['ls-tree', '-r', '-z', '--name-only', commit, '--', folder === '' ? '.' : folder])).split('\0').filter(Boolean);
  const inside = folder === '' ? '' : `${folder}/`;
  const wanted = listed.map((p) => p.slice(inside.length)).filter((p) => p === LOCK_FILE || /\.md$/i.test(p));
  if (!wanted.includes('meeting.md')) return { problem: error(at, 'no-meeting-then', `Unexpected revision ${revision} at which the folder has no meeting.md, expected a revision at which the meeting existed`) };
  const files = await Promise.all(wanted.map(async (p) => ({ path: p, text: await git(top, ['show', `${commit}:${inside}${p}`]) })));
  return { kind: 'git', loaded: loadedFromFiles(`${dir.replace(/\/+$/, '')}@${revision}`, files), diagnostics: [] };
}
