// The plain object the HTML templates lay out: labels from the model, user content as escaped HTML.

import { catalogFor } from '../../i18n/labels.js';
import { dispatch, type Flow, type Handlers, type Inline, type NumberedAnnex, type NumberedItem, type NumberedParagraph, type NumberedReport, type NumberedSubitem, type TocBlock } from '../../model.js';
import { BODY, documentsUnder, subitemsOf, timetablesOf, visitBlocks, visitTree } from '../../walk.js';
import { annexTocEntries, documentTocEntries, headingLevels, type TocEntry } from '../outline.js';
import { h } from 'hastscript';
import { blocksToHast, hastContext, html, inlinesToHast, type HastContext } from './to-hast.js';

export interface FlowView {
  readonly isToc?: true;
  readonly isParagraph?: true;
  readonly isSubitems?: true;
  readonly isHeading?: true;
  readonly isLoose?: true;
  readonly anchor?: string | null;
  readonly number?: string | null;
  readonly html: string;
  readonly blocks?: string;
  readonly decisions?: readonly string[] | null;
  /** The author lettered the decisions ("a. took note…"): they print their letters and no dash. */
  readonly decisionsLettered?: boolean;
  readonly restricted: boolean;
  /** A paragraph a tracked change deletes whole: unnumbered, struck through. */
  readonly deleted?: boolean;
  readonly subitems?: readonly { anchor: string; label: string; title: string; purpose: string | null }[];
  readonly level?: number;
  /** A heading's Markdown depth, which its look follows (its level follows the structure). */
  readonly depth?: number;
}

export interface FootnoteView {
  readonly anchor: string;
  readonly number: number;
  /** The name of its call ("Footnote 3"), which its back link returns to. */
  readonly callName: string;
  readonly html: string;
}

export interface AnnexView {
  readonly anchor: string;
  /** Its heading: `<h1>` for an annex alone, `<h2>` (as an item) in the report. */
  readonly level: number;
  readonly headingId: string;
  readonly label: string;
  readonly header: string;
  readonly pageName: string;
  /** Null for an annex the public edition withholds. */
  readonly title: string | null;
  readonly landscape: boolean;
  readonly notIncluded: string | null;
  /** A restricted annex in the full edition: said so, in words, under its heading. */
  readonly restricted: boolean;
  readonly body: readonly FlowView[];
  readonly footnotes: readonly FootnoteView[];
}

export interface HtmlView {
  readonly lang: string;
  readonly documentTitle: string;
  readonly public: boolean;
  readonly labels: {
    readonly itemNo: string;
    readonly agendaItem: string;
    readonly paragraph: string;
    readonly publicVersion: string;
    readonly footnotes: string;
    readonly restricted: string;
    readonly restrictedStart: string;
    readonly restrictedEnd: string;
    readonly agenda: string;
    readonly backToText: string;
    /** The stars that close the agenda, the body and each annex: two lines. */
    readonly endMark: readonly [string, string];
  };
  readonly cover: {
    readonly organization: string | null;
    readonly organizationAlt: string | null;
    readonly organizationNote: string | null;
    readonly organizationNoteAlt: string | null;
    /** The language of the second-language line, for its `lang`. */
    readonly organizationAltLang: string;
    readonly committee: string;
    readonly symbol: string;
    readonly session: string;
    readonly dates: string | null;
    readonly issued: string;
    readonly title: string;
    readonly subtitle: string;
    /** A working document: the line above its title. */
    readonly heading: string | null;
    /** A working document: the subtitle is its agenda reference. */
    readonly agendaReference: boolean;
  } | null;
  readonly agenda: { readonly showRange: boolean; readonly rows: readonly AgendaRowView[]; readonly days: readonly DayView[] } | null;
  /** A working document's table of contents, after its cover. */
  readonly toc: string | null;
  readonly items: readonly ItemView[];
  readonly footnotes: readonly FootnoteView[];
  readonly annexes: readonly AnnexView[];
  /** Extra CSS for named pages: running headers of annexes and landscape pages. */
  readonly pageStyles: string;
  /** Reviewer comments are shown (full edition): the page makes room for them beside the text. */
  readonly hasComments: boolean;
}

/** A theme row across the agenda table above an item, or a day's timetable after the items. */
export interface BannerView {
  readonly title: string;
  readonly note: readonly string[];
}

export interface DayView {
  readonly title: string;
  readonly entries: readonly {
    readonly time: string;
    /** The item the line is for, when it is a lone reference to an item or sub-item: its numeral. */
    readonly numeral: string | null;
    readonly html: string;
    readonly details: string;
  }[];
}

