// Reads a DOCX that came back from outside (untrusted): its zip with fflate, its XML with fast-xml-parser, each
// bounded before memory can run away; the document becomes a list of paragraphs made of runs, fields, revisions
// and comment anchors, as the import needs them.

import { XMLParser } from 'fast-xml-parser';
import { strFromU8 } from 'fflate';
import { NOT_A_ZIP, readZip, ZipRefused } from '../load/read-zip.js';
import { originIndex } from '../render/docx/origins.js';
import { attributeOf, childrenOf, findAll, tagOf, textOf, WORD_XML, type XmlNode } from '../xml.js';

/** A DOCX acta refuses to read, with the one line that says why. */
export class RefusedDocx extends Error {}

const MB = 1024 * 1024;
/** Far above any report (the flagship's full DOCX is under 1 MB, its document part under 5 MB). */
export const LIMITS = { file: 64 * MB, part: 64 * MB, total: 256 * MB, ratio: 200, entries: 5000, paragraphs: 200_000 } as const;

const PARTS = [
  'word/document.xml', 'word/comments.xml', 'word/commentsExtended.xml', 'word/footnotes.xml', 'word/styles.xml', 'word/_rels/document.xml.rels', 'docProps/core.xml', 'docProps/custom.xml',
] as const;
export type PartName = (typeof PARTS)[number];
/** Custom XML items: one of them carries the build's base (render/docx/base-part.ts). */
const CUSTOM_XML = /^customXml\/item\d{1,3}\.xml$/;
export type Unpacked = Partial<Record<PartName, string>> & { readonly [custom: `customXml/${string}`]: string | undefined };

/** The parts the import reads, unpacked only after every entry of the zip has been checked. */
export function unpackDocx(bytes: Uint8Array): Unpacked {
  if (bytes.length > LIMITS.file) throw new RefusedDocx(`the file is ${Math.round(bytes.length / MB)} MB, more than the ${LIMITS.file / MB} MB any report can be`);
  let files: Map<string, Uint8Array>;
  try {
    files = readZip(bytes, (name) => (PARTS as readonly string[]).includes(name) || CUSTOM_XML.test(name), { entries: LIMITS.entries, entry: LIMITS.part, total: LIMITS.total, ratio: LIMITS.ratio });
  } catch (e) {
    if (e instanceof ZipRefused) throw new RefusedDocx(e.message === NOT_A_ZIP ? `the file is not a DOCX: ${NOT_A_ZIP}` : e.message);
    throw e;
  }
  const out: Record<string, string> = {};
  for (const name of [...PARTS, ...[...files.keys()].filter((n) => CUSTOM_XML.test(n))]) {
    const data = files.get(name);
    if (!data) continue;
    // fflate sizes its output from the zip's own (untrusted) header: check what actually came out.
    if (data.length > LIMITS.part) throw new RefusedDocx(`the part ${name} unpacks to more than ${LIMITS.part / MB} MB`);
    out[name] = strFromU8(data);
  }
  return out as Unpacked;
}

// The five predefined entities and character references are decoded by the helpers of ../xml.ts.
const parser = new XMLParser(WORD_XML);

/** Parses one XML part; a DOCTYPE (where entities and external references are declared) is refused: Word never writes one. */
export function parseXml(name: string, text: string): XmlNode[] {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new RefusedDocx(`the part ${name} declares a DOCTYPE or entities, which Word never writes (an entity-expansion or external-entity attack?)`);
  try {
    return parser.parse(text) as XmlNode[];
  } catch {
    throw new RefusedDocx(`the part ${name} is not well-formed XML`);
  }
}

// ---- the document as the import sees it --------------------------------------------------------------

/**
 * A tracked change: who made it and when (Word's w:date, when it says). `inserted` marks a deletion of text that was
 * itself a tracked insertion: text never accepted and now taken out again, so it is in neither reading.
 */
export type Change = { readonly kind: 'ins' | 'del'; readonly author: string; readonly date: string | null; readonly inserted?: boolean } | null;

/** The bold and italic a run had before a tracked formatting change (w:rPrChange), when it had other ones, and who changed them. */
export type FormatChange = { readonly bold: boolean; readonly italic: boolean; readonly author: string; readonly date: string | null } | null;

