// Reads loaded meeting files into the typed report model: each file read once, footnotes meeting-wide, then
// the report body, the annexes and the working documents, each by its own builder.

import path from 'node:path';
import type { Root } from 'mdast';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import { visit } from 'unist-util-visit';
import { error, pointAt, warning, wholeFile, type Diagnostic, type Place, type Result } from '../diagnostics.js';
import { LOCK_FILE, type LoadedDocument, type LoadedMeeting, type SourceFile } from '../load/load-meeting.js';
import { SUMMARY_REPORT, WORKING_DOCUMENT } from '../profiles.js';
import type { Annex, Footnote, IssuedRecord, Item, MeetingMeta, Report, SourceRange, WorkingDocument } from '../model.js';
import { readingsOnce, type Readings } from './readings.js';
import { parseAnnexFrontmatter, parseDocumentFrontmatter, parseMeetingFrontmatter } from './frontmatter.js';
import { parseIssuedRecord } from './issued-record.js';
import { rangeOf, type InlineContext } from './inline.js';
import { checkFenceLines, reportedPlaces } from './restricted-spelling.js';
import { checkTree, scanMeeting } from './check-limits.js';
import { LIMITS } from '../limits.js';
import { AnnexBuilder } from './annexes.js';
import { convertBlocks } from './blocks.js';
import { ItemsBuilder } from './items.js';
import { type ParsedFile, leadPhraseTools } from './parsed-file.js';
import { readFootnotesMeetingWide } from './read-footnotes.js';
import { replaceControls, warnBidiControls } from './text-controls.js';

/** Parses every file of a meeting; a meeting with errors still yields as many messages as can be found. */
export function parseMeeting(loaded: LoadedMeeting, readings: Readings = readingsOnce()): Result<Report | null> {
  const diagnostics: Diagnostic[] = [];
  const files = readWithinLimits(loaded, diagnostics, readings);
  if (!files) return { value: null, diagnostics };
  const reader = new MeetingReader(loaded, files, diagnostics, readings);
  const { meta, items, range, settingPlaces } = reader.report();
  const annexes = reader.annexes(loaded.annexes);
  const documents = loaded.documents.map((document) => reader.document(document, meta));
  const record = issuedRecord(loaded, meta, range, diagnostics, readings);
  if (!meta) return { value: null, diagnostics };
  return { value: { meta, items, annexes, footnotes: reader.footnotes, documents, record, range, settingPlaces }, diagnostics };
}

/**
 * Every file read into its tree, with footnotes meeting-wide; null when the meeting is past a limit, refused with that
 * alone: the reader is never given what it cannot read in linear time, and no later stage a tree deeper than it may walk.
 */
function readWithinLimits(loaded: LoadedMeeting, diagnostics: Diagnostic[], readings: Readings): Map<string, { file: SourceFile; tree: Root }> | null {
  const sources = [...(loaded.meeting ? [loaded.meeting] : []), ...loaded.items, ...loaded.annexes, ...loaded.documents.flatMap((d) => [d.file, ...d.annexes])];
  for (const source of sources) warnBidiControls(source.path, source.text, diagnostics);
  const texts = sources.map((source) => ({ ...source, text: replaceControls(source.path, source.text, diagnostics) }));
  const scanned = scanMeeting(texts);
  if (scanned.length > 0) {
    diagnostics.push(...scanned);
    return null;
  }
  // Counted file by file as they are read: a meeting past the node limit is refused at the first file that takes it
  // past, the rest unread.
  const reading = { left: LIMITS.meetingNodes };
  const past: Diagnostic[] = [];
  const files = readFootnotesMeetingWide(texts, diagnostics, readings, (file, tree) => {
    past.push(...checkTree(file.path, tree, reading));
    return reading.left < 0;
  });
  // Said with the refusal, so the files left unread are not taken for files without problems.
  const unread = texts.length - files.size;
  if (unread > 0) {
    const at = past.findIndex((d) => d.ruleId === 'meeting-too-large');
    if (at !== -1) past[at] = { ...past[at]!, message: `${past[at]!.message} (${unread === 1 ? 'the file after this one was not read: its problems are' : `the ${unread} files after this one were not read: their problems are`} said once the meeting is within the limit)` };
  }
  // Again on the trees as read with the footnotes of other files, which every later stage walks.
  const budget = { left: LIMITS.meetingNodes };
  const checked = past.length > 0 ? past : [...files.values()].flatMap(({ file, tree }) => checkTree(file.path, tree, budget));
  if (checked.length === 0) return files;
  diagnostics.push(...checked);
  return null;
}

/** The files of a meeting read into the report model, one after the other, each file's footnotes kept meeting-wide. */
class MeetingReader {
  readonly footnotes: Footnote[] = [];
  private readonly footnoteKeys = new Set<string>();
  /** The places of the restricted-* messages said so far, indexed once for the whole reading. */
  private readonly restrictedPlaces = reportedPlaces();

