// The agenda's timetables and the tables of contents.

import type { Content } from 'mdast';
import type { LeafDirective } from 'mdast-util-directive';
import { error, type Diagnostic } from '../diagnostics.js';
import type { TimetableEntry, TocBlock } from '../model.js';
import { convertInlines, inlineText, rangeOf, type InlineContext } from './inline.js';
import { convertBlocks } from './blocks.js';

/** `9.30 – 10.00`, `9:30-10:00`, `17.00`: a time or a span of two at the start of a timetable line. */
const TIME = /^\s*(\d{1,2})[.:h](\d{2})(?:\s*[–—-]\s*(\d{1,2})[.:h](\d{2}))?(?=\s|$)/;

/** One line of a day's list: its time (required, at its start), its words, and what is written under it. */
export function timetableEntry(ctx: InlineContext, item: Content & { type: 'listItem' }, diagnostics: Diagnostic[]): TimetableEntry | null {
  const range = rangeOf(ctx, item);
  const [first, ...rest] = item.children;
  const content = first?.type === 'paragraph' ? convertInlines(ctx, first.children) : [];
  const lead = content[0];
  const m = lead?.type === 'text' ? TIME.exec(lead.value) : null;
  const minutes = (h: string, mm: string) => Number(h) * 60 + Number(mm);
  if (!m || !lead || lead.type !== 'text' || Number(m[2]) > 59 || (m[4] !== undefined && Number(m[4]) > 59)) {
    diagnostics.push(error(range, 'timetable', `Unexpected \`${inlineText(content).trim().slice(0, 40)}\` in a day, expected a time at its start: \`9.30 – 10.00 …\``));
    return null;
  }
  const start = minutes(m[1]!, m[2]!);
  const end = m[3] !== undefined ? minutes(m[3], m[4]!) : null;
  if (end !== null && end < start) diagnostics.push(error(range, 'timetable-order', `Unexpected time ${m[0].trim()} that ends before it starts, expected its start before its end`));
  const words = lead.value.slice(m[0].length).replace(/^\s+/, '');
  return {
    time: m[0].trim(),
    start,
    end,
    content: [...(words ? [{ ...lead, value: words }] : []), ...content.slice(1)],
    details: convertBlocks(ctx, rest),
    range,
  };
}

/** `::toc`, `::toc[Title]`, `::toc{depth=2}`: the depth is 1 to 6, 3 unless said. */
export function tocOf(ctx: InlineContext, node: LeafDirective): TocBlock {
  const range = rangeOf(ctx, node);
  const title = node.children.length ? convertInlines(ctx, node.children) : null;
  const attributes = node.attributes ?? {};
  for (const name of Object.keys(attributes)) {
    if (name !== 'depth') ctx.diagnostics.push(error(range, 'toc', `Unexpected \`${name}\` on \`::toc\`, expected only \`depth\` (\`::toc{depth=2}\`)`));
  }
  const typed = attributes.depth;
  const depth = typed === undefined || typed === null ? 3 : Number(typed);
  if (!Number.isInteger(depth) || depth < 1 || depth > 6) {
    ctx.diagnostics.push(error(range, 'toc', `Unexpected depth \`${String(typed)}\` on \`::toc\`, expected a number of heading levels from 1 to 6`));
    return { type: 'toc', title, depth: 3, range };
  }
  return { type: 'toc', title, depth, range };
}
