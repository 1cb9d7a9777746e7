// The DOCX writer: the numbered model as a Word document the secretariat can keep editing.

import { commentIdToParaId, Document, Footer, Header, PageNumber, PageOrientation, Paragraph, SectionType, TextRun, type FileChild, type ISectionOptions } from 'docx';
import { catalogFor } from '../../i18n/labels.js';
import type { NumberedParagraph, NumberedReport } from '../../model.js';
import { baseParts, buildProperties, type BuildBase } from './base-part.js';
import { blockChildren, tracedRuns, type BlockContext } from './blocks.js';
import { inlineRuns } from './inline.js';
import { inlineSpan, originLog, type Origin } from './origins.js';
import { packDocx } from './pack-docx.js';
import { agendaTable, annexChildren, closeScope, coverChildren, endMark, itemChildren, tableOfContents } from './report-parts.js';
import { documentTocEntries } from '../outline.js';
import { NUMBERING, numberingFor, PAGE, STYLE, stylesFor } from './styles.js';
import type { WordComment, WriterEnv, WriterState } from './writer.js';

export interface DocxOptions {
  /** An annex on its own: no cover, agenda table or body. */
  readonly annexesOnly?: boolean;
  /** The cover and agenda table only (`acta agenda`). */
  readonly agendaOnly?: boolean;
  /** The styles part of the user's reference document (--reference-docx). */
  readonly referenceStyles?: string;
  /** What the file is and what it was built from: its build id as custom properties, and a full edition's sources. */
  readonly base?: BuildBase;
}

const FOOTNOTE_BLOCKS: BlockContext = { textStyle: STYLE.footnote, width: 8000, level: 0 };

export async function renderDocx(report: NumberedReport, options: DocxOptions = {}): Promise<Uint8Array> {
  return (await writeDocx(report, options)).bytes;
}

/** The DOCX, and where each of its paragraphs written from the Markdown came from (by its hidden bookmark). */
export async function writeDocx(report: NumberedReport, options: DocxOptions = {}): Promise<{ readonly bytes: Uint8Array; readonly origins: readonly Origin[] }> {
  const meta = report.meta;
  const catalog = catalogFor(meta.language);
  const env: WriterEnv = {
    report,
    changes: { author: report.facts.changes.author, date: `${report.facts.changes.date}T00:00:00Z` },
    footnotes: new Map(report.footnotes.map((f) => [f.key, f])),
  };
  const state: WriterState = { footnotes: new Map(), nextChangeId: 1, nextBookmarkId: 1, nextDrawingId: 1, nextListInstance: 1, citedFootnotes: new Set(), comments: [], log: originLog() };
  const lists = paragraphLists(report);
  writeFootnotes(env, state);

  const publicLine = report.public ? [catalog.publicVersion] : [];
  const sections: ISectionOptions[] = [];
  if (!options.annexesOnly) sections.push(bodySection(env, state, lists, options, publicLine));
  if (!options.agendaOnly) addAnnexSections(env, state, lists, sections, publicLine);

  // docx writes the resolved state only for threads; without any, the paragraph ids that durable ids bring let pack add it.
  const resolvedAlone = state.comments.some((c) => c.resolved) && !state.comments.some((c) => c.parentId !== undefined);
  const alone = options.annexesOnly ? report.annexes[0] : undefined;
  const title = (alone ?? report.facts).documentTitles[report.public ? 'public' : 'full'];
  const author = meta.organization ?? meta.committee;
  // The core properties are written by packDocx, which also gives them the dates and language docx cannot.
  const doc = new Document({
    styles: stylesFor(catalog.tags.word),
    numbering: numberingFor(lists.extra, report.profile.headings === 'sections'),
    footnotes: Object.fromEntries([...state.footnotes].filter(([n]) => state.citedFootnotes.has(n)).map(([n, children]) => [n, { children }])),
    // Public editions and --accept-changes builds have no comment left in the model, so no comments part.
    ...(options.base
      ? { customProperties: buildProperties(options.base) }
      : {}),
    ...(state.comments.length ? { comments: { children: commentOptions(state.comments, resolvedAlone) } } : {}),
    sections,
  });
  const bytes = await packDocx(doc, {
    date: meta.issued,
    language: catalog.tags.word,
    ...(options.referenceStyles !== undefined ? { referenceStyles: options.referenceStyles } : {}),
    ...(options.base ? { base: baseParts(options.base, state.log.origins) } : {}),
    ...(resolvedAlone ? { resolvedComments: state.comments.map((c) => ({ paraId: commentIdToParaId(c.id), done: c.resolved === true })) } : {}),
    properties: { title, subject: meta.symbol, creator: author, lastModifiedBy: author, description: report.facts.subtitle, revision: 1 },
  });
  return { bytes, origins: state.log.origins };
}

