// What else an item holds: a decision list after its phrase, a plain heading, or a block of the paragraph before.

import type { List, RootContent } from 'mdast';
import { error } from '../diagnostics.js';
import type { HeadingBlock, LooseBlock } from '../model.js';
import { convertInlines, rangeOf, type InlineContext } from './inline.js';
import type { BodyState, ItemDraft } from './body-state.js';
import { convertBlock, convertDecisions } from './blocks.js';
import { takeId } from './paragraph-marks.js';
import { isIndentedCode, reportIndented } from './typed-marks.js';

/** Anything else in an item: a decision list after its phrase, a plain heading, or a block of the paragraph before. */
export function block(state: BodyState, ctx: InlineContext, node: RootContent, item: ItemDraft, restricted: boolean, afterColon: boolean): void {
  state.expectPurpose = null;
  if (isIndentedCode(ctx, node)) {
    reportIndented(ctx, node);
    return;
  }
  if (node.type === 'list' && state.conclusion) {
    state.conclusion.paragraph.decisions = convertDecisions(ctx, node, state.profile);
    state.conclusion = null;
    state.last = null;
    checkTypedNumber(state, ctx, node, true);
    return;
  }
  if (node.type === 'heading') {
    const { id, content } = takeId(convertInlines(ctx, node.children), ctx.source);
    const heading: HeadingBlock = { type: 'heading', depth: node.depth, id, content, restricted, range: rangeOf(ctx, node) };
    item.body.push(heading);
    state.last = null;
    return;
  }
  if (node.type === 'list') checkTypedNumber(state, ctx, node, afterColon);
  const block = convertBlock(ctx, node);
  if (!block || block.type === 'heading') return;
  if (state.last && state.last.restricted === restricted) state.last.blocks.push(block);
  else item.body.push({ type: 'loose', block, restricted, range: rangeOf(ctx, node) } satisfies LooseBlock);
}

/**
 * `12. The Secretariat…` pasted from Word is read as an ordered list starting at 12, which takes the
 * paragraphs out of the numbering. An ordered list is legitimate only after a paragraph that
 * introduces it ("…the following:") and starting at 1.
 */
function checkTypedNumber(state: BodyState, ctx: InlineContext, node: List, introduced: boolean): void {
  if (!node.ordered) return;
  const start = node.start ?? 1;
  if (start === 1 && introduced) return;
  state.diagnostics.push(
    error(rangeOf(ctx, node), 'typed-number', `Unexpected typed paragraph number \`${start}.\`, expected the paragraph without its number: acta numbers paragraphs itself (delete \`${start}. \`; write \`${start}\\.\` if the number is really part of the text, or end the paragraph before a real list with a colon)`),
  );
}
