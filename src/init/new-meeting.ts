// The files of a new meeting that builds as it is, from the templates in templates/new-meeting/.

import Handlebars from 'handlebars';
import { catalogFor, LANGUAGES, type Language } from '../i18n/catalogues.js';
import type { OutputFile } from '../write/write-outputs.js';

export interface NewMeetingOptions {
  readonly language: Language;
  /** Left out, each comes from the language's catalogue, so a French meeting does not open on "Brussels". */
  readonly committee?: string;
  readonly short?: string;
  readonly symbol?: string;
  readonly session?: string;
  readonly place?: string;
  /** YYYY-MM-DD, used for start, end and issued. */
  readonly date: string;
}

/** Fills each template file with the options; values go into YAML as JSON strings, which YAML reads as they are. */
export function newMeetingFiles(templates: Readonly<Record<string, string>>, options: NewMeetingOptions): OutputFile[] {
  const env = Handlebars.create();
  env.registerHelper('yaml', (value: unknown) => JSON.stringify(String(value)));
  const defaults = catalogFor(options.language).newMeeting;
  const short = options.short ?? defaults.short;
  const symbol = options.symbol ?? symbolFor(defaults.symbol, short === defaults.short ? null : short);
  const data = {
    committee: options.committee ?? defaults.committee,
    short,
    symbol,
    documentSymbol: nextSymbol(symbol),
    session: options.session ?? defaults.session,
    place: options.place ?? defaults.place,
    start: options.date,
    end: options.date,
    issued: options.date,
    // The meeting.md comment on `language` lists the codes, which a new catalogue must not have to edit.
    languages: LANGUAGES.join(', '),
  };
  return Object.entries(templates)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([path, source]) => ({ path, content: env.compile(source, { noEscape: true, strict: true })(data) }));
}

/** The catalogue's example symbol with the committee's letters in front (`EC` → EC0000E1a), so a new meeting fits its committee. */
function symbolFor(example: string, short: string | null): string {
  const letters = short?.toUpperCase().replace(/[^A-Z]/g, '') ?? '';
  return letters === '' ? example : example.replace(/^[A-Za-z]*/, letters);
}

/** The example working document's symbol: the report's with its number one higher (PC0000E1a → PC0001E1a). */
function nextSymbol(symbol: string): string {
  const digits = /\d+/.exec(symbol);
  if (!digits) return `${symbol}-1`;
  const next = String(Number(digits[0]) + 1).padStart(digits[0].length, '0');
  return symbol.slice(0, digits.index) + next + symbol.slice(digits.index + digits[0].length);
}
