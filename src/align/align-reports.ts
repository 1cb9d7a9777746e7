// Compares a translation with its original (docs/format.md, Translations): a pure function of the two numbered
// models. Items, sub-items and annexes are matched by id, paragraphs by order within their item or
// sub-item, so one divergence gives one message and never shifts the comparison of what follows.

import { error, formatPlace, type Diagnostic } from '../diagnostics.js';
import type { Inline, NumberedAnnex, NumberedItem, NumberedParagraph, NumberedReport, NumberedSubitem, SourceRange } from '../model.js';
import { BODY, subitemsOf, visitFlow } from '../walk.js';

export const RULE = 'translation-misaligned';

/** Every divergence of the translation from its original, each at the translation's place. */
export function alignReports(original: NumberedReport, translation: NumberedReport): Diagnostic[] {
  const out: Diagnostic[] = [];
  const items = pairUnits(original.items, translation.items, itemKey);
  reportUnpaired(out, items, 'item', (i) => `${i.label}${idNote(i.id)}`, translation.items, translation.range);
  for (const [o, t] of items.pairs) compareItems(out, o, t);

  const annexes = pairUnits(original.annexes, translation.annexes, annexKey);
  reportUnpaired(out, annexes, 'annex', (a) => `${a.label}${idNote(a.id)}`, translation.annexes, translation.range);
  for (const [o, t] of annexes.pairs) compareAnnexes(out, o, t);
  return out;
}

// ---- pairing -------------------------------------------------------------------

/** What matches a unit with its counterpart: its id, else its place (numeral, letter). */
export const itemKey = (i: NumberedItem): string => i.id ?? `#${i.numeral}`;
export const subitemKey = (s: NumberedSubitem): string => s.id ?? `(${s.letter})`;
export const annexKey = (a: NumberedAnnex): string => a.id ?? `#${a.numeral}`;

export interface AlignUnit {
  readonly id: string | null;
  readonly range: SourceRange;
}

export interface Pairing<T> {
  /** Matched units, in the translation's order (same id, or the leftovers taken in order). */
  readonly pairs: (readonly [T, T])[];
  /** Leftovers matched in order, whose ids differ. */
  readonly renamed: (readonly [T, T])[];
  readonly extra: T[];
  /** The original's units with no counterpart, with the index each had in the original. */
  readonly missing: (readonly [T, number])[];
  readonly original: readonly T[];
}

export function pairUnits<T extends AlignUnit>(original: readonly T[], translation: readonly T[], key: (u: T) => string): Pairing<T> {
  const byKey = new Map<string, T>();
  for (const o of original) if (!byKey.has(key(o))) byKey.set(key(o), o);
  const used = new Set<T>();
  const partner = new Map<T, T>();
  const leftT: T[] = [];
  for (const t of translation) {
    const o = byKey.get(key(t));
    if (o && !used.has(o)) {
      used.add(o);
      partner.set(t, o);
    } else leftT.push(t);
  }
  const leftO = original.filter((o) => !used.has(o));
  // The same number of leftovers on both sides: the ids were changed, not units added or removed.
  const renamed: (readonly [T, T])[] = [];
  const n = leftT.length === leftO.length ? leftT.length : 0;
  for (let k = 0; k < n; k++) {
    partner.set(leftT[k]!, leftO[k]!);
    renamed.push([leftO[k]!, leftT[k]!]);
  }
  const pairs = translation.flatMap((t) => (partner.has(t) ? [[partner.get(t)!, t] as const] : []));
  return {
    pairs,
    renamed,
    extra: n ? [] : leftT,
    missing: n ? [] : leftO.map((o) => [o, original.indexOf(o)] as const),
    original,
  };
}

