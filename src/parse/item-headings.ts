// An item's `#` and a sub-item's `##` heading (a section's `#` in a working document).

import type { Heading } from 'mdast';
import { error } from '../diagnostics.js';
import { convertInlines, rangeOf, type InlineContext } from './inline.js';
import { requireItem, type BodyState, type SubitemDraft } from './body-state.js';
import { takeId } from './paragraph-marks.js';
import { takeTypedLabel } from './typed-marks.js';

/** An item's `#` or a sub-item's `##` heading (a section's `#` in a working document). */
export function heading(state: BodyState, ctx: InlineContext, node: Heading, restricted: boolean): void {
  state.last = null;
  const taken = takeId(convertInlines(ctx, node.children), ctx.source);
  const id = taken.id;
  const { content, typedLabel } = takeTypedLabel(ctx, node, node.depth as 1 | 2, taken.content, state.profile.headings === 'sections');
  const typed = typedLabel ? { typedLabel } : {};
  if (restricted) {
    state.diagnostics.push(error(rangeOf(ctx, node), 'heading-in-restricted', `Unexpected \`${'#'.repeat(node.depth)}\` heading inside \`:::restricted\`, expected items and sub-items outside restricted blocks`));
    return;
  }
  if (node.depth === 1) {
    state.current = { type: 'item', id, title: [...content], purpose: null, allow: [], body: [], range: rangeOf(ctx, node), ...typed };
    state.items.push(state.current);
    state.expectPurpose = 'item';
    state.purposeTaken = false;
    return;
  }
  const item = requireItem(state, ctx, node);
  if (!item) return;
  const subitem: SubitemDraft = { type: 'subitem', id, title: content, purpose: null, range: rangeOf(ctx, node), ...typed };
  const group = state.group;
  if (group !== null && item.body[item.body.length - 1] === group && state.expectPurpose !== null) {
    group.subitems.push(subitem);
    group.range = { ...group.range, end: subitem.range.end };
  } else {
    state.group = { type: 'subitems', subitems: [subitem], range: subitem.range };
    item.body.push(state.group);
  }
  state.expectPurpose = 'subitem';
  state.purposeTaken = false;
}