/** Writes every footnote's paragraphs into the state, logging where each came from. */
function writeFootnotes(env: WriterEnv, state: WriterState): void {
  for (const footnote of env.report.footnotes) {
    state.log.footnote = footnote.key;
    // A space between the note's number (which Word puts first) and its text, as Word writes its own notes.
    const [first, ...rest] = footnote.blocks;
    const children =
      first?.type === 'plain'
        ? [
            new Paragraph({
              style: STYLE.footnote,
              children: [new TextRun(' '), ...tracedRuns(state, { kind: 'plain', span: inlineSpan(first.content), range: first.range, after: null, before: null }, inlineRuns(env, state, first.content))],
            }),
            ...blockChildren(env, state, rest, FOOTNOTE_BLOCKS),
          ]
        : blockChildren(env, state, footnote.blocks, FOOTNOTE_BLOCKS);
    state.footnotes.set(footnote.number, children.filter((c): c is Paragraph => c instanceof Paragraph));
  }
  state.log.footnote = undefined;
}

/** A page header of these lines (an empty paragraph when there are none). */
function header(lines: readonly string[]): Header {
  return new Header({ children: lines.length ? lines.map((line) => new Paragraph({ style: STYLE.header, children: [new TextRun(line)] })) : [new Paragraph({ style: STYLE.header, children: [] })] });
}

/** The page footer: the page number. */
function footer(): Footer {
  return new Footer({ children: [new Paragraph({ style: STYLE.footer, children: [new TextRun({ children: [PageNumber.CURRENT] })] })] });
}

