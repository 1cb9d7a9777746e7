// The numbered report and the decisions register as JSON: the stable interface for other tools.

import type { Decision, LinkRelation, NumberedReport, Range } from '../../model.js';
import { subitemsOf, timetablesOf } from '../../walk.js';
import { plainBlocks, plainInlines, tidy } from '../plain-text.js';

export interface DecisionRecord {
  readonly id: string;
  /** "PC0517E1a/I(a)/1": what a later session's link names it by. */
  readonly stable_id: string;
  readonly item: string;
  readonly subitem: string | null;
  readonly paragraph: number;
  readonly text: string;
  /** What it does to earlier decisions: `{supersedes="PC0490E1a/IV/1"}` at the end of its text. */
  readonly links: readonly { readonly relation: LinkRelation; readonly target: string }[];
}

/** The paragraphs of an item or sub-item as the JSON gives them: the printed range, its first and last numbers. */
const rangeFields = (range: Range | null) => ({ range: range?.label ?? '', first: range?.first ?? null, last: range?.last ?? null });

export function reportData(report: NumberedReport) {
  const text = (nodes: Parameters<typeof plainInlines>[1]) => tidy(plainInlines(report, nodes));
  const paragraphs = report.items.flatMap((item) =>
    item.body.flatMap((node) => {
      // Data text is the text with changes accepted: a paragraph deleted with tracking is not in it.
      if (node.type !== 'paragraph' || node.deleted) return [];
      return [
        {
          number: node.number,
          id: node.id,
          item: item.numeral,
          subitem: node.subitem,
          subitems: node.group,
          text: text(node.content),
          detail: plainBlocks(report, node.blocks),
          decisions: (node.decisions ?? []).filter((d) => d.id !== undefined).map((d) => decisionText(report, d)),
          restricted: node.restricted,
        },
      ];
    }),
  );
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
    paragraph_count: report.paragraphCount,
    items: report.items.map((item) => ({
      id: item.id,
      numeral: item.numeral,
      title: text(item.title),
      purpose: item.purpose,
      ...rangeFields(item.paragraphRange),
      subitems: subitemsOf(item).map((s) => ({
        id: s.id,
        letter: s.letter,
        title: text(s.title),
        purpose: s.purpose,
        ...rangeFields(s.paragraphRange),
      })),
      ...(item.banner ? { banner: { title: text(item.banner.title), note: item.banner.note.map(text).join(' ') } } : {}),
    })),
    // The timetables of the agenda, a day each: a line a time, the item (and sub-item) it names, or its words.
    days: timetablesOf(report).map((day) => ({
      title: text(day.title),
      entries: day.lines.map(({ named, ...line }) => ({
        time: line.time,
        item: named?.item.numeral ?? null,
        subitem: named?.subitem?.letter ?? null,
        text: named ? text(named.subitem ? named.subitem.title : named.item.title) : text(line.content),
        detail: plainBlocks(report, line.details),
      })),
    })),
    paragraphs,
    annexes: report.annexes.map((annex) => ({
      id: annex.id || null,
      numeral: annex.numeral,
      title: annex.title || null,
      visibility: annex.visibility,
      orientation: annex.orientation,
      numbered: annex.numbered,
      header: annex.header,
    })),
    // The report's working documents in this edition (docs/format.md), with the actions each asks of the committee.
    ...(document === null
      ? {
          documents: report.documents.map((d) => ({
            id: d.document!.id,
            symbol: d.meta.symbol,
            title: d.facts.title,
            item: d.document!.item,
            visibility: d.document!.visibility,
            actions: decisionRecords(d).map((a) => a.text),
          })),
        }
      : {}),
  };
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
