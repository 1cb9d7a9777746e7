// Dates as the cover prints them, in the word order of the report's language.

import type { DateForms } from './catalogue.js';
import { catalogFor, type Language } from './catalogues.js';
import { fill } from './fill.js';

interface Day {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** "16 – 20 April 2018", "30 April – 2 May 2018", "1er – 3 mars 2025": what the two dates share is printed once, at the end. */
export function formatDateRange(language: Language, start: string, end: string): string {
  const forms = catalogFor(language).dates;
  const s = splitDate(start);
  const e = splitDate(end);
  const last = full(forms, e);
  if (start === end) return last;
  if (s.year !== e.year) return `${full(forms, s)} – ${last}`;
  if (s.month !== e.month) return `${fill(forms.dayMonth, parts(forms, s))} – ${last}`;
  return `${dayOf(forms, s.day)} – ${last}`;
}

/** "2 May 2018", "1er mai 2018", "2 de mayo de 2018" */
export function formatDate(language: Language, iso: string): string {
  return full(catalogFor(language).dates, splitDate(iso));
}

/** "Brussels, 2 May 2018.", "Bruxelles, le 2 mai 2018.", "Bruselas, 2 de mayo de 2018." */
export function formatIssued(language: Language, place: string, issued: string): string {
  return fill(catalogFor(language).dates.issued, { place, date: formatDate(language, issued) });
}

function full(forms: DateForms, d: Day): string {
  return fill(forms.full, parts(forms, d));
}

function parts(forms: DateForms, d: Day): Record<string, string> {
  return { day: dayOf(forms, d.day), month: forms.months[d.month - 1] ?? '', year: String(d.year) };
}

function dayOf(forms: DateForms, day: number): string {
  return forms.days[day] ?? String(day);
}

function splitDate(iso: string): Day {
  const [y, m, d] = iso.split('-').map(Number);
  return { year: y ?? 0, month: m ?? 1, day: d ?? 1 };
}
