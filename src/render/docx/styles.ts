// Every style and numbering definition of the DOCX, declared once and referenced by id.

import { AlignmentType, LeaderType, LevelFormat, LevelSuffix, TabStopPosition, TabStopType, type INumberingOptions, type IStylesOptions } from 'docx';

export const STYLE = {
  normal: 'Normal',
  title: 'Title',
  subtitle: 'Subtitle',
  organization: 'CoverOrganization',
  organizationAlt: 'CoverOrganizationAlt',
  organizationNote: 'CoverOrganizationNote',
  committee: 'CoverCommittee',
  docBlock: 'CoverDocBlock',
  symbol: 'CoverSymbol',
  item: 'Heading1',
  subitem: 'Heading2',
  heading3: 'Heading3',
  heading4: 'Heading4',
  heading5: 'Heading5',
  heading6: 'Heading6',
  purpose: 'Purpose',
  numbered: 'NumberedParagraph',
  numberedRestricted: 'NumberedParagraphRestricted',
  body: 'BodyText',
  bodyRestricted: 'BodyTextRestricted',
  decision: 'Decision',
  listItem: 'ListItem',
  quote: 'Quote',
  code: 'Code',
  tableText: 'TableText',
  tableHeading: 'TableHeading',
  agendaText: 'AgendaText',
  agendaSubitem: 'AgendaSubitem',
  agendaHeading: 'AgendaHeading',
  stars: 'Stars',
  annexTitle: 'AnnexTitle',
  notIncluded: 'NotIncluded',
  header: 'Header',
  footnote: 'FootnoteText',
  footer: 'Footer',
  tocHeading: 'TOCHeading',
  // character styles
  purposeChar: 'PurposeChar',
  restrictedChar: 'RestrictedText',
  restrictedLabel: 'RestrictedLabel',
  hyperlink: 'Hyperlink',
  codeChar: 'CodeChar',
  annexTitleText: 'AnnexTitleText',
} as const;

export const NUMBERING = {
  paragraphs: 'report-paragraphs',
  /** A working document's sections, I., II., III.: a list of their own, so Word renumbers them too. */
  sections: 'document-sections',
  decisions: 'decisions',
  /** Decisions the author lettered ("a. took note…"): no dash, the text (and its letter) where the dash would be. */
  decisionsLettered: 'decisions-lettered',
  bullets: 'bullets',
  ordered: 'ordered',
} as const;

/** A4 in twentieths of a point, with the seed's margins. */
export const PAGE = {
  width: 11906,
  height: 16838,
  margin: { top: 1247, right: 1134, bottom: 1247, left: 1417, header: 567, footer: 567 },
} as const;

export function contentWidth(landscape: boolean): number {
  return (landscape ? PAGE.height : PAGE.width) - PAGE.margin.left - PAGE.margin.right;
}

/** Word's default cell margins, 108 twips a side: what a cell's text is narrower than the cell by. */
export const CELL_MARGINS = 2 * 108;

const FONT = 'Times New Roman';
/** 1 cm: the hanging indent of paragraph numbers and sub-item letters. */
export const HANG = 567;
/** The hanging indent of a list item's number, bullet or typed letter. */
export const LIST_HANG = 340;
/** Table Text's size, in half-points: what column widths are measured at. */
export const TABLE_TEXT_SIZE = 19;
const RESTRICTED = 'AA1111';
/**
 * Widow and orphan control for every paragraph, as the PDF has: OOXML applies none where no style says so (Word's own
 * templates say so in their defaults). docx writes it from a style's paragraph options, though its type for styles
 * leaves it out; the DOCX tests read it back from styles.xml.
 */
const WIDOW_CONTROL = { widowControl: true } as const;

/** Every style of the document: Word's built-in ones as acta sets them, then acta's own, group by group. */
export function stylesFor(languageTag: string): IStylesOptions {
  return {
    default: defaultStyles(languageTag),
    paragraphStyles: [...coverStyles(), ...bodyStyles(), ...tableStyles(), ...frameStyles()],
    characterStyles: characterStyles(),
  };
}

