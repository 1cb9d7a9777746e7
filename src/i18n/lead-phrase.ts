// Recognises the phrase that opens a list of decisions or actions, as each language writes it.

import type { LeadPhrase, LeadPhraseKind } from './catalogue.js';
import { CATALOGUES, catalogFor, type Language } from './catalogues.js';
import { fill } from './fill.js';

export interface PhraseMeeting {
  readonly language: Language;
  /** committee_short, which fills `{short}`. */
  readonly short: string;
  /** The committee's full name, which authors also write in its place ("the Permanent Technical Committee"). */
  readonly committee: string;
  /** The meeting's own wording (frontmatter `conclusion`), taken literally instead of the catalogue's. */
  readonly override: string | null;
}

/**
 * Authors type the phrase by hand, so case, runs of spaces (no-break ones too), the comma, the colon
 * and the space before it, the catalogue's variants ("conclusions") and the committee's full name or
 * the generic word ("the Committee") for its short name are tolerated. With no meeting (its
 * frontmatter has errors) the phrase of every language and any committee is recognised, so that a
 * phrase with no list after it is still reported in the same run.
 */
export function leadPhraseMatcher(kind: LeadPhraseKind, meeting: PhraseMeeting | null): (text: string) => boolean {
  let sources: string[];
  if (meeting) {
    const catalogue = catalogFor(meeting.language);
    const phrase = catalogue.phrases[kind];
    const names = [meeting.short, meeting.committee, catalogue.committeeWord];
    // The meeting's own wording is taken literally: a `{short}` in it is not a placeholder.
    sources = [meeting.override ? phrasePattern(meeting.override, phrase.variants, 'literal') : phrasePattern(phrase.text, phrase.variants, names)];
  } else {
    sources = Object.values(CATALOGUES).map(({ phrases }) => phrasePattern(phrases[kind].text, phrases[kind].variants, 'any'));
  }
  const re = new RegExp(`^(?:${sources.join('|')})(?:\\s*:)?$`, 'iu');
  return (text) => re.test(normalize(text).trim());
}

/** A paragraph that reads like the phrase but is not it (to be reported when a list follows it). */
export function leadPhraseNearMiss(kind: LeadPhraseKind, language: Language): (text: string) => boolean {
  const re = new RegExp(catalogFor(language).phrases[kind].nearMiss, 'iu');
  return (text) => re.test(normalize(text).trim().replace(/\s+/g, ' '));
}

/** The phrase as the meeting expects it, to name it in messages. */
export function expectedPhrase(kind: LeadPhraseKind, meeting: PhraseMeeting): string {
  return meeting.override ?? fill(catalogFor(meeting.language).phrases[kind].text, { short: meeting.short });
}

/** What may stand for `{short}`: these names, any committee's, or `{short}` itself as typed. */
type Names = readonly string[] | 'any' | 'literal';

function phrasePattern(text: string, variants: LeadPhrase['variants'], names: Names): string {
  const trimmed = normalize(text).trimEnd();
  // The final colon and the spaces around it, without a pattern that would be tried along a run of spaces.
  return (trimmed.endsWith(':') ? trimmed.slice(0, -1).trimEnd() : trimmed)
    .split(/\s+/)
    .map((word) => wordPattern(word, variants, names))
    .join('\\s+');
}

function wordPattern(word: string, variants: LeadPhrase['variants'], names: Names): string {
  const [, core = word, comma = ''] = /^(.*?)(,?)$/.exec(word) ?? [];
  const optionalComma = comma ? ',?' : '';
  if (core.includes('{short}') && names !== 'literal') {
    const name = names === 'any' ? '[^\\s:]+' : `(?:${names.map((n) => normalize(n).split(/\s+/).map(escapeRegExp).join('\\s+')).join('|')})`;
    return core.split('{short}').map(escapeRegExp).join(name) + optionalComma;
  }
  const others = variants[core.toLowerCase()];
  const spelled = others ? `(?:${[core, ...others].map((w) => escapeRegExp(normalize(w))).join('|')})` : escapeRegExp(core);
  return spelled + optionalComma;
}

/** Word and browsers give the same text as different code points: compatibility forms, NBSP and narrow NBSP, curly quotes. */
function normalize(text: string): string {
  return text.normalize('NFKC').replace(/[\u00a0\u202f\u2007\t]/g, ' ').replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u201c\u201d]/g, '"');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
