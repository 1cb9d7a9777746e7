// The numbered report and the decisions register as JSON: the stable interface for other tools.

import type { Decision, LinkRelation, NumberedItem, NumberedReport, Range } from '../../model.js';
import { catalogFor } from '../../i18n/labels.js';
import { printedNumber } from '../../number/number-report.js';
import { subitemsOf, timetablesOf } from '../../walk.js';
import { plainBlocks, plainInlines, tidy } from '../../plain-text.js';

export interface DecisionRecord {
  readonly id: string;
  /** "PC0517E1a/I(a)/1": what a later session's link names it by. */
  readonly stable_id: string;
  readonly item: string;
  readonly subitem: string | null;
  /** Its paragraph's number: 12, "12A" once the report is issued, null in a paragraph left unnumbered. */
  readonly paragraph: number | string | null;
  readonly text: string;
  /** What it does to earlier decisions: `{supersedes="PC0490E1a/IV/1"}` at the end of its text. */
  readonly links: readonly { readonly relation: LinkRelation; readonly target: string }[];
}

/** The paragraphs of an item or sub-item as the JSON gives them: the printed range, its first and last numbers. */
const rangeFields = (range: Range | null) => ({ range: range?.label ?? '', first: range?.first ?? null, last: range?.last ?? null });

/** The report as data: its facts, items, timetables, paragraphs, annexes and working documents. */
export function reportData(report: NumberedReport) {
  const document = report.document;
  return {
    symbol: report.meta.symbol,
    ...(report.translationOf === undefined ? {} : { translation_of: report.translationOf }),
    // A working document: its id, title, the agenda item it is submitted under and its agenda reference.
    ...(document === null
      ? {}
      : { kind: 'document', id: document.id, title: report.facts.title, item: document.item, agenda_reference: document.agendaReference, visibility: document.visibility }),
    language: report.meta.language,
    public: report.public,
    committee: report.meta.committee,
    committee_short: report.meta.committee_short,
    session: report.meta.session,
    start: report.meta.start,
    end: report.meta.end,
    place: report.meta.place,
    issued: report.meta.issued,
    status: report.meta.status,
    paragraph_count: report.paragraphCount,
    items: report.items.map((item) => itemData(report, item)),
    days: dayData(report),
    paragraphs: paragraphData(report),
    annexes: report.annexes.map((annex) => ({
      id: annex.id,
      numeral: annex.numeral,
      title: annex.title,
      visibility: annex.visibility,
      orientation: annex.orientation,
      numbered: annex.numbered,
      header: annex.header,
    })),
    // The report's working documents in this edition (docs/format.md), with the actions each asks of the committee.
    ...(document === null ? { documents: documentData(report) } : {}),
  };
}

/** Inline content as the data's plain text. */
function plainText(report: NumberedReport, nodes: Parameters<typeof plainInlines>[1]): string {
  return tidy(plainInlines(report, nodes));
}

/** An item of the agenda: its title, purpose, paragraphs, sub-items and the banner above it. */
function itemData(report: NumberedReport, item: NumberedItem) {
  return {
    id: item.id,
    numeral: item.numeral,
    title: plainText(report, item.title),
    purpose: item.purpose,
    ...rangeFields(item.paragraphRange),
    subitems: subitemsOf(item).map((s) => ({
      id: s.id,
      letter: s.letter,
      title: plainText(report, s.title),
      purpose: s.purpose,
      ...rangeFields(s.paragraphRange),
    })),
    ...(item.banner ? { banner: { title: plainText(report, item.banner.title), note: item.banner.note.map((note) => plainText(report, note)).join(' ') } } : {}),
  };
}

/** The timetables of the agenda, a day each: a line a time, the item (and sub-item) it names, or its words. */
function dayData(report: NumberedReport) {
  return timetablesOf(report).map((day) => ({
    title: plainText(report, day.title),
    entries: day.lines.map(({ named, ...line }) => ({
      time: line.time,
      item: named?.item.numeral ?? null,
      subitem: named?.subitem?.letter ?? null,
      text: plainText(report, named ? (named.subitem ? named.subitem.title : named.item.title) : line.content),
      detail: plainBlocks(report, line.details),
    })),
  }));
}

