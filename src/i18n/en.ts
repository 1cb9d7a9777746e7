// English: the language of the seed report.

import type { Catalogue } from './catalogue.js';

export const en: Catalogue = {
  tags: { word: 'en-GB', html: 'en', akn: 'eng' },
  committeeWord: 'Committee',
  informationPurposes: ['For information'],
  item: 'Item',
  annex: 'Annex',
  paragraph: 'Paragraph',
  itemNo: 'Item No.',
  agendaItem: 'Agenda Item',
  publicVersion: 'Public Version',
  summaryReport: 'Summary report',
  restricted: 'Restricted',
  footnotes: 'Notes',
  page: 'Page',
  contents: 'Agenda',
  endMark: ['*', '*   *'],
  access: {
    footnoteCall: (n) => `Footnote ${n}`,
    backToText: 'Back to the text',
    restrictedStart: 'Restricted:',
    restrictedEnd: 'End of restricted text',
    scrollableTable: (n) => `Table ${n}, scrolls sideways`,
    otherLanguage: { word: 'fr-FR', html: 'fr' },
  },
  annexHeader: (numeral, symbol) => `Annex ${numeral} to doc. ${symbol}`,
  annexNotIncluded: (label) => `${label} is not included in the public version.`,
  sessionsOf: (session, committee) => `The ${session} of the ${committee}`,
  sectionLabel: (numeral) => `${numeral}.`,
  agendaReference: (numeral, letter) => `(Item ${numeral}${letter ? ` (${letter})` : ''} on the Agenda)`,
  documentLabel: (symbol) => `Doc. ${symbol}`,
  paragraphOf: (number, document) => `paragraph ${number} of ${document}`,
  sectionOf: (numeral, document) => `Section ${numeral} of ${document}`,
  dates: {
    months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    days: {},
    dayMonth: '{day} {month}',
    full: '{day} {month} {year}',
    issued: '{place}, {date}.',
  },
  phrases: {
    conclusion: { text: 'In conclusion, the {short}:', variants: { conclusion: ['conclusions'] }, nearMiss: String.raw`^in\s+conclusions?\b` },
    action: { text: 'The {short} is invited to:', variants: {}, nearMiss: String.raw`\bis\s+invited\s+to\b` },
  },
  newMeeting: { committee: 'Permanent Technical Committee', short: 'PTC', symbol: 'PC0000E1a', session: '1st Session', place: 'Brussels' },
};