type ParagraphStyles = NonNullable<IStylesOptions['paragraphStyles']>;

/**
 * Word's built-in styles as acta sets them: the document's font, size and language, the title and Heading 1 to 6.
 * Heading N carries outline level N (w:outlineLvl N-1), so Word's navigation pane, its table of
 * contents and a PDF made from the file see every heading; a heading whose place in the structure
 * differs from its style's level (an annex section is styled Heading 3 but sits right under the
 * annex title) says its own level on the paragraph.
 */
function defaultStyles(languageTag: string): IStylesOptions['default'] {
  return {
    document: { run: { font: FONT, size: 24, language: { value: languageTag } }, paragraph: { spacing: { after: 140, line: 264 }, ...WIDOW_CONTROL } },
    title: { run: { font: FONT, size: 26, bold: true, allCaps: true }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 360, after: 60 } } },
    heading1: { run: { font: FONT, size: 24, bold: true }, paragraph: { spacing: { before: 360, after: 160 }, keepNext: true, outlineLevel: 0, keepLines: true } },
    heading2: {
      run: { font: FONT, size: 24, bold: true },
      paragraph: { spacing: { before: 220, after: 120 }, indent: { left: HANG, hanging: HANG }, keepNext: true, keepLines: true, outlineLevel: 1 },
    },
    heading3: { run: { font: FONT, size: 24, bold: true, italics: true }, paragraph: { spacing: { before: 200, after: 100 }, keepNext: true, outlineLevel: 2 } },
    heading4: { run: { font: FONT, size: 24, italics: true }, paragraph: { spacing: { before: 160, after: 80 }, keepNext: true, outlineLevel: 3 } },
    heading5: { run: { font: FONT, size: 24, italics: true }, paragraph: { keepNext: true, outlineLevel: 4 } },
    heading6: { run: { font: FONT, size: 24, italics: true }, paragraph: { keepNext: true, outlineLevel: 5 } },
    hyperlink: { run: { color: '1A3F8F', underline: {} } },
    footnoteText: { run: { size: 20 }, paragraph: { spacing: { after: 0 } } },
  };
}

/** The cover's styles: subtitle, organization, committee, document block and symbol. */
function coverStyles(): ParagraphStyles {
  return [
    { id: STYLE.subtitle, name: 'Subtitle', basedOn: STYLE.normal, next: STYLE.normal, run: { bold: true, allCaps: true }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 360 } } },
    { id: STYLE.organization, name: 'Cover Organization', basedOn: STYLE.normal, run: { bold: true, allCaps: true, size: 26 }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 0 } } },
    { id: STYLE.organizationAlt, name: 'Cover Organization (second language)', basedOn: STYLE.organization, run: { bold: false, size: 22 } },
    { id: STYLE.organizationNote, name: 'Cover Organization Note', basedOn: STYLE.normal, run: { size: 20 }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 0 } } },
    { id: STYLE.committee, name: 'Cover Committee', basedOn: STYLE.normal, run: { bold: true, allCaps: true }, paragraph: { spacing: { after: 0 } } },
    { id: STYLE.docBlock, name: 'Cover Document Block', basedOn: STYLE.normal, paragraph: { spacing: { after: 200 } } },
    { id: STYLE.symbol, name: 'Cover Symbol', basedOn: STYLE.docBlock, run: { bold: true } },
  ];
}

