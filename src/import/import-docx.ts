// `acta import`: the edits made in Word to a DOCX acta built, brought back into the meeting's Markdown. The DOCX
// acta would write now is read with the same reader as the edited one; each numbered paragraph is matched through
// its bookmark (para_N), and only a paragraph that reads differently has its source range rewritten.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createTwoFilesPatch, diffArrays } from 'diff';
import type { NumberedParagraph, NumberedReport, SourceRange, Target } from '../model.js';
import { renderDocx } from '../render/docx/render-docx.js';
import { STYLE } from '../render/docx/styles.js';
import { BODY, visitInlines, visitTree } from '../walk.js';
import { parseXml, readComments, readFootnotes, readParagraphs, RefusedDocx, unpackDocx, type DocxComment, type DocxParagraph, type Token } from './read-docx.js';

export interface ImportResult {
  /** Each changed file's new text, by path as the model names it. */
  readonly files: ReadonlyMap<string, { readonly before: string; readonly after: string }>;
  readonly counts: { changed: number; inserted: number; deleted: number; tracked: number; comments: number };
  /** Edits that could not come back, each at its paragraph. */
  readonly warnings: readonly { readonly range: SourceRange; readonly message: string }[];
}

/** Reads the edited DOCX against the meeting's report and works out the new Markdown (nothing is written here). */
export async function importDocx(bytes: Uint8Array, report: NumberedReport): Promise<ImportResult> {
  const edited = readDocument(bytes, report);
  const expected = readDocument(await renderDocx(report), report);
  // A footnote call is the report's footnote only if its text is that footnote's text: Word numbers a new one
  // among the old, so its id alone says nothing.
  const keyByText = new Map<string, string>();
  for (const f of report.footnotes) {
    const text = expected.footnotes.get(String(f.number));
    if (text) keyByText.set(text, f.key);
  }
  const md = markdownWriter(report, edited.comments, (id) => keyByText.get(edited.footnotes.get(id) ?? ''));
  const mdExpected = markdownWriter(report, expected.comments, (id) => keyByText.get(expected.footnotes.get(id) ?? ''));

  const nodes = numberedParagraphs(report);
  const expectedByBookmark = new Map(expected.paragraphs.filter((p) => p.bookmarks.length).map((p) => [paragraphBookmark(p), p] as const));
  const counts = { changed: 0, inserted: 0, deleted: 0, tracked: 0, comments: 0 };
  const edits: { file: string; start: number; end: number; text: string; keepId?: boolean }[] = [];
  const warnings: { range: SourceRange; message: string }[] = [];
  const seen = new Set<string>();

  let previous: NumberedParagraph | null = null;
  for (const p of edited.paragraphs) {
    const bookmark = paragraphBookmark(p);
    const node = bookmark ? nodes.get(bookmark) : undefined;
    if (node) {
      seen.add(bookmark!);
      previous = node;
      const before = expectedByBookmark.get(bookmark!);
      const now = md(p);
      for (const what of lost) warnings.push({ range: node.range, message: `Unexpected ${what} in paragraph ${node.number}, expected text, revisions, comments, bold or italic; it is not brought back, add it in the Markdown` });
      if (before && mdExpected(before) === now) continue;
      const content = contentRange(node);
      if (!content) continue;
      // Rewriting the whole paragraph would lose what the DOCX does not carry back as written:
      // never a silent loss, so such a paragraph is reported and left as it is.
      const kept = unrewritable(node);
      if (kept) {
        warnings.push({ range: node.range, message: `Unexpected edit in paragraph ${node.number}, which holds ${kept} that the import cannot yet bring back as written, expected it made in the Markdown; the paragraph is left as it is` });
        continue;
      }
      counts.changed += 1;
      countChanges(p, counts);
      edits.push({ file: node.range.file, start: content.start, end: content.end, text: now, keepId: true });
      continue;
    }
    // A paragraph of the body's numbered style with no bookmark of its own: inserted in Word after `previous`.
    if (!p.inTable && previous && (p.style === STYLE.numbered || p.style === STYLE.numberedRestricted) && p.bookmarks.length === 0) {
      const text = md(p);
      if (text.trim() === '') continue;
      counts.inserted += 1;
      countChanges(p, counts);
      const at = nodeEnd(previous);
      const wrapped = p.mark?.kind === 'ins' && !text.startsWith('{++') ? `{++${text}++}` : text;
      edits.push({ file: previous.range.file, start: at, end: at, text: `\n\n${wrapped}` });
    }
  }
  // Numbered paragraphs whose bookmark is gone were deleted without tracking.
  for (const [bookmark, node] of nodes) {
    if (seen.has(bookmark)) continue;
    counts.deleted += 1;
    edits.push({ file: node.range.file, start: node.range.start.offset, end: nodeEnd(node), text: '' });
  }

  // Each edited paragraph that is not a numbered one is reported after the numbered paragraph before it.
  for (const near of otherChanges(edited.paragraphs, expected.paragraphs, nodes)) {
    const where = near ? `after paragraph ${near.number}` : 'before paragraph 1';
    warnings.push({
      range: near?.range ?? firstRange(report),
      message: `Unexpected edit ${where} outside the numbered paragraphs (a heading, decision, table, list or annex), expected edits in numbered paragraphs only; it is not brought back yet, make it in the Markdown`,
    });
  }

  const files = new Map<string, { before: string; after: string }>();
  for (const file of new Set(edits.map((e) => e.file))) {
    const before = await readFile(file, 'utf8');
    let after = before;
    // From the end, so earlier offsets stay valid; an insertion at the end of a deleted paragraph goes first.
    for (const e of edits.filter((x) => x.file === file).sort((a, b) => b.start - a.start || b.end - a.end)) {
      // The text's last node runs over the `{#id}` after it (a bookmark in Word): the id stays as typed.
      const id = e.keepId ? /\s*\{#[^}\s]+\}\s*$/.exec(after.slice(e.start, e.end))?.[0] ?? '' : '';
      after = after.slice(0, e.start) + e.text + id + after.slice(e.end);
      if (e.text === '' && e.start !== e.end) after = after.slice(0, e.start) + after.slice(e.start).replace(/^\n+/, e.start > 0 ? '' : '');
    }
    after = after.replace(/\n{3,}/g, (m, offset: number) => (before.includes(m) && before.indexOf(m) === offset ? m : '\n\n'));
    if (after !== before) files.set(file, { before, after });
  }
  return { files, counts, warnings };
}

export function unifiedDiff(files: ImportResult['files']): string {
  return [...files].map(([file, { before, after }]) => createTwoFilesPatch(`a/${file}`, `b/${file}`, before, after, '', '', { context: 3 })).join('');
}

// ---- reading ----------------------------------------------------------------------------------------

function readDocument(bytes: Uint8Array, report: NumberedReport): { paragraphs: DocxParagraph[]; comments: Map<string, DocxComment>; footnotes: Map<string, string> } {
  const symbol = report.meta.symbol;
  const parts = unpackDocx(bytes);
  if (!parts['word/document.xml']) throw new RefusedDocx('the file is not a Word document: it has no word/document.xml');
  const styles = parts['word/styles.xml'] ?? '';
  const core = parts['docProps/core.xml'] ?? '';
  // acta's own: its styles, its paragraph bookmarks and the meeting's symbol as the document's subject.
  const subject = /<dc:subject>([^<]*)<\/dc:subject>/.exec(core)?.[1];
  if (!styles.includes(`w:styleId="${STYLE.numbered}"`) || subject === undefined) {
    throw new RefusedDocx(`the file is not a report acta built (no acta styles or no document symbol); expected the full DOCX of the meeting ${symbol}`);
  }
  if (subject !== symbol) throw new RefusedDocx(`the file is the report ${subject}, not ${symbol}; expected the DOCX acta built from this meeting`);
  const title = /<dc:title>([^<]*)<\/dc:title>/.exec(core)?.[1];
  if (title !== undefined && report.facts.documentTitles.public !== report.facts.documentTitles.full && title.includes(escapeXml(report.facts.documentTitles.public))) {
    throw new RefusedDocx(`the file is the public edition of ${symbol}; expected the full edition, which holds every paragraph`);
  }
  const document = parseXml('word/document.xml', parts['word/document.xml']);
  const comments = parts['word/comments.xml'] ? readComments(parseXml('word/comments.xml', parts['word/comments.xml'])) : new Map<string, DocxComment>();
  const paragraphs = readParagraphs(document);
  // (A meeting before its session has no numbered paragraph yet, so no such bookmark either.)
  if (report.paragraphCount > 0 && !paragraphs.some((p) => p.bookmarks.some((b) => /^para_\d+$/.test(b)))) {
    throw new RefusedDocx(`the file has no numbered paragraph bookmarks (para_1…); expected the full DOCX of the meeting ${symbol}`);
  }
  const footnotes = parts['word/footnotes.xml'] ? readFootnotes(parseXml('word/footnotes.xml', parts['word/footnotes.xml'])) : new Map<string, string>();
  return { paragraphs, comments, footnotes };
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const paragraphBookmark = (p: DocxParagraph): string | null => p.bookmarks.find((b) => /^para_\d+$/.test(b)) ?? null;

/** The report body's numbered paragraphs, by bookmark. */
/** What in a paragraph a rewrite from the DOCX would lose or respell: links and the words of references, code, restricted spans. */
function unrewritable(node: NumberedParagraph): string | null {
  let found: string | null = null;
  visitInlines(node.content, {
    inline: (inline) => {
      if (found) return;
      if (inline.type === 'link') found = 'a link';
      else if (inline.type === 'ref' && inline.children.length > 0) found = 'a link to an id with its own words';
      else if (inline.type === 'code') found = 'code';
      else if (inline.type === 'restricted') found = 'restricted text';
    },
  }, BODY);
  return found;
}

function numberedParagraphs(report: NumberedReport): Map<string, NumberedParagraph> {
  const out = new Map<string, NumberedParagraph>();
  visitTree(report, {
    flow: (node, where) => {
      if (where.annex === null && node.type === 'paragraph' && node.number !== null && node.bookmark) out.set(node.bookmark, node);
    },
  });
  return out;
}

/** The source offsets of a paragraph's text, without its `{#id}` or the lists after it. */
function contentRange(node: NumberedParagraph): { start: number; end: number } | null {
  const first = node.content[0];
  const last = node.content.at(-1);
  if (!first || !last) return null;
  return { start: first.range.start.offset, end: last.range.end.offset };
}

/** Where a paragraph ends in its file, the lists, tables and decisions that belong to it included. */
function nodeEnd(node: NumberedParagraph): number {
  let end = node.range.end.offset;
  for (const b of node.blocks) if (b.range.file === node.range.file) end = Math.max(end, b.range.end.offset);
  for (const d of node.decisions ?? []) if (d.range.file === node.range.file) end = Math.max(end, d.range.end.offset);
  return end;
}

function firstRange(report: NumberedReport): SourceRange {
  return report.items[0]?.range ?? ({ file: 'meeting.md', start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } } as SourceRange);
}

function countChanges(p: DocxParagraph, counts: ImportResult['counts']): void {
  let last: string | null = null;
  for (const t of p.tokens) {
    const key = 'change' in t && t.change ? `${t.change.kind}` : null;
    if (key && key !== last) counts.tracked += 1;
    last = key;
    if (t.type === 'comment-start') counts.comments += 1;
  }
}

/** Paragraphs other than numbered ones that read differently, each as the numbered paragraph before it (null: none). */
function otherChanges(edited: readonly DocxParagraph[], expected: readonly DocxParagraph[], nodes: ReadonlyMap<string, NumberedParagraph>): (NumberedParagraph | null)[] {
  const others = (list: readonly DocxParagraph[]) => {
    const out: { key: string; near: NumberedParagraph | null }[] = [];
    let near: NumberedParagraph | null = null;
    for (const p of list) {
      const bookmark = paragraphBookmark(p);
      if (bookmark) near = nodes.get(bookmark) ?? near;
      else if (p.style !== STYLE.numbered && p.style !== STYLE.numberedRestricted) out.push({ key: comparisonKey(p), near });
    }
    return out;
  };
  const a = others(expected);
  const b = others(edited);
  // Aligned as sequences, so one paragraph inserted counts once, not as every paragraph after it.
  const out: (NumberedParagraph | null)[] = [];
  let ia = 0;
  let ib = 0;
  for (const part of diffArrays(a.map((x) => x.key), b.map((x) => x.key))) {
    const count = part.count ?? part.value.length;
    if (part.added) {
      for (let k = 0; k < count; k++) out.push(b[ib + k]!.near);
      ib += count;
    } else if (part.removed) {
      // A changed paragraph is a removal and an addition: report it once, at the addition when there is one.
      for (let k = 0; k < count; k++) out.push(a[ia + k]!.near);
      ia += count;
    } else {
      ia += count;
      ib += count;
    }
  }
  // A changed paragraph appears twice (removed, then added) at the same place: once is enough.
  return out.filter((near, i) => out.indexOf(near) === i || near === null);
}

// ---- writing Markdown -------------------------------------------------------------------------------

function markdownWriter(report: NumberedReport, comments: ReadonlyMap<string, DocxComment>, footnoteKey: (id: string) => string | undefined): (p: DocxParagraph) => string {
  const byBookmark = new Map<string, Target>(Object.values(report.targets).map((t) => [t.bookmark, t]));
  const write = paragraphMarkdown(report, comments, byBookmark, footnoteKey);
  return write;
}

/** For comparison only: a field's result is Word's (or LibreOffice's) to recompute, so only where it points counts. */
function comparisonKey(p: DocxParagraph): string {
  // Style names are LibreOffice's to rename on saving (CoverDocBlock becomes CoverDocumentBlock): text, revisions and fields count.
  return p.tokens
    .map((t) => (t.type === 'field' ? `{${/^REF\s+(\S+)/.exec(t.instruction)?.[1] ?? t.instruction}}` : t.type === 'text' ? `${t.change?.kind ?? ''}${t.text}` : `<${t.type}>`))
    .join('');
}

/** What the last paragraph written held that Markdown cannot take back yet (read after each call). */
const lost: string[] = [];

function paragraphMarkdown(report: NumberedReport, comments: ReadonlyMap<string, DocxComment>, byBookmark: ReadonlyMap<string, Target>, footnoteKey: (id: string) => string | undefined): (p: DocxParagraph) => string {
  const defaultAuthor = report.facts.changes.author;

  return (p) => {
    lost.length = 0;
    const tokens = mergeSubitemReferences(p.tokens, byBookmark);
    const pieces: { change: 'ins' | 'del' | null; text: string }[] = [];
    const open = new Map<string, number>();
    const push = (change: 'ins' | 'del' | null, text: string) => {
      const last = pieces.at(-1);
      if (last && last.change === change) last.text += text;
      else pieces.push({ change, text });
    };
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      switch (t.type) {
        case 'text': {
          // Consecutive runs with the same formatting are one span.
          let text = t.text;
          while (i + 1 < tokens.length) {
            const n = tokens[i + 1]!;
            if (n.type !== 'text' || n.bold !== t.bold || n.italic !== t.italic || n.style !== t.style || !sameChange(n.change, t.change)) break;
            text += n.text;
            i++;
          }
          push(t.change?.kind ?? null, formatted(escapeMarkdown(text), t));
          break;
        }
        case 'field': {
          const ref = /^REF\s+(\S+)/.exec(t.instruction);
          const target = ref ? byBookmark.get(ref[1]!) : undefined;
          push(t.change?.kind ?? null, target ? `[](#${target.id})` : escapeMarkdown(t.result));
          break;
        }
        case 'footnote': {
          const key = footnoteKey(t.id);
          if (key) push(t.change?.kind ?? null, `[^${key}]`);
          else lost.push('footnote added in Word');
          break;
        }
        case 'comment-start':
          open.set(t.id, pieces.length);
          push(null, '\u0000S');
          break;
        case 'comment-end': {
          const c = comments.get(t.id);
          const author = c && c.author && c.author !== defaultAuthor ? `[${c.author}] ` : '';
          push(null, c ? `\u0000E${author}${c.text}\u0000` : '');
          break;
        }
      }
    }
    let out = '';
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i]!;
      const next = pieces[i + 1];
      if (piece.change === 'del' && next?.change === 'ins') {
        out += `{~~${piece.text}~>${next.text}~~}`;
        i++;
      } else out += piece.change === 'ins' ? `{++${piece.text}++}` : piece.change === 'del' ? `{--${piece.text}--}` : piece.text;
    }
    // Comment anchors: `{==words==}{>>text<<}`, or `{>>text<<}` at a point.
    out = out.replace(/\u0000S([^\u0000]*?)\u0000E([^\u0000]*)\u0000/g, (_, words: string, body: string) => (words ? `{==${words}==}{>>${body}<<}` : `{>>${body}<<}`));
    out = out.replace(/\u0000[SE]?/g, '');
    if (p.mark?.kind === 'del' && out && !out.startsWith('{--')) out = `{--${out}--}`;
    return out.trim();
  };
}

