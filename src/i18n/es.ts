// Spanish: added as data only, so nothing outside this file and its `acta init` template names it.

import type { Catalogue } from './catalogue.js';

export const es: Catalogue = {
  tags: { word: 'es-ES', html: 'es', akn: 'spa' },
  committeeWord: 'Comité',
  informationPurposes: ['Para información', 'Para informacion'],
  item: 'Punto',
  annex: 'Anexo',
  paragraph: 'Párrafo',
  itemNo: 'Punto n.º',
  agendaItem: 'Punto del orden del día',
  publicVersion: 'Versión pública',
  summaryReport: 'Informe resumido',
  restricted: 'Distribución restringida',
  resolved: 'resuelto',
  footnotes: 'Notas',
  page: 'Página',
  contents: 'Orden del día',
  tableOfContents: 'Índice',
  endMark: ['*', '*   *'],
  access: {
    footnoteCall: (n) => `Nota ${n}`,
    backToText: 'Volver al texto',
    restrictedStart: 'Distribución restringida:',
    restrictedEnd: 'Fin del texto de distribución restringida',
    scrollableTable: (n) => `Tabla ${n}, se desplaza horizontalmente`,
    otherLanguage: { word: 'en-GB', html: 'en' },
  },
  annexHeader: (numeral, symbol) => `Anexo ${numeral} al doc. ${symbol}`,
  annexNotIncluded: (label) => `El ${label.charAt(0).toLowerCase()}${label.slice(1)} no se incluye en la versión pública.`,
  sessionsOf: (session, committee) => `${session} del ${committee}`,
  sectionLabel: (numeral) => `${numeral}.`,
  agendaReference: (numeral, letter) => `(Punto ${numeral}${letter ? ` ${letter})` : ''} del orden del día)`,
  documentLabel: (symbol) => `Doc. ${symbol}`,
  paragraphOf: (number, document) => `párrafo ${number} del ${document}`,
  sectionOf: (numeral, document) => `sección ${numeral} del ${document}`,
  dates: {
    // Spanish writes month names in lower case, and "de" between day, month and year.
    months: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
    days: {},
    dayMonth: '{day} de {month}',
    full: '{day} de {month} de {year}',
    issued: '{place}, {date}.',
  },
  phrases: {
    // Authors on keyboards without accents type "conclusion"; the plural is tolerated as in English and French.
    conclusion: { text: 'En conclusión, el {short}:', variants: { 'conclusión': ['conclusion', 'conclusiones'] }, nearMiss: String.raw`^en\s+conclusi[oó]n(es)?\b` },
    action: { text: 'Se invita al {short} a:', variants: {}, nearMiss: String.raw`^se\s+invita\b` },
  },
  newMeeting: { committee: 'Comité Técnico Permanente', short: 'CTP', symbol: 'PC0000S1a', session: '1.ª reunión', place: 'Bruselas' },
};
