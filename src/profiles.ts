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
  /** What a `#` heading is: an agenda item ("Item IV – Title") or a section of a working document ("IV. Title"). */
  readonly headings: 'items' | 'sections';
}

/** The session's summary report: items, sub-items, decision lists, the agenda table, the session on the cover. */
export const SUMMARY_REPORT = {
  leadPhrase: 'conclusion',
  listOf: 'decisions',
  agendaTable: true,
  cover: 'session',
  headings: 'items',
} as const satisfies DocumentProfile;

/**
 * A working document of the session (docs/format.md): sections I., II., the action phrase opening the
 * list of actions expected from the committee, no agenda table, the agenda reference on the cover.
 */
export const WORKING_DOCUMENT = {
  leadPhrase: 'action',
  listOf: 'actions',
  agendaTable: false,
  cover: 'agenda-reference',
  headings: 'sections',
} as const satisfies DocumentProfile;

/**
 * The corrigendum of an issued report: the report's cover under its own symbol ("PC0517E1a/Corr.1"), no agenda
 * table, and under each item heading the changes since issue, each said and then shown as the paragraph now reads.
 */
export const CORRIGENDUM = {
  leadPhrase: 'conclusion',
  listOf: 'decisions',
  agendaTable: false,
  cover: 'session',
  headings: 'items',
} as const satisfies DocumentProfile;