export interface AgendaRowView {
  readonly banner: BannerView | null;
  readonly numeral: string;
  readonly anchor: string;
  readonly title: string;
  readonly purpose: string | null;
  readonly subitems: readonly { label: string; title: string; purpose: string | null; documents: readonly string[] }[];
  readonly range: string;
  /** The working documents submitted under the item ("Doc. PC0509E1a"), in the agenda alone. */
  readonly documents: readonly string[];
}

export interface ItemView {
  readonly anchor: string;
  readonly label: string;
  /** Between label and title: "Item IV – Title", "IV. Title". */
  readonly separator: string;
  readonly title: string;
  readonly purpose: string | null;
  readonly body: readonly FlowView[];
}

export interface ViewOptions {
  /** Leave out the cover, agenda table and body: an annex on its own. */
  readonly annexesOnly?: boolean;
  /** The cover and agenda table only (`acta agenda`). */
  readonly agendaOnly?: boolean;
  /** Laid out in pages for the PDF: each footnote at its call, for the paged-media engine to set at the foot of its page. */
  readonly paged?: boolean;
}

/** The view of a report (or of its agenda, or of an annex alone) the HTML and PDF templates lay out. */
export function htmlView(report: NumberedReport, options: ViewOptions = {}): HtmlView {
  const catalog = catalogFor(report.meta.language);
  const ctx = hastContext(report, options.paged === true);
  const homes = footnoteHomes(report);
  const footnotesOf = (where: string): FootnoteView[] => (options.paged ? [] : footnoteViews(ctx, homes, where));
  const showBody = !options.annexesOnly && !options.agendaOnly;
  const alone = options.annexesOnly ? report.annexes[0] : undefined;
  return {
    lang: catalog.tags.html,
    documentTitle: (alone ?? report.facts).documentTitles[report.public ? 'public' : 'full'],
    public: report.public,
    labels: viewLabels(catalog),
    cover: options.annexesOnly ? null : coverView(report),
    agenda: options.annexesOnly || !report.profile.agendaTable ? null : agendaView(ctx, options.agendaOnly === true),
    toc: !options.annexesOnly && !options.agendaOnly && report.toc ? tocHtml(ctx, report.toc, documentTocEntries(report, report.toc)) : null,
    items: showBody
      ? report.items.map((item) => ({ anchor: item.anchor, label: item.label, separator: item.titleSeparator, title: inlineHtml(ctx, item.title), purpose: item.purpose, body: flowView(ctx, item.body, ITEM_LEVEL) }))
      : [],
    footnotes: showBody ? footnotesOf('body') : [],
    annexes: options.agendaOnly ? [] : report.annexes.map((annex) => annexView(ctx, report, annex, footnotesOf(annex.anchor), alone ? 1 : ITEM_LEVEL)),
    pageStyles: pageStyles(report, !options.agendaOnly),
    hasComments: hasComments(report),
  };
}

/** Inline content as escaped HTML. */
function inlineHtml(ctx: HastContext, nodes: readonly Inline[]): string {
  return html(inlinesToHast(ctx, nodes));
}

/** Where each footnote is listed, by key: where it is first cited, after the body ('body') or at the end of its annex (its anchor). */
function footnoteHomes(report: NumberedReport): Map<string, string> {
  const home = new Map<string, string>();
  const cite = (where: (w: { annex: NumberedAnnex | null }) => string) => ({
    inline: (node: Inline, w: { annex: NumberedAnnex | null }) => {
      if (node.type === 'footnote' && !home.has(node.key)) home.set(node.key, where(w));
    },
  });
  visitTree(report, cite((w) => w.annex?.anchor ?? 'body'));
  // A footnote cited only from another footnote lives with the one that cites it.
  for (const f of report.footnotes) visitBlocks(f.blocks, cite(() => home.get(f.key) ?? 'body'), BODY);
  return home;
}

/** The footnotes listed at one place: after the body, or at the end of an annex. */
function footnoteViews(ctx: HastContext, homes: ReadonlyMap<string, string>, where: string): FootnoteView[] {
  const catalog = catalogFor(ctx.report.meta.language);
  return ctx.report.footnotes
    .filter((f) => (homes.get(f.key) ?? 'body') === where)
    .map((f) => ({ anchor: f.anchor, number: f.number, callName: catalog.access.footnoteCall(f.number), html: html(blocksToHast(ctx, f.blocks)) }));
}

