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
  const data = {
    committee: options.committee ?? defaults.committee,
    short: options.short ?? defaults.short,
    symbol: options.symbol ?? defaults.symbol,
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
