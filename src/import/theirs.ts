// The reviewer's edits, applied to the base: the DOCX acta wrote from the sources the edited copy carries is read with
// the same reader as the edited copy, and each of its paragraphs knows the source it came from (the writer's map, by
// each paragraph's hidden bookmark). The two documents are aligned paragraph by paragraph (table rows as a whole),
// acta's bookmarks and words deciding which paragraph became which; a paragraph that reads differently has its edits
// carried onto its source text (merge.ts), a new one is inserted at its place, a deleted one removed, and every other
// byte stays. What comes out is the base's files as the reviewer left them: import-docx.ts merges that with the
// Markdown as it is now.

import { diffArrays } from 'diff';
import type { NumberedReport, SourceRange } from '../model.js';
import type { Origin, Span } from '../render/docx/origins.js';
import { writeDocx } from '../render/docx/render-docx.js';
import { STYLE } from '../render/docx/styles.js';
import { markdownContext, paragraphMarkdown, type MarkdownContext, type Written } from './markdown.js';
import { mergeInto } from './merge.js';
import {
  parseXml, readComments, readFootnotes, readLinks, readParagraphs, readStyles, RefusedDocx, unpackDocx, type DocxComment, type DocxParagraph, type PartName, type ReadContext, type Token,
} from './read-docx.js';
import type { XmlNode } from '../xml.js';

/** Where an edit could not come back, and why. */
export interface ImportWarning {
  readonly range: SourceRange;
  readonly message: string;
}

export interface Counts {
  changed: number;
  inserted: number;
  deleted: number;
  tracked: number;
  comments: number;
}

export interface Theirs {
  /** The base's files the reviewer's edits change, by path as the model names them: their text after the edits. */
  readonly files: ReadonlyMap<string, string>;
  readonly counts: Counts;
  /** Edits that could not come back, each at its place in the base. */
  readonly warnings: readonly ImportWarning[];
}

export type Parts = Partial<Record<PartName, string>>;

interface DocxContent {
  readonly paragraphs: DocxParagraph[];
  readonly comments: Map<string, DocxComment>;
  readonly footnotes: Map<string, DocxParagraph[]>;
}

/** What the import will do to a file, placed once the file's text is read. */
type Intent =
  | { readonly type: 'merge'; readonly span: Span; readonly base: string; readonly edited: string }
  | { readonly type: 'block'; readonly at: Span; readonly side: 'after' | 'before'; readonly text: string }
  | { readonly type: 'item'; readonly item: SourceRange; readonly side: 'after' | 'before'; readonly text: string }
  | { readonly type: 'row'; readonly at: Span; readonly side: 'after' | 'before'; readonly text: string }
  | { readonly type: 'delete-block' | 'delete-line'; readonly range: SourceRange }
  | { readonly type: 'append'; readonly file: string; readonly text: string };

/**
 * The reviewer's edits in `edited` (the copy's parts), applied to the base: `report` is the document the copy is
 * (the report, or a working document) as numbered from the base's sources, `texts` those sources by path.
 */
export async function reviewerEdits(edited: Parts, report: NumberedReport, texts: ReadonlyMap<string, string>): Promise<Theirs> {
  const editedTrees = parsed(edited);
  const { bytes, origins } = await writeDocx(report);
  const expectedTrees = parsed(unpackDocx(bytes));
  // Styles are compared by name: LibreOffice renames ids (BodyText becomes TextBody) and keeps names.
  const acta = readStyles(expectedTrees['word/styles.xml'] ?? null);
  const actaByName = new Map([...acta.names].map(([id, name]) => [name, id] as const));
  const expected = readDocument(expectedTrees, actaByName);
  const read = readDocument(editedTrees, actaByName);
  // A note called but not in the footnotes part (a part missing, emptied or cut short): its text would be lost.
  const called = read.paragraphs.flatMap((p) => p.tokens.flatMap((t) => (t.type === 'footnote' ? [t.id] : [])));
  const missing = called.filter((id) => !read.footnotes.has(id));
  if (missing.length) {
    throw new RefusedDocx(
      `the file calls ${missing.length === 1 ? 'a footnote' : `${missing.length} footnotes`} that its footnotes part (word/footnotes.xml) does not hold${edited['word/footnotes.xml'] === undefined ? ' (the part is missing)' : ''}; the notes' text would be lost: save the file again in Word and import that copy`,
    );
  }
  const mine = { ...read, paragraphs: joined(read.paragraphs) };
  const run = new Run(report, expected, mine, origins, texts);
  run.footnotes();
  run.body();
  run.footnoteTexts();
  return run.finish();
}

