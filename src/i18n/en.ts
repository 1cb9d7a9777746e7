// English: the language of the seed report.

import type { Catalogue } from './catalogue.js';
import { toLetter } from './numerals.js';

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
  resolved: 'resolved',
  footnotes: 'Notes',
  page: 'Page',
  contents: 'Agenda',
  tableOfContents: 'Contents',
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
  issued: {
    // As rulebooks and United Kingdom legislation insert ("3.1.6A", "section 12A", "(aa)"), so the label stays one word.
    insert: (base, n) => `${base}${/[a-z]$/.test(base) ? toLetter(n) : toLetter(n).toUpperCase()}`,
    deleted: '[Deleted]',
    movedTo: (label) => `[Moved to paragraph ${label}]`,
    corrigendum: 'Corrigendum',
    corrigendumSymbol: (symbol, n) => `${symbol}/Corr.${n}`,
    say: {
      inserted: (label, after) => (after === null ? `Insert a new paragraph ${label} reading:` : `After paragraph ${after}, insert a new paragraph ${label} reading:`),
      deleted: (label) => `Paragraph ${label}: delete the paragraph.`,
      amended: (label) => `Paragraph ${label}: for the existing text substitute:`,
      moved: (from, to, after) => `Paragraph ${from} becomes paragraph ${to}${after === null ? '' : `, after paragraph ${after}`}, reading:`,
      range: (item, before, after) => `Agenda table, ${item}: for “${before}” read “${after}”.`,
      part: (label, change) => `${label}: ${change === 'inserted' ? 'inserted' : 'deleted'}.`,
    },
  },
  newMeeting: { committee: 'Permanent Technical Committee', short: 'PTC', symbol: 'PC0000E1a', session: '1st Session', place: 'Brussels' },
};
