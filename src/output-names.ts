// Names every file acta writes into a meeting's output folder (docs/outputs.md): the one place a file
// name is made, so no other module builds one or has to read one back.

import path from 'node:path';
import { DOCUMENT_FORMATS, EXTENSIONS, FORMATS, type Format } from './formats.js';
import { toRoman } from './i18n/labels.js';

export { editionOfTree, type Edition } from './model/edition.js';
import type { Edition, EditionLinks } from './model/edition.js';

/** What a document holds: the whole report, one annex alone, or the cover and agenda table. */
export type Part = 'report' | 'annex' | 'agenda';

// The annexes alone and the agenda are documents to read: their data is the report's JSON (and Akoma Ntoso).
const PART_FORMATS: Readonly<Record<Part, readonly Format[]>> = { report: FORMATS, annex: DOCUMENT_FORMATS, agenda: DOCUMENT_FORMATS };

/** Whether a part has a file in a format. */
export function partHasFormat(part: Part, format: Format): boolean {
  return PART_FORMATS[part].includes(format);
}

/** The formats, of those asked for, in which a part has a file. */
export function formatsOfPart(part: Part, requested: readonly Format[]): Format[] {
  return requested.filter((format) => partHasFormat(part, format));
}

/** Where a meeting's files go: `out/<folder name>/`. */
export function outputFolder(out: string, dir: string): string {
  return path.join(out, meetingName(dir));
}

export function meetingName(dir: string): string {
  return path.basename(path.resolve(dir));
}

/** The editions a build writes: both, unless --public or --full keeps one; --accept-changes makes the full one accepted. */
export function editionsOf(options: { readonly publicOnly: boolean; readonly fullOnly?: boolean; readonly acceptChanges?: boolean }): Edition[] {
  const full: Edition = options.acceptChanges === true ? 'accepted' : 'full';
  if (options.publicOnly) return ['public'];
  return options.fullOnly ? [full] : [full, 'public'];
}

const SUFFIX: Readonly<Record<Edition, string>> = { full: '', accepted: '-accepted', public: '-public' };
const suffix = (edition: Edition): string => SUFFIX[edition];

/** `PC0517E1a.docx`, `PC0517E1a-public.html`, `PC0517E1a.xml` (Akoma Ntoso) */
export function reportFile(symbol: string, edition: Edition, format: Format): string {
  return `${symbol}${suffix(edition)}.${EXTENSIONS[format]}`;
}

/**
 * `PC0517E1a-corr1.docx`, `PC0517E1a-corr1-public.html`: the `n`-th corrigendum of an issued report. Its symbol is
 * "PC0517E1a/Corr.1"; a file name cannot hold the slash, so the name says it in letters and digits.
 */
export function corrigendumFile(symbol: string, n: number, edition: Edition, format: Format): string {
  return `${symbol}-corr${n}${suffix(edition)}.${EXTENSIONS[format]}`;
}

/** `annexes/annex-II.docx`, `annexes/annex-II-public.html`; `numeral` as the number stage wrote it ("II bis" as `II-bis`). */
export function annexFile(numeral: string, edition: Edition, format: Format): string {
  return `annexes/annex-${numeral.replace(/\s+/g, '-')}${suffix(edition)}.${EXTENSIONS[format]}`;
}

/** `documents/PC0509E1a.docx`, `documents/PC0509E1a-public.html`: a working document (docs/format.md). */
export function documentFile(symbol: string, edition: Edition, format: Format): string {
  return `documents/${symbol}${suffix(edition)}.${EXTENSIONS[format]}`;
}

/** `documents/annexes/PC0509E1a-annex-I.docx`: an annex of a working document, alone. */
export function documentAnnexFile(symbol: string, numeral: string, edition: Edition, format: Format): string {
  return `documents/annexes/${symbol}-annex-${numeral}${suffix(edition)}.${EXTENSIONS[format]}`;
}

