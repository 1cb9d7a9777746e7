// Reads a meeting folder from disk: meeting.md, items/*.md, annexes/*.md and the working documents
// (documents/*.md, documents/*/document.md with documents/*/annexes/*.md), as checked UTF-8 text.

import { readFile, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { error, pathError, pointAt, warning, type Diagnostic, type Result } from '../diagnostics.js';

export interface SourceFile {
  /** The path as shown in messages: the folder as given, joined with the file's relative path. */
  readonly path: string;
  readonly text: string;
}

export interface LoadedMeeting {
  readonly dir: string;
  readonly meeting: SourceFile | null;
  readonly items: readonly SourceFile[];
  readonly annexes: readonly SourceFile[];
  readonly documents: readonly LoadedDocument[];
}

/** A working document: one file, or a folder with document.md and its annexes. */
export interface LoadedDocument {
  /** The file or folder name without `.md`: the document's id unless its frontmatter gives one. */
  readonly name: string;
  readonly file: SourceFile;
  readonly annexes: readonly SourceFile[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Loads a meeting folder; problems come back as diagnostics, never as exceptions. */
export async function loadMeeting(dir: string): Promise<Result<LoadedMeeting>> {
  const diagnostics: Diagnostic[] = [];
  const empty: LoadedMeeting = { dir, meeting: null, items: [], annexes: [], documents: [] };
  const at = (file: string) => ({ file, line: 1, column: 1 });

  let root: string;
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) {
      diagnostics.push(error(at(dir), 'not-a-folder', 'Unexpected file, expected a meeting folder (with meeting.md in it)'));
      return { value: empty, diagnostics };
    }
    root = await realpath(dir);
  } catch {
    diagnostics.push(pathError(dir, 'no-such-folder', `Folder \`${dir}\` not found, expected a meeting folder (check the path)`));
    return { value: empty, diagnostics };
  }

  const meetingPath = path.join(dir, 'meeting.md');
  // Read at once; what each part says is reported in this order.
  const said: [Diagnostic[], Diagnostic[], Diagnostic[], Diagnostic[]] = [[], [], [], []];
  const [meeting, items, annexes, documents] = await Promise.all([
    readSource(root, meetingPath, said[0], true),
    readFolder(root, dir, 'items', said[1]),
    readFolder(root, dir, 'annexes', said[2]),
    readDocuments(root, dir, said[3]),
  ]);
  if (meeting === undefined) {
    said[0].push(error(at(meetingPath), 'missing-meeting', 'Unexpected folder without `meeting.md`, expected a meeting folder (run `acta init` to start one)'));
  }
  diagnostics.push(...said.flat());
  return { value: { dir, meeting: meeting ?? null, items, annexes, documents }, diagnostics };
}

async function readDocuments(root: string, dir: string, diagnostics: Diagnostic[]): Promise<LoadedDocument[]> {
  const folder = path.join(dir, 'documents');
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch {
    return [];
  }
  const documents: LoadedDocument[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (isDropping(entry.name)) continue;
    const where = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      const file = await readSource(root, path.join(where, 'document.md'), diagnostics, true);
      if (!file) {
        diagnostics.push(error({ file: where, line: 1, column: 1 }, 'missing-document', `Unexpected folder \`documents/${entry.name}/\` without \`document.md\`, expected the document's text in \`documents/${entry.name}/document.md\` (its annexes in \`annexes/\` beside it)`));
        continue;
      }
      documents.push({ name: entry.name, file, annexes: await readFolder(root, where, 'annexes', diagnostics) });
    } else if (entry.name.toLowerCase().endsWith('.md')) {
      const file = await readSource(root, where, diagnostics, false);
      if (file) documents.push({ name: entry.name.replace(/\.md$/i, ''), file, annexes: [] });
    } else {
      diagnostics.push(warning({ file: where, line: 1, column: 1 }, 'not-markdown', `Unexpected file \`${entry.name}\` in documents/, expected only Markdown files (\`.md\`) and document folders: it is ignored`));
    }
  }
  return documents;
}

