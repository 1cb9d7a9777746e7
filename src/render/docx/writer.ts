// The DOCX writer's read-only context and the state it accumulates while writing (footnotes, ids).

import type { Paragraph } from 'docx';
import type { NumberedFootnote, NumberedItem, NumberedReport, NumberedSubitem } from '../../model.js';

export interface WriterEnv {
  readonly report: NumberedReport;
  readonly changes: { readonly author: string; readonly date: string };
  /** Bookmark name of each reference target's anchor. */
  readonly bookmarks: ReadonlyMap<string, string>;
  readonly footnotes: ReadonlyMap<string, NumberedFootnote>;
  /** Each sub-item's anchor with its item, for "Item IV (b)" references. */
  readonly subitems: ReadonlyMap<string, { readonly item: NumberedItem; readonly subitem: NumberedSubitem }>;
}

export interface WriterState {
  /** Word footnote contents by footnote number. */
  readonly footnotes: Map<number, Paragraph[]>;
  /** Tracked change ids must be unique in the document. */
  nextChangeId: number;
  /** Bookmark ids must be unique in the document, and the same in every build of it. */
  nextBookmarkId: number;
  /** Each ordered list is its own numbering instance, so each starts at its own start. */
  nextListInstance: number;
}

/** Word bookmark names: a letter first, then letters, digits and `_`, at most 40 characters. */
export function bookmarkNames(report: NumberedReport): Map<string, string> {
  const names = new Map<string, string>();
  const used = new Set<string>();
  const add = (anchor: string) => {
    if (names.has(anchor)) return;
    let base = anchor.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 36);
    if (!/^[A-Za-z]/.test(base)) base = `b_${base}`.slice(0, 36);
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}_${n}`;
    used.add(name);
    names.set(anchor, name);
  };
  // Every numbered paragraph, item, sub-item and annex is a bookmark, so Word users can cross-reference any of them.
  for (const item of report.items) {
    add(item.anchor);
    for (const s of item.subitems) add(s.anchor);
    for (const node of item.body) if (node.type === 'paragraph' && node.anchor) add(node.anchor);
  }
  for (const annex of report.annexes) {
    add(annex.anchor);
    for (const node of annex.body) if (node.type === 'paragraph' && node.anchor) add(node.anchor);
  }
  for (const target of Object.values(report.targets)) add(target.anchor);
  return names;
}
