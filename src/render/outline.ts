// Heading levels from the report's structure, shared by the HTML and DOCX writers: no level is ever skipped.

import type { Flow, HeadingBlock } from '../model.js';

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
