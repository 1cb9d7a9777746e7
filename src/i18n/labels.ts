// Every fixed word acta prints, one catalog per language.

export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface Catalog {
  readonly item: string;
  readonly annex: string;
  readonly paragraph: string;
  readonly itemNo: string;
  readonly agendaItem: string;
  readonly publicVersion: string;
  readonly summaryReport: string;
  readonly months: readonly string[];
  /** `{short}` is replaced by committee_short. */
  readonly conclusion: string;
  /** "Annex II to doc. PC0517E1a" */
  readonly annexHeader: (numeral: string, symbol: string) => string;
  readonly annexNotIncluded: (label: string) => string;
  /** "The 219th/220th Sessions of the Permanent Technical Committee" */
  readonly sessionsOf: (session: string, committee: string) => string;
  readonly restricted: string;
  readonly footnotes: string;
  readonly page: string;
  readonly contents: string;
}

const en: Catalog = {
  item: 'Item',
  annex: 'Annex',
  paragraph: 'Paragraph',
  itemNo: 'Item No.',
  agendaItem: 'Agenda Item',
  publicVersion: 'Public Version',
  summaryReport: 'Summary report',
  months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  conclusion: 'In conclusion, the {short}:',
  annexHeader: (numeral, symbol) => `Annex ${numeral} to doc. ${symbol}`,
  annexNotIncluded: (label) => `${label} is not included in the public version.`,
  sessionsOf: (session, committee) => `The ${session} of the ${committee}`,
  restricted: 'Restricted',
  footnotes: 'Notes',
  page: 'Page',
  contents: 'Agenda',
};

const fr: Catalog = {
  item: 'Point',
  annex: 'Annexe',
  paragraph: 'Paragraphe',
  itemNo: 'Point n°',
  agendaItem: "Point de l'ordre du jour",
  publicVersion: 'Version publique',
  summaryReport: 'Compte rendu',
  months: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  conclusion: 'En conclusion, le {short} :',
  annexHeader: (numeral, symbol) => `Annexe ${numeral} au doc. ${symbol}`,
  annexNotIncluded: (label) => `L'${label.charAt(0).toLowerCase()}${label.slice(1)} n'est pas incluse dans la version publique.`,
  sessionsOf: (session, committee) => `${session} du ${committee}`,
  restricted: 'Diffusion restreinte',
  footnotes: 'Notes',
  page: 'Page',
  contents: 'Ordre du jour',
};

const catalogs: Readonly<Record<Language, Catalog>> = { en, fr };

export function catalogFor(language: Language): Catalog {
  return catalogs[language];
}

/** "16 – 20 April 2018", "30 April – 2 May 2018", "1er – 3 mars 2018" (French ordinal for the first). */
export function formatDateRange(language: Language, start: string, end: string): string {
  const s = splitDate(start);
  const e = splitDate(end);
  const months = catalogs[language].months;
  const day = (d: number) => (language === 'fr' && d === 1 ? '1er' : String(d));
  if (start === end) return `${day(e.day)} ${months[e.month - 1]} ${e.year}`;
  if (s.year !== e.year) {
    return `${day(s.day)} ${months[s.month - 1]} ${s.year} – ${day(e.day)} ${months[e.month - 1]} ${e.year}`;
  }
  if (s.month !== e.month) {
    return `${day(s.day)} ${months[s.month - 1]} – ${day(e.day)} ${months[e.month - 1]} ${e.year}`;
  }
  return `${day(s.day)} – ${day(e.day)} ${months[e.month - 1]} ${e.year}`;
}

/** "2 May 2018" / "1er mai 2018" */
export function formatDate(language: Language, iso: string): string {
  const d = splitDate(iso);
  const day = language === 'fr' && d.day === 1 ? '1er' : String(d.day);
  return `${day} ${catalogs[language].months[d.month - 1]} ${d.year}`;
}

/** "Brussels, 2 May 2018." / "Bruxelles, le 2 mai 2018." */
export function formatIssued(language: Language, place: string, issued: string): string {
  return language === 'fr' ? `${place}, le ${formatDate(language, issued)}.` : `${place}, ${formatDate(language, issued)}.`;
}

function splitDate(iso: string): { year: number; month: number; day: number } {
  const [y, m, d] = iso.split('-').map(Number);
  return { year: y ?? 0, month: m ?? 1, day: d ?? 1 };
}

const ROMAN: readonly (readonly [number, string])[] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

export function toRoman(n: number): string {
  let rest = n;
  let out = '';
  for (const [value, numeral] of ROMAN) {
    while (rest >= value) {
      out += numeral;
      rest -= value;
    }
  }
  return out;
}

/** a, b, … z, aa, ab, … (spreadsheet-style, so a 27th sub-item still has a unique letter). */
export function toLetter(n: number): string {
  let rest = n;
  let out = '';
  while (rest > 0) {
    const r = (rest - 1) % 26;
    out = String.fromCharCode(97 + r) + out;
    rest = Math.floor((rest - 1) / 26);
  }
  return out;
}
