// One DOCX paragraph as Markdown: revisions as CriticMarkup (with who and when, `{by="…" at="…"}`, when that is not
// the report's own changes author and date), Word comments as `{==…==}{>>…<<}` with their date, state and replies,
// tracked bold and italic as substitutions, REF fields as `[](#id)`, hyperlinks as links, footnote calls as `[^key]`,
// bold, italic, strike, code and restricted text as acta writes them. Every string goes through escape.ts.

import { IMAGES_FOLDER } from '../load/load-pictures.js';
import { visitTree } from '../walk.js';
import type { NumberedReport, Target } from '../model.js';
import { STYLE } from '../render/docx/styles.js';
import { escapeLineStarts, escapeText, escapeUrl } from './escape.js';
import type { Change, DocxComment, DocxParagraph, FormatChange, Token } from './read-docx.js';

export interface MarkdownContext {
  readonly comments: ReadonlyMap<string, DocxComment>;
  /** The comments whose range starts in some paragraph of the document (one that ends elsewhere is written there). */
  readonly started: ReadonlySet<string>;
  /** The key of the footnote a call (by its id in this DOCX) stands for. */
  readonly footnoteKey: (id: string) => string | undefined;
  /** The report's targets by bookmark. */
  readonly byBookmark: ReadonlyMap<string, Target>;
  /** The author and day (YYYY-MM-DD) a change or comment needs no attribution for: the report's changes author and date. */
  readonly defaultAuthor: string;
  readonly defaultDate: string;
  /** The SHA-256 of each picture the report shows, by its file (`images/map.png`). */
  readonly pictures: ReadonlyMap<string, string>;
}

export interface Written {
  readonly text: string;
  /** What the paragraph held that Markdown cannot take back (an image, a retyped number…), and what to do instead. */
  readonly lost: readonly Lost[];
}

export interface Lost {
  readonly what: string;
  readonly fix: string;
}

export interface MarkdownOptions {
  /** In a GFM table cell: `|` escaped, line breaks as `<br>`. */
  readonly cell?: boolean;
  /** For comparison: fields by what they point at (their results are Word's to recompute). */
  readonly key?: boolean;
}

export function markdownContext(report: NumberedReport, comments: ReadonlyMap<string, DocxComment>, footnoteKey: (id: string) => string | undefined, paragraphs: readonly DocxParagraph[] = []): MarkdownContext {
  const started = new Set<string>();
  for (const p of paragraphs) for (const t of p.tokens) if (t.type === 'comment-start') started.add(t.id);
  return {
    comments,
    started,
    footnoteKey,
    byBookmark: new Map(Object.values(report.targets).flatMap((t) => (t.bookmark === null ? [] : [[t.bookmark, t] as const]))),
    defaultAuthor: report.facts.changes.author,
    defaultDate: report.facts.changes.date,
    pictures: picturesOf(report),
  };
}

/** The pictures a report shows, by file: what a picture in the copy is compared with. */
function picturesOf(report: NumberedReport): Map<string, string> {
  const out = new Map<string, string>();
  visitTree(report, { inline: (node) => void (node.type === 'image' && node.digest && out.set(node.src, node.digest)) });
  return out;
}

/** A revision as the Markdown groups it: its kind, and who and when when that must be said. */
type Revision = { readonly kind: 'ins' | 'del'; readonly by: string } | null;

interface Segment {
  readonly change: Revision;
  readonly restricted: boolean;
  readonly link: string | null;
  readonly text: string;
}

/** Sentinels for comment anchors while the paragraph is assembled: never in text (control characters are dropped on reading). */
const OPEN = '\u0001';
const CLOSE = '\u0002';
const SENTINEL = /\u0001([^\u0003]*)\u0003|\u0002([^\u0003]*)\u0003/g;

/** What is gathered while a paragraph's tokens are read, in order: its segments and what Markdown cannot take back. */
interface Assembly {
  readonly ctx: MarkdownContext;
  readonly options: MarkdownOptions;
  readonly escape: (text: string) => string;
  readonly segments: Segment[];
  readonly lost: Lost[];
  /** The comments whose start anchor, and whose end anchor, is written. */
  readonly opened: Set<string>;
  readonly closed: Set<string>;
  /**
   * Between a restricted span's labels: acta writes the span between two ("Restricted:" … "(End of restricted text)"),
   * and what stands between them is the span's, whatever style Word gave it (a hyperlink typed there takes the
   * Hyperlink style instead).
   */
  labelled: boolean;
}

