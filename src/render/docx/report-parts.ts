// Factories for the report's parts: cover block, agenda table, item body and annexes.

import {
  AlignmentType, BookmarkEnd, BookmarkStart, Paragraph, Tab, Table, TableCell, TableLayoutType, TableOfContents, TableRow, TextRun, WidthType, type FileChild, type ParagraphChild,
} from 'docx';
import { catalogFor } from '../../i18n/labels.js';
import { dispatch, type Flow, type Handlers, type Inline, type NumberedAnnex, type NumberedItem, type NumberedParagraph, type NumberedSubitem, type SourceRange, type TocBlock } from '../../model.js';
import { annexTocEntries, headingLevels, type TocEntry } from '../outline.js';
import { plainInlines } from '../../plain-text.js';
import { alignmentFor, blockChildren, bookmarked, fixedOrigin, headingParagraph, noBorders, tracedRuns, type Around } from './blocks.js';
import { agendaWordTable } from './agenda-table.js';
import { inlineRuns, revisionOf } from './inline.js';
import { isDeletion } from '../../number/deletions.js';
import { inlineSpan, paragraphEnd, spanAt, type Span } from './origins.js';
import { CELL_MARGINS, contentWidth, HANG, NUMBERING, STYLE } from './styles.js';
import type { WriterEnv, WriterState } from './writer.js';

/** The committee's name on the cover wraps at 14em of 12 pt, as the HTML's. */
const COMMITTEE_WIDTH = 3360;

export function coverChildren(env: WriterEnv): FileChild[] {
  const meta = env.report.meta;
  const session = env.report.profile.cover === 'session';
  const dates = env.report.facts.dates;
  const out: FileChild[] = [];
  if (meta.organization) out.push(new Paragraph({ style: STYLE.organization, children: [new TextRun(meta.organization)] }));
  // The second-language line says its language, so it is read and proofed in it.
  const other = catalogFor(meta.language).access.otherLanguage.word;
  if (meta.organization_alt) out.push(new Paragraph({ style: STYLE.organizationAlt, children: [new TextRun({ text: meta.organization_alt, language: { value: other } })] }));
  if (meta.organization_note || meta.organization_note_alt) out.push(new Paragraph({ style: STYLE.organizationNote, children: [] }));
  if (meta.organization_note) out.push(new Paragraph({ style: STYLE.organizationNote, children: [new TextRun(meta.organization_note)] }));
  if (meta.organization_note_alt) out.push(new Paragraph({ style: STYLE.organizationNote, children: [new TextRun({ text: meta.organization_note_alt, language: { value: other } })] }));
  if (out.length) out.push(new Paragraph({ children: [] }));
  const width = contentWidth(false);
  const left = Math.round(width * 0.55);
  const cell = (size: number, children: Paragraph[]) => new TableCell({ width: { size, type: WidthType.DXA }, borders: noBorders(), children });
  out.push(
    new Table({
      width: { size: width, type: WidthType.DXA },
      columnWidths: [left, width - left],
      layout: TableLayoutType.FIXED,
      borders: noBorders(),
      rows: [
        new TableRow({
          children: [
            // As narrow as the HTML's (14em): "PERMANENT TECHNICAL / COMMITTEE" on two lines, as the seed prints it.
            cell(left, [new Paragraph({ style: STYLE.committee, indent: { right: Math.max(0, left - CELL_MARGINS - COMMITTEE_WIDTH) }, children: [new TextRun(meta.committee)] })]),
            cell(width - left, [
              new Paragraph({ style: STYLE.symbol, children: [new TextRun(meta.symbol)] }),
              // A working document's cover gives its date of issue, not the session's.
              ...(session && dates !== null ? [new Paragraph({ style: STYLE.docBlock, children: [new TextRun(meta.session)] }), new Paragraph({ style: STYLE.docBlock, children: [new TextRun(dates)] })] : []),
              new Paragraph({ style: STYLE.docBlock, children: [new TextRun(env.report.facts.issued)] }),
            ]),
          ],
        }),
      ],
    }),
  );
  const heading = env.report.document?.heading;
  if (heading) out.push(new Paragraph({ style: STYLE.subtitle, spacing: { before: 360, after: 0 }, children: [new TextRun(heading)] }));
  out.push(new Paragraph({ style: STYLE.title, children: [new TextRun(env.report.facts.coverTitle)] }));
  // The agenda reference is printed as the agenda has it, not in capitals.
  out.push(new Paragraph({ style: STYLE.subtitle, children: [new TextRun({ text: env.report.facts.subtitle, ...(session ? {} : { allCaps: false, bold: false }) })] }));
  return out;
}

