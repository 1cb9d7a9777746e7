// Reads a DOCX that came back from outside (untrusted): its zip with fflate, its XML with fast-xml-parser, each
// bounded before memory can run away; the document becomes a list of paragraphs made of runs, fields, revisions
// and comment anchors, as the import needs them.

import { XMLParser } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import { tooDeep, WORD_XML } from '../xml.js';

/** A DOCX acta refuses to read, with the one line that says why. */
export class RefusedDocx extends Error {}

const MB = 1024 * 1024;
/** Far above any report (the flagship's full DOCX is under 1 MB, its document part under 5 MB). */
export const LIMITS = { file: 64 * MB, part: 64 * MB, total: 256 * MB, ratio: 200, entries: 5000, paragraphs: 200_000 } as const;

const PARTS = ['word/document.xml', 'word/comments.xml', 'word/footnotes.xml', 'word/styles.xml', 'word/_rels/document.xml.rels', 'docProps/core.xml'] as const;
export type PartName = (typeof PARTS)[number];

/** The parts the import reads, unpacked only after every entry of the zip has been checked. */
export function unpackDocx(bytes: Uint8Array): Partial<Record<PartName, string>> {
  if (bytes.length > LIMITS.file) throw new RefusedDocx(`the file is ${Math.round(bytes.length / MB)} MB, more than the ${LIMITS.file / MB} MB any report can be`);
  let total = 0;
  let entries = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (entry) => {
        entries += 1;
        if (entries > LIMITS.entries) throw new RefusedDocx(`the zip holds more than ${LIMITS.entries} entries, which no Word document does`);
        if (/(^|[\\/])\.\.([\\/]|$)/.test(entry.name) || /^([\\/]|[a-zA-Z]:)/.test(entry.name) || entry.name.includes('\\')) {
          throw new RefusedDocx(`the zip has an entry named \`${entry.name}\` that points outside the document`);
        }
        total += entry.originalSize;
        if (entry.originalSize > LIMITS.part) {
          throw new RefusedDocx(`the entry \`${entry.name}\` unpacks to more than ${LIMITS.part / MB} MB (a zip bomb?), far more than any report`);
        }
        if (total > LIMITS.total) throw new RefusedDocx(`the zip unpacks to more than ${LIMITS.total / MB} MB (a zip bomb?), far more than any report`);
        if (entry.originalSize > MB && entry.originalSize / Math.max(entry.size, 1) > LIMITS.ratio) {
          throw new RefusedDocx(`the entry \`${entry.name}\` is compressed ${Math.round(entry.originalSize / Math.max(entry.size, 1))} to 1 (a zip bomb?), which Word never does`);
        }
        return (PARTS as readonly string[]).includes(entry.name);
      },
    });
  } catch (e) {
    if (e instanceof RefusedDocx) throw e;
    throw new RefusedDocx('the file is not a DOCX: it is not a readable zip archive');
  }
  const out: Partial<Record<PartName, string>> = {};
  for (const name of PARTS) {
    const data = files[name];
    if (!data) continue;
    // fflate sizes its output from the zip's own (untrusted) header: check what actually came out.
    if (data.length > LIMITS.part) throw new RefusedDocx(`the part ${name} unpacks to more than ${LIMITS.part / MB} MB`);
    out[name] = strFromU8(data);
  }
  return out;
}

export type XmlNode = { readonly [name: string]: XmlNode[] | string | Record<string, string> };

// The five predefined entities and character references are decoded below (decodeXmlText).
const parser = new XMLParser(WORD_XML);

/**
 * Parses one XML part; a DOCTYPE (where entities and external references are declared) is refused: Word never writes
 * one. So is what XML cannot hold, which the parser would pass on as text: a control character, a reference to an
 * entity that is not one of XML's five or to a character XML does not allow, elements nested past the limit.
 */
