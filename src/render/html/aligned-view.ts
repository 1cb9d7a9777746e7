// The plain object the aligned page's template lays out: an original and its translation side by
// side, one row per unit (cover field, agenda row, heading, numbered paragraph, decision, annex),
// paired exactly as the translation check pairs them; user content as escaped HTML.

import type { Element, ElementContent } from 'hast';
import { annexKey, itemKey, mergeUnits, pairUnits, sectionsOf, subitemKey, type Section } from '../../align/align-reports.js';
import { formatPlace, type Diagnostic } from '../../diagnostics.js';
import { catalogFor } from '../../i18n/labels.js';
import type { Inline, NumberedAnnex, NumberedItem, NumberedParagraph, NumberedReport, NumberedSubitem, SourceRange } from '../../model.js';
import { insertedAfter } from '../../number/insert-labels.js';
import { subitemsOf } from '../../walk.js';
import { blocksToHast, hastContext, html, inlinesToHast, type HastContext } from './to-hast.js';

export interface AlignedCell {
  /** The number as printed ("12."), the numeral or label of a heading, null for text alone. */
  readonly number: string | null;
  readonly html: string;
  readonly restricted: boolean;
}

export interface AlignedRow {
  readonly kind: 'cover' | 'agenda' | 'item' | 'subitem' | 'paragraph' | 'decision' | 'annex';
  /** The row header: the field's name, or the unit's place in the original ("12", "II (b)"). */
  readonly header: string;
  readonly original: AlignedCell | null;
  readonly translation: AlignedCell | null;
  /** One side has no counterpart. */
  readonly gap: boolean;
  /** Both sides are there, but numbered differently. */
  readonly shifted: boolean;
  /** The divergences reported at this unit of the translation. */
  readonly problems: readonly string[];
}

export interface AlignedSection {
  readonly title: string;
  readonly rows: readonly AlignedRow[];
}

export interface AlignedSide {
  readonly lang: string;
  readonly symbol: string;
  /** "English (PC0001E1a)" */
  readonly heading: string;
}

export interface AlignedView {
  readonly lang: string;
  readonly documentTitle: string;
  readonly original: AlignedSide;
  readonly translation: AlignedSide;
  readonly labels: { readonly unit: string; readonly missing: string; readonly problems: string; readonly restricted: string };
  /** Every divergence, as `acta align` prints it. */
  readonly problems: readonly string[];
  readonly summary: string;
  readonly sections: readonly AlignedSection[];
}

const LANGUAGE_NAMES: Readonly<Record<string, string>> = { en: 'English', fr: 'Français', es: 'Español' };

/** One side of the page: its report and how to print its content. */
interface Side {
  readonly report: NumberedReport;
  readonly ctx: HastContext;
}

/** The aligned page of a translation beside its original, with the divergences the translation check found. */
export function alignedView(original: NumberedReport, translation: NumberedReport, diagnostics: readonly Diagnostic[]): AlignedView {
  const o: Side = { report: original, ctx: hastContext(original) };
  const t: Side = { report: translation, ctx: hastContext(translation) };
  const row = rowMaker(diagnostics);
  const cover = coverRows(original, translation, row);
  const items = mergeUnits(pairUnits(original.items, translation.items, itemKey), translation.items);
  const agenda: AlignedRow[] = items.map(([oi, ti]) =>
    row('agenda', (oi ?? ti)!.numeral, oi && agendaCell(o, oi), ti && agendaCell(t, ti), null),
  );
  const body: AlignedRow[] = [];
  for (const [oi, ti] of items) itemRows(o, t, oi, ti, row, body);
  const annexRows: AlignedRow[] = mergeUnits(pairUnits(original.annexes, translation.annexes, annexKey), translation.annexes).map(([oa, ta]) =>
    row('annex', (oa ?? ta)!.numeral, oa && annexCell(oa), ta && annexCell(ta), ta?.range ?? null),
  );

  const problems = diagnostics.filter((d) => d.severity === 'error').map((d) => `${formatPlace(d)}: ${d.message}`);
  const sections: AlignedSection[] = [
    { title: 'Cover', rows: cover },
    { title: 'Agenda', rows: agenda },
    { title: 'Report', rows: body },
    ...(annexRows.length ? [{ title: 'Annexes', rows: annexRows }] : []),
  ];
  return {
    lang: 'en',
    documentTitle: `${translation.meta.symbol} aligned with ${original.meta.symbol}`,
    original: alignedSide(original),
    translation: alignedSide(translation),
    labels: { unit: 'Unit', missing: 'No counterpart', problems: 'Divergences', restricted: 'Restricted' },
    problems,
    summary: summaryOf(sections.flatMap((s) => s.rows), problems.length),
    sections,
  };
}