export function paragraphMarkdown(ctx: MarkdownContext, p: DocxParagraph, options: MarkdownOptions = {}): Written {
  const tokens = mergeSubitemReferences(p.tokens, ctx.byBookmark);
  const escape = (text: string) => escapeText(text, { cell: options.cell === true });
  const a: Assembly = { ctx, options, escape, segments: [], lost: [], opened: new Set(), closed: new Set(), labelled: false };
  for (let i = 0; i < tokens.length; i++) i = readToken(a, tokens, i);
  // A comment whose range ends in a later paragraph is anchored on the words to this one's end.
  for (const id of a.opened) if (!a.closed.has(id)) marker(a, `${CLOSE}${id}\u0003`);
  // Compared by key, a paragraph that held control characters or hidden text reads as changed, so what became of them is said.
  if ((p.controls > 0 || p.hidden > 0) && options.key) marker(a, '\u0004C');
  if (p.hidden > 0) a.lost.push({ what: `hidden text (Font › Hidden: Word does not show it)`, fix: 'it comes back as ordinary text, since acta hides nothing: delete it in the Markdown if it should not be printed' });
  if (p.controls > 0) a.lost.push({ what: `${p.controls === 1 ? 'control character' : `${p.controls} control characters`} (invisible in Word)`, fix: 'left out' });
  let out = comments(ctx, restrictedSpans(a.segments));
  out = escapeLineStarts(out.trim());
  if (p.mark?.kind === 'del' && out && !out.startsWith('{--') && allDeleted(p)) out = `{--${out}--}${attributeBlock(revisionOf(ctx, p.mark)?.by ?? '')}`;
  return { text: out, lost: a.lost };
}

/** Reads the token at `i` into the assembly; returns the index of the last token it took (runs formatted alike are one). */
function readToken(a: Assembly, tokens: readonly Token[], i: number): number {
  const t = tokens[i]!;
  switch (t.type) {
    case 'text':
      return readText(a, t, tokens, i);
    case 'field':
      readField(a, t);
      break;
    case 'footnote': {
      const key = a.ctx.footnoteKey(t.id);
      if (key) a.segments.push({ change: revisionOf(a.ctx, t.change), restricted: a.segments.at(-1)?.restricted ?? false, link: null, text: `[^${key}]` });
      else a.lost.push({ what: 'footnote call with no note', fix: 'add the note in the Markdown' });
      break;
    }
    case 'comment-start':
      if (commentWritten(a.ctx, t.id) && !a.opened.has(t.id)) {
        a.opened.add(t.id);
        marker(a, `${OPEN}${t.id}\u0003`);
      }
      break;
    case 'comment-end':
    case 'comment-ref':
      readCommentEnd(a, t.id);
      break;
    case 'picture':
      // A picture inserted and deleted again was never there in either reading, as text is not.
      if (t.change?.inserted) break;
      a.segments.push(...pictureSegments(a.ctx, t, a.segments.at(-1)?.restricted ?? false, a.escape, a.options.key === true, a.lost));
      break;
    case 'object':
      a.lost.push({ what: t.what, fix: 'add it to the Markdown if it belongs' });
      if (a.options.key) a.segments.push({ change: revisionOf(a.ctx, t.change), restricted: false, link: null, text: '\u0004O' });
      break;
  }
  return i;
}

/** Comment anchors take the place of the text around them, so they do not split a link or restricted span. */
function marker(a: Assembly, text: string): void {
  const last = a.segments.at(-1);
  a.segments.push({ change: null, restricted: last?.restricted ?? false, link: last?.link ?? null, text });
}

/** A comment the Markdown writes: one acta read, and not a reply (replies are written after their comment). */
function commentWritten(ctx: MarkdownContext, id: string): boolean {
  const c = ctx.comments.get(id);
  return c !== undefined && c.parent === null;
}

