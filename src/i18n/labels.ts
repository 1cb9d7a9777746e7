// Every fixed word acta prints comes from the language catalogues; this module is where renderers take it from.

export type { Catalogue } from './catalogue.js';
export { catalogFor, LANGUAGES, type Language } from './catalogues.js';
export { formatDate, formatDateRange, formatIssued } from './dates.js';

export { fromRoman, latinInsert, toLetter, toRoman } from './numerals.js';
