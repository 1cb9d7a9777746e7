// What kind of document is built: the facts that differ between a summary report and a working document.

import type { LeadPhraseKind } from './i18n/catalogue.js';

export interface DocumentProfile {
  /** The catalogue phrase that opens the document's lists (overridable in frontmatter under the same key). */
  readonly leadPhrase: LeadPhraseKind;
  /** What each item of such a list is. */
  readonly listOf: 'decisions' | 'actions';
  readonly agendaTable: boolean;
  /** The cover's block under the title: the session and its dates, or the agenda item the document is submitted under. */
  readonly cover: 'session' | 'agenda-reference';
}

/**
 * Today's only kind. Working documents (FORMAT.md §9) will be the other: the action phrase opening a
 * list of actions, no agenda table, the agenda reference on the cover. The parser takes the lead
 * phrase from the profile, number puts the profile on the tree, and the renderers print the agenda
 * table only when it says so; the cover's agenda reference comes with working documents.
 */
export const SUMMARY_REPORT = {
  leadPhrase: 'conclusion',
  listOf: 'decisions',
  agendaTable: true,
  cover: 'session',
} as const satisfies DocumentProfile;
