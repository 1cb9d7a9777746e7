// A decision of the committee, as its list item reads, and the links it makes to earlier ones.

import type { Block } from './blocks.js';
import type { Inline } from './inline.js';
import type { SourceRange } from './source.js';

/** What a decision can do to an earlier one (docs/format.md, Decision links). */
export const LINK_RELATIONS = ['supersedes', 'amends', 'follows-up', 'implements', 'completes'] as const;
export type LinkRelation = (typeof LINK_RELATIONS)[number];

/** `{supersedes="PC0490E1a/IV/1"}` at the end of a decision: one link a target. */
export interface DecisionLink {
  readonly relation: LinkRelation;
  /** The stable id of the decision it points at, as typed: "PC0490E1a/IV/1". */
  readonly target: string;
  /** Where the target is typed, for messages about it. */
  readonly range: SourceRange;
}

export interface Decision {
  readonly type: 'decision';
  readonly content: readonly Inline[];
  /** Further blocks of the same list item (nested lists…). */
  readonly blocks: readonly Block[];
  /**
   * The author lettered the list ("- a. took note…", "- b. …"): the decision prints its typed letter, which stays in
   * its text, and no dash; the data's text leaves the letter out.
   */
  readonly lettered: boolean;
  readonly range: SourceRange;
  /** `{#id}` at the end of the decision's text: its own name in its stable id, and a reference target. */
  readonly key: string | null;
  /** What it does to earlier decisions, typed at the end of its text. */
  readonly links: readonly DecisionLink[];
  /** Set by number: "I-a-1". */
  readonly id?: string;
  /** Set by number: "PC0517E1a/XIV(b)/2", or "PC0517E1a/{key}" (see number/decision-ids.ts). */
  readonly stableId?: string;
}
