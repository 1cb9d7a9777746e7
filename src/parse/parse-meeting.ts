// Reads loaded meeting files into the typed report model (items, sub-items, paragraphs, annexes).

import path from 'node:path';
import type { Content, Heading, List, Root, RootContent, Table, Text } from 'mdast';
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import { visit } from 'unist-util-visit';
import { error, formatPlace, pointAt, warning, wholeFile, type Diagnostic, type Result } from '../diagnostics.js';
import { CATALOGUES } from '../i18n/catalogues.js';
import { expectedPhrase, leadPhraseMatcher, leadPhraseNearMiss } from '../i18n/lead-phrase.js';
import { LOCK_FILE, type LoadedMeeting, type SourceFile } from '../load/load-meeting.js';
import { SUMMARY_REPORT, WORKING_DOCUMENT, type DocumentProfile } from '../profiles.js';
import type {
  Annex, Banner, Block, Day, Decision, Flow, Footnote, HeadingBlock, Inline, Item, ListItem, LooseBlock, MeetingMeta, Paragraph, Report, SourceRange, Subitem, SubitemGroup, TableRow, TimetableEntry, TocBlock, TypedLabel, WorkingDocument,
} from '../model.js';
import { parseMarkdown, type TreeCache } from './create-processor.js';
import { NOT_TEXT, parseAnnexFrontmatter, parseDocumentFrontmatter, parseMeetingFrontmatter, type FrontmatterSource } from './frontmatter.js';
import { takeDecisionAttributes } from './decision-attributes.js';
import { parseIssuedRecord } from './issued-record.js';
import { convertInlines, inlineText, rangeOf, type InlineContext } from './inline.js';
import { checkSoftBreaks } from './soft-breaks.js';
import { checkFenceLines, checkOpenInsideBlock, checkRestrictedHtml } from './restricted-spelling.js';
import { checkTree, scanMeeting } from './check-limits.js';
import { LIMITS } from '../limits.js';

interface ParsedFile {
  readonly file: SourceFile;
  readonly tree: Root;
  readonly ctx: InlineContext;
  readonly frontmatter: FrontmatterSource | null;
}


