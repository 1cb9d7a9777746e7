// French: the WCO's other official language.

import type { Catalogue } from './catalogue.js';

export const fr: Catalogue = {
  tags: { word: 'fr-FR', html: 'fr', akn: 'fra' },
  committeeWord: 'Comité',
  informationPurposes: ['Pour information'],
  item: 'Point',
  annex: 'Annexe',
  paragraph: 'Paragraphe',
  itemNo: 'Point n°',
  agendaItem: "Point de l'ordre du jour",
  publicVersion: 'Version publique',
  summaryReport: 'Compte rendu',
  restricted: 'Diffusion restreinte',
  resolved: 'résolu',
  footnotes: 'Notes',
  page: 'Page',
  contents: 'Ordre du jour',
  tableOfContents: 'Table des matières',
  endMark: ['*', '*   *'],
  access: {
    footnoteCall: (n) => `Note ${n}`,
    backToText: 'Retour au texte',
    restrictedStart: 'Diffusion restreinte :',
    restrictedEnd: 'Fin du texte en diffusion restreinte',
    scrollableTable: (n) => `Tableau ${n}, défile horizontalement`,
    otherLanguage: { word: 'en-GB', html: 'en' },
  },
  annexHeader: (numeral, symbol) => `Annexe ${numeral} au doc. ${symbol}`,
  // "L'annexe I", not "L'Annexe I": the label is capitalised only at the start of a phrase.
  annexNotIncluded: (label) => `L'${label.charAt(0).toLowerCase()}${label.slice(1)} n'est pas incluse dans la version publique.`,
  sessionsOf: (session, committee) => `${session} du ${committee}`,
  sectionLabel: (numeral) => `${numeral}.`,
  // "Point XIV b) de l'ordre du jour": the letter as the agenda table prints it.
  agendaReference: (numeral, letter) => `(Point ${numeral}${letter ? ` ${letter})` : ''} de l'ordre du jour)`,
  documentLabel: (symbol) => `Doc. ${symbol}`,
  paragraphOf: (number, document) => `paragraphe ${number} du ${document}`,
  sectionOf: (numeral, document) => `section ${numeral} du ${document}`,
  dates: {
    months: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
    days: { 1: '1er' },
    dayMonth: '{day} {month}',
    full: '{day} {month} {year}',
    issued: '{place}, le {date}.',
  },
  phrases: {
    // The space before the colon is French typography; matching tolerates it missing.
    conclusion: { text: 'En conclusion, le {short} :', variants: { conclusion: ['conclusions'] }, nearMiss: String.raw`^en\s+conclusions?\b` },
    action: { text: 'Le {short} est invité à :', variants: {}, nearMiss: String.raw`\best\s+invitée?s?\s+à(?!\p{L})` },
  },
  newMeeting: { committee: 'Comité technique permanent', short: 'CTP', symbol: 'PC0000F1a', session: '1re session', place: 'Bruxelles' },
};
