// The report body: items, sub-items, paragraphs, conclusions and their decision lists, agenda blocks, as drafts the
// builder fills in reading order, each construct by its handler (body-state.ts says what the reading keeps).

import type { Html, RootContent } from 'mdast';
import type { Item, TocBlock } from '../model.js';
import type { DocumentProfile } from '../profiles.js';
import type { Diagnostic } from '../diagnostics.js';
import { rangeOf, type InlineContext } from './inline.js';
import { checkRestrictedHtml } from './restricted-spelling.js';
import { isPictureAlone } from './blocks.js';
import type { LeadPhraseTools, ParsedFile } from './parsed-file.js';
import { newBodyState, requireItem, type BodyState } from './body-state.js';
import { heading } from './item-headings.js';
import { closeConclusion, paragraph, settle } from './item-paragraphs.js';
import { block } from './item-blocks.js';
import { directive } from './agenda-directives.js';

export type { ParagraphDraft } from './body-state.js';

export class ItemsBuilder {
  private readonly state: BodyState;

  constructor(phrase: LeadPhraseTools, diagnostics: Diagnostic[], profile: DocumentProfile) {
    this.state = newBodyState(phrase, diagnostics, profile);
  }

  /** A working document's `::toc`, before its first section. */
  get toc(): TocBlock | null {
    return this.state.toc;
  }

  addFile(parsed: ParsedFile): void {
    this.walk(parsed.ctx, parsed.tree.children, false);
    closeConclusion(this.state);
    this.state.last = null;
  }

  finish(): Item[] {
    return this.state.items;
  }

  private readonly walk = (ctx: InlineContext, nodes: readonly RootContent[], restricted: boolean): void => {
    for (const node of nodes) this.visit(ctx, node, restricted);
  };

  /** One node of a file's body, in reading order: each construct to its own handler. */
  private visit(ctx: InlineContext, node: RootContent, restricted: boolean): void {
    const state = this.state;
    if (node.type === 'yaml' || node.type === 'definition' || node.type === 'footnoteDefinition') return;
    if (node.type === 'html' && node.value.trim().startsWith('<!--')) {
      this.comment(ctx, node);
      return;
    }
    const afterColon = settle(state, ctx, node);
    // A working document has sections (`#`) and no sub-items: its `##` are plain headings.
    if (node.type === 'heading' && node.depth <= (state.profile.headings === 'sections' ? 1 : 2)) {
      heading(state, ctx, node, restricted);
      return;
    }
    if (directive(state, this.walk, ctx, node, restricted)) return;
    const item = requireItem(state, ctx, node);
    if (!item) return;
    if (node.type === 'paragraph' && !isPictureAlone(node)) paragraph(state, ctx, node, item, restricted);
    else block(state, ctx, node, item, restricted, afterColon);
  }

  /** An HTML comment: a note to the secretariat, or `<!-- no-decisions -->`, `<!-- public-labels -->` for its item. */
  private comment(ctx: InlineContext, node: Html): void {
    checkRestrictedHtml(rangeOf(ctx, node), node.value, this.state.diagnostics);
    // `<!-- no-decisions: the closing decides nothing -->` turns that warning off for the item.
    const allowed = /^<!--\s*(no-decisions|public-labels)\b/.exec(node.value.trim());
    if (allowed && this.state.current) this.state.current.allow.push(allowed[1]!);
  }
}