export type Token =
  | {
      readonly type: 'text';
      readonly text: string;
      readonly bold: boolean;
      readonly italic: boolean;
      readonly strike: boolean;
      readonly style: string | null;
      /** The hyperlink the run is in: an address, or `#bookmark` for a place in the document. */
      readonly link: string | null;
      readonly change: Change;
      readonly formatChange: FormatChange;
    }
  | {
      readonly type: 'field';
      readonly instruction: string;
      /** What the field shows: its result as Word last wrote it, with tracked edits accepted. */
      readonly result: string;
      readonly style: string | null;
      readonly change: Change;
      /** Its result holds a tracked edit of its own (someone typed into the computed text). */
      readonly edited: boolean;
    }
  | { readonly type: 'footnote'; readonly id: string; readonly change: Change }
  | { readonly type: 'comment-start' | 'comment-end' | 'comment-ref'; readonly id: string }
  /** An image, drawing, text box or embedded object: nothing the Markdown can take back. */
  | { readonly type: 'object'; readonly change: Change; readonly what: 'image or object' | 'embedded document (altChunk)' };

export interface DocxParagraph {
  /** Its style, as acta names it when the style is one of acta's (LibreOffice renames some ids: BodyText becomes TextBody). */
  readonly style: string;
  readonly bookmarks: readonly string[];
  /** The index of its origin in the writer's map (its hidden `_acta_N` bookmark), when acta wrote it from the Markdown. */
  readonly origin: number | null;
  /** A paragraph inserted or deleted with tracking on (its mark is a revision). */
  readonly mark: Change;
  readonly tokens: readonly Token[];
  readonly inTable: boolean;
  /** Control characters (other than tab and line breaks) the paragraph held: dropped, and said so. */
  readonly controls: number;
  /** Runs of hidden text (w:vanish: Word does not show them): left out, and said so. */
  readonly hidden: number;
  /** Where it sits in a table: the table's, row's and column's index in document order (null outside tables). */
  readonly cell: { readonly table: number; readonly row: number; readonly col: number; readonly rowMark: Change } | null;
}

/** How to read a document's references to its other parts: its styles (by acta's ids) and its hyperlinks' addresses. */
export interface ReadContext {
  readonly style: (id: string | null) => string;
  readonly links: ReadonlyMap<string, string>;
}

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