/** The body's styles: purpose line, numbered and plain paragraphs (restricted or not), decisions, lists, quotes and code. */
function bodyStyles(): ParagraphStyles {
  return [
    { id: STYLE.purpose, name: 'Purpose', basedOn: STYLE.normal, next: STYLE.numbered, run: { italics: true }, paragraph: { spacing: { after: 160 }, keepNext: true } },
    {
      id: STYLE.numbered,
      name: 'Numbered Paragraph',
      basedOn: STYLE.normal,
      next: STYLE.numbered,
      paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { left: HANG, hanging: HANG }, numbering: { reference: NUMBERING.paragraphs, level: 0, custom: true } },
    },
    {
      id: STYLE.numberedRestricted,
      name: 'Numbered Paragraph Restricted',
      basedOn: STYLE.numbered,
      next: STYLE.numberedRestricted,
      paragraph: { border: { left: { style: 'single', size: 18, color: RESTRICTED, space: 6 } }, shading: { type: 'clear', fill: 'FFF3F3', color: 'auto' } },
    },
    { id: STYLE.body, name: 'Body Text', basedOn: STYLE.normal, next: STYLE.body, paragraph: { alignment: AlignmentType.JUSTIFIED } },
    {
      id: STYLE.bodyRestricted,
      name: 'Body Text Restricted',
      basedOn: STYLE.body,
      paragraph: { border: { left: { style: 'single', size: 18, color: RESTRICTED, space: 6 } }, shading: { type: 'clear', fill: 'FFF3F3', color: 'auto' } },
    },
    {
      id: STYLE.decision,
      name: 'Decision',
      basedOn: STYLE.normal,
      next: STYLE.decision,
      paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { left: HANG * 3, hanging: HANG }, spacing: { after: 100 }, numbering: { reference: NUMBERING.decisions, level: 0, custom: true } },
    },
    { id: STYLE.listItem, name: 'List Item', basedOn: STYLE.normal, paragraph: { alignment: AlignmentType.JUSTIFIED, spacing: { after: 80 } } },
    { id: STYLE.quote, name: 'Quote', basedOn: STYLE.normal, paragraph: { indent: { left: HANG * 2, right: HANG }, alignment: AlignmentType.JUSTIFIED } },
    { id: STYLE.code, name: 'Code', basedOn: STYLE.normal, run: { font: 'Courier New', size: 19 }, paragraph: { indent: { left: HANG }, spacing: { after: 0, line: 240 } } },
  ];
}

/** The styles of tables and of the agenda table. */
function tableStyles(): ParagraphStyles {
  return [
    { id: STYLE.tableText, name: 'Table Text', basedOn: STYLE.normal, run: { size: TABLE_TEXT_SIZE }, paragraph: { spacing: { after: 40, line: 240 } } },
    // A header row keeps with the first row under it: a table never starts with its header alone at a page's foot.
    { id: STYLE.tableHeading, name: 'Table Heading', basedOn: STYLE.tableText, run: { bold: true }, paragraph: { keepNext: true } },
    { id: STYLE.agendaText, name: 'Agenda Text', basedOn: STYLE.normal, run: { size: 22 }, paragraph: { spacing: { after: 40, line: 240 } } },
    { id: STYLE.agendaHeading, name: 'Agenda Heading', basedOn: STYLE.agendaText, run: { underline: {} }, paragraph: { keepNext: true } },
    { id: STYLE.agendaSubitem, name: 'Agenda Sub-item', basedOn: STYLE.agendaText, paragraph: { indent: { left: 397, hanging: 397 }, spacing: { after: 20 } } },
  ];
}

/** What frames the text: end stars, annex titles, tables of contents, page headers and footers. */
function frameStyles(): ParagraphStyles {
  return [
    { id: STYLE.stars, name: 'Stars', basedOn: STYLE.normal, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 240 } } },
    {
      id: STYLE.annexTitle,
      name: 'Annex Title',
      basedOn: STYLE.normal,
      next: STYLE.body,
      run: { bold: true, size: 26 },
      paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 360 }, keepNext: true, outlineLevel: 0 },
    },
    { id: STYLE.notIncluded, name: 'Not Included', basedOn: STYLE.normal, run: { italics: true }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 720 } } },
    { id: STYLE.tocHeading, name: 'TOC Heading', basedOn: STYLE.normal, next: STYLE.normal, run: { bold: true }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } },
    // The entries of a table of contents, by level: Word's own styles, which its TOC field writes (named as LibreOffice
    // names them, so a round trip through it keeps them).
    ...[1, 2, 3, 4, 5, 6].map((level) => ({
      id: `TOC${level}`,
      name: `TOC ${level}`,
      basedOn: STYLE.normal,
      next: STYLE.normal,
      paragraph: { indent: { left: (level - 1) * 425 }, spacing: { after: 60 }, tabStops: [{ type: TabStopType.RIGHT, position: TabStopPosition.MAX, leader: LeaderType.DOT }] },
    })),
    { id: STYLE.header, name: 'header', basedOn: STYLE.normal, run: { size: 20 }, paragraph: { alignment: AlignmentType.RIGHT, spacing: { after: 0 } } },
    { id: STYLE.footer, name: 'footer', basedOn: STYLE.normal, run: { size: 20 }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 0 } } },
  ];
}