/** The page size and margins of a section, upright or landscape. */
function page(landscape: boolean) {
  return {
    size: { width: PAGE.width, height: PAGE.height, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
    margin: PAGE.margin,
  };
}

/** The report's first section: cover, agenda table, table of contents and items, up to the end mark. */
function bodySection(env: WriterEnv, state: WriterState, lists: ParagraphLists, options: DocxOptions, publicLine: readonly string[]): ISectionOptions {
  const report = env.report;
  const body: FileChild[] = [...coverChildren(env), ...(report.profile.agendaTable ? agendaTable(env, state, !options.agendaOnly) : [])];
  // A working document's table of contents, after its cover: it covers the document to its end mark.
  const toc = !options.agendaOnly && report.toc ? report.toc : null;
  const scope = toc ? { name: '_Toc_document', id: state.nextBookmarkId++ } : null;
  // Its sections are Heading 1, the headings in them Heading 3 and down (see report-parts' headingParagraph).
  if (toc) body.push(...tableOfContents(env, state, toc, documentTocEntries(report, toc), scope, [1, toc.depth === 1 ? 1 : toc.depth + 1]));
  if (!options.agendaOnly) for (const item of report.items) for (const child of itemChildren(env, state, item, lists.of)) body.push(child);
  if (!options.agendaOnly && report.items.length) body.push(closeScope(endMark(env, state), scope));
  // Every section names its own header and footer, so none inherits another's. The body's pages carry the report's
  // running header (as the PDF's do); page 1, the cover, only the public mark.
  return {
    properties: { page: page(false), titlePage: true },
    headers: { default: header([report.facts.runningHeader, ...publicLine]), first: header(publicLine) },
    footers: { default: footer(), first: footer() },
    children: body,
  };
}

/** Adds one section per annex (a restricted annex left out of a public edition goes at the end of the section before). */
function addAnnexSections(env: WriterEnv, state: WriterState, lists: ParagraphLists, sections: ISectionOptions[], publicLine: readonly string[]): void {
  const report = env.report;
  const catalog = catalogFor(report.meta.language);
  for (const annex of report.annexes) {
    const landscape = annex.orientation === 'landscape';
    // A restricted annex left out of a public edition is one line: at the end of what comes before it, not on a page of its own.
    const previous = sections.at(-1);
    if (report.public && annex.visibility === 'restricted' && previous) {
      for (const child of annexChildren(env, state, annex, lists.of)) (previous.children as FileChild[]).push(child);
      continue;
    }
    sections.push({
      properties: { type: SectionType.NEXT_PAGE, page: page(landscape) },
      headers: { default: header([annex.header, ...(annex.visibility === 'restricted' && !report.public ? [catalog.restricted] : []), ...publicLine]) },
      footers: { default: footer() },
      children: annexChildren(env, state, annex, lists.of),
    });
  }
}

/** The comments part's entries; durable ids when resolved comments have no thread to carry their state. */
function commentOptions(comments: readonly WordComment[], resolvedAlone: boolean) {
  return comments.map((c) => ({ id: c.id, author: c.author, initials: initials(c.author), date: new Date(c.date), children: [c.body], ...(c.parentId !== undefined ? { parentId: c.parentId } : {}), ...(c.resolved ? { resolved: true } : {}), ...(resolvedAlone ? { durableId: commentIdToParaId(c.id) } : {}) }));
}

/** "Delegate of Japan" → "DoJ": Word shows a comment's initials where there is no room for the name. */
function initials(author: string): string {
  return author.split(/\s+/).map((w) => w.charAt(0)).join('').slice(0, 9);
}

/** Which list each numbered paragraph is in, and the lists beyond the report's own. */
interface ParagraphLists {
  readonly of: (p: NumberedParagraph) => string | null;
  readonly extra: ListDefinition[];
}

interface ListDefinition {
  readonly reference: string;
  readonly start: number;
  /** The number as printed, for one inserted once the report is issued ("12A."). */
  readonly text?: string;
}

/**
 * Which Word list each numbered paragraph is in. The report's paragraphs are all one list, carried
 * by the Numbered Paragraph style; a public edition with a gap (restricted paragraphs left out)
 * restarts the list at the next number, so numbers never shift. Numbered annexes have lists of their own.
 */
function paragraphLists(report: NumberedReport): ParagraphLists {
  const lists = new Map<NumberedParagraph, string>();
  const extra: ListDefinition[] = [];
  const assign = (paragraphs: readonly NumberedParagraph[], base: string, first: string | null) => {
    let expected = 1;
    let current = first;
    for (const p of paragraphs) {
      if (p.number === null && p.marker !== null) {
        // An inserted number ("12A") is a list of its own that prints it: the report's list goes on after it.
        const reference = `${base}-${p.anchor}`;
        extra.push({ reference, start: 1, text: p.marker });
        lists.set(p, reference);
        continue;
      }
      if (p.number === null) continue;
      if (current === null || p.number !== expected) {
        current = p.number === 1 ? base : `${base}-from-${p.number}`;
        extra.push({ reference: current, start: p.number });
      }
      lists.set(p, current);
      expected = p.number + 1;
    }
  };
  const paragraphsOf = (body: readonly { type: string }[]) => body.filter((n): n is NumberedParagraph => n.type === 'paragraph');
  assign(report.items.flatMap((item) => paragraphsOf(item.body)), NUMBERING.paragraphs, NUMBERING.paragraphs);
  for (const annex of report.annexes) if (annex.numbered) assign(paragraphsOf(annex.body), `${annex.anchor}-paragraphs`, null);
  return { of: (p) => lists.get(p) ?? null, extra };
}