/**
 * The agenda table (agenda-table.ts) and the stars after it: fixed column widths, a header row repeated on every page,
 * rows that may split. `withBody` false (the agenda alone) writes the ranges as text, as there are no paragraph
 * bookmarks for fields to point at, and lists the working documents under their items.
 */
export function agendaTable(env: WriterEnv, state: WriterState, withBody = true): FileChild[] {
  return [agendaWordTable(env, state, withBody), endMark(env)];
}

/** The stars that close the agenda, the body and each annex ("*" over "* *"), from the catalogue; `state` traces the body's and annexes' (the agenda's is the cover's). */
export function endMark(env: WriterEnv, state?: WriterState): Paragraph {
  const [first, second] = catalogFor(env.report.meta.language).endMark;
  const runs = [new TextRun(first), new TextRun({ break: 1 }), new TextRun(second)];
  return new Paragraph({ style: STYLE.stars, children: state ? tracedRuns(state, fixedOrigin(null), runs) : runs });
}

export function itemChildren(env: WriterEnv, state: WriterState, item: NumberedItem, numberingFor: (p: NumberedParagraph) => string | null): FileChild[] {
  // A working document's section: its numeral is Word numbering (I., II.), so inserting a section renumbers the rest.
  // A paragraph typed right after the heading goes after its purpose line, or after the heading when it has none.
  const origin = { kind: 'heading', span: inlineSpan(item.title), range: item.range, after: item.purpose ? null : spanAt(item.range, 'end'), before: null } as const;
  const heading =
    env.report.profile.headings === 'sections'
      ? new Paragraph({ style: STYLE.item, numbering: { reference: NUMBERING.sections, level: 0 }, children: tracedRuns(state, origin, bookmarked(state, item.bookmark, inlineRuns(env, state, item.title))) })
      : new Paragraph({ style: STYLE.item, children: tracedRuns(state, origin, [...bookmarked(state, item.bookmark, [new TextRun(item.label)]), new TextRun(item.titleSeparator), ...inlineRuns(env, state, item.title)]) });
  const out: FileChild[] = [heading];
  for (const child of flowChildren(env, state, item.body, false, numberingFor, 0, OUTLINE.item)) out.push(child);
  return out;
}

/** What every top-level node of an item or annex is written with. */
interface FlowContext {
  readonly env: WriterEnv;
  readonly state: WriterState;
  /** The text width of the page: narrower for portrait, wider for landscape annexes. */
  readonly width: number;
  readonly numberingFor: (p: NumberedParagraph) => string | null;
  /** Report `###` is Heading 3; an annex's `#` is Heading 3 too (Headings 1–2 are items and sub-items). */
  readonly headingShift: number;
  /** Each heading's outline level, from the structure (see render/outline.ts). */
  readonly levels: ReadonlyMap<unknown, number>;
  /** The node before this one, to open each run of restricted paragraphs with one label. */
  readonly previous: Flow<NumberedParagraph, NumberedSubitem> | null;
  /** The whole body, for a table of contents of the headings after it. */
  readonly body: readonly Flow<NumberedParagraph, NumberedSubitem>[];
  /** The bookmark that spans what a table of contents covers (Word's TOC field lists the headings inside it). */
  readonly tocScope: TocScope | null;
}

/** A bookmark opened at a table of contents and closed at the end of what it lists. */
export interface TocScope {
  readonly name: string;
  readonly id: number;
}