/** Makes a row of the page from its two cells and the place of its translation unit. */
type RowOf = (kind: AlignedRow['kind'], header: string, oc: AlignedCell | null, tc: AlignedCell | null, tRange: SourceRange | null) => AlignedRow;

/** The rows' maker: a divergence is shown on the first row whose translation unit holds its place, and on no other. */
function rowMaker(diagnostics: readonly Diagnostic[]): RowOf {
  const pending = diagnostics.filter((d) => d.severity === 'error');
  const problemsAt = (range: SourceRange | null): string[] => {
    if (!range) return [];
    const found = pending.filter((d) => d.file === range.file && d.line >= range.start.line && d.line <= range.end.line);
    for (const d of found) pending.splice(pending.indexOf(d), 1);
    return found.map((d) => d.message);
  };
  return (kind, header, oc, tc, tRange) => ({
    kind,
    header,
    original: oc,
    translation: tc,
    gap: oc === null || tc === null,
    shifted: oc !== null && tc !== null && !sameNumber(oc.number, tc.number) && kind === 'paragraph',
    problems: problemsAt(tRange),
  });
}

/**
 * Whether two paragraph numbers are the same: equal, or both inserted after the same whole number, which each language
 * writes its own way ("12 bis" in French, "12A" in English).
 */
function sameNumber(a: string | null, b: string | null): boolean {
  if (a === b) return true;
  // A cell shows the number with the paragraph's marker ("12 bis.").
  const after = (n: string | null) => (n === null ? null : insertedAfter(n.replace(/\.$/, '')));
  return after(a) !== null && after(a) === after(b);
}

/** The cover's fields side by side, but those both sides leave empty. */
function coverRows(original: NumberedReport, translation: NumberedReport, row: RowOf): AlignedRow[] {
  const tFields = coverFields(translation);
  return coverFields(original).flatMap(([name, ov], index) => {
    const tv = tFields[index]![1];
    return ov === '' && tv === '' ? [] : [row('cover', name, textCell(ov), textCell(tv), null)];
  });
}

/** An item's heading row, then, when both sides have it, its sub-items and paragraphs section by section. */
function itemRows(o: Side, t: Side, oi: NumberedItem | null, ti: NumberedItem | null, row: RowOf, out: AlignedRow[]): void {
  out.push(row('item', (oi ?? ti)!.numeral, oi && headingCell(o, oi.label, oi.title), ti && headingCell(t, ti.label, ti.title), ti?.range ?? null));
  if (!oi || !ti) return; // an item of one side only: its heading row says so; its paragraphs have no counterpart to sit beside
  for (const [os, ts] of sectionPairs(oi, ti)) {
    const subRows = mergeUnits(pairUnits(os?.subitems ?? [], ts?.subitems ?? [], subitemKey), ts?.subitems ?? []);
    for (const [osub, tsub] of subRows) {
      const header = `${oi.numeral} ${(osub ?? tsub)!.label}`;
      out.push(row('subitem', header, osub && subitemCell(o, osub), tsub && subitemCell(t, tsub), tsub?.range ?? null));
    }
    paragraphRows(o, t, os?.paragraphs ?? [], ts?.paragraphs ?? [], row, out);
  }
}

/**
 * An item's sections (the paragraphs before its first sub-item, then each group of sub-items) paired: a translation's
 * section with the original's that holds the partner of its first sub-item.
 */
function sectionPairs(oi: NumberedItem, ti: NumberedItem): [Section | null, Section | null][] {
  const subs = pairUnits(subitemsOf(oi), subitemsOf(ti), subitemKey);
  const partner = new Map(subs.pairs.map(([os, ts]) => [ts, os]));
  const oSections = sectionsOf(oi);
  const tSections = sectionsOf(ti);
  const used = new Set<Section>([oSections[0]!]);
  const pairs: [Section | null, Section | null][] = [[oSections[0]!, tSections[0]!]];
  for (const ts of tSections.slice(1)) {
    const first = partner.get(ts.subitems[0]!);
    const os = first ? oSections.find((s) => s.subitems.includes(first)) ?? null : null;
    if (os) used.add(os);
    pairs.push([os, ts]);
  }
  // A group of the original with no counterpart: after the section it followed.
  for (const os of oSections) {
    if (used.has(os)) continue;
    const before = oSections[oSections.indexOf(os) - 1];
    const at = pairs.findIndex(([p]) => p === before);
    pairs.splice(at + 1, 0, [os, null]);
  }
  return pairs;
}

/** A column's heading: its language, symbol and the language tag of its cells. */
function alignedSide(r: NumberedReport): AlignedSide {
  return {
    lang: catalogFor(r.meta.language).tags.html,
    symbol: r.meta.symbol,
    heading: `${LANGUAGE_NAMES[r.meta.language] ?? r.meta.language} (${r.meta.symbol})`,
  };
}

