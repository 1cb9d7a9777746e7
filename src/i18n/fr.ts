// French: the WCO's other official language.

import type { Catalogue } from './catalogue.js';
import { latinInsert } from './numerals.js';

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
  issued: {
    insert: (base, n) => latinInsert(base, n),
    deleted: '[Supprimé]',
    movedTo: (label) => `[Déplacé au paragraphe ${label}]`,
    corrigendum: 'Rectificatif',
    corrigendumSymbol: (symbol, n) => `${symbol}/Corr.${n}`,
    say: {
      inserted: (label, after) => (after === null ? `Insérer un nouveau paragraphe ${label} ainsi libellé :` : `Après le paragraphe ${after}, insérer un nouveau paragraphe ${label} ainsi libellé :`),
      deleted: (label) => `Paragraphe ${label} : supprimer le paragraphe.`,
      amended: (label) => `Paragraphe ${label} : remplacer le texte existant par le texte suivant :`,
      moved: (from, to, after) => `Le paragraphe ${from} devient le paragraphe ${to}${after === null ? '' : `, après le paragraphe ${after}`}, ainsi libellé :`,
      range: (item, before, after) => `Ordre du jour, ${item.charAt(0).toLowerCase()}${item.slice(1)} : au lieu de « ${before} », lire « ${after} ».`,
      part: (label, change) => `${label} : ${change === 'inserted' ? 'inséré' : 'supprimé'}.`,
    },
  },
  newMeeting: { committee: 'Comité technique permanent', short: 'CTP', symbol: 'PC0000F1a', session: '1re session', place: 'Bruxelles' },
};