/** The character styles: purpose, restricted text and label, code, links of a table of contents, annex title text. */
function characterStyles(): NonNullable<IStylesOptions['characterStyles']> {
  return [
    { id: STYLE.purposeChar, name: 'Purpose Char', run: { italics: true } },
    { id: STYLE.restrictedChar, name: 'Restricted Text', run: { color: RESTRICTED, underline: { type: 'double', color: RESTRICTED } } },
    { id: STYLE.restrictedLabel, name: 'Restricted Label', run: { color: RESTRICTED, bold: true, size: 16, allCaps: true } },
    { id: STYLE.codeChar, name: 'Code Char', run: { font: 'Courier New', size: 20 } },
    // A table of contents' entries are links in this style (the docx library's, as Word's own).
    { id: 'IndexLink', name: 'Index Link', run: {} },
    // The annex's title in capitals, as the seed and the HTML print it; the label above keeps its case.
    { id: STYLE.annexTitleText, name: 'Annex Title Text', run: { allCaps: true } },
  ];
}

/**
 * Paragraph numbers run 1..N through the report on one definition; other lists for numbered annexes and public gaps,
 * and one for each number inserted once the report is issued ("12A."), whose level text is that number alone, so Word
 * shows it as the paragraph's number and it stays out of the paragraph's text.
 */
export function numberingFor(lists: readonly { readonly reference: string; readonly start: number; readonly text?: string }[], sections = false): INumberingOptions {
  const decimal = (reference: string, start = 1, text = '%1.') => ({
    reference,
    levels: [{ level: 0, format: LevelFormat.DECIMAL, text, start, alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: HANG, hanging: HANG } } } }],
  });
  const nested = (format: (typeof LevelFormat)[keyof typeof LevelFormat], text: (level: number) => string) =>
    Array.from({ length: 9 }, (_, level) => ({
      level,
      format,
      text: text(level),
      alignment: AlignmentType.LEFT,
      style: { paragraph: { indent: { left: HANG * (level + 2), hanging: LIST_HANG } } },
    }));
  return {
    config: [
      decimal(NUMBERING.paragraphs),
      ...(sections
        ? [{ reference: NUMBERING.sections, levels: [{ level: 0, format: LevelFormat.UPPER_ROMAN, text: '%1.', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: HANG, hanging: HANG } } } }] }]
        : []),
      ...lists.map((list) => decimal(list.reference, list.start, list.text)),
      {
        reference: NUMBERING.decisions,
        levels: [{ level: 0, format: LevelFormat.BULLET, text: '-', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: HANG * 3, hanging: HANG } } } }],
      },
      {
        reference: NUMBERING.decisionsLettered,
        // No number, and no tab after it either (Word's default suffix would push the text to the next tab stop).
        levels: [{ level: 0, format: LevelFormat.NONE, text: '', suffix: LevelSuffix.NOTHING, alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: HANG * 2, hanging: 0 } } } }],
      },
      // The seed's lists are dash lists: "-", then "–" and "◦" below.
      { reference: NUMBERING.bullets, levels: nested(LevelFormat.BULLET, (l) => ['-', '–', '◦'][l % 3]!) },
      { reference: NUMBERING.ordered, levels: nested(LevelFormat.DECIMAL, (l) => `%${l + 1}.`) },
    ],
  };
}
