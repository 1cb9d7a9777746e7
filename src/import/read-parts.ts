// Reads the parts of a DOCX the import needs into its model (read-docx.ts): the document's paragraphs made of runs,
// fields, revisions and comment anchors, the comments, the footnotes, the styles' names and the links' targets.

import { IMAGES_FOLDER, PICTURE_FILE } from '../load/load-pictures.js';
import { originIndex } from '../render/docx/origins.js';
import { attributeOf, childrenOf, findAll, tagOf, textOf, type XmlNode } from '../xml.js';
import { LIMITS, RefusedDocx, type Change, type DocxComment, type DocxParagraph, type FormatChange, type ReadContext, type Token } from './read-docx.js';

/** Each style's id and name; `null` is the default paragraph style. */
export function readStyles(styles: XmlNode[] | null): { readonly names: ReadonlyMap<string, string>; readonly defaultParagraph: string | null } {
  const names = new Map<string, string>();
  let defaultParagraph: string | null = null;
  for (const s of styles ? findAll(styles, 'w:style') : []) {
    const id = attributeOf(s, 'w:styleId');
    if (!id) continue;
    const name = childrenOf(s).find((c) => tagOf(c) === 'w:name');
    names.set(id, (name && attributeOf(name, 'w:val')) ?? id);
    if (attributeOf(s, 'w:type') === 'paragraph' && (attributeOf(s, 'w:default') === '1' || attributeOf(s, 'w:default') === 'true')) defaultParagraph = id;
  }
  return { names, defaultParagraph };
}

/** The addresses of the document's hyperlinks, by relationship id. */
export function readLinks(rels: XmlNode[] | null): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of rels ? findAll(rels, 'Relationship') : []) {
    if ((attributeOf(r, 'Type') ?? '').endsWith('/hyperlink')) out.set(attributeOf(r, 'Id') ?? '', attributeOf(r, 'Target') ?? '');
  }
  return out;
}

/** The SHA-256 of each picture the document part shows, by relationship id (`media` by part name, as unpacked). */
export function readPictures(rels: XmlNode[] | null, media: ReadonlyMap<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of rels ? findAll(rels, 'Relationship') : []) {
    const digest = (attributeOf(r, 'Type') ?? '').endsWith('/image') ? media.get(`word/${attributeOf(r, 'Target') ?? ''}`) : undefined;
    if (digest) out.set(attributeOf(r, 'Id') ?? '', digest);
  }
  return out;
}

interface RunState {
  change: Change;
  link: string | null;
  field: { instruction: string; result: string; separated: boolean; change: Change; style: string | null; edited: boolean } | null;
  controls: number;
  hidden: number;
}

/** The body's paragraphs in document order, those in table cells included (flagged). */
export function readParagraphs(document: XmlNode[], context: ReadContext = PLAIN): DocxParagraph[] {
  const body = findAll(document, 'w:body')[0];
  if (!body) throw new RefusedDocx('the file is not a Word document: it has no document body');
  const out: DocxParagraph[] = [];
  let tables = 0;
  const walkBlocks = (nodes: readonly XmlNode[], cell: DocxParagraph['cell']) => {
    for (const node of nodes) {
      const name = tagOf(node);
      if (name === 'w:p') {
        out.push(readParagraph(node, cell, context));
        if (out.length > LIMITS.paragraphs) throw new RefusedDocx(`the document has more than ${LIMITS.paragraphs} paragraphs, far more than any report`);
      } else if (name === 'w:tbl') {
        const table = tables++;
        let row = 0;
        for (const tr of childrenOf(node)) {
          if (tagOf(tr) !== 'w:tr') continue;
          const rowMark = revisionOf(childrenOf(tr).find((c) => tagOf(c) === 'w:trPr'));
          let col = 0;
          for (const tc of childrenOf(tr)) {
            if (tagOf(tc) === 'w:tc') walkBlocks(childrenOf(tc), { table, row, col: col++, rowMark });
            else if (tagOf(tc) === 'w:sdt' || tagOf(tc) === 'w:customXml') {
              for (const inner of findAll(childrenOf(tc), 'w:tc')) walkBlocks(childrenOf(inner), { table, row, col: col++, rowMark });
            }
          }
          row++;
        }
      } else if (name === 'w:sdt' || name === 'w:sdtContent' || name === 'w:customXml') walkBlocks(childrenOf(node), cell);
      else if (name === 'w:altChunk') {
        // Another document Word shows inline (pasted HTML or RTF): nothing the Markdown can take back, and said so.
        out.push({ style: 'Normal', bookmarks: [], origin: null, mark: null, tokens: [{ type: 'object', change: null, what: 'embedded document (altChunk)' }], inTable: cell !== null, controls: 0, hidden: 0, cell });
      }
    }
  };
  walkBlocks(childrenOf(body), null);
  return out;
}

