// Inline model content to Word runs: references as REF fields, changes as w:ins/w:del, footnotes as notes.

import {
  CommentRangeEnd, CommentRangeStart, CommentReference, DeletedTextRun, Paragraph, ExternalHyperlink, FootnoteReferenceRun, InsertedTextRun, InternalHyperlink, TextRun, type IRunOptions, type ParagraphChild,
} from 'docx';
import { catalogFor } from '../../i18n/labels.js';
import { dispatch, editionOfTree, type Attribution, type Elsewhere, type Handlers, type Inline, type Target } from '../../model.js';
import { complexField } from './fields.js';
import { pictureRun, type Revision } from './pictures.js';
import { STYLE } from './styles.js';
import type { WriterEnv, WriterState } from './writer.js';

interface RunFormat {
  readonly italics?: boolean;
  readonly bold?: boolean;
  readonly strike?: boolean;
  readonly style?: string;
  readonly change?: 'ins' | 'del';
  /** Who made the change and when, when the Markdown says (else the report's changes author and date). */
  readonly by?: Attribution;
}

const INLINE: Handlers<Inline, [WriterEnv, WriterState, RunFormat], ParagraphChild[]> = {
  text: (node, env, state, format) => [textRun(env, state, node.value, format)],
  code: (node, env, state, format) => [textRun(env, state, node.value, { ...format, style: STYLE.codeChar })],
  emphasis: (node, env, state, format) => inlineRuns(env, state, node.children, { ...format, italics: true }),
  strong: (node, env, state, format) => inlineRuns(env, state, node.children, { ...format, bold: true }),
  strike: (node, env, state, format) => inlineRuns(env, state, node.children, { ...format, strike: true }),
  break: () => [new TextRun({ break: 1 })],
  ins: (node, env, state, format) => inlineRuns(env, state, node.children, { ...format, change: 'ins', ...(node.by ? { by: node.by } : {}) }),
  del: (node, env, state, format) => inlineRuns(env, state, node.children, { ...format, change: 'del', ...(node.by ? { by: node.by } : {}) }),
  comment: (node, env, state, format) => commentRuns(env, state, node, format),
  // Said in words as well as by the double underline: a label before and after, printed in the full edition.
  restricted: (node, env, state, format) => {
    const words = catalogFor(env.report.meta.language).access;
    const label = (text: string) => textRun(env, state, text, { style: STYLE.restrictedLabel });
    return [label(`${words.restrictedStart} `), ...inlineRuns(env, state, node.children, { ...format, style: STYLE.restrictedChar }), label(` (${words.restrictedEnd})`)];
  },
  link: (node, env, state, format) => [new ExternalHyperlink({ link: node.url, children: inlineRuns(env, state, node.children, { ...format, style: STYLE.hyperlink }) as TextRun[] })],
  footnote: (node, env, state) => {
    const footnote = env.footnotes.get(node.key);
    if (!footnote) return [];
    state.citedFootnotes.add(footnote.number);
    return [new FootnoteReferenceRun(footnote.number)];
  },
  ref: (node, env, state, format) => referenceRuns(env, state, node.id, node.children, format),
  // A picture taken on trust (a DOCX's base whose file is gone) has no bytes, and no drawing.
  image: (node, env, state, format) => {
    if (!node.data) return [];
    // In a tracked change, the drawing is the change's: accepted or rejected with the words around it.
    const change = format.change ? revisionOf(env, state, format.by) : null;
    return [pictureRun(node, state.nextDrawingId++, change && (format.change === 'ins' ? { insertion: change } : { deletion: change }))];
  },
};

export function inlineRuns(env: WriterEnv, state: WriterState, nodes: readonly Inline[], format: RunFormat = {}): ParagraphChild[] {
  return nodes.flatMap((node) => dispatch(INLINE, node, env, state, format));
}

/**
 * A comment's paragraph, never empty: docx gives an empty paragraph no paragraph id, and commentsExtended.xml says
 * by that id whether a comment is resolved (`{>>[Bob] <<}{done}` has no words).
 */
function commentBody(env: WriterEnv, state: WriterState, body: readonly Inline[]): Paragraph {
  const runs = inlineRuns(env, state, body);
  return new Paragraph({ children: runs.length ? runs : [new TextRun('')] });
}

/**
 * `{==words==}{>>[Author] text<<}`: a Word comment anchored on the words (or at its place), by its author or the
 * report's changes author. A highlight with no comment is ordinary text.
 */