/** Every paragraph of the items, with its number, place, text, detail and decisions. */
function paragraphData(report: NumberedReport) {
  const issued = report.issue !== null;
  const deletedLine = catalogFor(report.meta.language).issued.deleted;
  return report.items.flatMap((item) =>
    item.body.flatMap((node) => {
      // Data text is the text with changes accepted: a paragraph deleted with tracking is not in it, unless the report
      // is issued and the paragraph holds its number, which the data shows deleted, as the accepted edition prints it.
      if (node.type !== 'paragraph' || (node.deleted && !(issued && node.label !== null))) return [];
      const gone = node.deleted || node.vacated;
      return [
        {
          number: printedNumber(node),
          ...(issued ? { label: node.label, since_issue: node.sinceIssue, ...(gone ? { deleted: true } : {}) } : {}),
          id: node.id,
          item: item.numeral,
          subitem: node.subitem,
          subitems: node.group,
          text: node.deleted ? deletedLine : plainText(report, node.content),
          detail: node.deleted ? [] : plainBlocks(report, node.blocks),
          decisions: (node.decisions ?? []).filter((d) => d.id !== undefined).map((d) => decisionText(report, d)),
          restricted: node.restricted,
        },
      ];
    }),
  );
}

/** The report's working documents: id, symbol, title, item, visibility and the actions each asks of the committee. */
function documentData(report: NumberedReport) {
  return report.documents.map((d) => ({
    id: d.document!.id,
    symbol: d.meta.symbol,
    title: d.facts.title,
    item: d.document!.item,
    visibility: d.document!.visibility,
    actions: decisionRecords(d).map((a) => a.text),
  }));
}

/**
 * The corrigendum as data: each change since issue that the edition shows, with what the corrigendum says of it and,
 * for a paragraph inserted, amended or moved, its text as it now reads.
 */
export function corrigendumData(report: NumberedReport) {
  const issue = report.issue;
  const say = catalogFor(report.meta.language).issued.say;
  const paragraphs = new Map(report.items.flatMap((item) => item.body.flatMap((node) => (node.type === 'paragraph' && node.label !== null ? [[node.label, node] as const] : []))));
  const text = (label: string) => {
    const p = paragraphs.get(label)!;
    return tidy([plainInlines(report, p.content), ...plainBlocks(report, p.blocks), ...(p.decisions ?? []).map((d) => plainInlines(report, d.content))].join(' '));
  };
  const changes = (issue?.changes ?? []).flatMap((c): Record<string, unknown>[] => {
    switch (c.kind) {
      case 'range':
        return [{ kind: c.kind, item: c.item, label: c.label, before: c.before, after: c.after, says: say.range(c.label, c.before, c.after) }];
      case 'part':
        return [{ kind: c.kind, item: c.item, label: c.label, change: c.change, says: say.part(c.label, c.change) }];
      case 'deleted':
        return paragraphs.has(c.label) ? [{ kind: c.kind, item: c.item, label: c.label, says: say.deleted(c.label) }] : [];
      case 'moved':
        return paragraphs.has(c.label) ? [{ kind: c.kind, item: c.item, label: c.label, from: c.from, after: c.after, says: say.moved(c.from, c.label, c.after), text: text(c.label) }] : [];
      default:
        return paragraphs.has(c.label) ? [{ kind: c.kind, item: c.item, label: c.label, after: c.after, says: c.kind === 'inserted' ? say.inserted(c.label, c.after) : say.amended(c.label), text: text(c.label) }] : [];
    }
  });
  return { symbol: issue?.corrigendumSymbol ?? report.meta.symbol, corrigendum_of: report.meta.symbol, number: issue?.corrigendum ?? null, language: report.meta.language, public: report.public, date: report.meta.corrigendum_date ?? report.meta.issued, changes };
}

export function decisionRecords(report: NumberedReport): DecisionRecord[] {
  return report.decisions.map((d) => ({
    id: d.id,
    stable_id: d.stableId,
    item: d.item,
    subitem: d.subitem,
    paragraph: d.paragraph,
    text: decisionText(report, d.decision),
    links: d.decision.links.map((l) => ({ relation: l.relation, target: l.target })),
  }));
}

/** A decision's words: a letter the author typed before them ("a. took note…") is the list's, not the decision's. */
function decisionText(report: NumberedReport, decision: Decision): string {
  const text = tidy([plainInlines(report, decision.content), ...plainBlocks(report, decision.blocks)].join(' '));
  return decision.lettered ? text.replace(/^[a-z][.)]\s+/, '') : text;
}

export function decisionsData(report: NumberedReport) {
  return { symbol: report.meta.symbol, public: report.public, decisions: decisionRecords(report) };
}

export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
