// Reads a meeting folder from disk: meeting.md, items/*.md, annexes/*.md and the working documents
// (documents/*.md, documents/*/document.md with documents/*/annexes/*.md), as checked UTF-8 text.

import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { error, pathError, pointAt, warning, type Diagnostic, type Result } from '../diagnostics.js';
import { formatMegabytes, LIMITS } from '../limits.js';
import { IMAGES_FOLDER, loadPictures, PICTURE_FILE } from './load-pictures.js';
import { describeNotAFile, isDropping, locate, readRegularFile, type Located, type NotAFile } from './read-input.js';

export interface SourceFile {
  /** The path as shown in messages: the folder as given, joined with the file's relative path. */
  readonly path: string;
  readonly text: string;
}

/** The numbering of the report as issued, written by `acta issue` beside meeting.md (docs/format.md, Issued numbers). */
export const LOCK_FILE = 'numbering.lock.yaml';

export interface LoadedMeeting {
  readonly dir: string;
  readonly meeting: SourceFile | null;
  /** `numbering.lock.yaml`, when the report has been issued. */
  readonly lock: SourceFile | null;
  /** The lock file is there but could not be read (its own error says why). */
  readonly lockRefused?: boolean;
  readonly items: readonly SourceFile[];
  readonly annexes: readonly SourceFile[];
  readonly documents: readonly LoadedDocument[];
  /**
   * The pictures in the meeting's `images/` folder, by their path from the meeting folder (`images/map.png`), read
   * when the folder is read; null for one refused (too large, a link outside the folder…), which its own error says.
   * Absent when the Markdown alone was given (a DOCX's base): its pictures are not checked.
   */
  readonly images?: ReadonlyMap<string, Uint8Array | null>;
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
  const empty: LoadedMeeting = { dir, meeting: null, lock: null, items: [], annexes: [], documents: [] };
  const root = await meetingRoot(dir);
  if (typeof root !== 'string') return { value: empty, diagnostics: [root] };

  const meetingPath = path.join(dir, 'meeting.md');
  const listing = await listMeeting(dir);
  const lockPath = path.join(dir, LOCK_FILE);
  const files = [meetingPath, lockPath, ...filesOf(listing.items), ...filesOf(listing.annexes), ...listing.documents.flatMap((d) => (d.file ? [d.file, ...filesOf(d.annexes)] : []))];
  // Every file is found and sized before any is read: a folder over the limit is refused whole, unread.
  const found = new Map(await Promise.all(files.map(async (file) => [file, await locate(root, file)] as const)));
  const tooLarge = sizeError(dir, meetingPath, found);
  if (tooLarge) return { value: empty, diagnostics: [tooLarge] };

  const read: ReadFile = (file, said, optional) => readSource(file, found.get(file)!, said, optional);
  // What each part says is reported in this order: the meeting, its items, its annexes, its documents.
  const said: [Diagnostic[], Diagnostic[], Diagnostic[], Diagnostic[], Diagnostic[]] = [[], [], [], [], []];
  const [meeting, items, annexes, lock] = await Promise.all([read(meetingPath, said[0], true), readEntries(read, listing.items, said[1]), readEntries(read, listing.annexes, said[2]), read(lockPath, said[4], true)]);
  const documents = await readDocuments(read, listing.documents, said[3]);
  const images = await loadPictures(root, dir, said[0]);
  if (meeting === undefined) {
    said[0].push(error({ file: meetingPath, line: 1, column: 1 }, 'missing-meeting', 'Unexpected folder without `meeting.md`, expected a meeting folder (run `acta init` to start one)'));
  }
  const diagnostics = said.flat();
  const lockRefused = lock === undefined && said[4].some((d) => d.severity === 'error');
  return { value: { dir, meeting: meeting ?? null, lock: lock ?? null, ...(lockRefused ? { lockRefused } : {}), items, annexes, documents, images }, diagnostics };
}

/** The meeting folder's real path, or the error for a path that is no folder. */
async function meetingRoot(dir: string): Promise<string | Diagnostic> {
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) return error({ file: dir, line: 1, column: 1 }, 'not-a-folder', 'Unexpected file, expected a meeting folder (with meeting.md in it)');
    return await realpath(dir);
  } catch {
    return pathError(dir, 'no-such-folder', `Folder \`${dir}\` not found, expected a meeting folder (check the path)`);
  }
}

