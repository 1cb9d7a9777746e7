// `acta init`: a new meeting folder, from templates/new-meeting/, that builds as it is.

import { existsSync, readdirSync } from 'node:fs';
import { error } from '../diagnostics.js';
import type { Outcome } from '../errors.js';
import type { Language } from '../i18n/labels.js';
import { newMeetingFiles } from '../init/new-meeting.js';
import { loadNewMeetingTemplates } from '../load/load-templates.js';
import { symbol as symbolRule } from '../parse/frontmatter.js';
import { writeOutputs } from '../write/write-outputs.js';
import type { Terminal } from './terminal.js';

/** Options left out take the defaults of the chosen language's catalogue. */
export interface InitCommandOptions {
  readonly committee?: string;
  readonly short?: string;
  readonly symbol?: string;
  readonly session?: string;
  readonly place?: string;
  readonly language: Language;
  /** The command that runs acta here (`acta`, or `node …/acta.js` when acta is not on the PATH). */
  readonly runAs?: string;
}

export async function initCommand(dir: string, options: InitCommandOptions, terminal: Terminal, now = new Date()): Promise<Outcome> {
  const here = { file: dir, line: 1, column: 1 };
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    terminal.problems([error(here, 'folder-not-empty', 'Unexpected folder that is not empty, expected a new or empty folder (acta init never overwrites)')]);
    return 'input';
  }
  // The rule of the frontmatter, which also trims: init writes the symbol as typed, so a symbol
  // with spaces around it is refused rather than changed.
  const checked = options.symbol === undefined ? null : symbolRule.safeParse(options.symbol);
  if (checked && (!checked.success || checked.data !== options.symbol)) {
    terminal.problems([error(here, 'bad-symbol', `Unexpected symbol \`${options.symbol}\`, expected letters, digits, \`.\`, \`_\` or \`-\``)]);
    return 'usage';
  }
  const files = newMeetingFiles(await loadNewMeetingTemplates(options.language), { ...options, date: localIsoDate(now) });
  await writeOutputs(dir, files);
  const runAs = options.runAs ?? 'acta';
  const onPath = runAs === 'acta' ? '' : ' (to type `acta` instead, put it on the PATH: `npm install --global` in acta\'s folder)';
  terminal.print(`Created ${dir}: ${files.map((f) => f.path).join(', ')}\nNext: ${runAs} watch ${/\s/.test(dir) ? JSON.stringify(dir) : dir}${onPath}\n`);
  return 'ok';
}

/** The calendar day where the user is, as YYYY-MM-DD (the form of frontmatter dates). */
function localIsoDate(date: Date): string {
  // toISOString writes UTC: shifted by the zone's offset, its day is the local one.
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}