/** A report or a working document of the meeting, as a link names it. */
export interface DocumentPlace {
  readonly kind: 'report' | 'document';
  readonly symbol: string;
}

/** Where a numbered tree's files are: the report's, or a working document's. */
export function placeOfTree(tree: { readonly document: unknown; readonly meta: { readonly symbol: string } }): DocumentPlace {
  return { kind: tree.document ? 'document' : 'report', symbol: tree.meta.symbol };
}

/** The file of a report or working document, in an edition and format. */
export function fileOf(place: DocumentPlace, edition: Edition, format: Format): string {
  return place.kind === 'report' ? reportFile(place.symbol, edition, format) : documentFile(place.symbol, edition, format);
}

/** The link from one document's file to another's, relative, as an HTML `href` or a Word hyperlink holds it. */
export function linkBetween(from: DocumentPlace, to: DocumentPlace, edition: Edition, format: Format): string {
  return path.posix.relative(path.posix.dirname(fileOf(from, edition, format)), fileOf(to, edition, format));
}

/** The links from one document's files to another's, in every edition: what a reference to the other document points at. */
export function linksBetween(from: DocumentPlace, to: DocumentPlace): EditionLinks {
  const both = (edition: Edition) => ({ docx: linkBetween(from, to, edition, 'docx'), html: linkBetween(from, to, edition, 'html') });
  return { full: both('full'), accepted: both('accepted'), public: both('public') };
}

/** `PC0517E1a-agenda.docx`, `PC0517E1a-agenda-public.html` (`acta agenda`) */
export function agendaFile(symbol: string, edition: Edition, format: Format): string {
  return `${symbol}-agenda${suffix(edition)}.${EXTENSIONS[format]}`;
}

/** `PI0231E1a-aligned.html` (`acta align`): named after the translation. */
export function alignedFile(symbol: string): string {
  return `${symbol}-aligned.html`;
}

/** `register.html`, `register-public.csv` (`acta register`): the register across sessions, in the output folder itself. */
export function registerFile(edition: Edition, extension: 'html' | 'json' | 'csv'): string {
  return `register${suffix(edition)}.${extension}`;
}

/** `renumbering.md`, `renumbering.json` (`acta renumbering`): what moved since an earlier version, in the meeting's output folder. */
export function renumberingFile(extension: 'md' | 'json'): string {
  return `renumbering.${extension}`;
}

/** `decisions.json`, `decisions-public.json` */
export function decisionsFile(edition: Edition): string {
  return `decisions${suffix(edition)}.json`;
}

/**
 * The largest numeral Roman notation writes (MMMCMXCIX). An annex a previous build had and this
 * one no longer has can only be recognised by its numeral, so every numeral up to this one counts;
 * no committee report comes near it.
 */
const LARGEST_NUMERAL = 3999;

/** The part of a set that a question about membership needs. */
export type NameSet = Pick<ReadonlySet<string>, 'has'>;

/**
 * Every annex file that a build of these editions and formats could write for a meeting of
 * `annexCount` annexes, or for the same meeting with annexes since removed: compared with what a
 * build wrote, it tells the files a previous build left (an annex that became restricted or went
 * away) from files acta would never write, which are left alone.
 */
export function possibleAnnexFiles(annexCount: number, editions: readonly Edition[], formats: readonly Format[]): NameSet {
  // Some 16,000 names: made only when a build finds a file it did not write, which most never do.
  let names: Set<string> | null = null;
  const make = () => {
    const made = new Set<string>();
    const annexFormats = formatsOfPart('annex', formats);
    for (let n = 1; n <= Math.max(annexCount, LARGEST_NUMERAL); n++) {
      const numeral = toRoman(n);
      for (const edition of editions) for (const format of annexFormats) made.add(annexFile(numeral, edition, format));
    }
    return made;
  };
  return { has: (name) => (names ??= make()).has(name) };
}