/** Reads identifiers as they are written: for tests and tools that look at one document on its own. */
const PLAIN: ReadContext = { style: (id) => id ?? 'Normal', links: new Map() };

/** A tracked insertion or deletion among a properties element's children (a paragraph mark's, a table row's). */
function revisionOf(properties: XmlNode | undefined): Change {
  for (const r of properties ? childrenOf(properties) : []) {
    if (tagOf(r) === 'w:ins' || tagOf(r) === 'w:del') return { kind: tagOf(r) === 'w:ins' ? 'ins' : 'del', author: attributeOf(r, 'w:author') ?? '', date: attributeOf(r, 'w:date') ?? null };
  }
  return null;
}

/** The change a revision element opens, inside the one already open: a deletion of inserted text is neither. */
function nested(outer: Change, name: string, node: XmlNode): Change {
  const kind = name === 'w:ins' || name === 'w:moveTo' ? 'ins' : 'del';
  const own = { kind, author: attributeOf(node, 'w:author') ?? '', date: attributeOf(node, 'w:date') ?? null } as const;
  return kind === 'del' && outer?.kind === 'ins' ? { ...own, inserted: true } : outer?.kind === 'del' ? outer : own;
}

/** What reading a paragraph gathers: its style, mark, origin, bookmarks and tokens, with the state of the run being read. */
interface ParagraphState extends RunState {
  style: string | null;
  mark: Change;
  origin: number | null;
  readonly bookmarks: string[];
  readonly tokens: Token[];
}

function readParagraph(p: XmlNode, cell: DocxParagraph['cell'], context: ReadContext): DocxParagraph {
  const state: ParagraphState = { style: null, mark: null, origin: null, bookmarks: [], tokens: [], change: null, link: null, field: null, controls: 0, hidden: 0 };
  walkParagraph(childrenOf(p), state, context);
  const { style, bookmarks, origin, mark, tokens } = state;
  return { style: context.style(style), bookmarks, origin, mark, tokens, inTable: cell !== null, controls: state.controls, hidden: state.hidden, cell };
}

/** Reads a paragraph's nodes in order, into those revisions, hyperlinks and content controls hold. */
function walkParagraph(nodes: readonly XmlNode[], state: ParagraphState, context: ReadContext): void {
  for (const node of nodes) {
    const name = tagOf(node);
    switch (name) {
      case 'w:pPr':
        readParagraphProperties(node, state);
        break;
      case 'w:bookmarkStart':
        readBookmark(node, state);
        break;
      case 'w:ins':
      case 'w:del':
      case 'w:moveTo':
      case 'w:moveFrom': {
        const saved = state.change;
        state.change = nested(saved, name, node);
        walkParagraph(childrenOf(node), state, context);
        state.change = saved;
        break;
      }
      case 'w:hyperlink': {
        const saved = state.link;
        const anchor = attributeOf(node, 'w:anchor');
        const id = attributeOf(node, 'r:id');
        state.link = anchor ? `#${anchor}` : id ? context.links.get(id) ?? null : null;
        walkParagraph(childrenOf(node), state, context);
        state.link = saved;
        break;
      }
      case 'w:smartTag':
      case 'w:sdt':
      case 'w:sdtContent':
      case 'w:customXml':
        walkParagraph(childrenOf(node), state, context);
        break;
      case 'w:fldSimple':
        state.tokens.push({ type: 'field', instruction: (attributeOf(node, 'w:instr') ?? '').trim(), result: runsText(childrenOf(node)), style: null, change: state.change, edited: false });
        break;
      case 'w:commentRangeStart':
      case 'w:commentRangeEnd':
        state.tokens.push({ type: name === 'w:commentRangeStart' ? 'comment-start' : 'comment-end', id: attributeOf(node, 'w:id') ?? '' });
        break;
      case 'w:r':
        readRun(node, state, state.tokens, context);
        break;
      default:
        break; // proofing marks, bookmark ends, revision ids: nothing of the text
    }
  }
}

/** The paragraph's style, and the tracked insertion or deletion of its mark. */
function readParagraphProperties(pPr: XmlNode, state: ParagraphState): void {
  for (const c of childrenOf(pPr)) {
    if (tagOf(c) === 'w:pStyle') state.style = attributeOf(c, 'w:val') ?? null;
    if (tagOf(c) === 'w:rPr') state.mark = revisionOf(c) ?? state.mark;
  }
}

/** A bookmark: the first of acta's origin bookmarks says where the paragraph came from; hidden ones (`_Toc…`) are left out. */
function readBookmark(node: XmlNode, state: ParagraphState): void {
  const b = attributeOf(node, 'w:name');
  const index = b ? originIndex(b) : null;
  if (index !== null) state.origin ??= index;
  else if (b && !b.startsWith('_')) state.bookmarks.push(b);
}

