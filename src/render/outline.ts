// Heading levels from the report's structure, shared by the HTML and DOCX writers: no level is ever skipped.

import type { Flow, HeadingBlock, Inline, NumberedTree, TocBlock } from '../model.js';

/**
 * The level of every heading in a body (an item's or an annex's) whose own heading is at `parent`.
 * A heading before any sub-item sits right under the parent; after a sub-item, under that sub-item
 * (`parent + 1`). Markdown depth only orders headings among themselves: a `###` right under an item
 * is the next level down, never two, and a `####` under a `##` is one level below it.
 */
export function headingLevels(body: readonly Flow<unknown, unknown>[], parent: number, max = 6): Map<HeadingBlock, number> {
  const levels = new Map<HeadingBlock, number>();
  let base = parent + 1;
  let open: number[] = []; // Markdown depths of the headings still open
  for (const node of body) {
    if ((node as { type: string }).type === 'subitems') {
      base = parent + 2;
      open = [];
    } else if ((node as { type: string }).type === 'heading') {
      const heading = node as HeadingBlock;
      while (open.length && open[open.length - 1]! >= heading.depth) open.pop();
      levels.set(heading, Math.min(base + open.length, max));
      open.push(heading.depth);
    }
  }
  return levels;
}

/** One line of a table of contents: a heading's place, its words (after its label, for a working document's sections) and where it is. */
export interface TocEntry {
  readonly level: number;
  readonly label: string | null;
  readonly content: readonly Inline[];
  readonly anchor: string;
  readonly bookmark: string;
}

/** The headings after a `::toc` in an annex's body, down to its depth (the annex's own `#` headings are level 1). */
export function annexTocEntries(body: readonly Flow<unknown, unknown>[], toc: TocBlock): TocEntry[] {
  const levels = headingLevels(body, 0);
  const after = body.slice(body.indexOf(toc as Flow<unknown, unknown>) + 1);
  return after.flatMap((node) => {
    if ((node as { type: string }).type !== 'heading') return [];
    const heading = node as HeadingBlock;
    const level = levels.get(heading) ?? 6;
    return level <= toc.depth && heading.anchor ? [{ level, label: null, content: heading.content, anchor: heading.anchor, bookmark: heading.bookmark ?? '' }] : [];
  });
}

/** A working document's sections ("I. Introduction") and, below them to the depth asked for, the headings in them. */
export function documentTocEntries(tree: Pick<NumberedTree, 'items'>, toc: TocBlock): TocEntry[] {
  return tree.items.flatMap((section) => {
    const levels = headingLevels(section.body, 1);
    const headings = section.body.flatMap((node) => {
      if (node.type !== 'heading' || !node.anchor) return [];
      const level = levels.get(node) ?? 6;
      return level <= toc.depth ? [{ level, label: null, content: node.content, anchor: node.anchor, bookmark: node.bookmark ?? '' }] : [];
    });
    return [{ level: 1, label: section.label, content: section.title, anchor: section.anchor, bookmark: section.bookmark }, ...headings];
  });
}
