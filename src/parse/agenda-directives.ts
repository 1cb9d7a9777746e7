// The directives of a body: `:::restricted` (read by the walk it is given), the agenda's `:::banner` and `:::day`,
// a working document's `::toc`, and any other said as unknown.

import type { RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { error } from '../diagnostics.js';
import type { Banner, Day, TimetableEntry } from '../model.js';
import { convertInlines, inlineText, rangeOf, type InlineContext } from './inline.js';
import { requireItem, type BodyState } from './body-state.js';
import { closeConclusion } from './item-paragraphs.js';
import { checkOpenInsideBlock } from './restricted-spelling.js';
import { timetableEntry, tocOf } from './agenda-blocks.js';
import { checkClosed } from './typed-marks.js';

/** `:::banner`, `:::day`, `::toc` and `:::restricted`, and any other directive said as unknown; false for any other node. */
export function directive(state: BodyState, walk: (ctx: InlineContext, nodes: readonly RootContent[], restricted: boolean) => void, ctx: InlineContext, node: RootContent, restricted: boolean): boolean {
  if (node.type === 'containerDirective' && (node.name === 'banner' || node.name === 'day') && state.profile.agendaTable) {
    addAgendaBlock(state, ctx, node, restricted);
    return true;
  }
  if (node.type === 'leafDirective' && node.name === 'toc' && state.profile.headings === 'sections' && !state.current && !restricted) {
    const toc = tocOf(ctx, node);
    if (state.toc) state.diagnostics.push(error(rangeOf(ctx, node), 'toc', 'Unexpected second `::toc`, expected one table of contents a document'));
    else state.toc = toc;
    return true;
  }
  if (node.type === 'containerDirective') {
    if (node.name !== 'restricted') {
      state.diagnostics.push(error(rangeOf(ctx, node), 'unknown-directive', `Unexpected block \`:::${node.name}\`, expected ${state.profile.agendaTable ? '`:::restricted`, `:::banner[…]` or `:::day[…]`' : '`:::restricted`'}`));
      return true;
    }
    if (!checkClosed(ctx, node)) {
      state.diagnostics.push(error(rangeOf(ctx, node), 'unclosed-directive', 'Unexpected `:::restricted` that is never closed, expected a `:::` line to end it'));
    }
    checkOpenInsideBlock(ctx.file, ctx.source, node, state.diagnostics);
    state.last = null;
    walk(ctx, node.children, true);
    closeConclusion(state);
    state.last = null;
    state.expectPurpose = null;
    return true;
  }
  if (node.type === 'leafDirective') {
    const where = node.name === 'toc' ? (state.profile.headings === 'sections' ? 'before the first section of a working document' : 'in an annex or at the head of a working document') : null;
    state.diagnostics.push(
      error(rangeOf(ctx, node), node.name === 'toc' ? 'toc' : 'unknown-directive', where ? `Unexpected \`::toc\` here, expected it ${where}` : `Unexpected block \`::${node.name}\`, expected \`:::restricted\` … \`:::\``),
    );
    return true;
  }
  return false;
}

/** `:::banner[…]` and `:::day[…]`: what the agenda table prints of an item besides its row. */
function addAgendaBlock(state: BodyState, ctx: InlineContext, node: ContainerDirective, restricted: boolean): void {
  const item = requireItem(state, ctx, node);
  if (!item) return;
  const range = rangeOf(ctx, node);
  if (!checkClosed(ctx, node)) state.diagnostics.push(error(range, 'unclosed-directive', `Unexpected \`:::${node.name}\` that is never closed, expected a \`:::\` line to end it`));
  if (restricted) {
    state.diagnostics.push(error(range, node.name, `Unexpected \`:::${node.name}\` inside \`:::restricted\`, expected the agenda's rows outside restricted blocks (the agenda table is public)`));
    return;
  }
  const [first, ...rest] = node.children;
  const labelled = first?.type === 'paragraph' && (first.data as { directiveLabel?: boolean } | undefined)?.directiveLabel === true;
  const title = labelled ? convertInlines(ctx, first.children) : [];
  const body = labelled ? rest : node.children;
  const example = node.name === 'banner' ? '`:::banner[DISRUPTIVE TECHNOLOGIES]`' : '`:::day[DAY III (Disruptive Technologies)]`';
  if (inlineText(title).trim() === '') state.diagnostics.push(error(range, node.name, `Unexpected \`:::${node.name}\` without a title, expected it in brackets: ${example}`));
  if (node.name === 'banner') {
    if (item.banner) state.diagnostics.push(error(range, 'banner', 'Unexpected second `:::banner` in one item, expected one banner above an item'));
    const note = body.flatMap((child) => {
      if (child.type === 'paragraph') return [convertInlines(ctx, child.children)];
      state.diagnostics.push(error(rangeOf(ctx, child), 'banner', 'Unexpected block in a banner, expected its note as plain paragraphs'));
      return [];
    });
    item.banner = { title, note, range } satisfies Banner;
    return;
  }
  const entries: TimetableEntry[] = [];
  for (const child of body) {
    if (child.type !== 'list' || child.ordered) {
      state.diagnostics.push(error(rangeOf(ctx, child), 'timetable', 'Unexpected text in a day, expected a `-` list of times: `- 9.30 – 10.00 [](#item-id)` or `- 10.00 – 10.30 Coffee break`'));
      continue;
    }
    for (const entry of child.children) {
      const made = timetableEntry(ctx, entry, state.diagnostics);
      if (!made) continue;
      const before = entries.at(-1);
      if (before && (made.start < before.start || (before.end !== null && made.start < before.end && made.start !== before.start))) {
        state.diagnostics.push(error(made.range, 'timetable-order', `Unexpected ${made.time} after ${before.time}, expected the times of a day in order`));
      }
      entries.push(made);
    }
  }
  item.days = [...(item.days ?? []), { title, entries, range } satisfies Day];
}