function runsText(nodes: readonly XmlNode[]): string {
  return findAll(nodes, 'w:t').map(textOf).join('');
}

/** Bold and italic as a run-properties element sets them. */
function emphasisOf(rPr: XmlNode): { bold: boolean | null; italic: boolean | null } {
  let bold: boolean | null = null;
  let italic: boolean | null = null;
  for (const p of childrenOf(rPr)) {
    const on = attributeOf(p, 'w:val') !== 'false' && attributeOf(p, 'w:val') !== '0';
    if (tagOf(p) === 'w:b') bold = on;
    if (tagOf(p) === 'w:i') italic = on;
  }
  return { bold, italic };
}

/** A run's formatting as its properties set it, and its emphasis before a tracked formatting change. */
interface RunFormat {
  bold: boolean;
  italic: boolean;
  strike: boolean;
  style: string | null;
  before: { bold: boolean | null; italic: boolean | null; author: string; date: string | null } | null;
  hidden: boolean;
}

function readRun(run: XmlNode, state: RunState, tokens: Token[], context: ReadContext): void {
  const format: RunFormat = { bold: false, italic: false, strike: false, style: null, before: null, hidden: false };
  for (const c of childrenOf(run)) {
    const name = tagOf(c);
    if (name === 'w:rPr') {
      readRunProperties(c, format, context);
      continue;
    }
    if (name === 'w:fldChar') {
      readFieldChar(c, state, tokens);
      continue;
    }
    if (name === 'w:instrText' || name === 'w:delInstrText') {
      if (state.field && !state.field.separated) state.field.instruction += textOf(c);
      continue;
    }
    const raw = name === 'w:t' || name === 'w:delText' ? textOf(c) : name === 'w:tab' ? '\t' : name === 'w:br' || name === 'w:cr' ? '\n' : name === 'w:noBreakHyphen' ? '\u2011' : null;
    // Hidden text (Font › Hidden): acta hides nothing, so it is read as text (words of the report a reviewer hid are
    // not lost, words typed hidden are not dropped) and counted, so the import says so at its paragraph.
    if (raw !== null && format.hidden && !state.field && raw.trim()) state.hidden += 1;
    const text = raw === null ? null : withoutControls(raw, state);
    if (text !== null) {
      if (state.field) {
        if (state.field.separated) addFieldResult(state.field, state.change, text, format.style);
        continue;
      }
      const { bold, italic, strike, style } = format;
      tokens.push({ type: 'text', text, bold, italic, strike, style, link: state.link, change: state.change, formatChange: formatChangeOf(format) });
    } else if (name === 'w:commentReference') {
      tokens.push({ type: 'comment-ref', id: attributeOf(c, 'w:id') ?? '' });
    } else if (name === 'w:footnoteReference') {
      tokens.push({ type: 'footnote', id: attributeOf(c, 'w:id') ?? '', change: state.change });
    } else if (name === 'w:drawing' || name === 'w:pict' || name === 'w:object') {
      if (state.field) continue;
      tokens.push((name === 'w:drawing' && pictureToken(c, state.change, context)) || { type: 'object', change: state.change, what: 'image or object' });
    }
  }
}

/** Sets the run's formatting from its properties element. */
function readRunProperties(rPr: XmlNode, format: RunFormat, context: ReadContext): void {
  for (const p of childrenOf(rPr)) {
    const on = attributeOf(p, 'w:val') !== 'false' && attributeOf(p, 'w:val') !== '0';
    if (tagOf(p) === 'w:b') format.bold = on;
    if (tagOf(p) === 'w:i') format.italic = on;
    if (tagOf(p) === 'w:strike') format.strike = on;
    if (tagOf(p) === 'w:vanish' || tagOf(p) === 'w:specVanish') format.hidden = on;
    if (tagOf(p) === 'w:rStyle') format.style = attributeOf(p, 'w:val') ? context.style(attributeOf(p, 'w:val')!) : null;
    // A tracked formatting change keeps the run's properties from before it.
    if (tagOf(p) === 'w:rPrChange') format.before = { ...emphasisOf(childrenOf(p).find((q) => tagOf(q) === 'w:rPr') ?? p), author: attributeOf(p, 'w:author') ?? '', date: attributeOf(p, 'w:date') ?? null };
  }
}

/** A complex field's begin, separator or end: the field is opened, its result begins, or it is written as a token. */
function readFieldChar(c: XmlNode, state: RunState, tokens: Token[]): void {
  const type = attributeOf(c, 'w:fldCharType');
  if (type === 'begin') state.field = { instruction: '', result: '', separated: false, change: state.change, style: null, edited: false };
  else if (type === 'separate' && state.field) state.field.separated = true;
  else if (type === 'end' && state.field) {
    tokens.push({ type: 'field', instruction: state.field.instruction.trim(), result: state.field.result, style: state.field.style, change: state.field.change, edited: state.field.edited });
    state.field = null;
  }
}

