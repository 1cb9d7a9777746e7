// An item's paragraphs: its purpose lines, numbered paragraphs, and the conclusion phrase that waits for its list of
// decisions (a near miss and a pasted bullet said where they are).

import type { Paragraph, RootContent } from 'mdast';
import { error, warning } from '../diagnostics.js';
import { convertInlines, inlineText, rangeOf, type InlineContext } from './inline.js';
import type { BodyState, ItemDraft, ParagraphDraft } from './body-state.js';
import { takeParagraphMarks } from './paragraph-marks.js';
import { checkParagraphLines, pastedBullet, purposeOf } from './typed-marks.js';

/** What the node before left open: a conclusion phrase waits for its list, a near miss and a colon are said once. */
export function settle(state: BodyState, ctx: InlineContext, node: RootContent): boolean {
  // A conclusion phrase must be followed right away by its list.
  // Word's bullets pasted as text (`• took note`): Markdown reads a paragraph, so the mistake is reported at
  // the bullet, once, and not again as a phrase with no list.
  const bullet = node.type === 'paragraph' ? pastedBullet(ctx, node) : null;
  if (bullet) {
    const decisions = state.conclusion !== null;
    state.diagnostics.push(
      (decisions ? error : warning)(rangeOf(ctx, node), 'pasted-bullet', `Unexpected \`${bullet}\` typed at the start of a line, expected \`- \` to start each entry of a list (a bullet pasted from Word is text, so ${decisions ? 'these decisions are not a list' : 'these lines are one paragraph'})`),
    );
    // The item has its decisions, mistyped: the one message is this one.
    if (decisions) state.current?.allow.push('no-decisions');
    state.conclusion = null;
  }
  if (state.conclusion && node.type !== 'list') closeConclusion(state);
  const nearMiss = state.nearMiss;
  const afterColon = state.afterColon;
  state.nearMiss = null;
  state.afterColon = false;
  if (nearMiss && node.type === 'list') reportNearMiss(state, nearMiss);
  return afterColon;
}

/** A paragraph of an item: its purpose line, or a numbered paragraph (a conclusion phrase among them). */
export function paragraph(state: BodyState, ctx: InlineContext, node: Paragraph, item: ItemDraft, restricted: boolean): void {
  const purpose = state.expectPurpose && !state.purposeTaken ? purposeOf(node) : null;
  if (purpose !== null && !restricted) {
    if (state.expectPurpose === 'item') item.purpose = purpose;
    else {
      const last = state.group?.subitems.at(-1);
      if (last) last.purpose = purpose;
    }
    // One purpose a heading: a second line in parentheses is a paragraph.
    state.purposeTaken = true;
    return; // a purpose keeps the heading's group open
  }
  state.expectPurpose = null;
  checkParagraphLines(ctx, node, state.diagnostics);
  const { id, unnumbered, content } = takeParagraphMarks(ctx, node, convertInlines(ctx, node.children));
  const paragraph: ParagraphDraft = { type: 'paragraph', id, content, blocks: [], decisions: null, restricted, unnumbered, range: rangeOf(ctx, node) };
  item.body.push(paragraph);
  state.last = paragraph;
  const text = inlineText(content).trim();
  if (state.phrase.matches(text)) state.conclusion = { paragraph };
  else if (state.phrase.nearMiss(text)) state.nearMiss = paragraph;
  state.afterColon = /:\s*$/.test(text);
}

/** A conclusion phrase with no list after it: said at the phrase. */
export function closeConclusion(state: BodyState): void {
  if (!state.conclusion) return;
  const { paragraph } = state.conclusion;
  state.diagnostics.push(
    error(paragraph.range, 'conclusion-without-list', `Unexpected ${state.words.phrase} \`${inlineText(paragraph.content).trim()}\` with no list after it, expected a \`-\` list of ${state.profile.listOf} right below it`),
  );
  state.conclusion = null;
}

/** A paragraph like the conclusion phrase but not it, before a list: said at the paragraph. */
function reportNearMiss(state: BodyState, paragraph: ParagraphDraft): void {
  const expected = state.phrase.expected ? ` \`${state.phrase.expected}\`` : '';
  state.diagnostics.push(
    warning(paragraph.range, 'conclusion-near-miss', `Unexpected \`${inlineText(paragraph.content).trim()}\` before a list, expected the ${state.words.phrase}${expected} to make the list ${state.words.list} (as typed, its items are not ${state.profile.listOf})`),
  );
}