function reportUnpaired<T extends AlignUnit>(out: Diagnostic[], p: Pairing<T>, what: string, name: (u: T) => string, translation: readonly T[], container: SourceRange): void {
  const count = (n: number) => `${n} ${what}${n === 1 ? '' : what.endsWith('x') ? 'es' : 's'}`;
  for (const [o, t] of p.renamed) {
    out.push(
      error(t.range, RULE, `Unexpected ${what} ${t.id === null ? 'without an id' : `id \`${t.id}\``}, expected ${o.id === null ? 'no id' : `id \`${o.id}\``} as its counterpart in the original (${formatPlace(o.range)}): ids are shared by both languages`),
    );
  }
  for (const t of p.extra) {
    out.push(error(t.range, RULE, `Unexpected ${name(t)} that the original does not have, expected ${count(p.original.length)} as in the original (${formatPlace(p.original.at(-1)?.range ?? container)})`));
  }
  for (const [o, index] of p.missing) {
    // Point where it should be: at the counterpart of the next matched unit, else at the last one.
    const next = p.original.slice(index + 1).map((u) => p.pairs.find(([po]) => po === u)?.[1]).find((t) => t !== undefined);
    const at = next?.range ?? translation.at(-1)?.range ?? container;
    out.push(error(at, RULE, `Unexpected ${count(translation.length)}, expected ${count(p.original.length)} as in the original: its ${name(o)} (${formatPlace(o.range)}) has no counterpart ${next ? 'before this one' : 'here'}`));
  }
}

const idNote = (id: string | null): string => (id ? ` \`{#${id}}\`` : '');

// ---- items and sub-items -------------------------------------------------------

export interface Section {
  /** The sub-items that share these paragraphs (none: the item's own paragraphs before any sub-item). */
  readonly subitems: readonly NumberedSubitem[];
  readonly paragraphs: NumberedParagraph[];
  readonly heading: SourceRange;
}

export function sectionsOf(item: NumberedItem): Section[] {
  const sections: Section[] = [{ subitems: [], paragraphs: [], heading: item.range }];
  for (const node of item.body) {
    if (node.type === 'subitems') sections.push({ subitems: node.subitems, paragraphs: [], heading: node.range });
    else if (node.type === 'paragraph' && node.label !== null) sections.at(-1)!.paragraphs.push(node);
  }
  return sections;
}

function compareItems(out: Diagnostic[], o: NumberedItem, t: NumberedItem): void {
  const oSubs = subitemsOf(o);
  const tSubs = subitemsOf(t);
  const subs = pairUnits(oSubs, tSubs, subitemKey);
  reportUnpaired(out, subs, 'sub-item', (s) => `sub-item ${s.label}${idNote(s.id)} of ${t.label}`, tSubs, t.range);
  const partner = new Map(subs.pairs.map(([os, ts]) => [ts, os]));
  const oSections = sectionsOf(o);
  const tSections = sectionsOf(t);
  compareParagraphs(out, oSections[0]!, tSections[0]!, t.label);
  for (const ts of tSections.slice(1)) {
    const first = partner.get(ts.subitems[0]!);
    const os = first && oSections.find((s) => s.subitems.includes(first));
    if (os) compareParagraphs(out, os, ts, ts.subitems.length === 1 ? ts.subitems[0]!.refLabel : `${t.label} ${ts.subitems.map((s) => s.label).join(', ')}`);
  }
}

// ---- paragraphs ------------------------------------------------------------------

function compareParagraphs(out: Diagnostic[], o: Section, t: Section, where: string): void {
  const [op, tp] = [o.paragraphs, t.paragraphs];
  const count = (n: number) => `${n} numbered paragraph${n === 1 ? '' : 's'}`;
  if (tp.length > op.length) {
    const extra = tp[op.length]!;
    const last = op.at(-1)?.range ?? o.heading;
    out.push(error(extra.range, RULE, `Unexpected paragraph ${extra.label} with no counterpart in the original, expected ${count(op.length)} in ${where} as in the original (${formatPlace(last)}): merge it with the paragraph it belongs to`));
    return;
  }
  if (tp.length < op.length) {
    const missing = op[tp.length]!;
    const at = tp.at(-1)?.range ?? t.heading;
    out.push(error(at, RULE, `Unexpected ${count(tp.length)} in ${where}, expected ${count(op.length)} as in the original: its paragraph ${missing.label} (${formatPlace(missing.range)}) has no counterpart`));
    return;
  }
  for (let k = 0; k < tp.length; k++) compareParagraph(out, op[k]!, tp[k]!);
}

interface ParagraphFacts {
  readonly refs: { readonly id: string; readonly range: SourceRange }[];
  readonly footnotes: SourceRange[];
  readonly restricted: SourceRange[];
}

function factsOf(p: NumberedParagraph): ParagraphFacts {
  const facts: ParagraphFacts = { refs: [], footnotes: [], restricted: [] };
  visitFlow([p], {
    inline: (node: Inline) => {
      if (node.type === 'ref') facts.refs.push({ id: node.id, range: node.range });
      else if (node.type === 'footnote') facts.footnotes.push(node.range);
      else if (node.type === 'restricted') facts.restricted.push(node.range);
    },
  }, BODY);
  return facts;
}

function compareParagraph(out: Diagnostic[], o: NumberedParagraph, t: NumberedParagraph): void {
  const counterpart = `its counterpart, paragraph ${o.label ?? ''} of the original (${formatPlace(o.range)})`;
  const name = `paragraph ${t.label ?? ''}`;
  if (o.id !== t.id) {
    out.push(error(t.range, RULE, `Unexpected ${t.id === null ? `${name} without an id` : `id \`${t.id}\` on ${name}`}, expected ${o.id === null ? 'no id' : `id \`${o.id}\``} as on ${counterpart}`));
  }
  const of = factsOf(o);
  const tf = factsOf(t);

  const oIds = new Set(of.refs.map((r) => r.id));
  const tIds = new Set(tf.refs.map((r) => r.id));
  if (oIds.size !== tIds.size || [...tIds].some((id) => !oIds.has(id))) {
    const stray = tf.refs.find((r) => !oIds.has(r.id));
    const list = (ids: Set<string>) => (ids.size ? [...ids].sort().map((id) => `\`${id}\``).join(', ') : 'nothing');
    out.push(error(stray?.range ?? t.range, RULE, `Unexpected references to ${list(tIds)} in ${name}, expected references to ${list(oIds)} as in ${counterpart}`));
  }

  const restricted = (p: NumberedParagraph, f: ParagraphFacts) => (p.restricted ? 'a restricted block' : f.restricted.length ? 'restricted text' : 'no restricted text');
  const [oR, tR] = [restricted(o, of), restricted(t, tf)];
  if (oR !== tR) {
    const found = tR === 'no restricted text' ? `${name} without restricted text` : `${tR} in ${name}`;
    out.push(error(tf.restricted[0] ?? t.range, RULE, `Unexpected ${found}, expected ${oR} as in ${counterpart}: the public editions must leave out the same text`));
  }

  if (of.footnotes.length !== tf.footnotes.length) {
    const at = tf.footnotes[of.footnotes.length] ?? tf.footnotes.at(-1) ?? t.range;
    const n = (k: number) => `${k} footnote${k === 1 ? '' : 's'}`;
    out.push(error(at, RULE, `Unexpected ${n(tf.footnotes.length)} in ${name}, expected ${n(of.footnotes.length)} as in ${counterpart}`));
  }

  const oD = o.decisions?.length ?? 0;
  const tD = t.decisions?.length ?? 0;
  if (oD !== tD) {
    const decisions = t.decisions ?? [];
    const at = decisions[oD]?.range ?? decisions.at(-1)?.range ?? t.range;
    const n = (k: number) => `${k} decision${k === 1 ? '' : 's'}`;
    out.push(error(at, RULE, `Unexpected ${n(tD)} after ${name}, expected ${n(oD)} as after ${counterpart}: one list item a decision in both languages`));
  }
}

// ---- annexes -----------------------------------------------------------------------

function compareAnnexes(out: Diagnostic[], o: NumberedAnnex, t: NumberedAnnex): void {
  const counterpart = `${o.label} of the original (${formatPlace(o.range)})`;
  const keys = ['visibility', 'orientation', 'numbered'] as const;
  for (const key of keys) {
    if (o[key] !== t[key]) out.push(error(t.range, RULE, `Unexpected \`${key}: ${String(t[key])}\` for ${t.label}, expected \`${key}: ${String(o[key])}\` as in ${counterpart}`));
  }
  if (o.numbered && t.numbered) {
    const paragraphs = (a: NumberedAnnex): Section => ({ subitems: [], heading: a.range, paragraphs: a.body.filter((n): n is NumberedParagraph => n.type === 'paragraph' && n.label !== null) });
    compareParagraphs(out, paragraphs(o), paragraphs(t), t.label);
  }
}

/**
 * Both sides in one reading order: matched units side by side, a unit of one side only beside
 * nothing, where it stands (the original's order for what the translation lacks).
 */
export function mergeUnits<T>(p: Pairing<T>, translation: readonly T[]): (readonly [T | null, T | null])[] {
  const partner = new Map(p.pairs.map(([o, t]) => [t, o]));
  const missing = new Map(p.missing.map(([o, index]) => [index, o]));
  const out: (readonly [T | null, T | null])[] = [];
  let next = 0; // the next original index not yet placed
  const flushBefore = (limit: number) => {
    for (; next < limit; next++) {
      const o = missing.get(next);
      if (o) out.push([o, null]);
    }
  };
  for (const t of translation) {
    const o = partner.get(t);
    if (o) {
      const index = p.original.indexOf(o);
      flushBefore(index);
      next = Math.max(next, index + 1);
      out.push([o, t]);
    } else out.push([null, t]);
  }
  flushBefore(p.original.length);
  return out;
}
