// The shape of a language: every word, form and tag acta prints or recognises in it.

/** A phrase that opens a list of decisions or actions; `{short}` stands for committee_short. */
export interface LeadPhrase {
  readonly text: string;
  /**
   * Other spellings of one of its words that authors type and mean the same (the plural "conclusions"),
   * keyed by the word in lower case. Spacing and the space before the colon are tolerated in every language.
   */
  readonly variants: Readonly<Record<string, readonly string[]>>;
  /**
   * How a paragraph that was meant as the phrase but is not it starts or reads (lower case, after
   * spacing is normalised), as a regular expression: it is reported when a list follows it.
   */
  readonly nearMiss: string;
}

/** Dates as templates over `{day}`, `{month}`, `{year}`, so a language's word order is data. */
export interface DateForms {
  /** January first. */
  readonly months: readonly string[];
  /** Days not printed as bare digits: French writes the first "1er". */
  readonly days: Readonly<Record<number, string>>;
  /** The start of a range that ends in a later month of the same year: "30 April", "30 de abril". */
  readonly dayMonth: string;
  readonly full: string;
  /** Over `{place}` and `{date}` (a full date): "Brussels, 2 May 2018." */
  readonly issued: string;
}

export interface Catalogue {
  /**
   * BCP 47 tags. Word's `w:lang` takes a region, which picks the proofing dictionary (and is what
   * Word itself writes); HTML's `lang` keeps the bare language, which is all a reader needs. Akoma
   * Ntoso names a language by its ISO 639-2 alpha-3 code (`eng`, `fra`).
   */
  readonly tags: { readonly word: string; readonly html: string; readonly akn: string };
  /** The generic word authors write for the committee in a phrase instead of its name: "the Committee". */
  readonly committeeWord: string;
  /** Item purposes that say the item decides nothing ("For information"): no decision list is expected. */
  readonly informationPurposes: readonly string[];
  readonly item: string;
  readonly annex: string;
  readonly paragraph: string;
  readonly itemNo: string;
  readonly agendaItem: string;
  readonly publicVersion: string;
  readonly summaryReport: string;
  readonly restricted: string;
  /** A comment thread the secretariat marked as resolved (the full HTML's margin note). */
  readonly resolved: string;
  readonly footnotes: string;
  readonly page: string;
  readonly contents: string;
  /** The title of a table of contents (`::toc`) the author did not title. */
  readonly tableOfContents: string;
  /**
   * The two lines of stars that close the agenda, the body and each annex, as the seed prints them ("*" over
   * "* *"); a catalogue entry so that a house style or a language may set its own.
   */
  readonly endMark: readonly [string, string];
  /** Words for assistive technology (HTML) and the spoken-and-printed restricted marks (DOCX). */
  readonly access: {
    /** The name of a footnote call: "Footnote 3". */
    readonly footnoteCall: (n: number) => string;
    /** The name of a footnote's link back to its call. */
    readonly backToText: string;
    /** Said before and after restricted text: "Restricted:" … "End of restricted text". */
    readonly restrictedStart: string;
    readonly restrictedEnd: string;
    /** The name of a table's keyboard-scrollable region, tables counted through the document. */
    readonly scrollableTable: (n: number) => string;
    /** The language of `organization_alt`, the organization's other working language. */
    readonly otherLanguage: { readonly word: string; readonly html: string };
  };
  /** "Annex II to doc. PC0517E1a" */
  readonly annexHeader: (numeral: string, symbol: string) => string;
  /** `label` is "Annex I". */
  readonly annexNotIncluded: (label: string) => string;
  /** "The 219th/220th Sessions of the Permanent Technical Committee" */
  readonly sessionsOf: (session: string, committee: string) => string;
  /** A working document's section heading label: "IV." */
  readonly sectionLabel: (numeral: string) => string;
  /** Under a working document's title: "(Item XIV (b) on the Agenda)"; `letter` null for an item or a lone sub-item. */
  readonly agendaReference: (numeral: string, letter: string | null) => string;
  /** What a reference to a working document prints: "Doc. PC0509E1a". */
  readonly documentLabel: (symbol: string) => string;
  /** A reference to a paragraph of another document: "paragraph 4 of Doc. PC0509E1a". */
  readonly paragraphOf: (number: string, document: string) => string;
  /** A reference to a section of another document: "Section II of Doc. PC0509E1a". */
  readonly sectionOf: (numeral: string, document: string) => string;
  readonly dates: DateForms;
  /** `conclusion` opens the decisions of a summary report, `action` the actions a working document asks for. */
  readonly phrases: { readonly conclusion: LeadPhrase; readonly action: LeadPhrase };
  /** What `acta init` puts in a new meeting when the command line does not say. */
  readonly newMeeting: {
    readonly committee: string;
    readonly short: string;
    readonly symbol: string;
    readonly session: string;
    readonly place: string;
  };
}

export type LeadPhraseKind = keyof Catalogue['phrases'];
