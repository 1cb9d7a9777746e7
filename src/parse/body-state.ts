// The report body as it is read: the drafts of items, sub-items and paragraphs, and the reading's state, which
// items.ts walks and the handler of each construct fills in (item-headings.ts, item-paragraphs.ts, item-blocks.ts,
// agenda-directives.ts).

import { error, type Diagnostic } from '../diagnostics.js';
import type { DocumentProfile } from '../profiles.js';
import type { Banner, Block, Day, Decision, Flow, Inline, SourceRange, Subitem, TocBlock, TypedLabel } from '../model.js';
import type { RootContent } from 'mdast';
import { rangeOf, type InlineContext } from './inline.js';
import type { LeadPhraseTools } from './parsed-file.js';

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
export type SubitemDraft = { -readonly [K in keyof Subitem]: Subitem[K] };

/** Sub-items in a row, the group still open while their headings follow one another. */
export interface SubitemGroupDraft {
  type: 'subitems';
  subitems: SubitemDraft[];
  range: SourceRange;
}

export interface ItemDraft {
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

/** What the reading of a body knows so far, and what it was given. */
export interface BodyState {
  readonly items: ItemDraft[];
  current: ItemDraft | null;
  /** The paragraph a block read next belongs to. */
  last: ParagraphDraft | null;
  /** A conclusion phrase waiting for its list. */
  conclusion: { paragraph: ParagraphDraft } | null;
  /** The group of sub-items the last heading opened or joined, while its item's body ends with it. */
  group: SubitemGroupDraft | null;
  /** A paragraph that reads like the conclusion phrase but is not it: reported if a list follows. */
  nearMiss: ParagraphDraft | null;
  /** The node just before was a paragraph ending in a colon, which may introduce an ordered list. */
  afterColon: boolean;
  expectPurpose: 'item' | 'subitem' | null;
  /** The heading just read has its purpose: a second line in parentheses is a paragraph. */
  purposeTaken: boolean;
  readonly reportedBeforeItem: Set<string>;
  /** A working document's `::toc`, before its first section. */
  toc: TocBlock | null;
  readonly phrase: LeadPhraseTools;
  readonly diagnostics: Diagnostic[];
  readonly profile: DocumentProfile;
  /** How messages name the lead phrase, its list and the headings: a report's decisions, a document's actions. */
  readonly words: { readonly phrase: string; readonly list: string; readonly heading: string; readonly first: string };
}

/** The state of a body not yet read. */
export function newBodyState(phrase: LeadPhraseTools, diagnostics: Diagnostic[], profile: DocumentProfile): BodyState {
  const words =
    profile.listOf === 'actions'
      ? { phrase: 'action phrase', list: 'an action list', heading: 'a section', first: 'section' }
      : { phrase: 'conclusion phrase', list: 'a decision list', heading: 'an agenda item', first: 'item' };
  return { items: [], current: null, last: null, conclusion: null, group: null, nearMiss: null, afterColon: false, expectPurpose: null, purposeTaken: false, reportedBeforeItem: new Set(), toc: null, phrase, diagnostics, profile, words };
}

/** The item being read; before the first, null and a message (once a file). */
export function requireItem(state: BodyState, ctx: InlineContext, node: RootContent): ItemDraft | null {
  if (state.current) return state.current;
  if (!state.reportedBeforeItem.has(ctx.file)) {
    state.reportedBeforeItem.add(ctx.file);
    state.diagnostics.push(error(rangeOf(ctx, node), 'text-before-item', `Unexpected text before the first ${state.words.first}, expected a \`#\` heading (${state.words.heading}) first`));
  }
  return null;
}