export function parseXml(name: string, text: string): XmlNode[] {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new RefusedDocx(`the part ${name} declares a DOCTYPE or entities, which Word never writes (an entity-expansion or external-entity attack?)`);
  const control = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.exec(text);
  if (control) throw new RefusedDocx(`the part ${name} holds the control character U+${codeOf(control[0].codePointAt(0)!)}, which XML does not allow`);
  for (const reference of text.matchAll(/&([^;<&\s]{0,32});?/g)) {
    const ref = reference[1]!;
    if (!reference[0].endsWith(';') || !isKnownReference(ref)) {
      throw new RefusedDocx(`the part ${name} holds \`${reference[0].slice(0, 40)}\`, which is not one of XML's five entities nor a reference to a character XML allows`);
    }
  }
  try {
    return parser.parse(text) as XmlNode[];
  } catch (e) {
    throw new RefusedDocx(`the part ${name} ${tooDeep(e) !== null ? `has ${tooDeep(e)}` : 'is not well-formed XML'}`);
  }
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const codeOf = (code: number): string => code.toString(16).toUpperCase().padStart(4, '0');

/** A character XML 1.0 allows: tab, line ends, and every other one but the surrogates, U+FFFE and U+FFFF. */
const isXmlChar = (code: number): boolean =>
  code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);

function referencedCode(ref: string): number {
  return ref.startsWith('#x') || ref.startsWith('#X') ? (/^#[xX][0-9a-fA-F]{1,8}$/.test(ref) ? parseInt(ref.slice(2), 16) : -1) : /^#\d{1,10}$/.test(ref) ? Number(ref.slice(1)) : -1;
}

function isKnownReference(ref: string): boolean {
  return ref.startsWith('#') ? isXmlChar(referencedCode(ref)) : Object.hasOwn(ENTITIES, ref);
}

/** Text and attribute values as they read: XML's five entities and its character references decoded (parseXml let no other through). */
export function decodeXmlText(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (whole, e: string) => {
    if (!e.startsWith('#')) return ENTITIES[e]!;
    const code = referencedCode(e);
    if (!isXmlChar(code)) throw new RefusedDocx(`the document holds \`${whole}\`, a reference to a character XML does not allow`);
    return String.fromCodePoint(code);
  });
}

export const nameOf = (node: XmlNode): string => Object.keys(node).find((k) => k !== ':@') ?? '';
export const childrenOf = (node: XmlNode): XmlNode[] => {
  const value = node[nameOf(node)];
  return Array.isArray(value) ? value : [];
};
export const attr = (node: XmlNode, name: string): string | undefined => {
  const attrs = node[':@'] as Record<string, string> | undefined;
  const value = attrs?.[name];
  return value === undefined ? undefined : decodeXmlText(value);
};
export const textOf = (node: XmlNode): string =>
  childrenOf(node)
    .map((c) => (typeof c['#text'] === 'string' ? decodeXmlText(c['#text']) : ''))
    .join('');

/** Depth-first search for elements of a name. */
export function findAll(nodes: readonly XmlNode[], name: string, out: XmlNode[] = []): XmlNode[] {
  for (const node of nodes) {
    if (nameOf(node) === name) out.push(node);
    else findAll(childrenOf(node), name, out);
  }
  return out;
}

// ---- the document as the import sees it --------------------------------------------------------------

export type Change = { readonly kind: 'ins' | 'del'; readonly author: string } | null;

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
    }
  | { readonly type: 'field'; readonly instruction: string; readonly result: string; readonly style: string | null; readonly change: Change }
  | { readonly type: 'footnote'; readonly id: string; readonly change: Change }
  | { readonly type: 'comment-start' | 'comment-end'; readonly id: string }
  /** An image, drawing, text box or embedded object: nothing the Markdown can take back. */
  | { readonly type: 'object'; readonly change: Change };

export interface DocxParagraph {
  /** Its style, as acta names it when the style is one of acta's (LibreOffice renames some ids: BodyText becomes TextBody). */
  readonly style: string;
  readonly bookmarks: readonly string[];
  /** A paragraph inserted or deleted with tracking on (its mark is a revision). */
  readonly mark: Change;
  readonly tokens: readonly Token[];
  readonly inTable: boolean;
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
    const id = attr(s, 'w:styleId');
    if (!id) continue;
    const name = childrenOf(s).find((c) => nameOf(c) === 'w:name');
    names.set(id, (name && attr(name, 'w:val')) ?? id);
    if (attr(s, 'w:type') === 'paragraph' && (attr(s, 'w:default') === '1' || attr(s, 'w:default') === 'true')) defaultParagraph = id;
  }
  return { names, defaultParagraph };
}