/** A comment's end (or its reference mark) as its closing anchor, once, unless the comment was written in an earlier paragraph. */
function readCommentEnd(a: Assembly, id: string): void {
  if (!commentWritten(a.ctx, id) || a.closed.has(id)) return;
  // A comment that starts in an earlier paragraph was written there.
  if (!a.opened.has(id) && a.ctx.started.has(id)) return;
  a.closed.add(id);
  marker(a, `${CLOSE}${id}\u0003`);
}

/** A text run and the runs after it formatted alike, as one segment (two for a tracked format change); the last index taken. */
function readText(a: Assembly, t: Extract<Token, { type: 'text' }>, tokens: readonly Token[], i: number): number {
  // The words of a restricted span's labels are acta's to write.
  if (t.style === STYLE.restrictedLabel) {
    // The closing label is the one in parentheses, however Word split its runs.
    a.labelled = !/[()]/.test(t.text);
    return i;
  }
  // Text inserted and deleted again was never there in either reading.
  if (t.change?.inserted) return i;
  // Consecutive runs with the same formatting are one span.
  let text = t.text;
  while (i + 1 < tokens.length) {
    const n = tokens[i + 1]!;
    if (n.type !== 'text' || n.bold !== t.bold || n.italic !== t.italic || n.strike !== t.strike || n.style !== t.style || n.link !== t.link || !sameChange(n.change, t.change) || !sameFormatChange(n.formatChange, t.formatChange) || n.change?.inserted) break;
    text += n.text;
    i++;
  }
  const restricted = t.style === STYLE.restrictedChar || a.labelled;
  const link = linkOf(a.ctx, t.link);
  if (t.formatChange && !t.change) {
    // Bold or italic added or taken away with tracking on: the words as they were, then as they are.
    const by = attribution(a.ctx, t.formatChange.author, t.formatChange.date);
    a.segments.push({ change: { kind: 'del', by }, restricted, link, text: formatted(a.escape(text), text, { ...t, ...t.formatChange }) });
    a.segments.push({ change: { kind: 'ins', by }, restricted, link, text: formatted(a.escape(text), text, t) });
  } else a.segments.push({ change: revisionOf(a.ctx, t.change), restricted, link, text: formatted(a.escape(text), text, t) });
  return i;
}

/** A field: a REF as a reference to what it points at (text typed over it said in `lost`), a HYPERLINK as a link. */
function readField(a: Assembly, t: Extract<Token, { type: 'field' }>): void {
  const { ctx, options } = a;
  const ref = /^REF\s+(\S+)/.exec(t.instruction);
  const target = ref ? ctx.byBookmark.get(ref[1]!) : undefined;
  const hyperlink = /^HYPERLINK\s+(?:\\l\s+)?"([^"]*)"/.exec(t.instruction);
  const link = hyperlink ? linkOf(ctx, /^HYPERLINK\s+\\l/.test(t.instruction) ? `#${hyperlink[1]}` : hyperlink[1]!) : null;
  const shown = target ? fieldLabel(target, ref![1]!, t.instruction) : null;
  const typedOver = target !== undefined && (t.edited || (shown !== null && t.result.trim() !== shown && t.result.trim() !== ''));
  // So the paragraph is compared, and the typing said: the Markdown keeps the reference.
  if (typedOver && options.key) a.segments.push({ change: null, restricted: false, link: null, text: `\u0004F${t.result}` });
  if (target && typedOver && !options.key) {
    a.lost.push({
      what: `text typed over a reference acta computes (it prints “${shown ?? target.label}”, the copy shows “${t.result.trim()}”)`,
      fix: `change the reference in the Markdown (\`[](#${target.id})\`) or the text it points at`,
    });
  }
  const text = target ? `[](#${target.id})` : options.key && !hyperlink ? `{${t.instruction.split(/\s+/).slice(0, 2).join(' ')}}` : a.escape(t.result);
  if (t.change?.inserted) return;
  a.segments.push({ change: revisionOf(ctx, t.change), restricted: t.style === STYLE.restrictedChar || a.labelled, link, text });
}

/**
 * A picture acta wrote, as its line; another picture under the file's name (Word's Change Picture keeps the name) is
 * said in `lost`, and the line stays the file's. Compared by key, such a paragraph reads as changed, so it is said.
 */
