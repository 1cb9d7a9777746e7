// What moved between two numberings of one report: each paragraph's number before and now (moved, inserted,
// deleted), each reference that prints something else, each agenda range and each decision id that changed.
// Both sides are the report's data (its JSON), so an older copy, a git revision and an earlier build's JSON compare
// alike.

import { catalogFor, type Language } from '../i18n/labels.js';
import type { NumberedReport } from '../model.js';
import { likeness } from '../number/fingerprints.js';
import { pairEntries } from '../number/pair-entries.js';
import { decisionRecords, reportData, type DecisionRecord } from '../render/json/render-json.js';
import { visitTree } from '../walk.js';

type Printed = number | string;

/** One side of the comparison: a report's numbering as its data gives it. */
export interface Numbering {
  readonly symbol: string;
  readonly paragraphs: readonly { readonly number: Printed; readonly id: string | null; readonly item: string; readonly text: string }[];
  readonly items: readonly { readonly id: string | null; readonly numeral: string; readonly range: string; readonly subitems: readonly { readonly id: string | null; readonly letter: string; readonly range: string }[] }[];
  readonly decisions: readonly { readonly stable_id: string; readonly paragraph: Printed | null; readonly text: string }[];
  /** What a reference to each id prints. */
  readonly labels: Readonly<Record<string, string>>;
}

/** A reference as typed in the report now, with what it prints. */
export interface ReferenceUse {
  readonly id: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** The paragraph it is in, when it is in a numbered one. */
  readonly paragraph: Printed | null;
  readonly printed: string;
}

export interface Renumbering {
  readonly symbol: string;
  readonly paragraphs: readonly { readonly before: Printed | null; readonly now: Printed | null; readonly change: 'moved' | 'inserted' | 'deleted'; readonly item: string }[];
  /** Paragraphs whose number did not change. */
  readonly unchanged: number;
  readonly counts: { readonly before: number; readonly now: number };
  readonly references: readonly (ReferenceUse & { readonly before: string })[];
  readonly ranges: readonly { readonly item: string; readonly before: string; readonly now: string }[];
  readonly decisions: readonly { readonly before: string; readonly now: string; readonly text: string }[];
}

/** The numbering of a numbered report (its full edition, as its JSON has it). */
export function numberingOf(report: NumberedReport): Numbering {
  return numberingOfData(reportData(report), decisionRecords(report), Object.fromEntries(Object.entries(report.targets).filter(([, t]) => !t.elsewhere).map(([id, t]) => [id, t.label])));
}

type ReportData = ReturnType<typeof reportData>;

/**
 * The numbering a report's JSON gives (an earlier build's `{symbol}.json`, and `decisions.json` beside it when
 * there is one); what references print is read back from it as the report prints labels.
 */
export function numberingOfData(data: ReportData, decisions: readonly DecisionRecord[], labels?: Readonly<Record<string, string>>): Numbering {
  const catalog = catalogFor(data.language as Language);
  const paragraphs = data.paragraphs.flatMap((p) => (p.number === null ? [] : [{ number: p.number, id: p.id, item: p.item, text: p.text }]));
  const read: Record<string, string> = {};
  if (!labels) {
    for (const item of data.items) {
      const label = `${catalog.item} ${item.numeral}`;
      if (item.id) read[item.id] = label;
      for (const s of item.subitems) if (s.id) read[s.id] = item.subitems.length === 1 ? label : `${label} (${s.letter})`;
    }
    for (const p of paragraphs) if (p.id) read[p.id] = String(p.number);
    for (const a of data.annexes) if (a.id) read[a.id] = `${catalog.annex} ${a.numeral}`;
  }
  return {
    symbol: data.symbol,
    paragraphs,
    items: data.items.map((i) => ({ id: i.id, numeral: i.numeral, range: i.range, subitems: i.subitems.map((s) => ({ id: s.id, letter: s.letter, range: s.range })) })),
    decisions: decisions.map((d) => ({ stable_id: d.stable_id, paragraph: d.paragraph, text: d.text })),
    labels: labels ?? read,
  };
}

/** Every `[](#id)` of the report's own text (a reference with words prints the words, which never move). */
export function referencesOf(report: NumberedReport): ReferenceUse[] {
  const uses: ReferenceUse[] = [];
  let paragraph: Printed | null = null;
  visitTree(report, {
    flow: (node) => {
      if (node.type === 'paragraph') paragraph = node.number ?? node.label;
    },
    inline: (node) => {
      if (node.type !== 'ref' || node.children.length > 0) return;
      const target = report.targets[node.id];
      if (!target || target.elsewhere) return;
      uses.push({ id: node.id, file: node.range.file, line: node.range.start.line, column: node.range.start.column, paragraph, printed: target.label });
    },
  });
  return uses;
}

