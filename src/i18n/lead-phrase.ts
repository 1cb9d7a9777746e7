// Recognises the phrase that opens a list of decisions or actions, as each language writes it.

import type { LeadPhrase, LeadPhraseKind } from './catalogue.js';
import { CATALOGUES, catalogFor, type Language } from './catalogues.js';
import { fill } from './fill.js';

export interface PhraseMeeting {
  readonly language: Language;
  /** committee_short, which fills `{short}`. */
  readonly short: string;
  /** The meeting's own wording (frontmatter `conclusion`), taken literally instead of the catalogue's. */
  readonly override: string | null;
}

/**
 * Authors type the phrase by hand, so case, runs of spaces (no-break ones too), the space before the
 * colon and the catalogue's variants ("conclusions") are tolerated. With no meeting (its frontmatter
 * has errors) the phrase of every language and any committee is recognised, so that a phrase with no
 * list after it is still reported in the same run.
 */
export function leadPhraseMatcher(kind: LeadPhraseKind, meeting: PhraseMeeting | null): (text: string) => boolean {
  let sources: string[];
  if (meeting) {
    const phrase = catalogFor(meeting.language).phrases[kind];
    sources = [phrasePattern(meeting.override ?? fill(phrase.text, { short: meeting.short }), phrase.variants, false)];
  } else {
    sources = Object.values(CATALOGUES).map(({ phrases }) => phrasePattern(phrases[kind].text, phrases[kind].variants, true));
  }
  const re = new RegExp(`^(?:${sources.join('|')})\\s*:$`, 'i');
  return (text) => re.test(normalize(text).trim());
}

function phrasePattern(text: string, variants: LeadPhrase['variants'], anyShort: boolean): string {
  return normalize(text)
    .replace(/\s*:\s*$/, '')
    .split(/\s+/)
    .map((word) => wordPattern(word, variants, anyShort))
    .join('\\s+');
}

function wordPattern(word: string, variants: LeadPhrase['variants'], anyShort: boolean): string {
  if (anyShort && word.includes('{short}')) return word.split('{short}').map(escapeRegExp).join('\\S+');
  const [, core = word, comma = ''] = /^(.*?)(,?)$/.exec(word) ?? [];
  const others = variants[core.toLowerCase()];
  const spelled = others ? `(?:${[core, ...others].map((w) => escapeRegExp(normalize(w))).join('|')})` : escapeRegExp(core);
  return spelled + comma;
}

/** Word and browsers give the same text as different code points: compatibility forms, NBSP and narrow NBSP, curly quotes. */
function normalize(text: string): string {
  return text.normalize('NFKC').replace(/[\u00a0\u202f\u2007\t]/g, ' ').replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u201c\u201d]/g, '"');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
