// The plain object the HTML templates lay out: labels from the model, user content as escaped HTML.

import { catalogFor } from '../../i18n/labels.js';
import { dispatch, type Flow, type Handlers, type Inline, type NumberedAnnex, type NumberedParagraph, type NumberedReport, type NumberedSubitem } from '../../model.js';
import { BODY, documentsUnder, subitemsOf, visitBlocks, visitTree } from '../../walk.js';
import { headingLevels } from '../outline.js';
import { blocksToHast, hastContext, html, inlinesToHast, type HastContext } from './to-hast.js';

export interface FlowView {
  readonly isParagraph?: true;
  readonly isSubitems?: true;
  readonly isHeading?: true;
  readonly isLoose?: true;
  readonly anchor?: string | null;
  readonly number?: string | null;
  readonly html: string;
  readonly blocks?: string;
  readonly decisions?: readonly string[] | null;
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
  readonly title: string;
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
    readonly dates: string;
    readonly issued: string;
    readonly title: string;
    readonly subtitle: string;
    /** A working document: the line above its title. */
    readonly heading: string | null;
    /** A working document: the subtitle is its agenda reference. */
    readonly agendaReference: boolean;
  } | null;
  readonly agenda: { readonly showRange: boolean; readonly rows: readonly AgendaRowView[] } | null;
  readonly items: readonly ItemView[];
  readonly footnotes: readonly FootnoteView[];
  readonly annexes: readonly AnnexView[];
  /** Extra CSS for named pages: running headers of annexes and landscape pages. */
  readonly pageStyles: string;
}

export interface AgendaRowView {
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
}

export function htmlView(report: NumberedReport, options: ViewOptions = {}): HtmlView {
  const meta = report.meta;
  const catalog = catalogFor(meta.language);
  const ctx = hastContext(report);
  const inline = (nodes: readonly Inline[]) => html(inlinesToHast(ctx, nodes));

  // Footnotes are listed where they are first cited: after the body, or at the end of their annex.
  const home = new Map<string, string>();
  const cite = (where: (w: { annex: NumberedAnnex | null }) => string) => ({
    inline: (node: Inline, w: { annex: NumberedAnnex | null }) => {
      if (node.type === 'footnote' && !home.has(node.key)) home.set(node.key, where(w));
    },
  });
  visitTree(report, cite((w) => w.annex?.anchor ?? 'body'));
  // A footnote cited only from another footnote lives with the one that cites it.
  for (const f of report.footnotes) visitBlocks(f.blocks, cite(() => home.get(f.key) ?? 'body'), BODY);
  const footnotesOf = (where: string): FootnoteView[] =>
    report.footnotes.filter((f) => (home.get(f.key) ?? 'body') === where).map((f) => ({ anchor: f.anchor, number: f.number, callName: catalog.access.footnoteCall(f.number), html: html(blocksToHast(ctx, f.blocks)) }));

  const showBody = !options.annexesOnly && !options.agendaOnly;
  const hasParagraphs = report.items.some((i) => i.paragraphRange !== null);
  const alone = options.annexesOnly ? report.annexes[0] : undefined;
  return {
    lang: catalog.tags.html,
    documentTitle: (alone ?? report.facts).documentTitles[report.public ? 'public' : 'full'],
    public: report.public,
    labels: {
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
    },
    cover: options.annexesOnly
      ? null
      : {
          organization: meta.organization,
          organizationAlt: meta.organization_alt,
          organizationNote: meta.organization_note,
          organizationNoteAlt: meta.organization_note_alt,
          organizationAltLang: catalog.access.otherLanguage.html,
          committee: meta.committee,
          symbol: meta.symbol,
          session: report.profile.cover === 'session' ? meta.session : '',
          dates: report.facts.dates,
          issued: report.facts.issued,
          title: report.facts.coverTitle,
          subtitle: report.facts.subtitle,
          heading: report.document?.heading ?? null,
          agendaReference: report.profile.cover === 'agenda-reference',
        },
    agenda: options.annexesOnly || !report.profile.agendaTable
      ? null
      : {
          showRange: hasParagraphs,
          rows: report.items.map((item) => ({
            numeral: item.numeral,
            anchor: item.anchor,
            title: inline(item.title),
            purpose: item.purpose,
            subitems: subitemsOf(item).map((s) => ({ label: s.agendaLabel, title: inline(s.title), purpose: s.purpose, documents: options.agendaOnly ? documentsUnder(report, s.id) : [] })),
            range: item.paragraphRange?.label ?? '',
            documents: options.agendaOnly ? documentsUnder(report, item.id) : [],
          })),
        },
    items: showBody
      ? report.items.map((item) => ({ anchor: item.anchor, label: item.label, separator: report.profile.headings === 'sections' ? ' ' : ' – ', title: inline(item.title), purpose: item.purpose, body: flowView(ctx, item.body, ITEM_LEVEL) }))
      : [],
    footnotes: showBody ? footnotesOf('body') : [],
    annexes: options.agendaOnly ? [] : report.annexes.map((annex) => annexView(ctx, report, annex, footnotesOf(annex.anchor), alone ? 1 : ITEM_LEVEL)),
    pageStyles: options.agendaOnly ? '' : pageStyles(report),
  };
}

type FlowNode = Flow<NumberedParagraph, NumberedSubitem>;

/** The report's title is `<h1>`, items and annexes `<h2>`, sub-items `<h3>` (the templates say so too). */
const ITEM_LEVEL = 2;

const FLOW: Handlers<FlowNode, [HastContext, ReadonlyMap<FlowNode, number>], FlowView> = {
  paragraph: (node, ctx) => ({
    isParagraph: true,
    anchor: node.anchor,
    number: node.marker,
    html: html(inlinesToHast(ctx, node.content)),
    blocks: html(blocksToHast(ctx, node.blocks)),
    decisions: node.decisions ? node.decisions.map((d) => html([...inlinesToHast(ctx, d.content), ...blocksToHast(ctx, d.blocks)])) : null,
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
  return body.map((node) => dispatch(FLOW, node, ctx, levels));
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

/** Named pages give each annex its running header and landscape annexes their page size. */
function pageStyles(report: NumberedReport): string {
  const catalog = catalogFor(report.meta.language);
  const rules: string[] = [];
  const cssString = (s: string) => `"${s.replace(/["\\\n]/g, (c) => (c === '\n' ? ' ' : `\\${c}`))}"`;
  // "Public Version" prints once a page, at the top right, under the annex header on an annex's pages.
  const publicLine = report.public ? ` "\\A" ${cssString(catalog.publicVersion)}` : '';
  for (const annex of report.annexes) {
    // A restricted annex left out of a public edition is one line after what comes before it: no page of its own
    // (a change of named page would force one).
    if (report.public && annex.visibility === 'restricted') continue;
    const size = annex.orientation === 'landscape' ? 'A4 landscape' : 'A4';
    rules.push(`@page ${annex.anchor} { size: ${size}; @top-right { content: ${cssString(annex.header)}${publicLine}; white-space: pre; } }`);
    rules.push(`#${annex.anchor} { page: ${annex.anchor}; }`);
  }
  // Page 1 has it already, in the cover block.
  if (report.public) rules.push(`@page { @top-right { content: ${cssString(catalog.publicVersion)}; } } @page :first { @top-right { content: none; } }`);
  return rules.join('\n');
}
