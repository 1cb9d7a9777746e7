// Carries the reviewer's edits onto the base's sources, paragraph by paragraph: a paragraph that reads differently has
// its edits merged into its source text, a new one is inserted at its place, a deleted one removed, footnotes matched
// by their text; what could not come back is a warning at its place.

import type { NumberedReport, SourceRange } from '../model.js';
import type { Origin } from '../render/docx/origins.js';
import { STYLE } from '../render/docx/styles.js';
import { align, cellParagraph, likeness, originsOf, plainText, unitsOf, type DocxUnit } from './align-paragraphs.js';
import { placed, type Intent } from './file-edits.js';
import { markdownContext, paragraphMarkdown, type MarkdownContext, type Written } from './markdown.js';
import type { DocxComment, DocxParagraph } from './read-docx.js';

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

/** A DOCX as the import reads it: its paragraphs, and its comments and footnotes by their ids. */
export interface DocxContent {
  readonly paragraphs: DocxParagraph[];
  readonly comments: Map<string, DocxComment>;
  readonly footnotes: Map<string, DocxParagraph[]>;
}

const TOP_LEVEL: readonly string[] = [STYLE.numbered, STYLE.numberedRestricted, STYLE.body, STYLE.bodyRestricted];

/** One import's work on one document: the footnotes matched, the body, the changed notes' text; then `finish`. */
export class EditCarrier {
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
    const keyOf = (u: DocxUnit, ctx: MarkdownContext) =>
      u.cells
        ? u.cells.map((c) => `${c.map((p) => p.style).join(',')}\u0001${paragraphMarkdown(ctx, cellParagraph(c), { cell: true, key: true }).text}`).join('\u0002')
        : `${u.paragraphs[0]!.style}\u0001${paragraphMarkdown(ctx, u.paragraphs[0]!, { key: true }).text}`;
    const bookmarksOf = (u: DocxUnit) => u.paragraphs.flatMap((p) => p.bookmarks);
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
    const slotOf = (u: DocxUnit | undefined) => (u ? slots[u.paragraphs.length > 1 && u.cells ? u.first + u.paragraphs.length - 1 : u.first] : undefined);
    let previous: DocxUnit | undefined;
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
  private changed(x: DocxUnit, y: DocxUnit, slots: readonly Origin[]): void {
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
  private removed(x: DocxUnit, slots: readonly Origin[]): void {
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
  private added(y: DocxUnit, previous: Origin | undefined, next: Origin | undefined): void {
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