/** "40 rows; every unit has its counterpart; no divergence." */
function summaryOf(rows: readonly AlignedRow[], problems: number): string {
  const gaps = rows.filter((r) => r.gap).length;
  return `${rows.length} rows; ${gaps === 0 ? 'every unit has its counterpart' : `${gaps} without a counterpart`}; ${problems === 0 ? 'no divergence' : `${problems} divergence${problems === 1 ? '' : 's'}`}.`;
}

/** Paragraphs matched by order, then each one's decisions by order; the longer side beside gaps. */
function paragraphRows(
  o: Side,
  t: Side,
  op: readonly NumberedParagraph[],
  tp: readonly NumberedParagraph[],
  row: RowOf,
  out: AlignedRow[],
): void {
  for (let k = 0; k < Math.max(op.length, tp.length); k++) {
    const [opar, tpar] = [op[k] ?? null, tp[k] ?? null];
    out.push(row('paragraph', (opar ?? tpar)!.label ?? '', opar && paragraphCell(o, opar), tpar && paragraphCell(t, tpar), tpar?.range ?? null));
    const [od, td] = [opar?.decisions ?? [], tpar?.decisions ?? []];
    for (let d = 0; d < Math.max(od.length, td.length); d++) {
      const [odec, tdec] = [od[d] ?? null, td[d] ?? null];
      const cell = (side: Side, dec: typeof odec, restricted: boolean) => dec && contentCell(side, null, dec.content, dec.blocks, restricted);
      out.push(row('decision', (odec ?? tdec)!.id ?? '', cell(o, odec, opar?.restricted ?? false), cell(t, tdec, tpar?.restricted ?? false), tdec?.range ?? null));
    }
  }
}

function coverFields(r: NumberedReport): [string, string][] {
  return [
    ['Organization', r.meta.organization ?? ''],
    ['Committee', r.meta.committee],
    ['Symbol', r.meta.symbol],
    ['Session', r.meta.session],
    ['Dates', r.facts.dates ?? ''],
    ['Issued', r.facts.issued],
    ['Title', r.facts.title],
    ['Subtitle', r.facts.subtitle],
  ];
}

const textCell = (value: string): AlignedCell => ({ number: null, html: html({ type: 'text', value }), restricted: false });

function agendaCell(side: Side, item: NumberedItem): AlignedCell {
  const subs = subitemsOf(item).map((s) => `${s.agendaLabel} ${html(unlink(inlinesToHast(side.ctx, s.title)))}`);
  const title = html(unlink(inlinesToHast(side.ctx, item.title)));
  const range = item.paragraphRange ? `<span class="range">${html({ type: 'text', value: item.paragraphRange.label })}</span>` : '';
  return { number: item.numeral, html: `${title}${subs.length ? `<br>${subs.join('<br>')}` : ''}${range}`, restricted: false };
}

function headingCell(side: Side, label: string, title: readonly Inline[]): AlignedCell {
  return { number: label, html: html(unlink(inlinesToHast(side.ctx, title))), restricted: false };
}

function subitemCell(side: Side, s: NumberedSubitem): AlignedCell {
  return { number: s.label, html: html(unlink(inlinesToHast(side.ctx, s.title))), restricted: false };
}

function paragraphCell(side: Side, p: NumberedParagraph): AlignedCell {
  return contentCell(side, p.marker, p.content, p.blocks, p.restricted);
}

function contentCell(side: Side, number: string | null, content: readonly Inline[], blocks: NumberedParagraph['blocks'], restricted: boolean): AlignedCell {
  return { number, html: html(unlink([...inlinesToHast(side.ctx, content), ...blocksToHast(side.ctx, blocks)])), restricted };
}

function annexCell(a: NumberedAnnex): AlignedCell {
  const facts = [a.visibility, a.orientation, a.numbered ? 'numbered' : null].filter(Boolean).join(', ');
  return { number: a.label, html: `${a.title === null ? '' : html({ type: 'text', value: a.title })} <span class="facts">(${html({ type: 'text', value: facts })})</span>`, restricted: a.visibility === 'restricted' };
}

/**
 * Both columns print content made for a page of their own: its ids and links to ids would collide
 * or point nowhere here, so ids go and internal links become their words.
 */
function unlink(nodes: readonly ElementContent[]): ElementContent[] {
  return nodes.map((node): ElementContent => {
    if (node.type !== 'element') return node;
    const { id: _id, ...properties } = node.properties;
    const children = unlink(node.children);
    const href = properties.href;
    if (node.tagName === 'a' && typeof href === 'string' && href.startsWith('#')) return { type: 'element', tagName: 'span', properties: { className: properties.className }, children } satisfies Element;
    return { ...node, properties, children };
  });
}