type Trees = Partial<Record<PartName, XmlNode[]>>;

const XML_PARTS = ['word/document.xml', 'word/comments.xml', 'word/commentsExtended.xml', 'word/footnotes.xml', 'word/styles.xml', 'word/_rels/document.xml.rels'] as const;

function parsed(parts: Parts): Trees {
  const out: Trees = {};
  for (const name of XML_PARTS) if (parts[name] !== undefined) out[name] = parseXml(name, parts[name]);
  return out;
}

function readDocument(parts: Trees, actaByName: ReadonlyMap<string, string>): DocxContent {
  const part = (name: PartName) => parts[name] ?? null;
  const styles = readStyles(part('word/styles.xml'));
  const context: ReadContext = {
    style: (id) => {
      const own = id ?? styles.defaultParagraph ?? 'Normal';
      const name = styles.names.get(own);
      return (name !== undefined ? actaByName.get(name) : undefined) ?? own;
    },
    links: readLinks(part('word/_rels/document.xml.rels')),
  };
  return {
    paragraphs: readParagraphs(part('word/document.xml')!, context),
    comments: readComments(part('word/comments.xml'), part('word/commentsExtended.xml')),
    footnotes: readFootnotes(part('word/footnotes.xml'), context),
  };
}

// ---- aligning ---------------------------------------------------------------------------------------

type Step = { readonly kind: 'same' | 'changed'; readonly a: number; readonly b: number } | { readonly kind: 'added'; readonly b: number } | { readonly kind: 'removed'; readonly a: number };

/**
 * Two sequences aligned: equal keys first (the `diff` library's), then, within each stretch that differs, an element
 * of b takes the next element of a it scores at least 0.5 with (1: surely the same, -1: never), in order.
 */
function align(a: readonly string[], b: readonly string[], score: (a: number, b: number) => number): Step[] {
  const steps: Step[] = [];
  let ia = 0;
  let ib = 0;
  let removed: number[] = [];
  let added: number[] = [];
  const flush = () => {
    let k = 0;
    for (const j of added) {
      let best = -1;
      let bestScore = 0.5;
      for (let i = k; i < removed.length; i++) {
        const s = score(removed[i]!, j);
        if (s > bestScore || (s === 1 && bestScore < 1)) {
          best = i;
          bestScore = s;
          if (s === 1) break;
        }
      }
      if (best < 0) {
        steps.push({ kind: 'added', b: j });
        continue;
      }
      for (; k < best; k++) steps.push({ kind: 'removed', a: removed[k]! });
      steps.push({ kind: 'changed', a: removed[best]!, b: j });
      k = best + 1;
    }
    for (; k < removed.length; k++) steps.push({ kind: 'removed', a: removed[k]! });
    removed = [];
    added = [];
  };
  for (const part of diffArrays(a as string[], b as string[])) {
    const count = part.count ?? part.value.length;
    if (part.removed) for (let k = 0; k < count; k++) removed.push(ia++);
    else if (part.added) for (let k = 0; k < count; k++) added.push(ib++);
    else {
      flush();
      for (let k = 0; k < count; k++) steps.push({ kind: 'same', a: ia++, b: ib++ });
    }
  }
  flush();
  return steps;
}

