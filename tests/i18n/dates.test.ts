import { describe, expect, it } from 'vitest';
import { formatDate, formatDateRange, formatIssued } from '../../src/i18n/dates.js';

describe('dates', () => {
  it('prints session dates as the seed does, in English', () => {
    expect(formatDateRange('en', '2018-04-16', '2018-04-20')).toBe('16 – 20 April 2018');
    expect(formatDateRange('en', '2018-04-30', '2018-05-02')).toBe('30 April – 2 May 2018');
    expect(formatDateRange('en', '2018-12-31', '2019-01-02')).toBe('31 December 2018 – 2 January 2019');
    expect(formatDateRange('en', '2018-04-16', '2018-04-16')).toBe('16 April 2018');
    expect(formatDate('en', '2018-03-01')).toBe('1 March 2018');
  });

  it('writes the first of the month "1er" in French, wherever it falls', () => {
    expect(formatDateRange('fr', '2025-03-01', '2025-03-03')).toBe('1er – 3 mars 2025');
    expect(formatDateRange('fr', '2025-02-27', '2025-03-01')).toBe('27 février – 1er mars 2025');
    expect(formatDateRange('fr', '2024-12-01', '2025-01-01')).toBe('1er décembre 2024 – 1er janvier 2025');
    expect(formatDate('fr', '2018-05-02')).toBe('2 mai 2018');
  });

  it('puts "de" between day, month and year in Spanish, and no ordinal on the first', () => {
    expect(formatDate('es', '2018-05-02')).toBe('2 de mayo de 2018');
    expect(formatDate('es', '2018-09-01')).toBe('1 de septiembre de 2018');
    expect(formatDateRange('es', '2018-04-16', '2018-04-20')).toBe('16 – 20 de abril de 2018');
    expect(formatDateRange('es', '2018-04-30', '2018-05-02')).toBe('30 de abril – 2 de mayo de 2018');
    expect(formatDateRange('es', '2018-12-31', '2019-01-02')).toBe('31 de diciembre de 2018 – 2 de enero de 2019');
    expect(formatDateRange('es', '2018-04-16', '2018-04-16')).toBe('16 de abril de 2018');
  });

  it('prints the place and date of issue', () => {
    expect(formatIssued('en', 'Brussels', '2018-05-02')).toBe('Brussels, 2 May 2018.');
    expect(formatIssued('fr', 'Bruxelles', '2025-04-02')).toBe('Bruxelles, le 2 avril 2025.');
    expect(formatIssued('fr', 'Bruxelles', '2025-04-01')).toBe('Bruxelles, le 1er avril 2025.');
    expect(formatIssued('es', 'Bruselas', '2018-05-02')).toBe('Bruselas, 2 de mayo de 2018.');
  });

  it('prints a place holding template syntax as typed', () => {
    expect(formatIssued('en', 'St {date} $& Town', '2018-05-02')).toBe('St {date} $& Town, 2 May 2018.');
  });
});