/** The error for a meeting whose files together are over the size limit, at meeting.md (the folder when it has none); null within it. */
function sizeError(dir: string, meetingPath: string, found: ReadonlyMap<string, Located>): Diagnostic | null {
  let total = 0;
  for (const f of found.values()) if (f.real !== undefined) total += f.size;
  if (total <= LIMITS.meetingBytes) return null;
  return error(
    { file: found.get(meetingPath)?.real !== undefined ? meetingPath : dir, line: 1, column: 1 },
    'meeting-too-large',
    `Unexpected meeting of ${formatMegabytes(total)} of Markdown (its files together), expected at most ${formatMegabytes(LIMITS.meetingBytes)}, twenty times the largest real report: split it into meetings`,
  );
}

/** Reads a file of the meeting found beforehand, what it says into `said`: undefined for one missing or refused. */
type ReadFile = (file: string, said: Diagnostic[], optional: boolean) => Promise<SourceFile | undefined>;

/** Reads a folder's entries at once; what each says is kept in file-name order. */
async function readEntries(read: ReadFile, entries: readonly Entry[], into: Diagnostic[]): Promise<SourceFile[]> {
  const each = await Promise.all(
    entries.map(async (entry) => {
      const said: Diagnostic[] = entry.said ? [entry.said] : [];
      return { source: entry.file ? await read(entry.file, said, false) : undefined, said };
    }),
  );
  const out: SourceFile[] = [];
  for (const { source, said } of each) {
    for (const d of said) into.push(d);
    if (source) out.push(source);
  }
  return out;
}

/** Reads the working documents one after the other, each with its annexes; a document folder without its text is an error. */
async function readDocuments(read: ReadFile, entries: readonly DocumentEntry[], said: Diagnostic[]): Promise<LoadedDocument[]> {
  const documents: LoadedDocument[] = [];
  for (const d of entries) {
    if (d.said) said.push(d.said);
    if (!d.file) continue;
    const file = await read(d.file, said, d.folder);
    if (file) documents.push({ name: d.name, file, annexes: await readEntries(read, d.annexes, said) });
    else if (d.folder) {
      said.push(error({ file: path.dirname(d.file), line: 1, column: 1 }, 'missing-document', `Unexpected folder \`documents/${d.name}/\` without \`document.md\`, expected the document's text in \`documents/${d.name}/document.md\` (its annexes in \`annexes/\` beside it)`));
    }
  }
  return documents;
}

/** A folder entry: a Markdown file to read, or what is said about an entry that is not one. */
interface Entry {
  readonly file?: string;
  readonly said?: Diagnostic;
}

/** A working document: its file (none for an entry that is not one), its annexes, and whether it is a folder. */
interface DocumentEntry extends Entry {
  readonly name: string;
  readonly annexes: readonly Entry[];
  readonly folder: boolean;
}

/** The entries of a meeting folder's parts, in reading order. */
interface Listing {
  readonly items: readonly Entry[];
  readonly annexes: readonly Entry[];
  readonly documents: readonly DocumentEntry[];
}

const filesOf = (entries: readonly Entry[]): string[] => entries.flatMap((e) => (e.file ? [e.file] : []));

async function listMeeting(dir: string): Promise<Listing> {
  const [items, annexes, entries] = await Promise.all([listFolder(dir, 'items'), listFolder(dir, 'annexes'), entriesOf(path.join(dir, 'documents'))]);
  const documents: DocumentEntry[] = [];
  for (const entry of entries) {
    const where = path.join(dir, 'documents', entry.name);
    if (entry.isDirectory()) {
      documents.push({ name: entry.name, file: path.join(where, 'document.md'), annexes: await listFolder(where, 'annexes'), folder: true });
    } else if (entry.name.toLowerCase().endsWith('.md')) {
      documents.push({ name: entry.name.replace(/\.md$/i, ''), file: where, annexes: [], folder: false });
    } else {
      const said = warning({ file: where, line: 1, column: 1 }, 'not-markdown', `Unexpected file \`${entry.name}\` in documents/, expected only Markdown files (\`.md\`) and document folders: it is ignored`);
      documents.push({ name: entry.name, said, annexes: [], folder: false });
    }
  }
  return { items, annexes, documents };
}