const FLOW: Handlers<Flow<NumberedParagraph, NumberedSubitem>, [FlowContext], FileChild[]> = {
  // An annex's `#` headings are Heading 3 (see flowChildren's headingShift): its table of contents lists Heading 3 down.
  toc: (node, { env, state, body, tocScope, headingShift }) => tableOfContents(env, state, node, annexTocEntries(body, node), tocScope, [headingShift + 1, headingShift + node.depth]),
  // Sub-items that share their paragraphs (Item II's sixteen) keep together with the first of them, as every heading does.
  subitems: (node, { env, state }) =>
    node.subitems.map(
      (s) =>
        new Paragraph({
          style: STYLE.subitem,
          children: tracedRuns(
            state,
            { kind: 'heading', span: inlineSpan(s.title), range: s.range, after: s.purpose ? null : spanAt(s.range, 'end'), before: spanAt(s.range, 'start') },
            [...bookmarked(state, s.bookmark, [new TextRun(s.label)]), new TextRun({ children: [new Tab()] }), ...inlineRuns(env, state, s.title)],
          ),
        }),
    ),
  heading: (node, { env, state, headingShift, levels }) => [
    headingParagraph(env, state, node.depth + headingShift, node.content, node.bookmark ?? null, levels.get(node), {
      kind: 'heading',
      span: inlineSpan(node.content),
      range: node.range,
      after: spanAt(node.range, 'end'),
      before: spanAt(node.range, 'start'),
    }),
  ],
  loose: (node, { env, state, width }) => {
    const around: Around = { after: spanAt(node.range, 'end'), before: spanAt(node.range, 'start') };
    return [
      ...(node.restricted ? [restrictedLabel(state, catalogFor(env.report.meta.language).restricted, node.range, { after: null, before: around.before })] : []),
      ...blockChildren(env, state, [node.block], { textStyle: node.restricted ? STYLE.bodyRestricted : STYLE.body, width, level: 0, around }),
    ];
  },
  paragraph: (node, { env, state, width, numberingFor, previous }) => {
    const list = numberingFor(node);
    if (node.number !== null) state.log.near = node;
    const style = list ? (node.restricted ? STYLE.numberedRestricted : STYLE.numbered) : node.restricted ? STYLE.bodyRestricted : STYLE.body;
    // Restricted paragraphs are said so in words, not only by their border: one label opens each run of them.
    const label = node.restricted && !(previous?.type === 'paragraph' && previous.restricted) ? [restrictedLabel(state, catalogFor(env.report.meta.language).restricted, node.range)] : [];
    const runs = inlineRuns(env, state, node.content);
    // What is typed after the paragraph, or after anything that belongs to it, goes after its lists, tables and decisions.
    const end: Span = { file: node.range.file, start: paragraphEnd(node), end: paragraphEnd(node) };
    const around: Around = { after: end, before: null };
    // The line a deleted issued paragraph leaves ("[Deleted]") is acta's own text, as a label is: no source holds it.
    const origin = node.vacated ? fixedOrigin(node.range, around) : ({ kind: 'paragraph', span: inlineSpan(node.content), range: node.range, after: end, before: spanAt(node.range, 'start'), paragraph: node } as const);
    return [
      ...label,
      new Paragraph({
        style,
        // The phrase that opens a decision list keeps with its first decision.
        ...(node.decisions ? { keepNext: true } : {}),
        ...alignmentFor(node.content),
        // The style carries the report's numbering; a paragraph names a list only to restart it (annexes, public gaps).
        ...(list && list !== NUMBERING.paragraphs ? { numbering: { reference: list, level: 0, custom: true } } : {}),
        // Deleted whole: its paragraph mark too, so Word's Accept takes the paragraph away and the numbers close up.
        ...(node.deleted ? { run: { deletion: deletionOf(env, state, node.content) } } : {}),
        children: tracedRuns(state, origin, node.bookmark ? bookmarked(state, node.bookmark, runs) : runs),
      }),
      ...blockChildren(env, state, node.blocks, { textStyle: STYLE.body, width: width - 567, level: 0, around }),
      ...(node.decisions ?? []).flatMap((d, i, all) => [
        // A decision the author lettered keeps the Decision style (the round trip knows decisions by it), without its dash.
        new Paragraph({
          style: STYLE.decision,
          // The last decision keeps with the one before: a list never ends alone on a page of its own.
          ...(i === all.length - 2 && d.blocks.length === 0 ? { keepNext: true } : {}),
          ...(d.lettered ? { numbering: { reference: NUMBERING.decisionsLettered, level: 0, custom: true }, indent: { left: HANG * 2, hanging: 0 } } : {}),
          ...alignmentFor(d.content),
          ...(node.deleted || (d.id === undefined && isDeletion(d.content)) ? { run: { deletion: deletionOf(env, state, d.content) } } : {}),
          children: tracedRuns(state, { kind: 'decision', span: inlineSpan(d.content), range: d.range, item: d.range, ...around }, inlineRuns(env, state, d.content)),
        }),
        ...blockChildren(env, state, d.blocks, { textStyle: STYLE.body, width: width - 1701, level: 1, around }),
      ]),
    ];
  },
};

export function flowChildren(
  env: WriterEnv,
  state: WriterState,
  body: readonly Flow<NumberedParagraph, NumberedSubitem>[],
  landscape: boolean,
  numberingFor: (p: NumberedParagraph) => string | null,
  headingShift = 0,
  /** The outline level of the body's own heading (the item's, the annex title's). */
  parent: number = OUTLINE.item,
  tocScope: TocScope | null = null,
): FileChild[] {
  const ctx = { env, state, width: contentWidth(landscape), numberingFor, headingShift, levels: headingLevels(body, parent, 9), body, tocScope };
  return body.flatMap((node, i) => dispatch(FLOW, node, { ...ctx, previous: body[i - 1] ?? null }));
}