function pictureSegments(ctx: MarkdownContext, t: Extract<Token, { type: 'picture' }>, restricted: boolean, escape: (text: string) => string, key: boolean, lost: Lost[]): Segment[] {
  const replaced = t.digest !== null && ctx.pictures.has(t.src) && ctx.pictures.get(t.src) !== t.digest;
  if (replaced) lost.push({ what: `picture \`${t.src}\` replaced by another in the copy`, fix: `save the new picture in ${IMAGES_FOLDER}/ under a name of its own and write its line` });
  const line: Segment = { change: revisionOf(ctx, t.change), restricted, link: null, text: `![${escape(t.alt)}](${escapeUrl(t.src)})` };
  return replaced && key ? [line, { change: null, restricted: false, link: null, text: `\u0004P${t.digest}` }] : [line];
}

/** Every word of the paragraph is a tracked deletion: the paragraph itself is deleted. */
function allDeleted(p: DocxParagraph): boolean {
  return p.tokens.every((t) => t.type === 'comment-start' || t.type === 'comment-end' || t.type === 'comment-ref' || (t.type === 'text' && !t.text.trim()) || ('change' in t && t.change?.kind === 'del'));
}

/** What a REF field shows when acta computes it, or null when the Markdown does not say (a label Word formats). */
function fieldLabel(target: Target, bookmark: string, instruction: string): string | null {
  if (bookmark === target.bookmark) return target.kind === 'subitem' ? target.subitemLabel ?? target.label : target.label;
  if (target.item && bookmark === target.item.bookmark) return target.item.label;
  return /\\#/.test(instruction) ? null : target.label;
}

/** A link's Markdown address: an address as it is, a bookmark as the id of what it marks (null: not a link acta can write). */
function linkOf(ctx: MarkdownContext, link: string | null): string | null {
  if (link === null) return null;
  if (!link.startsWith('#')) return /^(https?:|mailto:)/i.test(link) ? escapeUrl(link) : null;
  const target = ctx.byBookmark.get(link.slice(1));
  return target ? `#${target.id}` : null;
}

/** Who and when, as an attribute block's contents: nothing when it is the report's own changes author and date. */
function attribution(ctx: MarkdownContext, author: string, date: string | null): string {
  const day = date === null ? null : /^(\d{4}-\d{2}-\d{2})T00:00:00(?:\.0+)?Z$/.exec(date)?.[1] ?? date;
  const parts: string[] = [];
  if (author && author !== ctx.defaultAuthor) parts.push(`by="${author.replace(/["\n]/g, "'")}"`);
  if (day && day !== ctx.defaultDate && /^\d{4}-\d{2}-\d{2}/.test(day)) parts.push(`at="${day}"`);
  return parts.join(' ');
}

function revisionOf(ctx: MarkdownContext, change: Change): Revision {
  return change ? { kind: change.kind, by: attribution(ctx, change.author, change.date) } : null;
}

const attributeBlock = (by: string) => (by ? `{${by}}` : '');

/** Restricted spans outermost, then links, then revisions: an edit inside a span or link stays inside it. */
function restrictedSpans(segments: readonly Segment[]): string {
  return runsOf(segments, (s) => s.restricted)
    .map(([restricted, run]) => (restricted ? `:restricted[${links(run)}]` : links(run)))
    .join('');
}

function links(segments: readonly Segment[]): string {
  return runsOf(segments, (s) => s.link)
    .map(([link, run]) => (link ? `[${revisions(run)}](${link})` : revisions(run)))
    .join('');
}

function revisions(segments: readonly Segment[]): string {
  const runs = runsOf(segments, (s) => (s.change ? `${s.change.kind}\u0000${s.change.by}` : null)).map(([, run]) => ({ change: run[0]!.change, text: run.map((s) => s.text).join('') }));
  let out = '';
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i]!;
    const next = runs[i + 1];
    // A comment anchor alone is no text to mark.
    const marked = (text: string) => text.replace(SENTINEL, '') !== '';
    if (run.change?.kind === 'del' && next?.change?.kind === 'ins' && next.change.by === run.change.by && marked(run.text) && marked(next.text)) {
      out += `{~~${run.text}~>${next.text}~~}${attributeBlock(run.change.by)}`;
      i++;
    } else if (run.change && marked(run.text)) out += `{${run.change.kind === 'ins' ? '++' : '--'}${run.text}${run.change.kind === 'ins' ? '++' : '--'}}${attributeBlock(run.change.by)}`;
    else out += run.text;
  }
  return out;
}

