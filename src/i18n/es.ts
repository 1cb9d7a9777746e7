// Spanish: added as data only, so nothing outside this file and its `acta init` template names it.

import type { Catalogue } from './catalogue.js';
import { latinInsert } from './numerals.js';

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
  issued: {
    insert: (base, n) => latinInsert(base, n),
    deleted: '[Suprimido]',
    movedTo: (label) => `[Trasladado al párrafo ${label}]`,
    corrigendum: 'Corrección',
    corrigendumSymbol: (symbol, n) => `${symbol}/Corr.${n}`,
    say: {
      inserted: (label, after) => (after === null ? `Insértese un nuevo párrafo ${label} que diga:` : `Después del párrafo ${after}, insértese un nuevo párrafo ${label} que diga:`),
      deleted: (label) => `Párrafo ${label}: suprímase el párrafo.`,
      amended: (label) => `Párrafo ${label}: sustitúyase el texto existente por el siguiente:`,
      moved: (from, to, after) => `El párrafo ${from} pasa a ser el párrafo ${to}${after === null ? '' : `, después del párrafo ${after}`}, y dice:`,
      range: (item, before, after) => `Orden del día, ${item.charAt(0).toLowerCase()}${item.slice(1)}: donde dice «${before}», debe decir «${after}».`,
      part: (label, change) => `${label}: ${change === 'inserted' ? 'insertado' : 'suprimido'}.`,
    },
  },
  newMeeting: { committee: 'Comité Técnico Permanente', short: 'CTP', symbol: 'PC0000S1a', session: '1.ª reunión', place: 'Bruselas' },
};