/** The words the templates print around the content, in the report's language. */
function viewLabels(catalog: ReturnType<typeof catalogFor>): HtmlView['labels'] {
  return {
    itemNo: catalog.itemNo,
    agendaItem: catalog.agendaItem,
    paragraph: catalog.paragraph,
    publicVersion: catalog.publicVersion,
    footnotes: catalog.footnotes,
    restricted: catalog.restricted,
    restrictedStart: catalog.access.restrictedStart,
    restrictedEnd: catalog.access.restrictedEnd,
    agenda: catalog.contents,
    backToText: catalog.access.backToText,
    endMark: catalog.endMark,
  };
}

/** The cover's fields. */
function coverView(report: NumberedReport): NonNullable<HtmlView['cover']> {
  const meta = report.meta;
  return {
    organization: meta.organization,
    organizationAlt: meta.organization_alt,
    organizationNote: meta.organization_note,
    organizationNoteAlt: meta.organization_note_alt,
    organizationAltLang: catalogFor(meta.language).access.otherLanguage.html,
    committee: meta.committee,
    symbol: meta.symbol,
    session: report.profile.cover === 'session' ? meta.session : '',
    dates: report.facts.dates,
    issued: report.facts.issued,
    title: report.facts.coverTitle,
    subtitle: report.facts.subtitle,
    heading: report.document?.heading ?? null,
    agendaReference: report.profile.cover === 'agenda-reference',
  };
}

/** The agenda table: a row an item (the agenda alone lists the working documents under theirs), then each day's timetable. */
function agendaView(ctx: HastContext, agendaOnly: boolean): NonNullable<HtmlView['agenda']> {
  const report = ctx.report;
  const inline = (nodes: readonly Inline[]) => inlineHtml(ctx, nodes);
  return {
    showRange: report.items.some((i) => i.paragraphRange !== null),
    rows: report.items.map((item) => ({
      banner: item.banner ? { title: inline(item.banner.title), note: item.banner.note.map(inline) } : null,
      numeral: item.numeral,
      anchor: item.anchor,
      title: inline(item.title),
      purpose: item.purpose,
      subitems: subitemsOf(item).map((s) => ({ label: s.agendaLabel, title: inline(s.title), purpose: s.purpose, documents: agendaOnly ? documentsUnder(report, s.id) : [] })),
      range: item.paragraphRange?.label ?? '',
      documents: agendaOnly ? documentsUnder(report, item.id) : [],
    })),
    days: timetablesOf(report).map((day) => ({
      title: inline(day.title),
      entries: day.lines.map((line) => ({
        time: line.time,
        numeral: line.named?.item.numeral ?? null,
        html: line.named ? agendaEntryHtml(ctx, line.named) : inline(line.content),
        details: html(blocksToHast(ctx, line.details)),
      })),
    })),
  };
}

/** Whether a reviewer's comment is anywhere in the tree (a public edition has none left). */
function hasComments(report: NumberedReport): boolean {
  let found = false;
  visitTree(report, {
    inline: (node) => {
      if (node.type === 'comment' && node.body) found = true;
    },
  });
  return found;
}

type FlowNode = Flow<NumberedParagraph, NumberedSubitem>;

/** The report's title is `<h1>`, items and annexes `<h2>`, sub-items `<h3>` (the templates say so too). */
const ITEM_LEVEL = 2;

/** A table of contents: its title and a line a heading, each a link to it (in the PDF, with its page number). */
function tocHtml(ctx: HastContext, toc: TocBlock, entries: readonly TocEntry[]): string {
  const title = toc.title ? inlinesToHast(ctx, toc.title) : [{ type: 'text' as const, value: catalogFor(ctx.report.meta.language).tableOfContents }];
  return html(
    h('nav', { className: ['toc'], ariaLabel: toc.title ? undefined : catalogFor(ctx.report.meta.language).tableOfContents }, [
      h('p', { className: ['toc-title'] }, title),
      h(
        'ul',
        entries.map((entry) =>
          h('li', { className: [`toc-level-${entry.level}`] }, [h('a', { href: `#${entry.anchor}` }, [...(entry.label ? [{ type: 'text' as const, value: `${entry.label} ` }] : []), ...inlinesToHast(ctx, entry.content)])]),
        ),
      ),
    ]),
  );
}


/** A timetable line for an item or sub-item: as its agenda row prints it ("a) Title (For decision)"), a link to it. */
function agendaEntryHtml(ctx: HastContext, named: { item: NumberedItem; subitem: NumberedSubitem | null }): string {
  const { item, subitem } = named;
  const purpose = subitem ? subitem.purpose : item.purpose;
  return html([
    ...(subitem ? [h('span', { className: ['label'] }, subitem.agendaLabel)] : []),
    h('a', { className: ['ref'], href: `#${subitem ? subitem.anchor : item.anchor}` }, inlinesToHast(ctx, subitem ? subitem.title : item.title)),
    ...(purpose ? [{ type: 'text' as const, value: ' ' }, h('em', { className: ['purpose'] }, `(${purpose})`)] : []),
  ]);
}