/** How alike two texts are, by their words (Dice's coefficient). */
function likeness(a: string, b: string): number {
  const words = (s: string) => s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const wa = words(a);
  const wb = words(b);
  if (wa.length === 0 && wb.length === 0) return a.trim() === b.trim() ? 1 : 0.5;
  const pool = new Map<string, number>();
  for (const w of wa) pool.set(w, (pool.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of wb) {
    const n = pool.get(w) ?? 0;
    if (n > 0) {
      common++;
      pool.set(w, n - 1);
    }
  }
  return (2 * common) / (wa.length + wb.length);
}

const plainText = (ps: readonly DocxParagraph[]) =>
  ps.map((p) => p.tokens.map((t) => (t.type === 'text' ? t.text : t.type === 'field' ? t.result : '')).join('')).join('\n');

/** A paragraph outside tables, or a table row with its cells' paragraphs by column. */
interface Unit {
  readonly first: number;
  readonly paragraphs: readonly DocxParagraph[];
  /** A table row: its cells' paragraphs, by column; null for a paragraph. */
  readonly cells: readonly (readonly DocxParagraph[])[] | null;
}

function unitsOf(paragraphs: readonly DocxParagraph[]): Unit[] {
  const out: Unit[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    if (!p.cell) {
      out.push({ first: i, paragraphs: [p], cells: null });
      continue;
    }
    const first = i;
    const cells: DocxParagraph[][] = [];
    while (i < paragraphs.length && paragraphs[i]!.cell?.table === p.cell.table && paragraphs[i]!.cell?.row === p.cell.row) {
      const q = paragraphs[i]!;
      (cells[q.cell!.col] ??= []).push(q);
      i++;
    }
    i--;
    out.push({ first, paragraphs: paragraphs.slice(first, i + 1), cells: Array.from(cells, (c) => c ?? []) });
  }
  return out;
}

/** A cell's paragraphs as one (a Markdown cell is one line: further paragraphs are `<br>` breaks). */
function cellParagraph(ps: readonly DocxParagraph[]): DocxParagraph {
  const first = ps[0];
  if (!first) return { style: STYLE.tableText, bookmarks: [], origin: null, mark: null, tokens: [], inTable: true, controls: 0, hidden: 0, cell: null };
  const tokens: Token[] = [];
  ps.forEach((p, i) => {
    if (i > 0) tokens.push({ type: 'text', text: '\n', bold: false, italic: false, strike: false, style: null, link: null, change: p.mark, formatChange: null });
    tokens.push(...p.tokens);
  });
  return { ...first, tokens };
}

// ---- the import itself ------------------------------------------------------------------------------

const TOP_LEVEL: readonly string[] = [STYLE.numbered, STYLE.numberedRestricted, STYLE.body, STYLE.bodyRestricted];

class Run {
  readonly counts: Counts = { changed: 0, inserted: 0, deleted: 0, tracked: 0, comments: 0 };
  readonly warnings: ImportWarning[] = [];
  private readonly intents: (Intent & { seq: number })[] = [];
  private readonly md: MarkdownContext;
  private readonly mdExpected: MarkdownContext;
  /** Footnote keys by the edited DOCX's note ids; the notes added in Word and not yet placed. */
  private readonly noteKeys = new Map<string, string>();
  private readonly newNotes = new Map<string, { key: string; placed: boolean }>();
  private readonly keptNotes = new Set<string>();
  private readonly changedNotes: { key: string; expected: DocxParagraph[]; edited: DocxParagraph[] }[] = [];

  constructor(
    private readonly report: NumberedReport,
    private readonly expected: DocxContent,
    private readonly edited: DocxContent,
    /** The writer's map of the expected DOCX (see render/docx/origins.ts). */
    private readonly origins: readonly Origin[],
    /** The base's files, by path. */
    private readonly texts: ReadonlyMap<string, string>,
  ) {
    this.md = markdownContext(report, edited.comments, (id) => this.noteKeys.get(id), [...edited.paragraphs, ...[...edited.footnotes.values()].flat()]);
    const byNumber = new Map(report.footnotes.map((f) => [String(f.number), f.key]));
    this.mdExpected = markdownContext(report, expected.comments, (id) => byNumber.get(id), [...expected.paragraphs, ...[...expected.footnotes.values()].flat()]);
  }

  private intent(i: Intent): void {
    this.intents.push({ ...i, seq: this.intents.length });
  }

  private warn(slot: Origin | undefined, message: string): void {
    this.warnings.push({ range: slot?.range ?? slot?.near?.range ?? firstRange(this.report), message });
  }

  /** Word numbers its notes anew; a note is the report's footnote whose text it (mostly) has, in order of calls. */
  footnotes(): void {
    const order: string[] = [];
    for (const p of this.edited.paragraphs) for (const t of p.tokens) if (t.type === 'footnote' && !order.includes(t.id)) order.push(t.id);
    const notes = this.report.footnotes;
    const expectedText = notes.map((f) => plainText(this.expected.footnotes.get(String(f.number)) ?? []).trim());
    const editedText = order.map((id) => plainText(this.edited.footnotes.get(id) ?? []).trim());
    const used = new Set(notes.map((f) => f.key));
    let next = 1;
    for (const step of align(expectedText, editedText, (a, b) => likeness(expectedText[a]!, editedText[b]!))) {
      if (step.kind === 'removed') continue;
      const id = order[step.b]!;
      if (step.kind === 'added') {
        while (used.has(String(next))) next++;
        used.add(String(next));
        this.noteKeys.set(id, String(next));
        this.newNotes.set(id, { key: String(next), placed: false });
        continue;
      }
      const f = notes[step.a]!;
      this.noteKeys.set(id, f.key);
      this.keptNotes.add(f.key);
      if (step.kind === 'changed') this.changedNotes.push({ key: f.key, expected: this.expected.footnotes.get(String(f.number)) ?? [], edited: this.edited.footnotes.get(id) ?? [] });
    }
  }

  body(): void {
    const slots = originsOf(this.expected.paragraphs, this.origins);
    const a = unitsOf(this.expected.paragraphs);
    const b = unitsOf(this.edited.paragraphs);
    const keyOf = (u: Unit, ctx: MarkdownContext) =>
      u.cells
        ? u.cells.map((c) => `${c.map((p) => p.style).join(',')}\u0001${paragraphMarkdown(ctx, cellParagraph(c), { cell: true, key: true }).text}`).join('\u0002')
        : `${u.paragraphs[0]!.style}\u0001${paragraphMarkdown(ctx, u.paragraphs[0]!, { key: true }).text}`;
    const bookmarksOf = (u: Unit) => u.paragraphs.flatMap((p) => p.bookmarks);
    const score = (i: number, j: number) => {
      const x = a[i]!;
      const y = b[j]!;
      if ((x.cells === null) !== (y.cells === null)) return -1;
      // acta's hidden bookmark says which paragraph of the base it was.
      const ox = x.paragraphs[0]!.origin;
      const oy = y.paragraphs[0]!.origin;
      if (ox !== null && oy !== null) return ox === oy ? 1 : -1;
      const bx = bookmarksOf(x);
      const by = bookmarksOf(y);
      if (bx.length && by.length) return bx.some((m) => by.includes(m)) ? 1 : -1;
      // A paragraph inserted with tracking on is all inserted text (its mark alone says little: LibreOffice marks the
      // paragraph before as the one whose mark was inserted).
      if (!y.cells && y.paragraphs[0]!.mark?.kind === 'ins' && y.paragraphs[0]!.tokens.every((t) => t.type !== 'text' || t.change?.kind === 'ins')) return -1;
      return likeness(plainText(x.paragraphs), plainText(y.paragraphs));
    };
    const steps = align(
      a.map((u) => keyOf(u, this.mdExpected)),
      b.map((u) => keyOf(u, this.md)),
      score,
    );
    const slotOf = (u: Unit | undefined) => (u ? slots[u.paragraphs.length > 1 && u.cells ? u.first + u.paragraphs.length - 1 : u.first] : undefined);
    let previous: Unit | undefined;
    steps.forEach((step, k) => {
      if (step.kind === 'same') previous = a[step.a];
      else if (step.kind === 'changed') {
        this.changed(a[step.a]!, b[step.b]!, slots);
        previous = a[step.a];
      } else if (step.kind === 'removed') this.removed(a[step.a]!, slots);
      else {
        const after = steps.slice(k + 1).find((s) => s.kind === 'same' || s.kind === 'changed') as { a: number } | undefined;
        this.added(b[step.b]!, previous ? slotOf(previous) : undefined, after ? slots[a[after.a]!.first] : undefined);
      }
    });
  }

  /** A paragraph (or row) of acta's that reads differently now. */
  private changed(x: Unit, y: Unit, slots: readonly Origin[]): void {
    if (x.cells && y.cells) {
      const first = slots[x.first];
      if (x.cells.length !== y.cells.length) {
        this.warn(first, `Unexpected ${y.cells.length > x.cells.length ? 'column added' : 'column deleted'} in a table ${this.where(first)}, expected rows and cells edited; a column cannot come back, change the table in the Markdown`);
      }
      let changed = false;
      x.cells.forEach((cell, col) => {
        const other = y.cells![col];
        if (!other) return;
        const index = x.paragraphs.indexOf(cell[0]!) + x.first;
        if (this.rewrite(slots[index]!, cellParagraph(cell), cellParagraph(other), true)) changed = true;
      });
      if (changed) this.counts.changed += 1;
      return;
    }
    if (this.rewrite(slots[x.first]!, x.paragraphs[0]!, y.paragraphs[0]!, false)) this.counts.changed += 1;
  }

  /** Brings one paragraph's edits back to its source text; true when it did. */
  private rewrite(slot: Origin, before: DocxParagraph, after: DocxParagraph, cell: boolean): boolean {
    const base = paragraphMarkdown(this.mdExpected, before, { cell });
    const now = this.written(after, cell, slot);
    if (before.style !== after.style && !(slot.kind === 'cell' && after.style === STYLE.tableText)) {
      this.warn(slot, `Unexpected change of style ${this.where(slot)} (${before.style} to ${after.style}), expected text edits; a style cannot come back to the Markdown, change the Markdown if the paragraph is to be another kind`);
    }
    if (base.text === now.text) return false;
    if (!slot.span) {
      this.warn(slot, `Unexpected edit ${this.where(slot)}, in text written by acta (a cover line, the agenda, a purpose, an annex title, code or a restricted label), expected edits to the text of the Markdown; it is not brought back, make it in the Markdown`);
      return false;
    }
    this.intent({ type: 'merge', span: slot.span, base: base.text, edited: now.text + this.joinedId(slot, before, after) });
    countChanges(after, this.counts);
    return true;
  }

  /**
   * A paragraph joined in Word with the next one takes the next one's `{#id}` when it has none of its own, so what
   * cites it still finds it (the id's bookmark came along with the words).
   */
  private joinedId(slot: Origin, before: DocxParagraph, after: DocxParagraph): string {
    if (slot.kind !== 'paragraph' || slot.paragraph?.id !== null) return '';
    const own = new Set(before.bookmarks);
    for (const bookmark of after.bookmarks) {
      if (own.has(bookmark)) continue;
      const target = Object.values(this.report.targets).find((t) => t.bookmark === bookmark && t.kind === 'paragraph');
      if (target) return `{#${target.id}}`;
    }
    return '';
  }

  /** Markdown for an edited paragraph; what it cannot carry is a warning, and new footnotes find their file. */
  private written(p: DocxParagraph, cell: boolean, slot: Origin | undefined, file?: string): Written {
    const w = paragraphMarkdown(this.md, p, { cell });
    const seen = new Set<string>();
    for (const { what, fix } of w.lost) {
      if (seen.has(what)) continue;
      seen.add(what);
      this.warn(slot, `Unexpected ${what} ${this.where(slot)}, expected text, revisions, comments, links, footnotes, bold or italic; it does not come back to the Markdown: ${fix}`);
    }
    const home = file ?? slot?.span?.file ?? slot?.range?.file;
    for (const t of p.tokens) {
      const note = t.type === 'footnote' ? this.newNotes.get(t.id) : undefined;
      if (note && !note.placed && home) {
        note.placed = true;
        const paragraphs = this.edited.footnotes.get((t as { id: string }).id) ?? [];
        const text = paragraphs.map((q) => paragraphMarkdown(this.md, q).text).filter(Boolean).join('\n\n    ');
        this.intent({ type: 'append', file: home, text: `[^${note.key}]: ${text}` });
      }
    }
    return w;
  }

  /** A paragraph or row of acta's that the edited DOCX no longer has. */
  private removed(x: Unit, slots: readonly Origin[]): void {
    const slot = slots[x.first]!;
    if (x.cells) {
      if (slot.cell && slot.cell.row > 0) {
        this.intent({ type: 'delete-line', range: slot.cell.table.rows[slot.cell.row]!.range });
        this.counts.deleted += 1;
      } else this.warn(slot, `Unexpected deletion of ${slot.cell ? 'a table\'s header row' : 'a row of the agenda or cover'} ${this.where(slot)}, expected body rows deleted; it is not brought back, make it in the Markdown`);
      return;
    }
    if (slot.kind === 'paragraph' && slot.paragraph) this.intent({ type: 'delete-block', range: slot.paragraph.range });
    else if ((slot.kind === 'decision' || slot.kind === 'listItem') && slot.item) this.intent({ type: 'delete-line', range: slot.item });
    else if (slot.kind === 'plain' && slot.range) this.intent({ type: 'delete-block', range: slot.range });
    else {
      // An empty paragraph of acta's (an empty cell…) carries nothing to lose.
      if (paragraphMarkdown(this.mdExpected, x.paragraphs[0]!).text === '') return;
      this.warn(slot, `Unexpected deletion of ${slot.kind === 'heading' ? 'a heading' : 'text written by acta'} ${this.where(slot)}, expected paragraphs, decisions, list items or table rows deleted; it is not brought back, delete it in the Markdown`);
      return;
    }
    this.counts.deleted += 1;
  }

  /** A paragraph or row typed in Word: inserted at its place, after the paragraph before it. */
  private added(y: Unit, previous: Origin | undefined, next: Origin | undefined): void {
    const p = y.paragraphs[0]!;
    if (y.cells) {
      const cell = previous?.cell;
      const cells = y.cells.map((c) => this.written(cellParagraph(c), true, previous, cell?.table.range.file).text);
      if (!cell || cells.every((c) => c === '')) {
        if (cells.some((c) => c !== '')) this.warn(previous, `Unexpected new table row ${this.after(previous)} outside the tables of the Markdown, expected rows added to a table; it is not brought back, add it in the Markdown`);
        return;
      }
      const columns = Math.max(...cell.table.rows.map((r) => r.cells.length));
      if (cells.length > columns) this.warn(previous, `Unexpected new row with ${cells.length} cells in a table of ${columns} columns ${this.after(previous)}, expected one cell a column; the cells after the last column are not brought back`);
      const wrapped = cells.map((c) => (p.cell?.rowMark?.kind === 'ins' && c && !c.startsWith('{++') ? `{++${c}++}` : c));
      const text = `| ${wrapped.join(' | ')} |`;
      const rows = cell.table.rows;
      if (cell.row > 0) this.intent({ type: 'row', at: { file: rows[cell.row]!.range.file, start: rows[cell.row]!.range.end.offset, end: rows[cell.row]!.range.end.offset }, side: 'after', text });
      else if (rows[1]) this.intent({ type: 'row', at: { file: rows[1].range.file, start: rows[1].range.start.offset, end: rows[1].range.start.offset }, side: 'before', text });
      else this.intent({ type: 'row', at: { file: cell.table.range.file, start: cell.table.range.end.offset, end: cell.table.range.end.offset }, side: 'after', text });
      this.counts.inserted += 1;
      // A row inserted with tracking on is one revision, whatever its cells hold.
      countChanges({ ...p, tokens: y.paragraphs.flatMap((q) => q.tokens) }, this.counts);
      return;
    }
    const isItem = p.style === STYLE.decision || p.style === STYLE.listItem;
    const place = isItem ? null : previous?.after ?? next?.before ?? null;
    const home = isItem ? (previous?.item ?? next?.item)?.file : place?.file;
    const written = this.written(p, false, previous, home);
    if (written.text === '') return;
    const text = p.mark?.kind === 'ins' && !written.text.startsWith('{++') ? `{++${written.text}++}` : written.text;
    if (isItem) {
      const kind = p.style === STYLE.decision ? 'decision' : 'listItem';
      const first = kind === 'decision' && previous?.kind === 'paragraph' ? previous.paragraph?.decisions?.[0] : undefined;
      if (previous?.kind === kind && previous.item) this.intent({ type: 'item', item: previous.item, side: 'after', text });
      else if (first) this.intent({ type: 'item', item: first.range, side: 'before', text });
      else if (next?.kind === kind && next.item) this.intent({ type: 'item', item: next.item, side: 'before', text });
      else {
        this.warn(previous, `Unexpected new ${kind === 'decision' ? 'decision' : 'list item'} ${this.after(previous)} with no ${kind === 'decision' ? 'decision' : 'list item'} next to it, expected it added in a list; it is not brought back, add it in the Markdown`);
        return;
      }
    } else if (TOP_LEVEL.includes(p.style) && place) {
      // Typed between a paragraph and what belongs to it (a conclusion phrase's decisions, its list, table or quote):
      // in Markdown those follow their paragraph, so the new one goes after them.
      const owner = previous?.kind === 'paragraph' ? previous.paragraph : undefined;
      if (owner && next && next.kind !== 'paragraph' && next.kind !== 'heading' && next.after?.start === previous!.after?.start && next.after?.file === previous!.after?.file) {
        const what = next.kind === 'decision' ? 'the conclusion phrase' : 'the paragraph';
        const parts = next.kind === 'decision' ? 'its decisions' : 'the list, table or quote that belongs to it';
        this.warn(previous, `Unexpected paragraph typed between ${what}${owner.number !== null ? ` of paragraph ${owner.number}` : ''} and ${parts}, expected new paragraphs before or after them; it is put after them: move it in the Markdown if it belongs elsewhere`);
      }
      this.intent({ type: 'block', at: place, side: previous?.after ? 'after' : 'before', text });
    } else {
      this.warn(previous, `Unexpected new paragraph of style ${p.style} ${this.after(previous)}, expected new paragraphs, decisions, list items or table rows; it is not brought back, add it in the Markdown`);
      return;
    }
    this.counts.inserted += 1;
    countChanges(p, this.counts);
  }

  /** The notes whose text was edited in Word, back to their definitions; the notes no call is left for, removed. */
  footnoteTexts(): void {
    for (const { key, expected, edited } of this.changedNotes) {
      const footnote = this.report.footnotes.find((f) => f.key === key)!;
      const slots = expected.map((p) => (p.origin !== null ? this.origins[p.origin] : undefined)).filter((o): o is Origin => o !== undefined && o.cell === undefined);
      if (slots.length !== expected.length || expected.length !== edited.length) {
        this.warn(undefined, `Unexpected paragraphs added to or deleted from footnote [^${key}], expected its text edited; it is not brought back, edit the note in the Markdown`);
        continue;
      }
      slots.forEach((slot, i) => {
        if (this.rewrite(slot.range ? slot : { ...slot, range: footnote.range }, expected[i]!, edited[i]!, false)) this.counts.changed += 1;
      });
    }
    for (const f of this.report.footnotes) {
      if (this.keptNotes.has(f.key)) continue;
      this.intent({ type: 'delete-block', range: f.range });
    }
  }

  /** Where a new paragraph is, told by the paragraph of acta's before it. */
  private after(slot: Origin | undefined): string {
    const annex = slot?.annex ? ` of ${slot.annex}` : '';
    if (slot?.near?.number != null) return `after paragraph ${slot.near.number}${annex}`;
    return slot?.annex ? `at the start of ${slot.annex}` : 'before paragraph 1';
  }

  private where(slot: Origin | undefined): string {
    const annex = slot?.annex ? ` of ${slot.annex}` : '';
    if (slot?.kind === 'paragraph' && slot.paragraph?.number != null) return `in paragraph ${slot.paragraph.number}${annex}`;
    if (slot?.near?.number != null) return `after paragraph ${slot.near.number}${annex}`;
    return slot?.annex ? `at the start of ${slot.annex}` : slot?.span || slot?.range ? 'before paragraph 1' : 'on the cover or in the agenda';
  }

  finish(): Theirs {
    const fileOf = (i: Intent) => (i.type === 'merge' || i.type === 'block' || i.type === 'row' ? (i.type === 'merge' ? i.span : i.at).file : i.type === 'append' ? i.file : i.type === 'item' ? i.item.file : i.range.file);
    const files = new Map<string, string>();
    for (const file of new Set(this.intents.map(fileOf))) {
      const before = this.texts.get(file);
      // The model names only the base's own files; an edit anywhere else is a bug, never the reviewer's doing.
      if (before === undefined) throw new Error(`import: an edit maps to ${file}, which is not among the base's files`);
      const edits = this.intents.filter((i) => fileOf(i) === file).map((i) => placed(i, before));
      let after = before;
      let limit = Infinity;
      // From the end, so earlier offsets stay valid; at one offset, a deletion before the insertions, and insertions in their order.
      for (const e of edits.sort((x, y) => y.start - x.start || y.end - x.end || y.seq - x.seq)) {
        if (e.end > limit) continue; // overlapping an edit already made: the first one placed wins
        after = after.slice(0, e.start) + e.text + after.slice(e.end);
        limit = e.start;
      }
      after = after.replace(/\n{3,}/g, (m, offset: number) => (before.includes(m) && before.indexOf(m) === offset ? m : '\n\n'));
      if (after !== before) files.set(file, after);
    }
    return { files, counts: this.counts, warnings: this.warnings };
  }
}

/** An intent as an edit of its file's text: [start, end) becomes text. */
function placed(i: Intent & { seq: number }, source: string): { start: number; end: number; text: string; seq: number } {
  const lineStart = (offset: number) => source.lastIndexOf('\n', offset - 1) + 1;
  switch (i.type) {
    case 'merge': {
      let { start, end } = i.span;
      // An empty cell's text goes after the space that follows its `|`.
      if (start === end && source[start] === ' ') start = end = start + 1;
      return { start, end, text: mergeInto(source.slice(start, end), i.base, i.edited), seq: i.seq };
    }
    case 'block':
      return { start: i.at.start, end: i.at.start, text: i.side === 'after' ? `\n\n${i.text}` : `${i.text}\n\n`, seq: i.seq };
    case 'row':
      return { start: i.at.start, end: i.at.start, text: i.side === 'after' ? `\n${i.text}` : `${i.text}\n`, seq: i.seq };
    case 'item': {
      const start = i.item.start.offset;
      const indent = source.slice(lineStart(start), start);
      const marker = /^(?:[-*+]|\d+[.)])[ \t]+/.exec(source.slice(start))?.[0] ?? '- ';
      return i.side === 'after'
        ? { start: i.item.end.offset, end: i.item.end.offset, text: `\n${indent}${marker}${i.text}`, seq: i.seq }
        : { start, end: start, text: `${marker}${i.text}\n${indent}`, seq: i.seq };
    }
    case 'delete-line': {
      const from = lineStart(i.range.start.offset);
      return from > 0
        ? { start: from - 1, end: i.range.end.offset, text: '', seq: i.seq }
        : { start: 0, end: i.range.end.offset + (source[i.range.end.offset] === '\n' ? 1 : 0), text: '', seq: i.seq };
    }
    case 'delete-block': {
      let start = i.range.start.offset;
      let end = i.range.end.offset;
      while (start > 0 && /\s/.test(source[start - 1]!)) start--;
      if (start === 0) while (end < source.length && /\s/.test(source[end]!)) end++;
      return { start, end, text: '', seq: i.seq };
    }
    case 'append':
      return { start: source.length, end: source.length, text: `${source.endsWith('\n') || source === '' ? '' : '\n'}\n${i.text}\n`, seq: i.seq };
  }
}