/** "Item IV (b)" is written as two fields (the item and the letter): one reference to the sub-item. */
function mergeSubitemReferences(tokens: readonly Token[], byBookmark: ReadonlyMap<string, Target>): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const space = tokens[i + 1];
    const sub = tokens[i + 2];
    if (t.type === 'field' && space?.type === 'text' && space.text === ' ' && sub?.type === 'field') {
      const target = byBookmark.get(/^REF\s+(\S+)/.exec(sub.instruction)?.[1] ?? '');
      if (target?.kind === 'subitem' && target.item && t.instruction.startsWith(`REF ${target.item.bookmark} `)) {
        out.push(sub);
        i += 2;
        continue;
      }
    }
    out.push(t);
  }
  return out;
}

const sameChange = (a: Token extends infer T ? T extends { change: infer C } ? C : never : never, b: typeof a) =>
  (a === null && b === null) || (a !== null && b !== null && a.kind === b.kind && a.author === b.author);

/** Bold and italic around the words, the spaces outside the markers (Markdown wants them so). */
function formatted(text: string, t: Extract<Token, { type: 'text' }>): string {
  let marker = (t.bold ? '**' : '') + (t.italic ? '*' : '');
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  if (!m[2]) return text;
  let inner = m[2];
  if (t.style === STYLE.restrictedChar) inner = `:restricted[${inner}]`;
  if (t.style === STYLE.codeChar) {
    inner = `\`${m[2]}\``;
    marker = '';
  }
  return `${m[1]}${marker}${inner}${[...marker].reverse().join('')}${m[3]}`;
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\*[\]_]/g, (c) => `\\${c}`).replace(/\{(?=\+\+|--|~~|==|>>)/g, '\\{');
}