/** A folder's entries in file-name order, by code point (the same on every machine and locale), droppings left out. */
async function entriesOf(folder: string): Promise<import('node:fs').Dirent[]> {
  try {
    const entries = await readdir(folder, { withFileTypes: true });
    return entries.filter((entry) => !isDropping(entry.name)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return [];
  }
}

async function listFolder(dir: string, name: string): Promise<Entry[]> {
  const folder = path.join(dir, name);
  return (await entriesOf(folder)).map((entry): Entry => {
    const file = path.join(folder, entry.name);
    if (entry.name.toLowerCase().endsWith('.md')) return { file };
    // A picture, the Word original, a PDF kept beside the text: not acta's, and no reason to stop.
    if (PICTURE_FILE.test(entry.name)) {
      return { said: warning({ file, line: 1, column: 1 }, 'not-markdown', `Unexpected picture \`${entry.name}\` in ${name}/, expected pictures in the meeting's \`${IMAGES_FOLDER}/\` folder: move it there to show it with \`![description](${IMAGES_FOLDER}/${entry.name})\` (here it is ignored)`) };
    }
    return { said: warning({ file, line: 1, column: 1 }, 'not-markdown', `Unexpected file \`${entry.name}\` in ${name}/, expected only Markdown files (\`.md\`): it is ignored`) };
  });
}

/** undefined: the file does not exist (only reported by the caller where it matters). */
async function readSource(file: string, located: Located, diagnostics: Diagnostic[], optional: boolean): Promise<SourceFile | undefined> {
  const at = { file, line: 1, column: 1 };
  if (located.real === undefined) {
    if (located.problem === 'missing') {
      if (!optional) diagnostics.push(error(at, 'unreadable', 'Unexpected broken link or unreadable file, expected a Markdown file'));
    } else if (located.problem === 'outside') {
      diagnostics.push(error(at, 'outside-link', 'Unexpected link to a file outside the meeting folder, expected a file inside it (refused)'));
    } else if (located.problem === 'not-a-file') {
      diagnostics.push(notAFileError(at, located.what));
    } else if (located.problem === 'hard-link') {
      diagnostics.push(error(at, 'hard-link', 'Unexpected file that is also stored under another name (a hard link, which may be a file outside the meeting folder), expected a file of its own: copy it instead (refused)'));
    } else {
      diagnostics.push(error(at, 'unreadable', 'Unexpected unreadable file, expected a readable Markdown file'));
    }
    return undefined;
  }
  const read = await readRegularFile(located.real, LIMITS.meetingBytes);
  if (read.refused) {
    diagnostics.push(
      read.refused.kind === 'too-large'
        ? error(at, 'meeting-too-large', `Unexpected file of ${formatMegabytes(read.refused.size)}, expected at most ${formatMegabytes(LIMITS.meetingBytes)} of Markdown in the whole meeting`)
        : read.refused.kind === 'not-a-file'
          ? notAFileError(at, read.refused.what)
          : error(at, 'unreadable', 'Unexpected unreadable file, expected a readable Markdown file'),
    );
    return undefined;
  }
  const bytes = read.bytes;
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

function notAFileError(at: { file: string; line: number; column: number }, what: NotAFile): Diagnostic {
  return error(at, 'not-a-file', `Unexpected ${describeNotAFile(what)}, expected a Markdown file`);
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
export function loadedFromFiles(dir: string, files: readonly { readonly path: string; readonly text: string }[], images?: ReadonlyMap<string, Uint8Array | null>): LoadedMeeting {
  const byCodePoint = <T extends { readonly path: string }>(list: T[]) => list.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const source = (relative: string, text: string): SourceFile => ({ path: path.join(dir, ...relative.split('/')), text });
  const at = (pattern: RegExp) => byCodePoint(files.filter((f) => pattern.test(f.path) && !isDropping(f.path.split('/').at(-1)!))).map((f) => source(f.path, f.text));
  const meeting = files.find((f) => f.path === 'meeting.md');
  const lock = files.find((f) => f.path === LOCK_FILE);
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
    lock: lock ? source(lock.path, lock.text) : null,
    items: at(/^items\/[^/]+\.md$/i),
    annexes: at(/^annexes\/[^/]+\.md$/i),
    documents,
    ...(images ? { images } : {}),
  };
}