const FLOW: Handlers<FlowNode, [HastContext, ReadonlyMap<FlowNode, number>, readonly FlowNode[]], FlowView> = {
  toc: (node, ctx, _, body) => ({ isToc: true, html: tocHtml(ctx, node, annexTocEntries(body, node)), restricted: false }),
  paragraph: (node, ctx) => ({
    isParagraph: true,
    anchor: node.anchor,
    number: node.marker,
    html: html(inlinesToHast(ctx, node.content)),
    blocks: html(blocksToHast(ctx, node.blocks)),
    decisions: node.decisions ? node.decisions.map((d) => html([...inlinesToHast(ctx, d.content), ...blocksToHast(ctx, d.blocks)])) : null,
    decisionsLettered: node.decisions?.some((d) => d.lettered) ?? false,
    restricted: node.restricted,
    deleted: node.deleted,
  }),
  subitems: (node, ctx) => ({
    isSubitems: true,
    html: '',
    restricted: false,
    subitems: node.subitems.map((s) => ({ anchor: s.anchor, label: s.label, title: html(inlinesToHast(ctx, s.title)), purpose: s.purpose })),
  }),
  heading: (node, ctx, levels) => ({ isHeading: true, anchor: node.anchor ?? null, level: levels.get(node) ?? 6, depth: node.depth, html: html(inlinesToHast(ctx, node.content)), restricted: node.restricted }),
  loose: (node, ctx) => ({ isLoose: true, html: html(blocksToHast(ctx, [node.block])), restricted: node.restricted }),
};

function flowView(ctx: HastContext, body: readonly FlowNode[], parent: number): FlowView[] {
  const levels = headingLevels(body, parent) as ReadonlyMap<FlowNode, number>;
  return body.map((node) => dispatch(FLOW, node, ctx, levels, body));
}

function annexView(ctx: HastContext, report: NumberedReport, annex: NumberedAnnex, footnotes: FootnoteView[], level: number): AnnexView {
  const excluded = report.public && annex.visibility === 'restricted';
  return {
    anchor: annex.anchor,
    level,
    headingId: `title-${annex.anchor}`,
    label: annex.label,
    header: annex.header,
    pageName: annex.anchor,
    title: annex.title,
    landscape: annex.orientation === 'landscape',
    notIncluded: excluded ? annex.notIncluded : null,
    restricted: !report.public && annex.visibility === 'restricted',
    body: excluded ? [] : flowView(ctx, annex.body, level),
    footnotes: excluded ? [] : footnotes,
  };
}

/**
 * The running header of every page but the first, from the report's facts: the report's own (its symbol, or "Annex I to
 * doc. …" when it is itself an annex) on body pages; on an annex's pages, a named page of its own, its header and, in
 * the full edition, "Restricted" for a restricted one; "Public Version" under either in a public edition. Landscape
 * annexes get their page size from their named page too.
 */
function pageStyles(report: NumberedReport, annexes: boolean): string {
  const catalog = catalogFor(report.meta.language);
  const cssString = (s: string) => `"${s.replace(/["\\\n]/g, (c) => (c === '\n' ? ' ' : `\\${c}`))}"`;
  const header = (lines: readonly string[]) => `@top-right { content: ${[...lines, ...(report.public ? [catalog.publicVersion] : [])].map(cssString).join(' "\\A" ')}; }`;
  // Page 1 is the cover, which says it all (the public mark included).
  const rules = [`@page { ${header([report.facts.runningHeader])} }`, '@page :first { @top-right { content: none; } }'];
  if (!annexes) return rules.join('\n');
  for (const annex of report.annexes) {
    // A restricted annex left out of a public edition is one line after what comes before it: no page of its own
    // (a change of named page would force one).
    if (report.public && annex.visibility === 'restricted') continue;
    const size = annex.orientation === 'landscape' ? 'A4 landscape' : 'A4';
    const restricted = !report.public && annex.visibility === 'restricted' ? [catalog.restricted] : [];
    rules.push(`@page ${annex.anchor} { size: ${size}; ${header([annex.header, ...restricted])} }`);
    rules.push(`#${annex.anchor} { page: ${annex.anchor}; }`);
  }
  return rules.join('\n');
}
