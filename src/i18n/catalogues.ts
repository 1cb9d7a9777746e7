// The registry of languages: adding one is a catalogue file and a line here.

import type { Catalogue } from './catalogue.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';

export const CATALOGUES = { en, fr, es } as const satisfies Readonly<Record<string, Catalogue>>;

export type Language = keyof typeof CATALOGUES;

/** The codes frontmatter `language` and `acta init --language` accept, English (the default) first. */
export const LANGUAGES = Object.keys(CATALOGUES) as [Language, ...Language[]];

export function catalogFor(language: Language): Catalogue {
  return CATALOGUES[language];
}
