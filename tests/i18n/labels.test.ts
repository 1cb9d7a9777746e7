import { describe, expect, it } from 'vitest';
import { catalogFor, formatDateRange, formatIssued } from '../../src/i18n/labels.js';

describe('dates', () => {
  it('prints session dates as the seed does, in English and French', () => {
    expect(formatDateRange('en', '2018-04-16', '2018-04-20')).toBe('16 – 20 April 2018');
    expect(formatDateRange('en', '2018-04-30', '2018-05-02')).toBe('30 April – 2 May 2018');
    expect(formatDateRange('en', '2018-12-31', '2019-01-02')).toBe('31 December 2018 – 2 January 2019');
    expect(formatDateRange('en', '2018-04-16', '2018-04-16')).toBe('16 April 2018');
    expect(formatDateRange('fr', '2025-03-01', '2025-03-03')).toBe('1er – 3 mars 2025');
  });

  it('prints the place and date of issue', () => {
    expect(formatIssued('en', 'Brussels', '2018-05-02')).toBe('Brussels, 2 May 2018.');
    expect(formatIssued('fr', 'Bruxelles', '2025-04-02')).toBe('Bruxelles, le 2 avril 2025.');
  });
});

describe('catalogs', () => {
  it('has every fixed word in English and French', () => {
    const en = catalogFor('en');
    const fr = catalogFor('fr');
    expect([en.item, en.annex, en.paragraph, en.publicVersion, en.conclusion]).toEqual(['Item', 'Annex', 'Paragraph', 'Public Version', 'In conclusion, the {short}:']);
    expect([fr.item, fr.annex, fr.paragraph, fr.publicVersion, fr.conclusion]).toEqual(['Point', 'Annexe', 'Paragraphe', 'Version publique', 'En conclusion, le {short} :']);
    expect(fr.annexNotIncluded('Annexe I')).toBe("L'annexe I n'est pas incluse dans la version publique.");
    expect(en.annexHeader('II', 'PC0517E1a')).toBe('Annex II to doc. PC0517E1a');
  });
});