  constructor(
    private readonly loaded: LoadedMeeting,
    private readonly files: ReadonlyMap<string, { file: SourceFile; tree: Root }>,
    private readonly diagnostics: Diagnostic[],
    private readonly readings: Readings,
  ) {}

  /** A file's frontmatter checked: again only when its text changed (`acta watch` reads every file on each save). */
  private settings<T>(kind: string, parsed: ParsedFile, check: () => T): T {
    const text = parsed.frontmatter ? `${parsed.frontmatter.line}\n${parsed.frontmatter.value}` : '';
    return this.readings.reading(`frontmatter of ${kind}`, { path: parsed.file.path, text }, check);
  }

  /** A file's tree, its reading context and frontmatter; its footnote definitions join the meeting's. */
  read(source: SourceFile): ParsedFile {
    const { loaded, diagnostics } = this;
    const { file, tree } = this.files.get(source.path)!;
    const folder = path.relative(loaded.dir, path.dirname(file.path)).split(path.sep).join('/');
    const pictures = { images: loaded.images, folder, readings: this.readings };
    const ctx: InlineContext = { file: file.path, source: file.text, diagnostics, footnoteKey: (label) => normalizeIdentifier(label).toLowerCase(), pictures, restrictedPlaces: this.restrictedPlaces };
    const fences = { openerReported: false };
    // Only a line with `::` can be a fence; most files have none, and are not walked.
    if (file.text.includes('::')) visit(tree, 'paragraph', (node) => checkFenceLines(file.path, file.text, node, fences, diagnostics));
    const first = tree.children[0];
    const frontmatter = first?.type === 'yaml' ? { value: first.value, line: first.position?.start.line ?? 1 } : null;
    for (const node of tree.children) {
      // A second definition of a key was reported when the files were read; the first one counts.
      if (node.type !== 'footnoteDefinition') continue;
      const key = ctx.footnoteKey(node.identifier);
      if (this.footnoteKeys.has(key)) continue;
      this.footnoteKeys.add(key);
      this.footnotes.push({ type: 'footnoteDefinition', key, blocks: convertBlocks(ctx, node.children), range: rangeOf(ctx, node) });
    }
    return { file, tree, ctx, frontmatter };
  }

  /** meeting.md and items/*.md: the meeting's settings and the report's items. */
  report(): { readonly meta: MeetingMeta | null; readonly items: Item[]; readonly range: SourceRange; readonly settingPlaces: ReadonlyMap<string, Place> } {
    const { loaded, diagnostics } = this;
    const meetingFile = loaded.meeting ? this.read(loaded.meeting) : null;
    let meta: MeetingMeta | null = null;
    let settingPlaces: ReadonlyMap<string, Place> = new Map();
    if (meetingFile) {
      const found = this.settings('meeting', meetingFile, () => parseMeetingFrontmatter(meetingFile.file.path, meetingFile.frontmatter));
      diagnostics.push(...found.diagnostics);
      meta = found.meta;
      settingPlaces = found.settingPlaces;
    }
    const builder = new ItemsBuilder(leadPhraseTools(SUMMARY_REPORT, meta, meta?.conclusion ?? null), diagnostics, SUMMARY_REPORT);
    if (meetingFile) builder.addFile(meetingFile);
    for (const file of loaded.items) {
      const parsed = this.read(file);
      if (parsed.frontmatter) {
        diagnostics.push(error(rangeOf(parsed.ctx, parsed.tree.children[0]!), 'unexpected-frontmatter', 'Unexpected `---` settings in an item file, expected settings only at the top of meeting.md, annexes and working documents'));
      }
      builder.addFile(parsed);
    }
    const items = builder.finish();
    const range: SourceRange = wholeFile(loaded.meeting?.path ?? path.join(loaded.dir, 'meeting.md'), meetingFile?.file.text ?? '');
    if (meetingFile && items.length === 0) {
      diagnostics.push(error(range, 'no-items', 'Unexpected meeting without items, expected at least one `#` heading (an agenda item) in meeting.md or items/*.md'));
    }
    return { meta, items, range, settingPlaces };
  }

