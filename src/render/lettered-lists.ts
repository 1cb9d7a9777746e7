// Lists the author lettered by hand ("- a. …", "- b. …", as the seed types them): they print their letters and no
// bullet as well, in every format.

import type { Block, NumberedReport } from '../model.js';
import { plainInlines } from './plain-text.js';

type ListBlock = Extract<Block, { type: 'list' }>;

/** A bullet list whose items open with the letters a, b, c… in order, each followed by `.` or `)` and a space. */
export function isLettered(report: NumberedReport, list: ListBlock): boolean {
  if (list.ordered || list.items.length === 0) return false;
  return list.items.every((item, i) => {
    const first = item.blocks[0];
    if (first?.type !== 'plain') return false;
    const letter = /^\s*([a-z])[.)]\s/.exec(plainInlines(report, first.content));
    return letter?.[1] === String.fromCharCode(97 + i);
  });
}