/** Text in a field's result. Typed into it with tracking on: the result shows the edit accepted, and says it was edited. */
function addFieldResult(field: NonNullable<RunState['field']>, change: Change, text: string, style: string | null): void {
  if (change !== field.change) field.edited = true;
  if (!(change?.kind === 'del' && change !== field.change)) field.result += text;
  field.style ??= style;
}

/** Bold or italic changed with tracking on: what they were before, and who changed them when; null when they did not change. */
function formatChangeOf({ before, bold, italic }: RunFormat): FormatChange {
  return before !== null && ((before.bold ?? false) !== bold || (before.italic ?? false) !== italic) ? { bold: before.bold ?? false, italic: before.italic ?? false, author: before.author, date: before.date } : null;
}

/**
 * A drawing as the picture acta wrote (its drawing names the file in the meeting's images/ folder), with the SHA-256
 * of the picture it shows; null for any other drawing, the reviewer's. An SVG's bytes are not compared: LibreOffice
 * writes it again in its own way when it saves, so they would say it was replaced when it was not.
 */
function pictureToken(drawing: XmlNode, change: Change, context: ReadContext): Token | null {
  const properties = findAll(childrenOf(drawing), 'wp:docPr')[0];
  const src = properties ? attributeOf(properties, 'name') : null;
  if (!src || !src.startsWith(`${IMAGES_FOLDER}/`) || !PICTURE_FILE.test(src) || src.includes('\n')) return null;
  const blip = /\.svg$/i.test(src) ? undefined : findAll(childrenOf(drawing), 'a:blip')[0];
  const embed = blip ? attributeOf(blip, 'r:embed') : null;
  return { type: 'picture', src, alt: attributeOf(properties!, 'descr') ?? '', change, digest: (embed && context.pictures?.get(embed)) || null };
}

/** Text without the control characters XML 1.0 and Markdown files cannot hold (a count is kept, to say so). */
function withoutControls(text: string, state: { controls: number }): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g, () => {
    state.controls += 1;
    return '';
  });
}

/** The comments and, from commentsExtended.xml, which answers which and which are resolved. */
export function readComments(comments: XmlNode[] | null, extended: XmlNode[] | null = null): Map<string, DocxComment> {
  const threads = new Map<string, { parent: string | null; done: boolean }>();
  for (const e of extended ? findAll(extended, 'w15:commentEx') : []) {
    const paraId = attributeOf(e, 'w15:paraId');
    if (paraId) threads.set(paraId.toUpperCase(), { parent: attributeOf(e, 'w15:paraIdParent')?.toUpperCase() ?? null, done: attributeOf(e, 'w15:done') === '1' });
  }
  const byParaId = new Map<string, string>();
  const out = new Map<string, DocxComment>();
  for (const c of comments ? findAll(comments, 'w:comment') : []) {
    const id = attributeOf(c, 'w:id') ?? '';
    const paragraphs = findAll(childrenOf(c), 'w:p');
    // A comment is known in commentsExtended by its last paragraph's w14:paraId.
    const paraId = paragraphs.length ? attributeOf(paragraphs.at(-1)!, 'w14:paraId')?.toUpperCase() : undefined;
    if (paraId) byParaId.set(paraId, id);
    const state = { controls: 0 };
    const text = withoutControls(paragraphs.map((p) => runsText([p])).join(' '), state).replace(/\s+/g, ' ').trim();
    out.set(id, { id, author: attributeOf(c, 'w:author') ?? '', date: attributeOf(c, 'w:date') ?? null, text, parent: null, done: false, controls: state.controls });
  }
  for (const [paraId, id] of byParaId) {
    const thread = threads.get(paraId);
    if (!thread) continue;
    const parent = thread.parent ? byParaId.get(thread.parent) ?? null : null;
    out.set(id, { ...out.get(id)!, parent: parent !== id ? parent : null, done: thread.done });
  }
  return out;
}

/** Each footnote's paragraphs by its id (Word's separator notes are left out). */
export function readFootnotes(footnotes: XmlNode[] | null, context: ReadContext = PLAIN): Map<string, DocxParagraph[]> {
  const out = new Map<string, DocxParagraph[]>();
  for (const f of footnotes ? findAll(footnotes, 'w:footnote') : []) {
    const type = attributeOf(f, 'w:type');
    if (type === 'separator' || type === 'continuationSeparator' || type === 'continuationNotice') continue;
    out.set(attributeOf(f, 'w:id') ?? '', childrenOf(f).filter((p) => tagOf(p) === 'w:p').map((p) => readParagraph(p, null, context)));
  }
  return out;
}