function commentRuns(env: WriterEnv, state: WriterState, node: Extract<Inline, { type: 'comment' }>, format: RunFormat): ParagraphChild[] {
  const words = inlineRuns(env, state, node.children, format);
  if (!node.body) return words;
  const id = state.comments.length;
  const date = (at: string | undefined) => (at ? wordDate(at) : env.changes.date);
  state.comments.push({ id, author: node.author ?? env.changes.author, date: date(node.date), body: commentBody(env, state, node.body), ...(node.done ? { resolved: true } : {}) });
  // Replies are comments of their own in Word, threaded to the first (commentsExtended.xml), anchored where it is.
  const replies = (node.replies ?? []).map((reply) => {
    const rid = state.comments.length;
    state.comments.push({ id: rid, author: reply.author ?? env.changes.author, date: date(reply.date), body: commentBody(env, state, reply.body), parentId: id, ...(node.done ? { resolved: true } : {}) });
    return rid;
  });
  const ids = [id, ...replies];
  return [...ids.map((i) => new CommentRangeStart(i)), ...words, ...ids.map((i) => new CommentRangeEnd(i)), ...ids.map((i) => new TextRun({ children: [new CommentReference(i)] }))];
}

/** A date as Word stores a revision's or comment's: a day alone is its midnight, UTC. */
export function wordDate(at: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(at) ? `${at}T00:00:00Z` : at;
}

/** `[](#id)`: a REF field per label part, pre-filled with the label; `[words](#id)`: a link to the bookmark. */
function referenceRuns(env: WriterEnv, state: WriterState, id: string, words: readonly Inline[], format: RunFormat): ParagraphChild[] {
  const target = env.report.targets[id];
  if (!target) return inlineRuns(env, state, words, format);
  // Another document of the meeting, or a place in one: a hyperlink to its file (a bookmark in another file is out of a REF field's reach).
  if (target.bookmark === null) return fileLink(env, state, target, target.elsewhere, words, format);
  if (target.elsewhere) return fileLink(env, state, target, target.elsewhere, words, format);
  if (words.length) return [new InternalHyperlink({ anchor: target.bookmark, children: inlineRuns(env, state, words, { ...format, style: STYLE.hyperlink }) as TextRun[] })];
  // Inside a tracked change, the field is the change's (a reference inside a deletion is a deleted field).
  const change = format.change
    ? { kind: format.change, ...changedBy(env, format.by), nextId: () => state.nextChangeId++ }
    : undefined;
  const field = (name: string, cached: string, numberOnly: boolean) => complexField(`REF ${name}${numberOnly ? ' \\n' : ''} \\h`, cached, runFormat(format), change);
  if (target.kind === 'paragraph' && target.number !== null) return field(target.bookmark, target.label, true);
  // An inserted number ("12A") is no list number a field could read: a link that prints it.
  if (target.kind === 'paragraph' && target.item !== null) return [new InternalHyperlink({ anchor: target.bookmark, children: inlineRuns(env, state, [{ type: 'text', value: target.label, range: target.range }], format) as TextRun[] })];
  // A working document's section: its numeral is Word numbering, which `\n` reads ("II.").
  if (target.kind === 'item' && env.report.profile.headings === 'sections') return field(target.bookmark, target.label, true);
  if (target.kind === 'subitem' && target.item) {
    // "Item IV (b)": the item's label and the sub-item's letter, each live; an only sub-item reads as its item.
    const item = field(target.item.bookmark, target.item.label, false);
    return target.subitemLabel === null ? item : [...item, textRun(env, state, ' ', format), ...field(target.bookmark, target.subitemLabel, false)];
  }
  return field(target.bookmark, target.label, false);
}

/** A hyperlink to another document's file of this edition, with the words given or the target's label. */
function fileLink(env: WriterEnv, state: WriterState, target: Target, elsewhere: Elsewhere, words: readonly Inline[], format: RunFormat): ParagraphChild[] {
  const link = elsewhere.href[editionOfTree(env.report)].docx;
  const children = words.length ? words : [{ type: 'text' as const, value: target.label, range: words[0]?.range ?? target.range }];
  return [new ExternalHyperlink({ link, children: inlineRuns(env, state, children, { ...format, style: STYLE.hyperlink }) as TextRun[] })];
}

function runFormat(format: RunFormat): IRunOptions {
  return {
    ...(format.italics ? { italics: true } : {}),
    ...(format.bold ? { bold: true } : {}),
    ...(format.strike ? { strike: true } : {}),
    ...(format.style ? { style: format.style } : {}),
  };
}

function textRun(env: WriterEnv, state: WriterState, text: string, format: RunFormat): ParagraphChild {
  const options: IRunOptions = { text, ...runFormat(format) };
  if (!format.change) return new TextRun(options);
  if (format.change === 'ins') return new InsertedTextRun({ ...options, ...revisionOf(env, state, format.by) });
  return new DeletedTextRun({ ...options, ...revisionOf(env, state, format.by) });
}

/** A tracked change as Word marks it: the next id in the document, and who made it when (else the report's changes author and date). */
export function revisionOf(env: WriterEnv, state: WriterState, by: Attribution | undefined): Revision {
  return { id: state.nextChangeId++, ...changedBy(env, by) };
}

/** Who made a change and when: its attribution, else the report's changes author and date. */
function changedBy(env: WriterEnv, by: Attribution | undefined): { readonly author: string; readonly date: string } {
  return { author: by?.author ?? env.changes.author, date: by?.date ? wordDate(by.date) : env.changes.date };
}