  /** Annexes, of the report or of a working document: each file one annex. */
  annexes(files: readonly SourceFile[]): Annex[] {
    return files.map((file): Annex => {
      const parsed = this.read(file);
      const found = this.settings('annex', parsed, () => parseAnnexFrontmatter(file.path, parsed.frontmatter));
      this.diagnostics.push(...found.diagnostics);
      const body = new AnnexBuilder(this.diagnostics, found.meta?.numbered ?? false).build(parsed);
      const fromName = path.basename(file.path).replace(/\.md$/i, '').replace(/^[\d-]+/, '');
      // An annex whose frontmatter has an error (reported above) still takes its place and its id, so
      // references to it are not each reported as unknown; the meeting has an error and writes nothing.
      const raw = parsed.frontmatter?.value ?? '';
      const meta = found.meta ?? {
        title: '',
        id: /^id:[ \t]*["']?([A-Za-z0-9][\w.-]*)["']?[ \t]*$/m.exec(raw)?.[1],
        visibility: /^visibility:[ \t]*["']?restricted\b/m.test(raw) ? 'restricted' : 'public',
        orientation: 'portrait',
        numbered: false,
      } as const;
      return {
        type: 'annex',
        id: meta.id ?? (fromName || path.basename(file.path).replace(/\.md$/i, '')),
        title: meta.title,
        visibility: meta.visibility,
        orientation: meta.orientation,
        numbered: meta.numbered,
        body,
        file: file.path,
        range: wholeFile(file.path, parsed.file.text),
      };
    });
  }

  /** A working document: sections from `#`, the action phrase, its own annexes (docs/format.md). */
  document(loadedDocument: LoadedDocument, meeting: MeetingMeta | null): WorkingDocument {
    const parsed = this.read(loadedDocument.file);
    const found = this.settings('document', parsed, () => parseDocumentFrontmatter(loadedDocument.file.path, parsed.frontmatter));
    this.diagnostics.push(...found.diagnostics);
    const raw = parsed.frontmatter?.value ?? '';
    const fm = found.meta;
    const docMeta = {
      symbol: fm?.symbol ?? '',
      title: fm?.title ?? '',
      item: fm?.item ?? /^item:[ \t]*["']?([^\s"']+)/m.exec(raw)?.[1] ?? '',
      issued: fm?.issued ?? meeting?.issued ?? '',
      // As for annexes: a document whose frontmatter has an error keeps its id, so references to it are not also reported.
      id: fm?.id ?? /^id:[ \t]*["']?([A-Za-z0-9][\w.-]*)["']?[ \t]*$/m.exec(raw)?.[1] ?? loadedDocument.name,
      visibility: fm?.visibility ?? (/^visibility:[ \t]*["']?restricted\b/m.test(raw) ? 'restricted' : 'public'),
      heading: fm?.heading ?? null,
      action: fm?.action ?? null,
    } as const;
    const sections = new ItemsBuilder(leadPhraseTools(WORKING_DOCUMENT, meeting, docMeta.action), this.diagnostics, WORKING_DOCUMENT);
    sections.addFile(parsed);
    const items = sections.finish();
    const toc = sections.toc;
    const range = wholeFile(loadedDocument.file.path, parsed.file.text);
    const place = found.itemPlace;
    const itemRange: SourceRange = { file: place.file, start: { line: place.line, column: place.column, offset: 0 }, end: { line: place.line, column: place.column, offset: 0 } };
    return { type: 'document', meta: docMeta, items, annexes: this.annexes(loadedDocument.annexes), toc, file: loadedDocument.file.path, itemRange, range };
  }
}

/** The record of an issued numbering the report is numbered from, with what is wrong with it said; null when none holds. */
function issuedRecord(loaded: LoadedMeeting, meta: MeetingMeta | null, meetingRange: SourceRange, diagnostics: Diagnostic[], readings: Readings): IssuedRecord | null {
  // Its YAML takes longer to read than the whole report's Markdown from the cache: read again only when it changed.
  const file = loaded.lock;
  const lock = file ? readings.reading('issued-record', file, () => parseIssuedRecord(file)) : null;
  if (lock) diagnostics.push(...lock.diagnostics);
  if (!meta) return null;
  const issued = meta.status === 'issued';
  // Said here, where it is known whether the file is there: one that is there but unreadable has its own error.
  if (issued && !file && !loaded.lockRefused) {
    diagnostics.push(
      error(meetingRange, 'not-issued', `Unexpected \`status: issued\` with no \`${LOCK_FILE}\` beside meeting.md, expected the record of the issued numbering that \`acta issue\` writes (to record the numbering as it is now, set \`status: draft\` in meeting.md and run \`acta issue\`, which says \`status: issued\` again)`),
    );
  }
  // A record copied with the folder of another meeting (last session's, to start this one) would number this report
  // as that one was issued, and publish a corrigendum of every difference. A revised symbol of the same document
  // (PC0517E1a, then PC0517E1b) is the same report: its record holds.
  const documentOf = (symbol: string) => /^[A-Za-z]*\d+/.exec(symbol)?.[0] ?? symbol;
  const foreign = issued && file && lock?.record && documentOf(lock.record.symbol) !== documentOf(meta.symbol);
  if (foreign) {
    const at = /^symbol:/m.exec(file.text);
    const place = pointAt(file.text, at?.index ?? 0);
    diagnostics.push(
      error(
        { file: file.path, line: place.line, column: place.column },
        'bad-record',
        `Unexpected record of the numbering of ${lock.record!.symbol} beside the meeting ${meta.symbol}, expected this meeting's own record (a record copied from another meeting's folder? delete it and run \`acta issue\` to record this one's numbering)`,
      ),
    );
  }
  if (!issued && file) {
    diagnostics.push(
      warning(wholeFile(file.path, file.text), 'issue-unused', `Unexpected record of an issued numbering in a meeting whose meeting.md does not say \`status: issued\`, expected \`status: issued\` for its numbers to hold (as it is, the report is numbered afresh)`),
    );
  }
  return issued && !foreign ? (lock?.record ?? null) : null;
}
