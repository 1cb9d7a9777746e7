import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../../src/i18n/catalogues.js';
import { leadPhraseMatcher } from '../../src/i18n/lead-phrase.js';
import { FRONTMATTER, run } from '../helpers.js';

const conclusion = (language: Language, override: string | null = null) => leadPhraseMatcher('conclusion', { language, short: 'PTC', committee: 'Permanent Technical Committee', override });

describe('the conclusion phrase', () => {
  it.each([
    ['en', ['In conclusion, the PTC:', 'In conclusion, the PTC :', 'In conclusions, the PTC:', 'in conclusion, the ptc:', 'In\u00a0conclusion,\u00a0the PTC\u202f:', '  In  conclusion,\tthe PTC:  ', 'In conclusion the PTC:', 'In conclusion, the PTC', 'In conclusion, the Committee:', 'In conclusion, the Permanent Technical Committee:']],
    ['fr', ['En conclusion, le PTC :', 'En conclusion, le PTC:', 'En conclusions, le PTC :', 'En conclusion, le PTC\u00a0:', 'EN CONCLUSION, LE PTC :']],
    ['es', ['En conclusión, el PTC:', 'En conclusión, el PTC :', 'En conclusiones, el PTC:', 'En conclusion, el PTC:', 'En conclusio\u0301n, el PTC:', 'EN CONCLUSIÓN, EL PTC:', 'En conclusión,\u00a0el PTC\u00a0:']],
  ] as const)('is recognised in %s with its tolerated variants', (language, phrases) => {
    const matches = conclusion(language);
    for (const phrase of phrases) expect(matches(phrase), phrase).toBe(true);
  });

  it.each([
    ['en', ['In conclusion, the EC:', 'In conclusion, the PTC: it adopted', 'En conclusion, le PTC :', 'In conclusionss, the PTC:', 'In conclusion, the Technical Committee:']],
    ['fr', ['En conclusion, la PTC :', 'In conclusion, the PTC:', 'En conclusión, el PTC:']],
    ['es', ['En conclusión, la PTC:', 'En conclusion, le PTC :', 'In conclusion, the PTC:']],
  ] as const)('is not mistaken for other text in %s', (language, texts) => {
    const matches = conclusion(language);
    for (const text of texts) expect(matches(text), text).toBe(false);
  });

  it("takes the meeting's own phrase literally, with the language's variants", () => {
    const matches = conclusion('es', 'El Comité decidió en conclusión:');
    expect(matches('El Comité decidió en conclusiones :')).toBe(true);
    expect(matches('En conclusión, el PTC:')).toBe(false);
    expect(conclusion('en', 'The {short} decided:')('The {short} decided:')).toBe(true);
    expect(conclusion('en', 'The {short} decided:')('The PTC decided:')).toBe(false);
  });

  it('recognises the phrase of every catalogue, any committee, when the meeting could not be read', () => {
    const matches = leadPhraseMatcher('conclusion', null);
    for (const phrase of ['In conclusion, the WCO-PTC:', 'En conclusions, le SCI :', 'En conclusión, el CTP:', 'En conclusion, el CTP :']) {
      expect(matches(phrase), phrase).toBe(true);
    }
    for (const text of ['In conclusion, the:', 'In conclusion, the PTC adopted:', 'Conclusion:', 'In conclusion, le PTC:']) expect(matches(text), text).toBe(false);
  });
  it('still reports a Spanish phrase with no list when the frontmatter has errors', () => {
    const broken = FRONTMATTER.replace(/^symbol:.*\n/m, '').replace(/---\n$/, 'language: es\n---\n');
    const r = run({ 'meeting.md': `${broken}# Punto\n\nEn conclusión, el CTP:\n\nLa sesión terminó.\n` });
    expect(r.report).toBeNull();
    expect(r.problems).toEqual(['m/meeting.md:1:1 error missing-key', 'm/meeting.md:13:1 error conclusion-without-list']);
  });
});

describe('the action phrase of working documents', () => {
  it.each([
    ['en', 'The PTC is invited to:'],
    ['fr', 'Le PTC est invité à :'],
    ['es', 'Se invita al PTC a:'],
  ] as const)('is recognised in %s', (language, phrase) => {
    const matches = leadPhraseMatcher('action', { language, short: 'PTC', committee: 'Permanent Technical Committee', override: null });
    expect(matches(phrase)).toBe(true);
    expect(matches(phrase.replace(/\s*:$/, ' :'))).toBe(true);
    expect(matches(phrase.replace('PTC', 'EC'))).toBe(false);
  });

  it('is not a conclusion phrase, and the reverse', () => {
    for (const language of LANGUAGES) {
      expect(leadPhraseMatcher('action', { language, short: 'PTC', committee: 'Permanent Technical Committee', override: null })('In conclusion, the PTC:')).toBe(false);
      expect(conclusion(language)('The PTC is invited to:')).toBe(false);
    }
  });
});