async function readFolder(root: string, dir: string, name: string, diagnostics: Diagnostic[]): Promise<SourceFile[]> {
  const folder = path.join(dir, name);
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  // File-name order, by code point, so the order is the same on every machine and locale. The files are read
  // at once (acta watch reads them all on every save), and what each says is kept in that order.
  const read = await Promise.all(
    names
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      .filter((entry) => !isDropping(entry))
      .map(async (entry): Promise<{ source?: SourceFile; said: Diagnostic[] }> => {
        const file = path.join(folder, entry);
        if (!entry.toLowerCase().endsWith('.md')) {
          // A picture, the Word original, a PDF kept beside the text: not acta's, and no reason to stop.
          return { said: [warning({ file, line: 1, column: 1 }, 'not-markdown', `Unexpected file \`${entry}\` in ${name}/, expected only Markdown files (\`.md\`): it is ignored`)] };
        }
        const said: Diagnostic[] = [];
        const source = await readSource(root, file, said, false);
        return source ? { source, said } : { said };
      }),
  );
  const files: SourceFile[] = [];
  for (const { source, said } of read) {
    diagnostics.push(...said);
    if (source) files.push(source);
  }
  return files;
}

/** undefined: the file does not exist (only reported by the caller where it matters). */
async function readSource(
  root: string,
  file: string,
  diagnostics: Diagnostic[],
  optional: boolean,
): Promise<SourceFile | undefined> {
  const at = { file, line: 1, column: 1 };
  let real: string;
  try {
    real = await realpath(file);
  } catch {
    if (!optional) diagnostics.push(error(at, 'unreadable', 'Unexpected broken link or unreadable file, expected a Markdown file'));
    return undefined;
  }
  const relative = path.relative(root, real);
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    diagnostics.push(error(at, 'outside-link', 'Unexpected link to a file outside the meeting folder, expected a file inside it (refused)'));
    return undefined;
  }
  let bytes: Buffer;
  try {
    const info = await stat(real);
    if (!info.isFile()) {
      diagnostics.push(error(at, 'not-a-file', 'Unexpected folder, expected a Markdown file'));
      return undefined;
    }
    // A hard link is the same file under two names, and the other may be outside the meeting folder
    // (a file of someone else's, a secret): no link can say where, so none is read.
    if (info.nlink > 1) {
      diagnostics.push(error(at, 'hard-link', 'Unexpected file that is also stored under another name (a hard link, which may be a file outside the meeting folder), expected a file of its own: copy it instead (refused)'));
      return undefined;
    }
    bytes = await readFile(real);
  } catch {
    diagnostics.push(error(at, 'unreadable', 'Unexpected unreadable file, expected a readable Markdown file'));
    return undefined;
  }
  const utf16 = utf16Of(bytes);
  if (utf16) {
    diagnostics.push(
      error(at, 'not-utf8', `Unexpected UTF-16 text (${utf16}, what Notepad calls "Unicode"), expected UTF-8 text: save the file as UTF-8 (in Notepad: File, Save As, Encoding "UTF-8")`),
    );
    return undefined;
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    diagnostics.push(error(placeOfByte(file, bytes, nul), 'binary-file', 'Unexpected binary content (a NUL byte), expected Markdown text'));
    return undefined;
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    diagnostics.push(error(placeOfByte(file, bytes, bad), 'not-utf8', notUtf8Message(bytes, bad)));
    return undefined;
  }
  // TextDecoder drops a leading byte-order mark itself (ignoreBOM defaults to false).
  return { path: file, text };
}

/** Files that systems and editors leave in folders: hidden files, backups, Windows' thumbnails, Word's lock files. */
function isDropping(entry: string): boolean {
  const lower = entry.toLowerCase();
  return entry.startsWith('.') || entry.endsWith('~') || entry.startsWith('~$') || lower === 'thumbs.db' || lower === 'desktop.ini';
}