/** The addresses of the document's hyperlinks, by relationship id. */
export function readLinks(rels: XmlNode[] | null): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of rels ? findAll(rels, 'Relationship') : []) {
    if ((attr(r, 'Type') ?? '').endsWith('/hyperlink')) out.set(attr(r, 'Id') ?? '', attr(r, 'Target') ?? '');
  }
  return out;
}

interface RunState {
  change: Change;
  link: string | null;
  field: { instruction: string; result: string; separated: boolean; change: Change; style: string | null } | null;
}

/** The body's paragraphs in document order, those in table cells included (flagged). */
export function readParagraphs(document: XmlNode[], context: ReadContext = PLAIN): DocxParagraph[] {
  const body = findAll(document, 'w:body')[0];
  if (!body) throw new RefusedDocx('the file is not a Word document: it has no document body');
  const out: DocxParagraph[] = [];
  let tables = 0;
  const walkBlocks = (nodes: readonly XmlNode[], cell: DocxParagraph['cell']) => {
    for (const node of nodes) {
      const name = nameOf(node);
      if (name === 'w:p') {
        out.push(readParagraph(node, cell, context));
        if (out.length > LIMITS.paragraphs) throw new RefusedDocx(`the document has more than ${LIMITS.paragraphs} paragraphs, far more than any report`);
      } else if (name === 'w:tbl') {
        const table = tables++;
        let row = 0;
        for (const tr of childrenOf(node)) {
          if (nameOf(tr) !== 'w:tr') continue;
          const rowMark = revisionOf(childrenOf(tr).find((c) => nameOf(c) === 'w:trPr'));
          let col = 0;
          for (const tc of childrenOf(tr)) {
            if (nameOf(tc) === 'w:tc') walkBlocks(childrenOf(tc), { table, row, col: col++, rowMark });
            else if (nameOf(tc) === 'w:sdt' || nameOf(tc) === 'w:customXml') {
              for (const inner of findAll(childrenOf(tc), 'w:tc')) walkBlocks(childrenOf(inner), { table, row, col: col++, rowMark });
            }
          }
          row++;
        }
      } else if (name === 'w:sdt' || name === 'w:sdtContent' || name === 'w:customXml') walkBlocks(childrenOf(node), cell);
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
    if (nameOf(r) === 'w:ins' || nameOf(r) === 'w:del') return { kind: nameOf(r) === 'w:ins' ? 'ins' : 'del', author: attr(r, 'w:author') ?? '' };
  }
  return null;
}

function readParagraph(p: XmlNode, cell: DocxParagraph['cell'], context: ReadContext): DocxParagraph {
  let style: string | null = null;
  let mark: Change = null;
  const bookmarks: string[] = [];
  const tokens: Token[] = [];
  const state: RunState = { change: null, link: null, field: null };
  const walk = (nodes: readonly XmlNode[]) => {
    for (const node of nodes) {
      const name = nameOf(node);
      switch (name) {
        case 'w:pPr':
          for (const c of childrenOf(node)) {
            if (nameOf(c) === 'w:pStyle') style = attr(c, 'w:val') ?? null;
            if (nameOf(c) === 'w:rPr') mark = revisionOf(c) ?? mark;
          }
          break;
        case 'w:bookmarkStart': {
          const b = attr(node, 'w:name');
          if (b && !b.startsWith('_')) bookmarks.push(b);
          break;
        }
        case 'w:ins':
        case 'w:del':
        case 'w:moveTo':
        case 'w:moveFrom': {
          const saved = state.change;
          state.change = { kind: name === 'w:ins' || name === 'w:moveTo' ? 'ins' : 'del', author: attr(node, 'w:author') ?? '' };
          walk(childrenOf(node));
          state.change = saved;
          break;
        }
        case 'w:hyperlink': {
          const saved = state.link;
          const anchor = attr(node, 'w:anchor');
          const id = attr(node, 'r:id');
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
          tokens.push({ type: 'field', instruction: (attr(node, 'w:instr') ?? '').trim(), result: runsText(childrenOf(node)), style: null, change: state.change });
          break;
        case 'w:commentRangeStart':
        case 'w:commentRangeEnd':
          tokens.push({ type: name === 'w:commentRangeStart' ? 'comment-start' : 'comment-end', id: attr(node, 'w:id') ?? '' });
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
  return { style: context.style(style), bookmarks, mark, tokens, inTable: cell !== null, cell };
}

function runsText(nodes: readonly XmlNode[]): string {
  return findAll(nodes, 'w:t').map(textOf).join('');
}

function readRun(run: XmlNode, state: RunState, tokens: Token[], context: ReadContext): void {
  let bold = false;
  let italic = false;
  let strike = false;
  let style: string | null = null;
  for (const c of childrenOf(run)) {
    const name = nameOf(c);
    if (name === 'w:rPr') {
      for (const p of childrenOf(c)) {
        const on = attr(p, 'w:val') !== 'false' && attr(p, 'w:val') !== '0';
        if (nameOf(p) === 'w:b') bold = on;
        if (nameOf(p) === 'w:i') italic = on;
        if (nameOf(p) === 'w:strike') strike = on;
        if (nameOf(p) === 'w:rStyle') style = attr(p, 'w:val') ? context.style(attr(p, 'w:val')!) : null;
      }
      continue;
    }
    if (name === 'w:fldChar') {
      const type = attr(c, 'w:fldCharType');
      if (type === 'begin') state.field = { instruction: '', result: '', separated: false, change: state.change, style: null };
      else if (type === 'separate' && state.field) state.field.separated = true;
      else if (type === 'end' && state.field) {
        tokens.push({ type: 'field', instruction: state.field.instruction.trim(), result: state.field.result, style: state.field.style, change: state.field.change });
        state.field = null;
      }
      continue;
    }
    if (name === 'w:instrText' || name === 'w:delInstrText') {
      if (state.field && !state.field.separated) state.field.instruction += textOf(c);
      continue;
    }
    const text = name === 'w:t' || name === 'w:delText' ? textOf(c) : name === 'w:tab' ? '\t' : name === 'w:br' || name === 'w:cr' ? '\n' : name === 'w:noBreakHyphen' ? '\u2011' : null;
    if (text !== null) {
      if (state.field) {
        if (state.field.separated) {
          state.field.result += text;
          state.field.style ??= style;
        }
        continue;
      }
      tokens.push({ type: 'text', text, bold, italic, strike, style, link: state.link, change: state.change });
    } else if (name === 'w:footnoteReference') {
      tokens.push({ type: 'footnote', id: attr(c, 'w:id') ?? '', change: state.change });
    } else if (name === 'w:drawing' || name === 'w:pict' || name === 'w:object') {
      if (!state.field) tokens.push({ type: 'object', change: state.change });
    }
  }
}

export interface DocxComment {
  readonly author: string;
  readonly text: string;
}

export function readComments(comments: XmlNode[] | null): Map<string, DocxComment> {
  const out = new Map<string, DocxComment>();
  for (const c of comments ? findAll(comments, 'w:comment') : []) {
    out.set(attr(c, 'w:id') ?? '', { author: attr(c, 'w:author') ?? '', text: findAll(childrenOf(c), 'w:p').map((p) => runsText([p])).join(' ').trim() });
  }
  return out;
}

/** Each footnote's paragraphs by its id (Word's separator notes are left out). */
export function readFootnotes(footnotes: XmlNode[] | null, context: ReadContext = PLAIN): Map<string, DocxParagraph[]> {
  const out = new Map<string, DocxParagraph[]>();
  for (const f of footnotes ? findAll(footnotes, 'w:footnote') : []) {
    const type = attr(f, 'w:type');
    if (type === 'separator' || type === 'continuationSeparator' || type === 'continuationNotice') continue;
    out.set(attr(f, 'w:id') ?? '', childrenOf(f).filter((p) => nameOf(p) === 'w:p').map((p) => readParagraph(p, null, context)));
  }
  return out;
}