/**
 * The comment anchors put in place: a comment whose words hold no markup of their own (no change, link, span or other
 * comment) highlights them, `{==words==}{>>…<<}`; any other is written at its end, `{>>…<<}` (CriticMarkup does not
 * nest, and Word's ranges may overlap). Replies follow their comment, `{>>…<<}{reply}`.
 */
function comments(ctx: MarkdownContext, text: string): string {
  const opens = new Map<string, number>();
  const closes = new Map<string, number>();
  for (const m of text.matchAll(SENTINEL)) (m[1] !== undefined ? opens : closes).set(m[1] ?? m[2]!, m.index);
  const highlighted = new Set<string>();
  for (const [id, start] of opens) {
    const end = closes.get(id);
    if (end === undefined) continue;
    const inside = text.slice(text.indexOf('\u0003', start) + 1, end);
    if (!/[\u0001\u0002]/.test(inside) && !/(?<!\\)[[\]{}]/.test(inside) && inside.trim() !== '') highlighted.add(id);
  }
  return text.replace(SENTINEL, (_, open: string | undefined, close: string | undefined) => {
    if (open !== undefined) return highlighted.has(open) ? '{==' : '';
    const id = close!;
    return `${highlighted.has(id) ? '==}' : ''}${commentMarkdown(ctx, id)}`;
  });
}

function commentMarkdown(ctx: MarkdownContext, id: string): string {
  const c = ctx.comments.get(id);
  if (!c) return '';
  const body = (x: DocxComment) => {
    const author = x.author && x.author !== ctx.defaultAuthor ? `[${x.author.replace(/[[\]\n]/g, ' ')}] ` : '';
    return `{>>${author}${escapeText(x.text).replace(/\\\n/g, ' ')}<<}`;
  };
  const when = (x: DocxComment) => attribution(ctx, ctx.defaultAuthor, x.date);
  const head = [when(c), c.done ? 'done' : ''].filter(Boolean).join(' ');
  const replies = [...ctx.comments.values()]
    .filter((r) => r.parent === id)
    .map((r) => `${body(r)}{${['reply', when(r)].filter(Boolean).join(' ')}}`);
  return `${body(c)}${head ? `{${head}}` : ''}${replies.join('')}`;
}

function runsOf<K>(segments: readonly Segment[], key: (s: Segment) => K): [K, Segment[]][] {
  const out: [K, Segment[]][] = [];
  for (const s of segments) {
    const k = key(s);
    const last = out.at(-1);
    if (last && last[0] === k) last[1].push(s);
    else out.push([k, [s]]);
  }
  return out;
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
        out.push({ ...sub, edited: sub.edited || t.edited, result: t.result.trim() === target.item.label ? sub.result : `${t.result} ${sub.result}` });
        i += 2;
        continue;
      }
    }
    out.push(t);
  }
  return out;
}

const sameChange = (a: Change, b: Change) => (a === null && b === null) || (a !== null && b !== null && a.kind === b.kind && a.author === b.author && a.date === b.date && !a.inserted === !b.inserted);
const sameFormatChange = (a: FormatChange, b: FormatChange) => (a === null && b === null) || (a !== null && b !== null && a.bold === b.bold && a.italic === b.italic && a.author === b.author);

/** Bold, italic and strike around the words, the spaces outside the markers (Markdown wants them so); code in backticks. */
function formatted(text: string, typed: string, t: { readonly bold: boolean; readonly italic: boolean; readonly strike?: boolean; readonly style?: string | null }): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  if (!m[2]) return text;
  if (t.style === STYLE.codeChar) {
    // The code as typed, in a run of backticks longer than any it holds.
    const raw = typed.trim();
    const fence = '`'.repeat(Math.max(0, ...[...raw.matchAll(/`+/g)].map((r) => r[0].length)) + 1);
    const pad = raw.startsWith('`') || raw.endsWith('`') ? ' ' : '';
    return `${m[1]}${fence}${pad}${raw}${pad}${fence}${m[3]}`;
  }
  const marker = (t.strike ? '~~' : '') + (t.bold ? '**' : '') + (t.italic ? '*' : '');
  return `${m[1]}${marker}${m[2]}${[...marker].reverse().join('')}${m[3]}`;
}