/**
 * "little-endian"/"big-endian" when the bytes are UTF-16: a byte-order mark, or (Notepad can save
 * without one) a NUL in every other byte of mostly ASCII text.
 */
function utf16Of(bytes: Buffer): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'little-endian';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'big-endian';
  const pairs = Math.min(bytes.length >> 1, 512);
  if (pairs < 2) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (bytes[i] === 0 && bytes[i + 1] !== 0) even++;
    if (bytes[i + 1] === 0 && bytes[i] !== 0) odd++;
  }
  if (odd >= pairs * 0.6) return 'little-endian';
  if (even >= pairs * 0.6) return 'big-endian';
  return null;
}

const windows1252 = new TextDecoder('windows-1252');

/** Names the encoding a file not in UTF-8 most likely has: Windows' Latin-1 (Windows-1252) when its bytes read as letters there. */
function notUtf8Message(bytes: Buffer, index: number): string {
  const byte = bytes[index]!;
  const hex = `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  const asLatin = windows1252.decode(bytes.subarray(index, index + 1));
  // Bytes 0x80–0xFF are letters and signs in Windows-1252 (é, ü, –, €…); 0x81, 0x8D… are undefined there.
  if (byte >= 0x80 && /\p{L}|\p{P}|\p{S}|\p{Zs}/u.test(asLatin)) {
    return `Unexpected byte ${hex} (\`${asLatin}\` in Latin-1/Windows-1252), expected UTF-8 text: the file is saved as Latin-1 (Windows-1252, "ANSI" in Notepad); save it as UTF-8`;
  }
  return `Unexpected byte ${hex} that is not UTF-8, expected UTF-8 text (save the file as UTF-8)`;
}

/** The line and column of a byte, counted in the characters of the valid text before it. */
function placeOfByte(file: string, bytes: Buffer, index: number) {
  const before = Buffer.from(bytes.subarray(0, index)).toString('utf8');
  const { line, column } = pointAt(before, before.length);
  return { file, line, column };
}

function firstInvalidUtf8(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return 0;
}

/**
 * A meeting from files already read (by their paths relative to the folder, with `/`): what a DOCX carries as its
 * base. Files are grouped and ordered as `loadMeeting` reads a folder; a path it would not read is left out.
 */
export function loadedFromFiles(dir: string, files: readonly { readonly path: string; readonly text: string }[]): LoadedMeeting {
  const byCodePoint = <T extends { readonly path: string }>(list: T[]) => list.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const source = (relative: string, text: string): SourceFile => ({ path: path.join(dir, ...relative.split('/')), text });
  const at = (pattern: RegExp) => byCodePoint(files.filter((f) => pattern.test(f.path) && !isDropping(f.path.split('/').at(-1)!))).map((f) => source(f.path, f.text));
  const meeting = files.find((f) => f.path === 'meeting.md');
  const documents: LoadedDocument[] = [];
  const names = new Set(files.flatMap((f) => /^documents\/([^/]+?)(?:\.md|\/document\.md)$/i.exec(f.path)?.[1] ?? []));
  for (const name of [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    const single = files.find((f) => f.path.toLowerCase() === `documents/${name.toLowerCase()}.md`);
    const folder = files.find((f) => f.path === `documents/${name}/document.md`);
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (folder) documents.push({ name, file: source(folder.path, folder.text), annexes: at(new RegExp(`^documents/${escaped}/annexes/[^/]+\\.md$`, 'i')) });
    else if (single) documents.push({ name, file: source(single.path, single.text), annexes: [] });
  }
  return {
    dir,
    meeting: meeting ? source(meeting.path, meeting.text) : null,
    items: at(/^items\/[^/]+\.md$/i),
    annexes: at(/^annexes\/[^/]+\.md$/i),
    documents,
  };
}
