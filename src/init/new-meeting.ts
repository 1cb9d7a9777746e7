// The files of a new meeting that builds as it is, from the templates in templates/new-meeting/.

import Handlebars from 'handlebars';
import type { OutputFile } from '../write/write-outputs.js';

export interface NewMeetingOptions {
  readonly committee: string;
  readonly short: string;
  readonly symbol: string;
  readonly session: string;
  readonly place: string;
  /** YYYY-MM-DD, used for start, end and issued. */
  readonly date: string;
}

/** Fills each template file with the options; values go into YAML as JSON strings, which YAML reads as they are. */
export function newMeetingFiles(templates: Readonly<Record<string, string>>, options: NewMeetingOptions): OutputFile[] {
  const env = Handlebars.create();
  env.registerHelper('yaml', (value: unknown) => JSON.stringify(String(value)));
  const data = { ...options, start: options.date, end: options.date, issued: options.date };
  return Object.entries(templates)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([path, source]) => ({ path, content: env.compile(source, { noEscape: true, strict: true })(data) }));
}