function firstRange(report: NumberedReport): SourceRange {
  return report.items[0]?.range ?? ({ file: 'meeting.md', start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } } as SourceRange);
}

function countChanges(p: DocxParagraph, counts: Counts): void {
  let last: string | null = null;
  for (const t of p.tokens) {
    const key = 'change' in t && t.change ? `${t.change.kind}` : null;
    if (key && key !== last) counts.tracked += 1;
    last = key;
    if (t.type === 'comment-start') counts.comments += 1;
  }
}

/**
 * Paragraphs joined in Word with tracking on: a paragraph whose mark is deleted but whose words are not runs on into
 * the next one (of the same style, outside tables), as it will read once the change is accepted.
 */
function joined(paragraphs: readonly DocxParagraph[]): DocxParagraph[] {
  const out: DocxParagraph[] = [];
  for (const p of paragraphs) {
    const last = out.at(-1);
    const join = last && last.mark?.kind === 'del' && !last.cell && !p.cell && last.style === p.style && !wholly(last);
    if (join) {
      const space: Token = { type: 'text', text: ' ', bold: false, italic: false, strike: false, style: null, link: null, change: null, formatChange: null };
      const ends = /\s$/.test(last.tokens.filter((t) => t.type === 'text').at(-1)?.text ?? ' ');
      out[out.length - 1] = { ...last, mark: p.mark, tokens: [...last.tokens, ...(ends ? [] : [space]), ...p.tokens], bookmarks: [...last.bookmarks, ...p.bookmarks], controls: last.controls + p.controls, hidden: last.hidden + p.hidden };
    } else out.push(p);
  }
  return out;
}

/** Every word of a paragraph is a tracked deletion. */
function wholly(p: DocxParagraph): boolean {
  const texts = p.tokens.filter((t) => t.type === 'text' || t.type === 'field');
  return texts.length > 0 && texts.every((t) => (t.type === 'text' && !t.text.trim()) || ('change' in t && t.change?.kind === 'del'));
}

/**
 * Each paragraph's origin, by its hidden bookmark; a paragraph acta wrote without one (the cover, the agenda, an empty
 * paragraph Word needs after a table) is fixed text, placed by the paragraph before it.
 */
function originsOf(paragraphs: readonly DocxParagraph[], origins: readonly Origin[]): Origin[] {
  const out: Origin[] = [];
  for (const p of paragraphs) {
    const own = p.origin !== null ? origins[p.origin] : undefined;
    const before = out.at(-1);
    out.push(own ?? { kind: 'fixed', span: null, near: before?.near ?? null, range: before?.range ?? null, after: null, before: null, ...(before?.annex ? { annex: before.annex } : {}) });
  }
  return out;
}
