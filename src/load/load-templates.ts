// Reads the Handlebars templates: the built-in ones, or a user's copy given with --templates.

import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { error, type Diagnostic, type Result } from '../diagnostics.js';

export interface TemplateSet {
  readonly main: string;
  readonly styles: string;
  readonly partials: Readonly<Record<string, string>>;
  /** Where each piece came from, for messages. */
  readonly files: Readonly<Record<string, string>>;
}

/** The templates/ folder shipped with acta, found from this module (src/ in tests, dist/ when bundled). */
export function defaultTemplatesDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, 'templates', 'report.hbs'))) return path.join(dir, 'templates');
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('acta: cannot find its templates/ folder');
    dir = parent;
  }
}

/**
 * What a template set says, without where it came from, and the styles of the reference document (--reference-docx)
 * when there is one: the part of a build's cache key the look of the outputs makes. Made here alone, for the
 * render environment and for build's up-to-date check, so the two keys cannot drift apart.
 */
export function templateText(set: TemplateSet, referenceStyles?: string): { readonly main: string; readonly styles: string; readonly partials: Readonly<Record<string, string>>; readonly referenceStyles?: string } {
  return { main: set.main, styles: set.styles, partials: set.partials, ...(referenceStyles !== undefined ? { referenceStyles } : {}) };
}

/** A user's folder may hold only the files they changed: the rest come from the built-in set. */
export async function loadTemplates(userDir?: string): Promise<Result<TemplateSet | null>> {
  const diagnostics: Diagnostic[] = [];
  const builtIn = defaultTemplatesDir();
  if (userDir !== undefined && !existsSync(userDir)) {
    diagnostics.push(error({ file: userDir, line: 1, column: 1 }, 'no-templates', 'Unexpected templates folder that does not exist, expected a copy of acta’s templates/ folder'));
    return { value: null, diagnostics };
  }
  const pick = (relative: string) => {
    const own = userDir ? path.join(userDir, relative) : null;
    return own && existsSync(own) ? own : path.join(builtIn, relative);
  };
  const files: Record<string, string> = { main: pick('report.hbs'), styles: pick('style.css') };
  const partialNames = new Set<string>();
  for (const dir of [path.join(builtIn, 'partials'), ...(userDir ? [path.join(userDir, 'partials')] : [])]) {
    if (!existsSync(dir)) continue;
    for (const name of await readdir(dir)) if (name.endsWith('.hbs')) partialNames.add(name.slice(0, -4));
  }
  for (const name of partialNames) files[`partial:${name}`] = pick(path.join('partials', `${name}.hbs`));
  const read = async (file: string) => readFile(file, 'utf8');
  const partials: Record<string, string> = {};
  for (const name of partialNames) partials[name] = await read(files[`partial:${name}`]!);
  return { value: { main: await read(files.main!), styles: await read(files.styles!), partials, files }, diagnostics };
}

/** The files of templates/new-meeting/<language>/, by path relative to it. */
export async function loadNewMeetingTemplates(language: string): Promise<Record<string, string>> {
  const dir = path.join(defaultTemplatesDir(), 'new-meeting', language);
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, full).split(path.sep).join('/')] = await readFile(full, 'utf8');
  }
  return out;
}

/** The aligned page of `acta align`: its own page, cell partial and styles, from acta's templates/ folder. */
export async function loadAlignedTemplates(): Promise<{ readonly main: string; readonly cell: string; readonly styles: string; readonly file: string }> {
  const dir = defaultTemplatesDir();
  const read = (name: string) => readFile(path.join(dir, name), 'utf8');
  return { main: await read('aligned.hbs'), cell: await read('aligned-cell.hbs'), styles: await read('aligned.css'), file: path.join(dir, 'aligned.hbs') };
}

/** The register of decisions across sessions (`acta register`): its page, styles and filter script, from acta's templates/ folder. */
export async function loadRegisterTemplates(): Promise<{ readonly main: string; readonly styles: string; readonly script: string }> {
  const dir = defaultTemplatesDir();
  const read = (name: string) => readFile(path.join(dir, name), 'utf8');
  return { main: await read('register.hbs'), styles: await read('register.css'), script: await read('register.js') };
}
