import { describe, expect, it } from 'vitest';
import { CATALOGUES, catalogFor, LANGUAGES } from '../../src/i18n/catalogues.js';
import { run, FRONTMATTER } from '../helpers.js';

describe('the registry', () => {
  it('offers every catalogue, English (the default) first', () => {
    expect(LANGUAGES).toEqual(['en', 'fr', 'es']);
    expect(Object.keys(CATALOGUES)).toEqual(LANGUAGES);
  });

  it('is what frontmatter `language` accepts', () => {
    const meeting = (language: string) =>
      run({ 'meeting.md': FRONTMATTER.replace(/---\n$/, `language: ${language}\n---\n`) + '# Punto\n\nTexto.\n\nEn conclusión, el PTC:\n\n- tomó nota.\n' });
    const es = meeting('es');
    expect(es.problems).toEqual([]);
    expect(es.report!.meta.language).toBe('es');
    expect(es.numbered!.decisions).toHaveLength(1);
    expect(meeting('de').problems).toEqual(['m/meeting.md:10:11 error unknown-language']);
  });

  it.each(LANGUAGES)('gives %s twelve months, a Word tag with a region and a bare HTML tag', (code) => {
    const c = catalogFor(code);
    expect(c.dates.months).toHaveLength(12);
    expect(c.tags.word).toMatch(new RegExp(`^${code}-[A-Z]{2}$`));
    expect(c.tags.html).toBe(code);
  });
});

describe('the catalogues', () => {
  it('hold every fixed word in English, French and Spanish', () => {
    const words = (code: 'en' | 'fr' | 'es') => {
      const c = catalogFor(code);
      return [c.item, c.annex, c.paragraph, c.publicVersion, c.phrases.conclusion.text, c.phrases.action.text, c.tags.word];
    };
    expect(words('en')).toEqual(['Item', 'Annex', 'Paragraph', 'Public Version', 'In conclusion, the {short}:', 'The {short} is invited to:', 'en-GB']);
    expect(words('fr')).toEqual(['Point', 'Annexe', 'Paragraphe', 'Version publique', 'En conclusion, le {short} :', 'Le {short} est invité à :', 'fr-FR']);
    expect(words('es')).toEqual(['Punto', 'Anexo', 'Párrafo', 'Versión pública', 'En conclusión, el {short}:', 'Se invita al {short} a:', 'es-ES']);
  });

  it('word the annex lines in each language', () => {
    expect(catalogFor('en').annexHeader('II', 'PC0517E1a')).toBe('Annex II to doc. PC0517E1a');
    expect(catalogFor('fr').annexHeader('II', 'PC0517F1a')).toBe('Annexe II au doc. PC0517F1a');
    expect(catalogFor('es').annexHeader('II', 'PC0517S1a')).toBe('Anexo II al doc. PC0517S1a');
    expect(catalogFor('en').annexNotIncluded('Annex I')).toBe('Annex I is not included in the public version.');
    expect(catalogFor('fr').annexNotIncluded('Annexe I')).toBe("L'annexe I n'est pas incluse dans la version publique.");
    expect(catalogFor('es').annexNotIncluded('Anexo I')).toBe('El anexo I no se incluye en la versión pública.');
    expect(catalogFor('es').sessionsOf('1.ª reunión', 'Comité Técnico Permanente')).toBe('1.ª reunión del Comité Técnico Permanente');
  });
});