/**
 * A table of contents: its title, and Word's TOC field written with its entries (each a link to its heading), so it
 * reads right in every reader before any update; Word fills in the page numbers when it updates the field, and lists
 * only the headings inside the scope's bookmark (the annex's or the document's), of the heading styles given (Heading 1
 * down for a document's sections, Heading 3 down for an annex's `#` headings).
 */
export function tableOfContents(env: WriterEnv, state: WriterState, toc: TocBlock, entries: readonly TocEntry[], scope: TocScope | null, styles: readonly [number, number]): FileChild[] {
  const title = toc.title ? inlineRuns(env, state, toc.title) : [new TextRun(catalogFor(env.report.meta.language).tableOfContents)];
  const [firstStyle, last] = [styles[0], Math.min(9, styles[1])];
  return [
    new Paragraph({ style: STYLE.tocHeading, keepNext: true, children: [...title, ...(scope ? [new BookmarkStart(scope.name, scope.id) as ParagraphChild] : [])] }),
    new TableOfContents(catalogFor(env.report.meta.language).tableOfContents, {
      hyperlink: true,
      headingStyleRange: `${firstStyle}-${last}`,
      ...(scope ? { entriesFromBookmark: scope.name } : {}),
      beginDirty: false,
      cachedEntries: entries.map((entry) => ({ title: `${entry.label ? `${entry.label} ` : ''}${plainInlines(env.report, entry.content)}`, level: entry.level, href: entry.bookmark })),
    }),
  ];
}

/** Outline levels: items and annex titles 1, sub-items 2, headings below them from the structure. */
const OUTLINE = { item: 1, annex: 1 } as const;

/** The paragraph-mark deletion of a paragraph deleted whole: by whom and when its first deletion says. */
function deletionOf(env: WriterEnv, state: WriterState, content: readonly Inline[]): { id: number; author: string; date: string } {
  const first = content.find((n) => n.type === 'del');
  const by = first?.type === 'del' ? first.by : undefined;
  return revisionOf(env, state, by);
}

function restrictedLabel(state: WriterState, text: string, range: SourceRange, around?: Around): Paragraph {
  return new Paragraph({ style: STYLE.bodyRestricted, keepNext: true, children: tracedRuns(state, fixedOrigin(range, around), [new TextRun({ text, style: STYLE.restrictedLabel })]) });
}

function restrictedAnnexLabel(state: WriterState, text: string, range: SourceRange): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: 0, after: 360 }, children: tracedRuns(state, fixedOrigin(range), [new TextRun({ text, style: STYLE.restrictedLabel })]) });
}

export function annexChildren(env: WriterEnv, state: WriterState, annex: NumberedAnnex, numberingFor: (p: NumberedParagraph) => string | null): FileChild[] {
  const landscape = annex.orientation === 'landscape';
  const bookmark = annex.bookmark;
  state.log.annex = annex.label;
  state.log.near = null;
  if (annex.title === null || (env.report.public && annex.visibility === 'restricted')) {
    return [new Paragraph({ style: STYLE.notIncluded, children: tracedRuns(state, fixedOrigin(annex.range), bookmarked(state, bookmark, [new TextRun(annex.notIncluded)])) })];
  }
  // The heading block of every edition: "Annex II" over the title and, in a full edition, "Restricted" under a restricted annex's.
  const restricted = annex.visibility === 'restricted' ? [restrictedAnnexLabel(state, catalogFor(env.report.meta.language).restricted, annex.range)] : [];
  // A table of contents covers the annex to its end mark: the bookmark Word's TOC field is limited to.
  const scope = annex.body.some((node) => node.type === 'toc') ? { name: `_Toc_${bookmark}`.slice(0, 40), id: state.nextBookmarkId++ } : null;
  const end = annex.body.length ? [closeScope(endMark(env, state), scope)] : [];
  return [
    new Paragraph({
      style: STYLE.annexTitle,
      children: tracedRuns(state, fixedOrigin(annex.range), [...bookmarked(state, bookmark, [new TextRun(annex.label)]), new TextRun({ break: 1 }), new TextRun({ text: annex.title, style: STYLE.annexTitleText })]),
    }),
    ...restricted,
    ...flowChildren(env, state, annex.body, landscape, numberingFor, 2, OUTLINE.annex, scope),
    ...end,
  ];
}

/** Ends a table of contents' scope on the paragraph that closes what it lists. */
export function closeScope(last: Paragraph, scope: TocScope | null): Paragraph {
  if (scope) last.addChildElement(new BookmarkEnd(scope.id));
  return last;
}

