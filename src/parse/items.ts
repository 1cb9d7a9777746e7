// The report body: items, sub-items, paragraphs, conclusions and their decision lists, agenda blocks, as drafts the
// builder fills in reading order.

import type { Heading, Html, List, Paragraph, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { visit } from 'unist-util-visit';
import { error, warning, type Diagnostic } from '../diagnostics.js';
import type { DocumentProfile } from '../profiles.js';
import type { Banner, Block, Day, Decision, Flow, HeadingBlock, Inline, Item, LooseBlock, SourceRange, Subitem, TimetableEntry, TocBlock, TypedLabel } from '../model.js';
import { convertInlines, inlineText, rangeOf, type InlineContext } from './inline.js';
import { checkOpenInsideBlock, checkRestrictedHtml } from './restricted-spelling.js';
import { timetableEntry, tocOf } from './agenda-blocks.js';
import { convertBlock, convertDecisions, isPictureAlone } from './blocks.js';
import { takeId, takeParagraphMarks } from './paragraph-marks.js';
import type { LeadPhraseTools, ParsedFile } from './parsed-file.js';
import { checkClosed, checkParagraphLines, isIndentedCode, pastedBullet, purposeOf, reportIndented, takeTypedLabel } from './typed-marks.js';

export interface ParagraphDraft {
  type: 'paragraph';
  id: string | null;
  content: Inline[];
  blocks: Block[];
  decisions: Decision[] | null;
  restricted: boolean;
  unnumbered: boolean;
  range: SourceRange;
}

/** A sub-item as it is read: its purpose line comes after its heading. */
type SubitemDraft = { -readonly [K in keyof Subitem]: Subitem[K] };

/** Sub-items in a row, the group still open while their headings follow one another. */
interface SubitemGroupDraft {
  type: 'subitems';
  subitems: SubitemDraft[];
  range: SourceRange;
}

interface ItemDraft {
  type: 'item';
  id: string | null;
  title: Inline[];
  purpose: string | null;
  allow: string[];
  body: Flow<ParagraphDraft, SubitemDraft>[];
  typedLabel?: TypedLabel;
  banner?: Banner;
  days?: Day[];
  range: SourceRange;
}

export class ItemsBuilder {
  private readonly items: ItemDraft[] = [];
  private current: ItemDraft | null = null;
  private last: ParagraphDraft | null = null;
  /** A conclusion phrase waiting for its list. */
  private conclusion: { paragraph: ParagraphDraft } | null = null;
  /** The group of sub-items the last heading opened or joined, while its item's body ends with it. */
  private group: SubitemGroupDraft | null = null;
  /** A paragraph that reads like the conclusion phrase but is not it: reported if a list follows. */
  private nearMiss: ParagraphDraft | null = null;
  /** The node just before was a paragraph ending in a colon, which may introduce an ordered list. */
  private afterColon = false;
  private expectPurpose: 'item' | 'subitem' | null = null;
  /** The heading just read has its purpose: a second line in parentheses is a paragraph. */
  private purposeTaken = false;
  private reportedBeforeItem = new Set<string>();
  /** A working document's `::toc`, before its first section. */
  toc: TocBlock | null = null;

  private readonly words: { readonly phrase: string; readonly list: string; readonly heading: string; readonly first: string };

  constructor(
    private readonly phrase: LeadPhraseTools,
    private readonly diagnostics: Diagnostic[],
    private readonly profile: DocumentProfile,
  ) {
    this.words = profile.listOf === 'actions'
      ? { phrase: 'action phrase', list: 'an action list', heading: 'a section', first: 'section' }
      : { phrase: 'conclusion phrase', list: 'a decision list', heading: 'an agenda item', first: 'item' };
  }

  addFile(parsed: ParsedFile): void {
    this.walk(parsed.ctx, parsed.tree.children, false);
    this.closeConclusion();
    this.last = null;
  }

  finish(): Item[] {
    return this.items;
  }

  private walk(ctx: InlineContext, nodes: readonly RootContent[], restricted: boolean): void {
    for (const node of nodes) this.visit(ctx, node, restricted);
  }

  /** One node of a file's body, in reading order: each construct to its own handler below. */
  private visit(ctx: InlineContext, node: RootContent, restricted: boolean): void {
    if (node.type === 'yaml' || node.type === 'definition' || node.type === 'footnoteDefinition') return;
    if (node.type === 'html' && node.value.trim().startsWith('<!--')) {
      this.comment(ctx, node);
      return;
    }
    const afterColon = this.settle(ctx, node);
    // A working document has sections (`#`) and no sub-items: its `##` are plain headings.
    if (node.type === 'heading' && node.depth <= (this.profile.headings === 'sections' ? 1 : 2)) {
      this.heading(ctx, node, restricted);
      return;
    }
    if (this.directive(ctx, node, restricted)) return;
    const item = this.requireItem(ctx, node);
    if (!item) return;
    if (node.type === 'paragraph' && !isPictureAlone(node)) this.paragraph(ctx, node, item, restricted);
    else this.block(ctx, node, item, restricted, afterColon);
  }

  /** An HTML comment: a note to the secretariat, or `<!-- no-decisions -->`, `<!-- public-labels -->` for its item. */
  private comment(ctx: InlineContext, node: Html): void {
    checkRestrictedHtml(rangeOf(ctx, node), node.value, this.diagnostics);
    // `<!-- no-decisions: the closing decides nothing -->` turns that warning off for the item.
    const allowed = /^<!--\s*(no-decisions|public-labels)\b/.exec(node.value.trim());
    if (allowed && this.current) this.current.allow.push(allowed[1]!);
  }

  /** What the node before left open: a conclusion phrase waits for its list, a near miss and a colon are said once. */
  private settle(ctx: InlineContext, node: RootContent): boolean {
    // A conclusion phrase must be followed right away by its list.
    // Word's bullets pasted as text (`• took note`): Markdown reads a paragraph, so the mistake is reported at
    // the bullet, once, and not again as a phrase with no list.
    const bullet = node.type === 'paragraph' ? pastedBullet(ctx, node) : null;
    if (bullet) {
      const decisions = this.conclusion !== null;
      this.diagnostics.push(
        (decisions ? error : warning)(rangeOf(ctx, node), 'pasted-bullet', `Unexpected \`${bullet}\` typed at the start of a line, expected \`- \` to start each entry of a list (a bullet pasted from Word is text, so ${decisions ? 'these decisions are not a list' : 'these lines are one paragraph'})`),
      );
      // The item has its decisions, mistyped: the one message is this one.
      if (decisions) this.current?.allow.push('no-decisions');
      this.conclusion = null;
    }
    if (this.conclusion && node.type !== 'list') this.closeConclusion();
    const nearMiss = this.nearMiss;
    const afterColon = this.afterColon;
    this.nearMiss = null;
    this.afterColon = false;
    if (nearMiss && node.type === 'list') this.reportNearMiss(nearMiss);
    return afterColon;
  }

  /** An item's `#` or a sub-item's `##` heading (a section's `#` in a working document). */
  private heading(ctx: InlineContext, node: Heading, restricted: boolean): void {
    this.last = null;
    const taken = takeId(convertInlines(ctx, node.children), ctx.source);
    const id = taken.id;
    const { content, typedLabel } = takeTypedLabel(ctx, node, node.depth as 1 | 2, taken.content, this.profile.headings === 'sections');
    const typed = typedLabel ? { typedLabel } : {};
    if (restricted) {
      this.diagnostics.push(error(rangeOf(ctx, node), 'heading-in-restricted', `Unexpected \`${'#'.repeat(node.depth)}\` heading inside \`:::restricted\`, expected items and sub-items outside restricted blocks`));
      return;
    }
    if (node.depth === 1) {
      this.current = { type: 'item', id, title: [...content], purpose: null, allow: [], body: [], range: rangeOf(ctx, node), ...typed };
      this.items.push(this.current);
      this.expectPurpose = 'item';
      this.purposeTaken = false;
      return;
    }
    const item = this.requireItem(ctx, node);
    if (!item) return;
    const subitem: SubitemDraft = { type: 'subitem', id, title: content, purpose: null, range: rangeOf(ctx, node), ...typed };
    const group = this.group;
    if (group !== null && item.body[item.body.length - 1] === group && this.expectPurpose !== null) {
      group.subitems.push(subitem);
      group.range = { ...group.range, end: subitem.range.end };
    } else {
      this.group = { type: 'subitems', subitems: [subitem], range: subitem.range };
      item.body.push(this.group);
    }
    this.expectPurpose = 'subitem';
    this.purposeTaken = false;
  }

  /** `:::banner`, `:::day`, `::toc` and `:::restricted`, and any other directive said as unknown; false for any other node. */
  private directive(ctx: InlineContext, node: RootContent, restricted: boolean): boolean {
    if (node.type === 'containerDirective' && (node.name === 'banner' || node.name === 'day') && this.profile.agendaTable) {
      this.addAgendaBlock(ctx, node, restricted);
      return true;
    }
    if (node.type === 'leafDirective' && node.name === 'toc' && this.profile.headings === 'sections' && !this.current && !restricted) {
      const toc = tocOf(ctx, node);
      if (this.toc) this.diagnostics.push(error(rangeOf(ctx, node), 'toc', 'Unexpected second `::toc`, expected one table of contents a document'));
      else this.toc = toc;
      return true;
    }
    if (node.type === 'containerDirective') {
      if (node.name !== 'restricted') {
        this.diagnostics.push(error(rangeOf(ctx, node), 'unknown-directive', `Unexpected block \`:::${node.name}\`, expected ${this.profile.agendaTable ? '`:::restricted`, `:::banner[…]` or `:::day[…]`' : '`:::restricted`'}`));
        return true;
      }
      if (!checkClosed(ctx, node)) {
        this.diagnostics.push(error(rangeOf(ctx, node), 'unclosed-directive', 'Unexpected `:::restricted` that is never closed, expected a `:::` line to end it'));
      }
      checkOpenInsideBlock(ctx.file, ctx.source, node, this.diagnostics);
      this.last = null;
      this.walk(ctx, node.children, true);
      this.closeConclusion();
      this.last = null;
      this.expectPurpose = null;
      return true;
    }
    if (node.type === 'leafDirective') {
      const where = node.name === 'toc' ? (this.profile.headings === 'sections' ? 'before the first section of a working document' : 'in an annex or at the head of a working document') : null;
      this.diagnostics.push(
        error(rangeOf(ctx, node), node.name === 'toc' ? 'toc' : 'unknown-directive', where ? `Unexpected \`::toc\` here, expected it ${where}` : `Unexpected block \`::${node.name}\`, expected \`:::restricted\` … \`:::\``),
      );
      return true;
    }
    return false;
  }

  /** A paragraph of an item: its purpose line, or a numbered paragraph (a conclusion phrase among them). */
  private paragraph(ctx: InlineContext, node: Paragraph, item: ItemDraft, restricted: boolean): void {
    const purpose = this.expectPurpose && !this.purposeTaken ? purposeOf(node) : null;
    if (purpose !== null && !restricted) {
      if (this.expectPurpose === 'item') item.purpose = purpose;
      else {
        const last = this.group?.subitems.at(-1);
        if (last) last.purpose = purpose;
      }
      // One purpose a heading: a second line in parentheses is a paragraph.
      this.purposeTaken = true;
      return; // a purpose keeps the heading's group open
    }
    this.expectPurpose = null;
    checkParagraphLines(ctx, node, this.diagnostics);
    const { id, unnumbered, content } = takeParagraphMarks(ctx, node, convertInlines(ctx, node.children));
    const paragraph: ParagraphDraft = { type: 'paragraph', id, content, blocks: [], decisions: null, restricted, unnumbered, range: rangeOf(ctx, node) };
    item.body.push(paragraph);
    this.last = paragraph;
    const text = inlineText(content).trim();
    if (this.phrase.matches(text)) this.conclusion = { paragraph };
    else if (this.phrase.nearMiss(text)) this.nearMiss = paragraph;
    this.afterColon = /:\s*$/.test(text);
  }

  /** Anything else in an item: a decision list after its phrase, a plain heading, or a block of the paragraph before. */
  private block(ctx: InlineContext, node: RootContent, item: ItemDraft, restricted: boolean, afterColon: boolean): void {
    this.expectPurpose = null;
    if (isIndentedCode(ctx, node)) {
      reportIndented(ctx, node);
      return;
    }
    if (node.type === 'list' && this.conclusion) {
      this.conclusion.paragraph.decisions = convertDecisions(ctx, node, this.profile);
      this.conclusion = null;
      this.last = null;
      this.checkTypedNumber(ctx, node, true);
      return;
    }
    if (node.type === 'heading') {
      const { id, content } = takeId(convertInlines(ctx, node.children), ctx.source);
      const heading: HeadingBlock = { type: 'heading', depth: node.depth, id, content, restricted, range: rangeOf(ctx, node) };
      item.body.push(heading);
      this.last = null;
      return;
    }
    if (node.type === 'list') this.checkTypedNumber(ctx, node, afterColon);
    const block = convertBlock(ctx, node);
    if (!block || block.type === 'heading') return;
    if (this.last && this.last.restricted === restricted) this.last.blocks.push(block);
    else item.body.push({ type: 'loose', block, restricted, range: rangeOf(ctx, node) } satisfies LooseBlock);
  }

  /** `:::banner[…]` and `:::day[…]`: what the agenda table prints of an item besides its row. */
  private addAgendaBlock(ctx: InlineContext, node: ContainerDirective, restricted: boolean): void {
    const item = this.requireItem(ctx, node);
    if (!item) return;
    const range = rangeOf(ctx, node);
    if (!checkClosed(ctx, node)) this.diagnostics.push(error(range, 'unclosed-directive', `Unexpected \`:::${node.name}\` that is never closed, expected a \`:::\` line to end it`));
    if (restricted) {
      this.diagnostics.push(error(range, node.name, `Unexpected \`:::${node.name}\` inside \`:::restricted\`, expected the agenda's rows outside restricted blocks (the agenda table is public)`));
      return;
    }
    const [first, ...rest] = node.children;
    const labelled = first?.type === 'paragraph' && (first.data as { directiveLabel?: boolean } | undefined)?.directiveLabel === true;
    const title = labelled ? convertInlines(ctx, first.children) : [];
    const body = labelled ? rest : node.children;
    const example = node.name === 'banner' ? '`:::banner[DISRUPTIVE TECHNOLOGIES]`' : '`:::day[DAY III (Disruptive Technologies)]`';
    if (inlineText(title).trim() === '') this.diagnostics.push(error(range, node.name, `Unexpected \`:::${node.name}\` without a title, expected it in brackets: ${example}`));
    if (node.name === 'banner') {
      if (item.banner) this.diagnostics.push(error(range, 'banner', 'Unexpected second `:::banner` in one item, expected one banner above an item'));
      const note = body.flatMap((child) => {
        if (child.type === 'paragraph') return [convertInlines(ctx, child.children)];
        this.diagnostics.push(error(rangeOf(ctx, child), 'banner', 'Unexpected block in a banner, expected its note as plain paragraphs'));
        return [];
      });
      item.banner = { title, note, range } satisfies Banner;
      return;
    }
    const entries: TimetableEntry[] = [];
    for (const child of body) {
      if (child.type !== 'list' || child.ordered) {
        this.diagnostics.push(error(rangeOf(ctx, child), 'timetable', 'Unexpected text in a day, expected a `-` list of times: `- 9.30 – 10.00 [](#item-id)` or `- 10.00 – 10.30 Coffee break`'));
        continue;
      }
      for (const entry of child.children) {
        const made = timetableEntry(ctx, entry, this.diagnostics);
        if (!made) continue;
        const before = entries.at(-1);
        if (before && (made.start < before.start || (before.end !== null && made.start < before.end && made.start !== before.start))) {
          this.diagnostics.push(error(made.range, 'timetable-order', `Unexpected ${made.time} after ${before.time}, expected the times of a day in order`));
        }
        entries.push(made);
      }
    }
    item.days = [...(item.days ?? []), { title, entries, range } satisfies Day];
  }

  private requireItem(ctx: InlineContext, node: RootContent): ItemDraft | null {
    if (this.current) return this.current;
    if (!this.reportedBeforeItem.has(ctx.file)) {
      this.reportedBeforeItem.add(ctx.file);
      this.diagnostics.push(error(rangeOf(ctx, node), 'text-before-item', `Unexpected text before the first ${this.words.first}, expected a \`#\` heading (${this.words.heading}) first`));
    }
    return null;
  }

  private closeConclusion(): void {
    if (!this.conclusion) return;
    const { paragraph } = this.conclusion;
    this.diagnostics.push(
      error(paragraph.range, 'conclusion-without-list', `Unexpected ${this.words.phrase} \`${inlineText(paragraph.content).trim()}\` with no list after it, expected a \`-\` list of ${this.profile.listOf} right below it`),
    );
    this.conclusion = null;
  }

  private reportNearMiss(paragraph: ParagraphDraft): void {
    const expected = this.phrase.expected ? ` \`${this.phrase.expected}\`` : '';
    this.diagnostics.push(
      warning(paragraph.range, 'conclusion-near-miss', `Unexpected \`${inlineText(paragraph.content).trim()}\` before a list, expected the ${this.words.phrase}${expected} to make the list ${this.words.list} (as typed, its items are not ${this.profile.listOf})`),
    );
  }

  /**
   * `12. The Secretariat…` pasted from Word is read as an ordered list starting at 12, which takes the
   * paragraphs out of the numbering. An ordered list is legitimate only after a paragraph that
   * introduces it ("…the following:") and starting at 1.
   */
  private checkTypedNumber(ctx: InlineContext, node: List, introduced: boolean): void {
    if (!node.ordered) return;
    const start = node.start ?? 1;
    if (start === 1 && introduced) return;
    this.diagnostics.push(
      error(rangeOf(ctx, node), 'typed-number', `Unexpected typed paragraph number \`${start}.\`, expected the paragraph without its number: acta numbers paragraphs itself (delete \`${start}. \`; write \`${start}\\.\` if the number is really part of the text, or end the paragraph before a real list with a colon)`),
    );
  }
}
