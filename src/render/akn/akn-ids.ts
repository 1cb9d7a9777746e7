// The names Akoma Ntoso gives a report and its parts: the FRBR identifiers (AKN4UN's pattern, the jurisdiction from
// meeting.md), and the eIds and wIds of its elements, made from the numbers and ids the number stage wrote.

import type { Language } from '../../i18n/labels.js';
import { catalogFor } from '../../i18n/labels.js';
import type { MeetingMeta } from '../../model.js';
import { splitDecisionId } from '../../number/decision-ids.js';

/** What a session's identifiers are made of: the facts of its meeting.md. */
export type WorkFacts = Pick<MeetingMeta, 'jurisdiction' | 'committee_short' | 'start' | 'symbol'>;

/** The committee's slot in an IRI, from its short name: lower case, `-` for anything but letters and digits. */
export const committeeSlot = (short: string) => short.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'committee';

/** `/akn/wco/debateReport/ptc/2018-04-16/PC0517E1a`: the report as a work, whatever its language or version. */
export function workIri(facts: WorkFacts): string {
  return `/akn/${facts.jurisdiction}/debateReport/${committeeSlot(facts.committee_short)}/${facts.start}/${facts.symbol}`;
}

/** `…/eng@2018-05-02`: the report in one language, as issued. */
export function expressionIri(meta: MeetingMeta): string {
  return `${workIri(meta)}/${languageCode(meta.language)}@${meta.issued}`;
}

/** ISO 639-2 alpha-3, as Akoma Ntoso names languages. */
export function languageCode(language: Language): string {
  return catalogFor(language).tags.akn;
}

/** An agenda item and a sub-item: `agendaItem_IV`, `agendaItem_IV__agendaItem_b`. */
export const itemEid = (numeral: string) => `agendaItem_${numeral}`;
export const subitemEid = (numeral: string, letter: string) => `${itemEid(numeral)}__agendaItem_${letter}`;
/** A report paragraph: `para_12`, numbered through the report as printed. */
export const paragraphEid = (number: number) => `para_${number}`;
/** An annex, and a numbered paragraph of it: `att_2`, `att_2__para_3`. */
export const annexEid = (index: number) => `att_${index}`;
export const annexParagraphEid = (index: number, number: number) => `${annexEid(index)}__para_${number}`;

/**
 * The wId of a decision, from its stable id: `PC0517E1a/XIV(b)/2` → `dec_XIV-b_2`, `PC0517E1a/adopt-fos` →
 * `dec_adopt-fos`. A work-level id stays the same in every expression (language, version) of the report; the
 * stable id is made in one place (number/decision-ids.ts), where issued numbering will supply its parts.
 */
export function decisionWid(stableId: string): string {
  const { local } = splitDecisionId(stableId);
  const computed = /^([IVXLCDM]+)(?:\(([a-z]+)\))?\/(\d+)$/.exec(local);
  if (computed) return `dec_${computed[1]}${computed[2] ? `-${computed[2]}` : ''}_${computed[3]}`;
  // A decision's own `{#id}`: no `_`, so it never reads as a computed one.
  return `dec_${local.replace(/[^A-Za-z0-9.-]+/g, '-')}`;
}