function readParagraph(p: XmlNode, cell: DocxParagraph['cell'], context: ReadContext): DocxParagraph {
  let style: string | null = null;
  let mark: Change = null;
  let origin: number | null = null;
  const bookmarks: string[] = [];
  const tokens: Token[] = [];
  const state: RunState = { change: null, link: null, field: null, controls: 0, hidden: 0 };
  const walk = (nodes: readonly XmlNode[]) => {
    for (const node of nodes) {
      const name = tagOf(node);
      switch (name) {
        case 'w:pPr':
          for (const c of childrenOf(node)) {
            if (tagOf(c) === 'w:pStyle') style = attributeOf(c, 'w:val') ?? null;
            if (tagOf(c) === 'w:rPr') mark = revisionOf(c) ?? mark;
          }
          break;
        case 'w:bookmarkStart': {
          const b = attributeOf(node, 'w:name');
          const index = b ? originIndex(b) : null;
          if (index !== null) origin ??= index;
          else if (b && !b.startsWith('_')) bookmarks.push(b);
          break;
        }
        case 'w:ins':
        case 'w:del':
        case 'w:moveTo':
        case 'w:moveFrom': {
          const saved = state.change;
          state.change = nested(saved, name, node);
          walk(childrenOf(node));
          state.change = saved;
          break;
        }
        case 'w:hyperlink': {
          const saved = state.link;
          const anchor = attributeOf(node, 'w:anchor');
          const id = attributeOf(node, 'r:id');
          state.link = anchor ? `#${anchor}` : id ? context.links.get(id) ?? null : null;
          walk(childrenOf(node));
          state.link = saved;
          break;
        }
        case 'w:smartTag':
        case 'w:sdt':
        case 'w:sdtContent':
        case 'w:customXml':
          walk(childrenOf(node));
          break;
        case 'w:fldSimple':
          tokens.push({ type: 'field', instruction: (attributeOf(node, 'w:instr') ?? '').trim(), result: runsText(childrenOf(node)), style: null, change: state.change, edited: false });
          break;
        case 'w:commentRangeStart':
        case 'w:commentRangeEnd':
          tokens.push({ type: name === 'w:commentRangeStart' ? 'comment-start' : 'comment-end', id: attributeOf(node, 'w:id') ?? '' });
          break;
        case 'w:r':
          readRun(node, state, tokens, context);
          break;
        default:
          break; // proofing marks, bookmark ends, revision ids: nothing of the text
      }
    }
  };
  walk(childrenOf(p));
  return { style: context.style(style), bookmarks, origin, mark, tokens, inTable: cell !== null, controls: state.controls, hidden: state.hidden, cell };
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

function readRun(run: XmlNode, state: RunState, tokens: Token[], context: ReadContext): void {
  let bold = false;
  let italic = false;
  let strike = false;
  let style: string | null = null;
  let before: { bold: boolean | null; italic: boolean | null; author: string; date: string | null } | null = null;
  let hidden = false;
  for (const c of childrenOf(run)) {
    const name = tagOf(c);
    if (name === 'w:rPr') {
      for (const p of childrenOf(c)) {
        const on = attributeOf(p, 'w:val') !== 'false' && attributeOf(p, 'w:val') !== '0';
        if (tagOf(p) === 'w:b') bold = on;
        if (tagOf(p) === 'w:i') italic = on;
        if (tagOf(p) === 'w:strike') strike = on;
        if (tagOf(p) === 'w:vanish' || tagOf(p) === 'w:specVanish') hidden = on;
        if (tagOf(p) === 'w:rStyle') style = attributeOf(p, 'w:val') ? context.style(attributeOf(p, 'w:val')!) : null;
        // A tracked formatting change keeps the run's properties from before it.
        if (tagOf(p) === 'w:rPrChange') before = { ...emphasisOf(childrenOf(p).find((q) => tagOf(q) === 'w:rPr') ?? p), author: attributeOf(p, 'w:author') ?? '', date: attributeOf(p, 'w:date') ?? null };
      }
      continue;
    }
    if (name === 'w:fldChar') {
      const type = attributeOf(c, 'w:fldCharType');
      if (type === 'begin') state.field = { instruction: '', result: '', separated: false, change: state.change, style: null, edited: false };
      else if (type === 'separate' && state.field) state.field.separated = true;
      else if (type === 'end' && state.field) {
        tokens.push({ type: 'field', instruction: state.field.instruction.trim(), result: state.field.result, style: state.field.style, change: state.field.change, edited: state.field.edited });
        state.field = null;
      }
      continue;
    }
    if (name === 'w:instrText' || name === 'w:delInstrText') {
      if (state.field && !state.field.separated) state.field.instruction += textOf(c);
      continue;
    }
    const raw = name === 'w:t' || name === 'w:delText' ? textOf(c) : name === 'w:tab' ? '\t' : name === 'w:br' || name === 'w:cr' ? '\n' : name === 'w:noBreakHyphen' ? '\u2011' : null;
    // Hidden text (Font › Hidden): Word does not show it, so it is not the reviewer's text; it is counted and left out.
    if (raw !== null && hidden && !state.field) {
      if (raw.trim()) state.hidden += 1;
      continue;
    }
    const text = raw === null ? null : withoutControls(raw, state);
    if (text !== null) {
      if (state.field) {
        if (state.field.separated) {
          // Typed into the field's result with tracking on: the result shows the edit accepted, and says it was edited.
          const change = state.change;
          if (change !== state.field.change) state.field.edited = true;
          if (!(change?.kind === 'del' && change !== state.field.change)) state.field.result += text;
          state.field.style ??= style;
        }
        continue;
      }
      const formatChange: FormatChange =
        before !== null && ((before.bold ?? false) !== bold || (before.italic ?? false) !== italic) ? { bold: before.bold ?? false, italic: before.italic ?? false, author: before.author, date: before.date } : null;
      tokens.push({ type: 'text', text, bold, italic, strike, style, link: state.link, change: state.change, formatChange });
    } else if (name === 'w:commentReference') {
      tokens.push({ type: 'comment-ref', id: attributeOf(c, 'w:id') ?? '' });
    } else if (name === 'w:footnoteReference') {
      tokens.push({ type: 'footnote', id: attributeOf(c, 'w:id') ?? '', change: state.change });
    } else if (name === 'w:drawing' || name === 'w:pict' || name === 'w:object') {
      if (!state.field) tokens.push({ type: 'object', change: state.change, what: 'image or object' });
    }
  }
}

/** Text without the control characters XML 1.0 and Markdown files cannot hold (a count is kept, to say so). */
function withoutControls(text: string, state: { controls: number }): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g, () => {
    state.controls += 1;
    return '';
  });
}

export interface DocxComment {
  readonly id: string;
  readonly author: string;
  /** Word's w:date, when it gives one. */
  readonly date: string | null;
  readonly text: string;
  /** The comment it answers (its id), from commentsExtended.xml. */
  readonly parent: string | null;
  /** Marked resolved (done) in Word or LibreOffice. */
  readonly done: boolean;
  /** Control characters its text held, dropped. */
  readonly controls: number;
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