/** Text close enough to be the same paragraph, edited. */
const ALIKE = 0.5;

export function compareNumbering(before: Numbering, now: Numbering, references: readonly ReferenceUse[]): Renumbering {
  // Without an id, the same text in the same item first ("In conclusion, the PTC:" is in every item), then anywhere.
  const key = (p: Numbering['paragraphs'][number]) => (p.id ? `#${p.id}` : `${p.item}\n${p.text}`);
  const pairs = pairEntries(before.paragraphs, now.paragraphs, {
    keyOfRecord: key,
    keyOfCurrent: key,
    textOfRecord: (p) => p.text,
    textOfCurrent: (p) => p.text,
    alike: (b, n) => b.item === n.item && likeness(b.text, n.text) >= ALIKE,
    orderMatters: true,
  });
  const paragraphs: (Renumbering['paragraphs'][number] & { order: number })[] = [];
  const kept = new Map<number, number>();
  let unchanged = 0;
  now.paragraphs.forEach((p, i) => {
    const pair = pairs[i];
    if (!pair) {
      paragraphs.push({ before: null, now: p.number, change: 'inserted', item: p.item, order: i });
      return;
    }
    kept.set(pair.record, i);
    const was = before.paragraphs[pair.record]!;
    if (String(was.number) === String(p.number)) unchanged++;
    else paragraphs.push({ before: was.number, now: p.number, change: 'moved', item: p.item, order: i });
  });
  // In the order of the report now; a deleted one right after the paragraph that came before it.
  let after = -1;
  before.paragraphs.forEach((p, i) => {
    const at = kept.get(i);
    if (at !== undefined) after = at;
    else paragraphs.push({ before: p.number, now: null, change: 'deleted', item: p.item, order: after + 0.5 });
  });
  paragraphs.sort((a, b) => a.order - b.order);

  const changedReferences = referencesWithBefore(before, references);
  const ranges = changedRanges(before, now);
  const decisions = movedDecisions(before, now);
  return { symbol: now.symbol, paragraphs: paragraphs.map(({ order: _order, ...e }) => e), unchanged, counts: { before: before.paragraphs.length, now: now.paragraphs.length }, references: changedReferences, ranges, decisions };
}

function referencesWithBefore(before: Numbering, uses: readonly ReferenceUse[]): (ReferenceUse & { readonly before: string })[] {
  return uses.flatMap((use) => {
    const was = before.labels[use.id];
    return was !== undefined && was !== use.printed ? [{ ...use, before: was }] : [];
  });
}

/** Items and sub-items found by id, else by numeral and letter; a range that reads otherwise now. */
function changedRanges(before: Numbering, now: Numbering): Renumbering['ranges'][number][] {
  const out: Renumbering['ranges'][number][] = [];
  for (const item of now.items) {
    const was = before.items.find((i) => (item.id !== null && i.id === item.id) || (item.id === null && i.numeral === item.numeral));
    if (!was) continue;
    if (was.range !== item.range) out.push({ item: item.numeral, before: was.range, now: item.range });
    for (const s of item.subitems) {
      const old = was.subitems.find((o) => (s.id !== null && o.id === s.id) || (s.id === null && o.letter === s.letter));
      // A sub-item whose range is its item's (a group that shares every paragraph) says nothing more.
      const same = old?.range === was.range && s.range === item.range;
      if (old && old.range !== s.range && item.subitems.length > 1 && !same) out.push({ item: `${item.numeral} (${s.letter})`, before: old.range, now: s.range });
    }
  }
  return out;
}

/** Decisions found by their text (in order where several read the same), whose stable id is another now. */
function movedDecisions(before: Numbering, now: Numbering): Renumbering['decisions'][number][] {
  const pairs = pairEntries(before.decisions, now.decisions, {
    keyOfRecord: (d) => d.text,
    keyOfCurrent: (d) => d.text,
    alike: (b, n) => likeness(b.text, n.text) >= ALIKE,
    orderMatters: false,
  });
  return now.decisions.flatMap((d, i) => {
    const pair = pairs[i];
    const was = pair ? before.decisions[pair.record]! : null;
    return was && was.stable_id !== d.stable_id ? [{ before: was.stable_id, now: d.stable_id, text: d.text }] : [];
  });
}
