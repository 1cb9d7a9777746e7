// The settings at the head of each Markdown file (its frontmatter), as zod schemas: the one declaration of each key,
// from which the model's types are inferred. parse/frontmatter.ts reads the YAML and checks it against these.

// zod's tree-shakable API, as everywhere in acta: the full one loads every locale's messages at every start
// (docs/speed.md), and acta writes its own messages.
import * as z from 'zod/mini';
import { LANGUAGES } from '../i18n/catalogues.js';

/** A key a file may leave out: its value, or null when it is not there. */
function orNull<T extends z.ZodMiniType<string>>(schema: T) {
  return z.pipe(z.optional(schema), z.transform((value: z.output<T> | undefined) => value ?? null));
}

function isRealDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'date' }), z.refine(isRealDate, { error: 'date' }));

const nonEmpty = [z.trim(), z.minLength(1, { error: 'empty' })] as const;
const text = z.string().check(...nonEmpty);

/** A symbol names output files, so it may hold no path separator and no `..`. */
export const symbol = z.string().check(...nonEmpty, z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { error: 'symbol' }), z.refine((s) => !s.includes('..'), { error: 'symbol' }));
const idValue = z.string().check(z.regex(/^[A-Za-z0-9][\w.-]*$/, { error: 'id' }));
const visibility = z._default(z.enum(['public', 'restricted']), 'public');

/** The keys of meeting.md's frontmatter (exported so a test checks the README documents each). */
export const meetingSchema = z.strictObject({
  committee: text,
  committee_short: text,
  session: text,
  start: isoDate,
  end: isoDate,
  place: text,
  issued: isoDate,
  symbol,
  organization: orNull(text),
  organization_alt: orNull(text),
  /** A line under the organization's name, such as its establishment ("Established in 1952 as …"), and its second-language line. */
  organization_note: orNull(text),
  organization_note_alt: orNull(text),
  language: z._default(z.enum(LANGUAGES), 'en'),
  title: orNull(text),
  conclusion: orNull(text),
  changes_author: orNull(text),
  changes_date: orNull(isoDate),
  /** A translation: the original's folder, relative to the translation's folder (docs/format.md, `translation_of`). */
  translation_of: orNull(text),
  /** The report is itself an annex of another document (its symbol): its pages carry "Annex I to doc. …". */
  annex_of: orNull(symbol),
  /** Which annex of that document it is (default I). */
  annex_numeral: orNull(z.string().check(z.regex(/^[IVXLCDM]+$/, { error: 'a Roman numeral in capitals, such as `II`' }))),
  /** The jurisdiction slot of the Akoma Ntoso identifiers (`/akn/wco/…`): the organization, as a short code. */
  jurisdiction: z._default(z.string().check(z.regex(/^[a-z][a-z0-9-]*$/, { error: 'a short code in lower-case letters, digits and `-`, such as `wco` or `un`' })), 'un'),
  /** `issued` once `acta issue` has recorded the numbering (docs/format.md, Issued numbers). */
  status: z._default(z.enum(['draft', 'issued']), 'draft'),
  /** The date of issue of the corrigendum (YYYY-MM-DD); the report's `issued` when meeting.md does not say. */
  corrigendum_date: orNull(isoDate),
});

/** The keys of an annex file's frontmatter. */
export const annexSchema = z.strictObject({
  title: text,
  id: z.optional(idValue),
  visibility,
  orientation: z._default(z.enum(['portrait', 'landscape']), 'portrait'),
  numbered: z._default(z.boolean(), false),
});

/** The keys of a working document's frontmatter (docs/format.md). */
export const documentSchema = z.strictObject({
  symbol,
  title: text,
  item: z.string().check(z.regex(/^[^\s{}#]+$/, { error: 'item' })),
  issued: isoDate,
  id: z.optional(idValue),
  visibility,
  /** A line above the title ("MANAGING THE PTC"). */
  heading: orNull(text),
  /** The phrase that opens its list of actions, instead of the language's own. */
  action: orNull(text),
});


/** A meeting's settings (meeting.md): a key left out is null; `language`, `status` and `jurisdiction` have defaults. */
export type MeetingMeta = Readonly<z.output<typeof meetingSchema>>;
/** An annex file's settings. */
export type AnnexMeta = Readonly<z.output<typeof annexSchema>>;
/** A working document's settings. */
export type DocumentFrontmatter = Readonly<z.output<typeof documentSchema>>;
/** A working document's settings as its tree holds them: its id is always known (its file or folder name by default). */
export type DocumentMeta = Readonly<Omit<DocumentFrontmatter, 'id'> & { readonly id: string }>;