/** Parses every file of a meeting; a meeting with errors still yields as many messages as can be found. */
export function parseMeeting(loaded: LoadedMeeting, trees?: TreeCache): Result<Report | null> {
  const diagnostics: Diagnostic[] = [];
  const sources = [...(loaded.meeting ? [loaded.meeting] : []), ...loaded.items, ...loaded.annexes, ...loaded.documents.flatMap((d) => [d.file, ...d.annexes])];
  for (const source of sources) warnBidiControls(source.path, source.text, diagnostics);
  const texts = sources.map((source) => ({ ...source, text: replaceControls(source.path, source.text, diagnostics) }));
  // Past a limit the meeting is refused with that alone: the reader is never given what it cannot read in
  // linear time, and no later stage is given a tree deeper than it may walk.
  const scanned = scanMeeting(texts);
  if (scanned.length > 0) return { value: null, diagnostics: [...diagnostics, ...scanned] };
  const files = readFootnotesMeetingWide(texts, diagnostics, trees);
  const budget = { left: LIMITS.meetingNodes };
  const checked = [...files.values()].flatMap(({ file, tree }) => checkTree(file.path, tree, budget));
  if (checked.length > 0) return { value: null, diagnostics: [...diagnostics, ...checked] };
  const footnotes: Footnote[] = [];
  const footnoteKeys = new Set<string>();

  const read = (source: SourceFile): ParsedFile => {
    const { file, tree } = files.get(source.path)!;
    const folder = path.relative(loaded.dir, path.dirname(file.path)).split(path.sep).join('/');
    const pictures = { images: loaded.images, folder };
    const ctx: InlineContext = { file: file.path, source: file.text, diagnostics, footnoteKey: (label) => normalizeIdentifier(label).toLowerCase(), pictures };
    const fences = { openerReported: false };
    // Only a line with `::` can be a fence; most files have none, and are not walked.
    if (file.text.includes('::')) visit(tree, 'paragraph', (node) => checkFenceLines(file.path, file.text, node, fences, diagnostics));
    const first = tree.children[0];
    const frontmatter = first?.type === 'yaml' ? { value: first.value, line: first.position?.start.line ?? 1 } : null;
    for (const node of tree.children) {
      // A second definition of a key was reported when the files were read; the first one counts.
      if (node.type !== 'footnoteDefinition') continue;
      const key = ctx.footnoteKey(node.identifier);
      if (footnoteKeys.has(key)) continue;
      footnoteKeys.add(key);
      footnotes.push({ type: 'footnoteDefinition', key, blocks: convertBlocks(ctx, node.children), range: rangeOf(ctx, node) });
    }
    return { file, tree, ctx, frontmatter };
  };

  const meetingFile = loaded.meeting ? read(loaded.meeting) : null;
  let meta: MeetingMeta | null = null;
  if (meetingFile) {
    const found = parseMeetingFrontmatter(meetingFile.file.path, meetingFile.frontmatter);
    diagnostics.push(...found.diagnostics);
    meta = found.meta;
  }
  const builder = new ItemsBuilder(leadPhraseTools(SUMMARY_REPORT, meta, meta?.conclusion ?? null), diagnostics, SUMMARY_REPORT);
  if (meetingFile) builder.addFile(meetingFile);
  for (const file of loaded.items) {
    const parsed = read(file);
    if (parsed.frontmatter) {
      diagnostics.push(error(rangeOf(parsed.ctx, parsed.tree.children[0]!), 'unexpected-frontmatter', 'Unexpected `---` settings in an item file, expected settings only at the top of meeting.md, annexes and working documents'));
    }
    builder.addFile(parsed);
  }
  const items = builder.finish();
  const meetingRange: SourceRange = wholeFile(loaded.meeting?.path ?? path.join(loaded.dir, 'meeting.md'), meetingFile?.file.text ?? '');
  if (meetingFile && items.length === 0) {
    diagnostics.push(error(meetingRange, 'no-items', 'Unexpected meeting without items, expected at least one `#` heading (an agenda item) in meeting.md or items/*.md'));
  }

  const readAnnexes = (files: readonly SourceFile[]): Annex[] =>
    files.map((file): Annex => {
      const parsed = read(file);
      const found = parseAnnexFrontmatter(file.path, parsed.frontmatter);
      diagnostics.push(...found.diagnostics);
      const body = new AnnexBuilder(diagnostics, found.meta?.numbered ?? false).build(parsed);
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
  const annexes = readAnnexes(loaded.annexes);

  // Working documents: sections from `#`, the action phrase, their own annexes (docs/format.md).
  const documents: WorkingDocument[] = loaded.documents.map((loadedDocument) => {
    const parsed = read(loadedDocument.file);
    const found = parseDocumentFrontmatter(loadedDocument.file.path, parsed.frontmatter);
    diagnostics.push(...found.diagnostics);
    const raw = parsed.frontmatter?.value ?? '';
    const fm = found.meta;
    const docMeta = {
      symbol: fm?.symbol ?? '',
      title: fm?.title ?? '',
      item: fm?.item ?? /^item:[ \t]*["']?([^\s"']+)/m.exec(raw)?.[1] ?? '',
      issued: fm?.issued ?? meta?.issued ?? '',
      // As for annexes: a document whose frontmatter has an error keeps its id, so references to it are not also reported.
      id: fm?.id ?? /^id:[ \t]*["']?([A-Za-z0-9][\w.-]*)["']?[ \t]*$/m.exec(raw)?.[1] ?? loadedDocument.name,
      visibility: fm?.visibility ?? (/^visibility:[ \t]*["']?restricted\b/m.test(raw) ? 'restricted' : 'public'),
      heading: fm?.heading ?? null,
      action: fm?.action ?? null,
    } as const;
    const sections = new ItemsBuilder(leadPhraseTools(WORKING_DOCUMENT, meta, docMeta.action), diagnostics, WORKING_DOCUMENT);
    sections.addFile(parsed);
    const items = sections.finish();
    const toc = sections.toc;
    const range = wholeFile(loadedDocument.file.path, parsed.file.text);
    const place = found.itemPlace;
    const itemRange: SourceRange = { file: place.file, start: { line: place.line, column: place.column, offset: 0 }, end: { line: place.line, column: place.column, offset: 0 } };
    return { type: 'document', meta: docMeta, items, annexes: readAnnexes(loadedDocument.annexes), toc, file: loadedDocument.file.path, itemRange, range };
  });

  const lock = loaded.lock ? parseIssuedRecord(loaded.lock) : null;
  if (lock) diagnostics.push(...lock.diagnostics);
  if (!meta) return { value: null, diagnostics };
  const issued = meta.status === 'issued';
  // Said here, where it is known whether the file is there: one that is there but unreadable has its own error.
  if (issued && !loaded.lock && !loaded.lockRefused) {
    diagnostics.push(
      error(meetingRange, 'not-issued', `Unexpected \`status: issued\` with no \`${LOCK_FILE}\` beside meeting.md, expected the record of the issued numbering that \`acta issue\` writes (to record the numbering as it is now, set \`status: draft\` in meeting.md and run \`acta issue\`, which says \`status: issued\` again)`),
    );
  }
  // A record copied with the folder of another meeting (last session's, to start this one) would number this report
  // as that one was issued, and publish a corrigendum of every difference. A revised symbol of the same document
  // (PC0517E1a, then PC0517E1b) is the same report: its record holds.
  const documentOf = (symbol: string) => /^[A-Za-z]*\d+/.exec(symbol)?.[0] ?? symbol;
  const foreign = issued && loaded.lock && lock?.record && documentOf(lock.record.symbol) !== documentOf(meta.symbol);
  if (foreign) {
    const at = /^symbol:/m.exec(loaded.lock!.text);
    const place = pointAt(loaded.lock!.text, at?.index ?? 0);
    diagnostics.push(
      error(
        { file: loaded.lock!.path, line: place.line, column: place.column },
        'bad-record',
        `Unexpected record of the numbering of ${lock!.record!.symbol} beside the meeting ${meta.symbol}, expected this meeting's own record (a record copied from another meeting's folder? delete it and run \`acta issue\` to record this one's numbering)`,
      ),
    );
  }
  if (!issued && loaded.lock) {
    diagnostics.push(
      warning(wholeFile(loaded.lock.path, loaded.lock.text), 'issue-unused', `Unexpected record of an issued numbering in a meeting whose meeting.md does not say \`status: issued\`, expected \`status: issued\` for its numbers to hold (as it is, the report is numbered afresh)`),
    );
  }
  return { value: { meta, items, annexes, footnotes, documents, record: issued && !foreign ? (lock?.record ?? null) : null, range: meetingRange }, diagnostics };
}

// ---- footnotes ---------------------------------------------------------------------

const FOOTNOTE_CALL = /\[\^([^\]\s]+)\]/g;

/**
 * Footnotes are meeting-wide: a definition in any file serves a call in any other. The Markdown
 * reader only takes `[^key]` for a call when its definition is in the same file, so a file that
 * calls a footnote defined elsewhere is read again with the missing definitions appended after its
 * end (no position moves, and those stand-ins are never read as footnotes). A call defined nowhere
 * and a key defined twice are errors.
 */
function readFootnotesMeetingWide(sources: readonly SourceFile[], diagnostics: Diagnostic[], trees?: TreeCache): Map<string, { file: SourceFile; tree: Root }> {
  const read = new Map(sources.map((file) => [file.path, { file, tree: parseMarkdown(file.text, trees) }]));
  const defined = new Map<string, SourceRange>();
  for (const { file, tree } of read.values()) {
    for (const node of tree.children) {
      if (node.type !== 'footnoteDefinition') continue;
      const key = normalizeIdentifier(node.identifier).toLowerCase();
      const range = rangeOf({ file: file.path }, node);
      const first = defined.get(key);
      if (first) diagnostics.push(error(range, 'footnote-duplicate', `Unexpected second definition of footnote \`[^${node.label ?? node.identifier}]\`, expected each footnote defined once in the meeting (first defined at ${formatPlace(first)})`));
      else defined.set(key, range);
    }
  }
  for (const [name, { file, tree }] of read) {
    const missing = new Set<string>();
    for (const node of footnoteCallTexts(tree)) {
      // Read from the source: a call typed with a backslash (`\[^1\]`) is text, not a call.
      const start = node.position?.start.offset;
      const typed = start === undefined ? node.value : file.text.slice(start, node.position!.end.offset);
      for (const m of typed.matchAll(FOOTNOTE_CALL)) {
        if (m.index > 0 && typed[m.index - 1] === '\\') continue;
        const key = normalizeIdentifier(m[1]!).toLowerCase();
        if (defined.has(key)) {
          missing.add(m[1]!);
          continue;
        }
        const at = start !== undefined ? pointAt(file.text, start + m.index) : { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
        diagnostics.push(
          error({ file: file.path, line: at.line, column: at.column }, 'footnote-undefined', `Unexpected footnote call \`${m[0]}\` with no definition in the meeting, expected a line \`${m[0]}: the note's text\` in one of its files`),
        );
      }
    }
    if (missing.size === 0) continue;
    const standIns = [...missing].map((label) => `[^${label}]: -`).join('\n\n');
    const again = parseMarkdown(`${file.text}\n\n${standIns}\n`, trees);
    // A new root, not an edit of the one read: that one may be shared through the cache.
    const children = again.children.filter((node) => node.type !== 'footnoteDefinition' || (node.position?.start.offset ?? 0) < file.text.length);
    read.set(name, { file, tree: { ...again, children } });
  }
  return read;
}

const callTexts = new WeakMap<Root, readonly Text[]>();

/** The text nodes of a tree that hold `[^…]`, found once per tree: `acta watch` asks again for every unchanged file. */
function footnoteCallTexts(tree: Root): readonly Text[] {
  let found = callTexts.get(tree);
  if (!found) {
    const texts: Text[] = [];
    const call = new RegExp(FOOTNOTE_CALL.source);
    visit(tree, 'text', (node) => {
      if (call.test(node.value)) texts.push(node);
    });
    found = texts;
    callTexts.set(tree, found);
  }
  return found;
}

/**
 * Control characters (Word pastes U+000B for a line break), non-characters and lone surrogates are
 * errors in HTML and, most of them, invalid in the XML of a DOCX: each becomes spaces of the same
 * length, so positions stay exact.
 */
const CONTROL = new RegExp(NOT_TEXT.source, 'gu');

function replaceControls(file: string, text: string, diagnostics: Diagnostic[]): string {
  const first = text.search(CONTROL);
  if (first === -1) return text;
  const { line, column } = pointAt(text, first);
  const code = text.codePointAt(first)!.toString(16).toUpperCase().padStart(4, '0');
  const count = text.match(CONTROL)!.length;
  diagnostics.push(
    warning({ file, line, column }, 'control-character', `Unexpected control character U+${code}${count > 1 ? ` (and ${count - 1} more)` : ''}, expected text; replaced by a space`),
  );
  return text.replace(CONTROL, (c) => ' '.repeat(c.length));
}

/**
 * Invisible direction controls (embeddings, overrides, isolates) make text display in another order than
 * it is stored: `abc\u202Efed` shows as "abcdef". A title or a sentence can then read one way in a
 * report and mean another in its data. Each is kept (a right-to-left text may need one) with a warning
 * at its place.
 */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/gu;

function warnBidiControls(file: string, text: string, diagnostics: Diagnostic[]): void {
  for (const m of text.matchAll(BIDI_CONTROL)) {
    const { line, column } = pointAt(text, m.index);
    const code = m[0].codePointAt(0)!.toString(16).toUpperCase();
    diagnostics.push(
      warning({ file, line, column }, 'bidi-control', `Unexpected invisible direction control U+${code}, expected text without it: it makes the words around it show in another order than they are written (delete it, unless a right-to-left text needs it)`),
    );
  }
}

interface LeadPhraseTools {
  readonly matches: (text: string) => boolean;
  readonly nearMiss: (text: string) => boolean;
  /** The phrase as this meeting expects it, for messages (null when the frontmatter could not be read). */
  readonly expected: string | null;
}

/** The phrase that opens a list of decisions or actions: the profile's, in the meeting's language, or the frontmatter's own. */
function leadPhraseTools(profile: DocumentProfile, meta: MeetingMeta | null, override: string | null): LeadPhraseTools {
  const kind = profile.leadPhrase;
  const meeting = meta && { language: meta.language, short: meta.committee_short, committee: meta.committee, override };
  return {
    matches: leadPhraseMatcher(kind, meeting),
    nearMiss: meeting ? leadPhraseNearMiss(kind, meeting.language) : () => false,
    expected: meeting ? expectedPhrase(kind, meeting) : null,
  };
}

// ---- ids ----------------------------------------------------------------------

const TRAILING_ID = /^\{#([^\s{}]+)\}\s*$/;
/** `{-}` or `{.unnumbered}`, pandoc's two spellings for a heading it does not number (no leading `\s*`: tried at every space of a long run, it would take time that grows with the square of the run). */
const TRAILING_UNNUMBERED = /\{(?:-|\.unnumbered)\}\s*$/;

/** Source whose `{#id}` was typed with a backslash (`\{#id}`): text, not an id. */
const ESCAPED_ID = /\\\{#[^\s{}]*\\?\}\s*$/;
/** `\{-}`: the mark typed as text. */
const ESCAPED_UNNUMBERED = /\\\{(?:-|\.unnumbered)\\?\}\s*$/;

/** Takes a trailing `{#id}` off inline content (`source`: the file, to leave an escaped one as text). */
export function takeId(content: readonly Inline[], source?: string): { id: string | null; content: Inline[] } {
  const last = content[content.length - 1];
  if (last?.type !== 'text') return { id: null, content: [...content] };
  // Only the last `{#` can start it: a pattern tried at every space before it would take time that grows with
  // the square of a run of spaces.
  const at = last.value.lastIndexOf('{#');
  const m = at === -1 ? null : TRAILING_ID.exec(last.value.slice(at));
  if (!m) return { id: null, content: [...content] };
  if (source !== undefined && ESCAPED_ID.test(source.slice(last.range.start.offset, last.range.end.offset))) return { id: null, content: [...content] };
  const rest = last.value.slice(0, at).trimEnd();
  const kept = content.slice(0, -1);
  return { id: m[1]!, content: rest ? [...kept, { type: 'text', value: rest, range: last.range }] : kept };
}

/** Takes the marks a paragraph may end with: `{#id}`, or `{-}` that leaves it unnumbered (never both: it would be a target). */
function takeParagraphMarks(ctx: InlineContext, node: RootContent, given: readonly Inline[]): { id: string | null; unnumbered: boolean; content: Inline[] } {
  const last = given[given.length - 1];
  const m = last?.type === 'text' ? TRAILING_UNNUMBERED.exec(last.value) : null;
  const escaped = last !== undefined && ESCAPED_UNNUMBERED.test(ctx.source.slice(last.range.start.offset, last.range.end.offset));
  if (!m || last?.type !== 'text' || escaped) return { ...takeId(given, ctx.source), unnumbered: false };
  const rest = last.value.slice(0, m.index).trimEnd();
  const { id, content } = takeId(rest ? [...given.slice(0, -1), { ...last, value: rest }] : given.slice(0, -1), ctx.source);
  if (id !== null) {
    ctx.diagnostics.push(
      error(rangeOf(ctx, node), 'unnumbered-id', `Unexpected \`{#${id}}\` on a paragraph left unnumbered with \`${m[0].trim()}\`, expected one or the other: an unnumbered paragraph has no number for a reference to print`),
    );
  }
  return { id: null, unnumbered: true, content };
}

// ---- nested blocks -------------------------------------------------------------

/**
 * A paragraph that is a picture and nothing else: a figure, which belongs to the paragraph before it as a table does,
 * and takes no number.
 */
function isPictureAlone(node: Content & { type: 'paragraph' }): boolean {
  return node.children.some((c) => c.type === 'image') && node.children.every((c) => c.type === 'image' || (c.type === 'text' && !c.value.trim()) || c.type === 'break');
}

function convertBlocks(ctx: InlineContext, nodes: readonly (Content | RootContent)[]): Block[] {
  const out: Block[] = [];
  for (const node of nodes) {
    const block = convertBlock(ctx, node);
    if (block) out.push(block);
  }
  return out;
}

function convertBlock(ctx: InlineContext, node: Content | RootContent): Block | null {
  switch (node.type) {
    case 'paragraph':
      return { type: 'plain', content: convertInlines(ctx, node.children), range: rangeOf(ctx, node) };
    case 'list':
      return convertList(ctx, node);
    case 'table':
      return convertTable(ctx, node);
    case 'blockquote':
      return { type: 'quote', children: convertBlocks(ctx, node.children), range: rangeOf(ctx, node) };
    case 'code':
      return { type: 'codeblock', lang: node.lang ?? null, value: node.value, range: rangeOf(ctx, node) };
    case 'thematicBreak':
      return { type: 'rule', range: rangeOf(ctx, node) };
    case 'heading': {
      const { id, content } = takeId(convertInlines(ctx, node.children), ctx.source);
      return { type: 'heading', depth: node.depth, id, content, restricted: false, range: rangeOf(ctx, node) };
    }
    case 'html':
      checkRestrictedHtml(rangeOf(ctx, node), node.value, ctx.diagnostics);
      if (!node.value.trim().startsWith('<!--')) {
        ctx.diagnostics.push(warning(rangeOf(ctx, node), 'raw-html', 'Unexpected raw HTML block, expected Markdown; it is left out'));
      }
      return null;
    case 'containerDirective':
    case 'leafDirective':
      ctx.diagnostics.push(
        error(rangeOf(ctx, node), 'unknown-directive', `Unexpected block \`${node.type === 'leafDirective' ? '::' : ':::'}${node.name}\` here, expected \`:::restricted\` at the top level of a file`),
      );
      return null;
    case 'definition':
    case 'footnoteDefinition':
    case 'yaml':
      return null;
    default:
      return null;
  }
}

function convertList(ctx: InlineContext, node: List): Block {
  const ordered = node.ordered === true;
  const items = node.children.map((item): ListItem => ({ type: 'listItem', blocks: convertBlocks(ctx, item.children), range: rangeOf(ctx, item) }));
  return { type: 'list', ordered, start: node.start ?? 1, lettered: !ordered && isLettered(items), items, range: rangeOf(ctx, node) };
}

/** Items that open with the letters a, b, c… in order, each followed by `.` or `)` and a space. */
function isLettered(items: readonly ListItem[]): boolean {
  return (
    items.length > 0 &&
    items.every((item, i) => {
      const first = item.blocks[0];
      return first?.type === 'plain' && letterOf(first.content) === String.fromCharCode(97 + i);
    })
  );
}

function convertTable(ctx: InlineContext, node: Table): Block {
  return {
    type: 'table',
    align: (node.align ?? []).map((a) => a ?? null),
    rows: node.children.map((row): TableRow => ({
      type: 'row',
      cells: row.children.map((cell) => ({ type: 'cell', content: convertInlines(ctx, cell.children), range: rangeOf(ctx, cell) })),
      range: rangeOf(ctx, row),
    })),
    range: rangeOf(ctx, node),
  };
}

/** The decisions (or a working document's actions) of the list after a lead phrase, each with its `{#id}` and links. */
function convertDecisions(ctx: InlineContext, list: List, profile: DocumentProfile): Decision[] {
  const decisions = list.children.map((item): Decision => {
    const [first, ...rest] = item.children;
    if (first?.type !== 'paragraph') return { type: 'decision', content: [], blocks: convertBlocks(ctx, item.children), lettered: false, range: rangeOf(ctx, item), key: null, links: [] };
    const { key, links, content } = takeDecisionAttributes(ctx, convertInlines(ctx, first.children));
    // Only the report's decisions are in the register: a link on an action would be lost without a word.
    if (profile.listOf === 'actions' && links.length > 0) {
      ctx.diagnostics.push(error(links[0]!.range, 'decision-link', 'Unexpected link on an action of a working document, expected links only on the decisions of the report (the register lists those)'));
    }
    return { type: 'decision', content, blocks: convertBlocks(ctx, rest), lettered: false, range: rangeOf(ctx, item), key, links: profile.listOf === 'actions' ? [] : links };
  });
  const lettered = decisions.length > 0 && decisions.every((d, i) => letterOf(d.content) === String.fromCharCode(97 + i));
  return lettered ? decisions.map((d) => ({ ...d, lettered })) : decisions;
}

/** The letter an item's text opens with, followed by `.` or `)` and a space, as authors letter a list by hand. */
function letterOf(content: readonly Inline[]): string | null {
  return /^\s*([a-z])[.)]\s/.exec(inlineText(content))?.[1] ?? null;
}

/**
 * `*(For guidance and decision)*`: wholly in parentheses, emphasised as the format shows it or not
 * (authors forget the asterisks, and the line must not become paragraph 1 and shift every number).
 */
function purposeOf(node: RootContent): string | null {
  if (node.type !== 'paragraph') return null;
  const children = node.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  const only = children.length === 1 ? children[0]! : null;
  const inner = only?.type === 'emphasis' ? only.children : node.children;
  if (!inner.every((c) => c.type === 'text' || c.type === 'emphasis')) return null;
  const text = inner.map((c) => (c.type === 'text' ? c.value : c.children.map((g) => ('value' in g ? g.value : '')).join(''))).join('').trim();
  const m = /^\(([^()]*)\)$/.exec(text);
  return m ? m[1]!.trim() : null;
}

/** Labels acta prints itself, typed at the start of a heading: `Item I –`, `Point IV:`, `(a)`, `b)`, `II.`. */
const ITEM_WORDS = [...new Set(Object.values(CATALOGUES).map((c) => c.item))];
const TYPED_ITEM_LABEL = new RegExp(`^(?:${ITEM_WORDS.join('|')})\\s+([IVXLC]+)\\b\\s*[-–—:.]?\\s*`, 'i');
const TYPED_LETTER = /^\(?([a-z])\)\s+/;
const TYPED_SECTION = /^([IVXLC]+)\.\s+/;

/**
 * Takes a typed label off the start of a heading's title, so that no edition prints it twice; the number stage,
 * which knows the real label, says whether it agreed. A label split by formatting is left for the author to see.
 */
function takeTypedLabel(ctx: InlineContext, node: Heading, depth: 1 | 2, content: readonly Inline[], section: boolean): { content: readonly Inline[]; typedLabel?: TypedLabel } {
  const pattern = section ? TYPED_SECTION : depth === 1 ? TYPED_ITEM_LABEL : TYPED_LETTER;
  const first = content[0];
  // A label in bold or italics (`# **Item I** – Opening`) cannot be cut out of its formatting: it stays, and is said.
  const shown = first?.type === 'text' ? first.value : inlineText(content);
  const typed = pattern.exec(shown);
  if (!typed || typed[0].length === shown.length) return { content };
  const mark = section || depth === 1 ? typed[1]!.toUpperCase() : typed[1]!.toLowerCase();
  const typedLabel = { text: typed[0].trim(), mark, range: rangeOf(ctx, node) };
  if (first?.type !== 'text') return { content, typedLabel: { ...typedLabel, kept: true } };
  return { content: [{ ...first, value: first.value.slice(typed[0].length) }, ...content.slice(1)], typedLabel };
}

/** The bullet character a paragraph pasted from Word starts with (•, ·, ▪, ●, ◦, ■), or null. */
function pastedBullet(ctx: InlineContext, node: RootContent): string | null {
  const start = node.position?.start.offset;
  return start === undefined ? null : (/^[•·▪●◦■]/.exec(ctx.source.slice(start, start + 1))?.[0] ?? null);
}

function checkParagraphLines(ctx: InlineContext, node: RootContent, diagnostics: Diagnostic[]): void {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start !== undefined && end !== undefined) checkSoftBreaks(ctx.file, ctx.source, start, end, diagnostics);
}

/** Markdown reads a line indented by a tab or four spaces as code: a pasted first-line indent. */
function isIndentedCode(ctx: InlineContext, node: RootContent): boolean {
  if (node.type !== 'code') return false;
  const start = node.position?.start.offset;
  return start !== undefined && !/^[ \t]*(`{3,}|~{3,})/.test(ctx.source.slice(start, start + 40));
}

function reportIndented(ctx: InlineContext, node: RootContent): void {
  ctx.diagnostics.push(
    error(rangeOf(ctx, node), 'indented-paragraph', 'Unexpected indented text (a tab or four spaces at the start of the line make Markdown read it as code), expected the paragraph without indentation; to show code on purpose, put it between two ``` lines'),
  );
}

/** `:::restricted` … `:::` must be closed: micromark silently runs an open one to the end of the file. */
function checkClosed(ctx: InlineContext, node: RootContent): boolean {
  const end = node.position?.end.offset;
  const start = node.position?.start.offset;
  if (end === undefined || start === undefined) return true;
  // Its last line only: blocks nest, and each reading its whole text again would cost their depth times the text.
  const lastBreak = ctx.source.lastIndexOf('\n', end - 1);
  return lastBreak >= start && /^\s*:{3,}\s*$/.test(ctx.source.slice(lastBreak + 1, end));
}

// ---- the report body -------------------------------------------------------------

interface ParagraphDraft {
  type: 'paragraph';
  id: string | null;
  content: Inline[];
  blocks: Block[];
  decisions: Decision[] | null;
  restricted: boolean;
  unnumbered: boolean;
  range: SourceRange;
}

interface ItemDraft {
  type: 'item';
  id: string | null;
  title: Inline[];
  purpose: string | null;
  allow: string[];
  body: Flow<ParagraphDraft, Subitem & { purpose: string | null }>[];
  typedLabel?: TypedLabel;
  banner?: Banner;
  days?: Day[];
  range: SourceRange;
}

class ItemsBuilder {
  private readonly items: ItemDraft[] = [];
  private current: ItemDraft | null = null;
  private last: ParagraphDraft | null = null;
  /** A conclusion phrase waiting for its list. */
  private conclusion: { paragraph: ParagraphDraft } | null = null;
  /** A paragraph that reads like the conclusion phrase but is not it: reported if a list follows. */
  private nearMiss: ParagraphDraft | null = null;
  /** The node just before was a paragraph ending in a colon, which may introduce an ordered list. */
  private afterColon = false;
  private expectPurpose: 'item' | 'subitem' | null = null;
  /** The heading just read has its purpose: a second line in parentheses is a paragraph. */
  private purposeTaken = false;
  private reportedBeforeItem = new Set<string>();
  /** A working document's `::toc`, before its first section. */
  toc: TocBlock | null = null;

  private readonly words: { readonly phrase: string; readonly list: string; readonly heading: string; readonly first: string };

  constructor(
    private readonly phrase: LeadPhraseTools,
    private readonly diagnostics: Diagnostic[],
    private readonly profile: DocumentProfile,
  ) {
    this.words = profile.listOf === 'actions'
      ? { phrase: 'action phrase', list: 'an action list', heading: 'a section', first: 'section' }
      : { phrase: 'conclusion phrase', list: 'a decision list', heading: 'an agenda item', first: 'item' };
  }

  addFile(parsed: ParsedFile): void {
    this.walk(parsed.ctx, parsed.tree.children, false);
    this.closeConclusion();
    this.last = null;
  }

  finish(): Item[] {
    return this.items;
  }

  private walk(ctx: InlineContext, nodes: readonly RootContent[], restricted: boolean): void {
    for (const node of nodes) this.visit(ctx, node, restricted);
  }

  private visit(ctx: InlineContext, node: RootContent, restricted: boolean): void {
    if (node.type === 'yaml' || node.type === 'definition' || node.type === 'footnoteDefinition') return;
    if (node.type === 'html' && node.value.trim().startsWith('<!--')) {
      checkRestrictedHtml(rangeOf(ctx, node), node.value, this.diagnostics);
      // `<!-- no-decisions: the closing decides nothing -->` turns that warning off for the item.
      const allowed = /^<!--\s*(no-decisions|public-labels)\b/.exec(node.value.trim());
      if (allowed && this.current) this.current.allow.push(allowed[1]!);
      return;
    }

    // A conclusion phrase must be followed right away by its list.
    // Word's bullets pasted as text (`• took note`): Markdown reads a paragraph, so the mistake is reported at
    // the bullet, once, and not again as a phrase with no list.
    const bullet = node.type === 'paragraph' ? pastedBullet(ctx, node) : null;
    if (bullet) {
      const decisions = this.conclusion !== null;
      this.diagnostics.push(
        (decisions ? error : warning)(rangeOf(ctx, node), 'pasted-bullet', `Unexpected \`${bullet}\` typed at the start of a line, expected \`- \` to start each entry of a list (a bullet pasted from Word is text, so ${decisions ? 'these decisions are not a list' : 'these lines are one paragraph'})`),
      );
      // The item has its decisions, mistyped: the one message is this one.
      if (decisions) this.current?.allow.push('no-decisions');
      this.conclusion = null;
    }
    if (this.conclusion && node.type !== 'list') this.closeConclusion();
    const nearMiss = this.nearMiss;
    const afterColon = this.afterColon;
    this.nearMiss = null;
    this.afterColon = false;
    if (nearMiss && node.type === 'list') this.reportNearMiss(nearMiss);

    // A working document has sections (`#`) and no sub-items: its `##` are plain headings.
    if (node.type === 'heading' && node.depth <= (this.profile.headings === 'sections' ? 1 : 2)) {
      this.last = null;
      const taken = takeId(convertInlines(ctx, node.children), ctx.source);
      const id = taken.id;
      const { content, typedLabel } = takeTypedLabel(ctx, node, node.depth as 1 | 2, taken.content, this.profile.headings === 'sections');
      const typed = typedLabel ? { typedLabel } : {};
      if (restricted) {
        this.diagnostics.push(error(rangeOf(ctx, node), 'heading-in-restricted', `Unexpected \`${'#'.repeat(node.depth)}\` heading inside \`:::restricted\`, expected items and sub-items outside restricted blocks`));
        return;
      }
      if (node.depth === 1) {
        this.current = { type: 'item', id, title: [...content], purpose: null, allow: [], body: [], range: rangeOf(ctx, node), ...typed };
        this.items.push(this.current);
        this.expectPurpose = 'item';
        this.purposeTaken = false;
        return;
      }
      const item = this.requireItem(ctx, node);
      if (!item) return;
      const subitem: Subitem = { type: 'subitem' as const, id, title: content, purpose: null as string | null, range: rangeOf(ctx, node), ...typed };
      const previous = item.body[item.body.length - 1];
      if (previous?.type === 'subitems' && this.expectPurpose !== null) {
        (previous.subitems as Subitem[]).push(subitem);
        (previous as { range: SourceRange }).range = { ...previous.range, end: subitem.range.end };
      } else {
        item.body.push({ type: 'subitems', subitems: [subitem], range: subitem.range });
      }
      this.expectPurpose = 'subitem';
      this.purposeTaken = false;
      return;
    }

    if (node.type === 'containerDirective' && (node.name === 'banner' || node.name === 'day') && this.profile.agendaTable) {
      this.addAgendaBlock(ctx, node, restricted);
      return;
    }
    if (node.type === 'leafDirective' && node.name === 'toc' && this.profile.headings === 'sections' && !this.current && !restricted) {
      const toc = tocOf(ctx, node);
      if (this.toc) this.diagnostics.push(error(rangeOf(ctx, node), 'toc', 'Unexpected second `::toc`, expected one table of contents a document'));
      else this.toc = toc;
      return;
    }
    if (node.type === 'containerDirective') {
      if (node.name !== 'restricted') {
        this.diagnostics.push(error(rangeOf(ctx, node), 'unknown-directive', `Unexpected block \`:::${node.name}\`, expected ${this.profile.agendaTable ? '`:::restricted`, `:::banner[…]` or `:::day[…]`' : '`:::restricted`'}`));
        return;
      }
      if (!checkClosed(ctx, node)) {
        this.diagnostics.push(error(rangeOf(ctx, node), 'unclosed-directive', 'Unexpected `:::restricted` that is never closed, expected a `:::` line to end it'));
      }
      checkOpenInsideBlock(ctx.file, ctx.source, node, this.diagnostics);
      this.last = null;
      this.walk(ctx, node.children, true);
      this.closeConclusion();
      this.last = null;
      this.expectPurpose = null;
      return;
    }
    if (node.type === 'leafDirective') {
      const where = node.name === 'toc' ? (this.profile.headings === 'sections' ? 'before the first section of a working document' : 'in an annex or at the head of a working document') : null;
      this.diagnostics.push(
        error(rangeOf(ctx, node), node.name === 'toc' ? 'toc' : 'unknown-directive', where ? `Unexpected \`::toc\` here, expected it ${where}` : `Unexpected block \`::${node.name}\`, expected \`:::restricted\` … \`:::\``),
      );
      return;
    }

    const item = this.requireItem(ctx, node);
    if (!item) return;

    if (node.type === 'paragraph' && !isPictureAlone(node)) {
      const purpose = this.expectPurpose && !this.purposeTaken ? purposeOf(node) : null;
      if (purpose !== null && !restricted) {
        if (this.expectPurpose === 'item') item.purpose = purpose;
        else {
          const group = item.body[item.body.length - 1] as SubitemGroup;
          const subs = group.subitems as (Subitem & { purpose: string | null })[];
          subs[subs.length - 1]!.purpose = purpose;
        }
        // One purpose a heading: a second line in parentheses is a paragraph.
        this.purposeTaken = true;
        return; // a purpose keeps the heading's group open
      }
      this.expectPurpose = null;
      checkParagraphLines(ctx, node, this.diagnostics);
      const { id, unnumbered, content } = takeParagraphMarks(ctx, node, convertInlines(ctx, node.children));
      const paragraph: ParagraphDraft = { type: 'paragraph', id, content, blocks: [], decisions: null, restricted, unnumbered, range: rangeOf(ctx, node) };
      item.body.push(paragraph);
      this.last = paragraph;
      const text = inlineText(content).trim();
      if (this.phrase.matches(text)) this.conclusion = { paragraph };
      else if (this.phrase.nearMiss(text)) this.nearMiss = paragraph;
      this.afterColon = /:\s*$/.test(text);
      return;
    }

    this.expectPurpose = null;
    if (isIndentedCode(ctx, node)) {
      reportIndented(ctx, node);
      return;
    }
    if (node.type === 'list' && this.conclusion) {
      this.conclusion.paragraph.decisions = convertDecisions(ctx, node, this.profile);
      this.conclusion = null;
      this.last = null;
      this.checkTypedNumber(ctx, node, true);
      return;
    }
    if (node.type === 'heading') {
      const { id, content } = takeId(convertInlines(ctx, node.children), ctx.source);
      const heading: HeadingBlock = { type: 'heading', depth: node.depth, id, content, restricted, range: rangeOf(ctx, node) };
      item.body.push(heading);
      this.last = null;
      return;
    }
    if (node.type === 'list') this.checkTypedNumber(ctx, node, afterColon);
    const block = convertBlock(ctx, node);
    if (!block || block.type === 'heading') return;
    if (this.last && this.last.restricted === restricted) this.last.blocks.push(block);
    else item.body.push({ type: 'loose', block, restricted, range: rangeOf(ctx, node) } satisfies LooseBlock);
  }

  /** `:::banner[…]` and `:::day[…]`: what the agenda table prints of an item besides its row. */
  private addAgendaBlock(ctx: InlineContext, node: ContainerDirective, restricted: boolean): void {
    const item = this.requireItem(ctx, node);
    if (!item) return;
    const range = rangeOf(ctx, node);
    if (!checkClosed(ctx, node)) this.diagnostics.push(error(range, 'unclosed-directive', `Unexpected \`:::${node.name}\` that is never closed, expected a \`:::\` line to end it`));
    if (restricted) {
      this.diagnostics.push(error(range, node.name, `Unexpected \`:::${node.name}\` inside \`:::restricted\`, expected the agenda's rows outside restricted blocks (the agenda table is public)`));
      return;
    }
    const [first, ...rest] = node.children;
    const labelled = first?.type === 'paragraph' && (first.data as { directiveLabel?: boolean } | undefined)?.directiveLabel === true;
    const title = labelled ? convertInlines(ctx, first.children) : [];
    const body = labelled ? rest : node.children;
    const example = node.name === 'banner' ? '`:::banner[DISRUPTIVE TECHNOLOGIES]`' : '`:::day[DAY III (Disruptive Technologies)]`';
    if (inlineText(title).trim() === '') this.diagnostics.push(error(range, node.name, `Unexpected \`:::${node.name}\` without a title, expected it in brackets: ${example}`));
    if (node.name === 'banner') {
      if (item.banner) this.diagnostics.push(error(range, 'banner', 'Unexpected second `:::banner` in one item, expected one banner above an item'));
      const note = body.flatMap((child) => {
        if (child.type === 'paragraph') return [convertInlines(ctx, child.children)];
        this.diagnostics.push(error(rangeOf(ctx, child), 'banner', 'Unexpected block in a banner, expected its note as plain paragraphs'));
        return [];
      });
      item.banner = { title, note, range } satisfies Banner;
      return;
    }
    const entries: TimetableEntry[] = [];
    for (const child of body) {
      if (child.type !== 'list' || child.ordered) {
        this.diagnostics.push(error(rangeOf(ctx, child), 'timetable', 'Unexpected text in a day, expected a `-` list of times: `- 9.30 – 10.00 [](#item-id)` or `- 10.00 – 10.30 Coffee break`'));
        continue;
      }
      for (const entry of child.children) {
        const made = timetableEntry(ctx, entry, this.diagnostics);
        if (!made) continue;
        const before = entries.at(-1);
        if (before && (made.start < before.start || (before.end !== null && made.start < before.end && made.start !== before.start))) {
          this.diagnostics.push(error(made.range, 'timetable-order', `Unexpected ${made.time} after ${before.time}, expected the times of a day in order`));
        }
        entries.push(made);
      }
    }
    item.days = [...(item.days ?? []), { title, entries, range } satisfies Day];
  }

  private requireItem(ctx: InlineContext, node: RootContent): ItemDraft | null {
    if (this.current) return this.current;
    if (!this.reportedBeforeItem.has(ctx.file)) {
      this.reportedBeforeItem.add(ctx.file);
      this.diagnostics.push(error(rangeOf(ctx, node), 'text-before-item', `Unexpected text before the first ${this.words.first}, expected a \`#\` heading (${this.words.heading}) first`));
    }
    return null;
  }

  private closeConclusion(): void {
    if (!this.conclusion) return;
    const { paragraph } = this.conclusion;
    this.diagnostics.push(
      error(paragraph.range, 'conclusion-without-list', `Unexpected ${this.words.phrase} \`${inlineText(paragraph.content).trim()}\` with no list after it, expected a \`-\` list of ${this.profile.listOf} right below it`),
    );
    this.conclusion = null;
  }

  private reportNearMiss(paragraph: ParagraphDraft): void {
    const expected = this.phrase.expected ? ` \`${this.phrase.expected}\`` : '';
    this.diagnostics.push(
      warning(paragraph.range, 'conclusion-near-miss', `Unexpected \`${inlineText(paragraph.content).trim()}\` before a list, expected the ${this.words.phrase}${expected} to make the list ${this.words.list} (as typed, its items are not ${this.profile.listOf})`),
    );
  }

  /**
   * `12. The Secretariat…` pasted from Word is read as an ordered list starting at 12, which takes the
   * paragraphs out of the numbering. An ordered list is legitimate only after a paragraph that
   * introduces it ("…the following:") and starting at 1.
   */
  private checkTypedNumber(ctx: InlineContext, node: List, introduced: boolean): void {
    if (!node.ordered) return;
    const start = node.start ?? 1;
    if (start === 1 && introduced) return;
    this.diagnostics.push(
      error(rangeOf(ctx, node), 'typed-number', `Unexpected typed paragraph number \`${start}.\`, expected the paragraph without its number: acta numbers paragraphs itself (delete \`${start}. \`; write \`${start}\\.\` if the number is really part of the text, or end the paragraph before a real list with a colon)`),
    );
  }
}

// ---- annexes ---------------------------------------------------------------------

class AnnexBuilder {
  constructor(
    private readonly diagnostics: Diagnostic[],
    private readonly numbered: boolean,
  ) {}

  build(parsed: ParsedFile): Flow<Paragraph, never>[] {
    const body: Flow<ParagraphDraft, never>[] = [];
    this.walk(parsed.ctx, parsed.tree.children, false, body);
    return body;
  }

  private walk(ctx: InlineContext, nodes: readonly RootContent[], restricted: boolean, body: Flow<ParagraphDraft, never>[]): void {
    let last: ParagraphDraft | null = null;
    for (const node of nodes) {
      if (node.type === 'yaml' || node.type === 'definition' || node.type === 'footnoteDefinition') continue;
      if (node.type === 'containerDirective' && node.name === 'restricted') {
        if (!checkClosed(ctx, node)) {
          this.diagnostics.push(error(rangeOf(ctx, node), 'unclosed-directive', 'Unexpected `:::restricted` that is never closed, expected a `:::` line to end it'));
        }
        checkOpenInsideBlock(ctx.file, ctx.source, node, this.diagnostics);
        this.walk(ctx, node.children, true, body);
        last = null;
        continue;
      }
      if (isIndentedCode(ctx, node)) {
        reportIndented(ctx, node);
        continue;
      }
      if (node.type === 'leafDirective' && node.name === 'toc' && !restricted) {
        body.push(tocOf(ctx, node));
        last = null;
        continue;
      }
      if (node.type === 'containerDirective' || node.type === 'leafDirective') {
        this.diagnostics.push(error(rangeOf(ctx, node), 'unknown-directive', `Unexpected block \`${node.type === 'leafDirective' ? '::' : ':::'}${node.name}\`, expected \`:::restricted\` (or \`::toc\`, for a table of contents)`));
        continue;
      }
      if (node.type === 'heading') {
        const { id, content } = takeId(convertInlines(ctx, node.children), ctx.source);
        body.push({ type: 'heading', depth: node.depth, id, content, restricted, range: rangeOf(ctx, node) });
        last = null;
        continue;
      }
      if (node.type === 'paragraph' && !isPictureAlone(node)) {
        checkParagraphLines(ctx, node, this.diagnostics);
        const { id, unnumbered, content } = takeParagraphMarks(ctx, node, convertInlines(ctx, node.children));
        last = { type: 'paragraph', id, content, blocks: [], decisions: null, restricted, unnumbered, range: rangeOf(ctx, node) };
        body.push(last);
        continue;
      }
      const block = convertBlock(ctx, node);
      if (!block || block.type === 'heading') continue;
      if (last && this.numbered) last.blocks.push(block);
      else body.push({ type: 'loose', block, restricted, range: rangeOf(ctx, node) });
    }
  }
}

// ---- the agenda's banners and timetables, tables of contents -------------------------------

/** `9.30 – 10.00`, `9:30-10:00`, `17.00`: a time or a span of two at the start of a timetable line. */
const TIME = /^\s*(\d{1,2})[.:h](\d{2})(?:\s*[–—-]\s*(\d{1,2})[.:h](\d{2}))?(?=\s|$)/;

/** One line of a day's list: its time (required, at its start), its words, and what is written under it. */
function timetableEntry(ctx: InlineContext, item: Content & { type: 'listItem' }, diagnostics: Diagnostic[]): TimetableEntry | null {
  const range = rangeOf(ctx, item);
  const [first, ...rest] = item.children;
  const content = first?.type === 'paragraph' ? convertInlines(ctx, first.children) : [];
  const lead = content[0];
  const m = lead?.type === 'text' ? TIME.exec(lead.value) : null;
  const minutes = (h: string, mm: string) => Number(h) * 60 + Number(mm);
  if (!m || !lead || lead.type !== 'text' || Number(m[2]) > 59 || (m[4] !== undefined && Number(m[4]) > 59)) {
    diagnostics.push(error(range, 'timetable', `Unexpected \`${inlineText(content).trim().slice(0, 40)}\` in a day, expected a time at its start: \`9.30 – 10.00 …\``));
    return null;
  }
  const start = minutes(m[1]!, m[2]!);
  const end = m[3] !== undefined ? minutes(m[3], m[4]!) : null;
  if (end !== null && end < start) diagnostics.push(error(range, 'timetable-order', `Unexpected time ${m[0].trim()} that ends before it starts, expected its start before its end`));
  const words = lead.value.slice(m[0].length).replace(/^\s+/, '');
  return {
    time: m[0].trim(),
    start,
    end,
    content: [...(words ? [{ ...lead, value: words }] : []), ...content.slice(1)],
    details: convertBlocks(ctx, rest),
    range,
  };
}

/** `::toc`, `::toc[Title]`, `::toc{depth=2}`: the depth is 1 to 6, 3 unless said. */
function tocOf(ctx: InlineContext, node: LeafDirective): TocBlock {
  const range = rangeOf(ctx, node);
  const title = node.children.length ? convertInlines(ctx, node.children) : null;
  const attributes = node.attributes ?? {};
  for (const name of Object.keys(attributes)) {
    if (name !== 'depth') ctx.diagnostics.push(error(range, 'toc', `Unexpected \`${name}\` on \`::toc\`, expected only \`depth\` (\`::toc{depth=2}\`)`));
  }
  const typed = attributes.depth;
  const depth = typed === undefined || typed === null ? 3 : Number(typed);
  if (!Number.isInteger(depth) || depth < 1 || depth > 6) {
    ctx.diagnostics.push(error(range, 'toc', `Unexpected depth \`${String(typed)}\` on \`::toc\`, expected a number of heading levels from 1 to 6`));
    return { type: 'toc', title, depth: 3, range };
  }
  return { type: 'toc', title, depth, range };
}
