// The numbering of items (or a working document's sections): numerals, letters, paragraph numbers, decision ids and
// ranges, as the plan says, with the warnings only this reading of an item can give.

import { error, warning, type Diagnostic } from '../diagnostics.js';
import type { Catalogue } from '../i18n/labels.js';
import type { Decision, Flow, Item, NumberedItem, NumberedParagraph, NumberedSubitem, Paragraph, Range, SourceRange, Subitem } from '../model.js';
import { inlineText } from '../parse/inline.js';
import type { DocumentProfile } from '../profiles.js';
import { stableDecisionId } from './decision-ids.js';
import { isDeletion } from './deletions.js';
import { heldRangeOf, SECTION_TITLE_SEPARATOR, slugOf, TITLE_SEPARATOR } from './label-forms.js';
import type { NumberPlan } from './number-plan.js';

/** An item's only sub-item is not lettered in print: the seed marks it with a circle. */
const LONE = '○';

type NumberedFlow = Flow<NumberedParagraph, NumberedSubitem>;

/** What numbering the body of one item reads: the item, its printed names, and what the whole report shares. */
interface ItemNumbering {
  readonly item: Item;
  readonly numeral: string;
  readonly label: string;
  readonly anchor: string;
  /** The item has a single sub-item, which reads as the item. */
  readonly lone: boolean;
  readonly symbol: string;
  readonly catalog: Catalogue;
  readonly plan: NumberPlan;
  readonly issued: boolean;
  readonly anchorHeadings: boolean;
  readonly diagnostics: Diagnostic[];
}

/** A stretch of paragraphs: the item's own (before any sub-item), or a group of sub-items sharing them. */
interface Span {
  readonly subitems: readonly NumberedSubitem[];
  readonly labels: readonly string[];
  readonly hasDecisions: boolean;
}

/** Items (or a working document's sections) with their numerals, letters, paragraph numbers and ranges, as the plan says. */
export function numberItems(
  source: readonly Item[],
  symbol: string,
  catalog: Catalogue,
  profile: DocumentProfile,
  plan: NumberPlan,
  issued: boolean,
  diagnostics: Diagnostic[],
  /** A table of contents lists the headings: each gets an anchor (and a bookmark) to link to, even without an id. */
  anchorHeadings = false,
): NumberedItem[] {
  const sections = profile.headings === 'sections';
  return source.map((item) => {
    const numeral = plan.numerals.get(item)!;
    const anchor = sections ? `section-${slugOf(numeral)}` : `item-${slugOf(numeral)}`;
    const label = sections ? catalog.sectionLabel(numeral) : `${catalog.item} ${numeral}`;
    checkTypedLabel(item, numeral, label, '#', diagnostics);
    const lone = item.body.reduce((n, node) => n + (node.type === 'subitems' ? node.subitems.length : 0), 0) === 1;
    const body = numberBody({ item, numeral, label, anchor, lone, symbol, catalog, plan, issued, anchorHeadings, diagnostics });
    const spans = spansOf(body);
    const all = spans.flatMap((span) => span.labels);
    checkDecisionList(item, spans, catalog, profile, diagnostics);
    return { ...item, numeral, label, titleSeparator: sections ? SECTION_TITLE_SEPARATOR : TITLE_SEPARATOR, anchor, bookmark: '', paragraphRange: heldRangeOf(all, plan.issuedRanges.get(item), plan.issuedNumbers), body: withSubitemRanges(item, body, spans, plan) };
  });
}

/** Where a paragraph sits: its item's numeral, its sub-item when its group has one, and its group's letters. */
function placeIn(numeral: string, group: readonly NumberedSubitem[] | null): { item: string; subitem: string | null; group: string[] } {
  return { item: numeral, subitem: group && group.length === 1 ? group[0]!.letter : null, group: group ? group.map((s) => s.letter) : [] };
}

/** An item's body numbered in reading order, with the numbers issued paragraphs left in their places. */
function numberBody(at: ItemNumbering): NumberedFlow[] {
  const body: NumberedFlow[] = [];
  let group: readonly NumberedSubitem[] | null = null;
  let headings = 0;
  for (const node of at.item.body) {
    body.push(...vacatedBefore(at, node, node.range, group));
    switch (node.type) {
      case 'subitems': {
        const subitems = numberSubitems(at, node.subitems);
        group = subitems;
        body.push({ type: 'subitems', subitems, range: node.range });
        break;
      }
      case 'paragraph':
        body.push(numberParagraph(at, node, placeIn(at.numeral, group)));
        break;
      case 'heading':
        if (node.id !== null) body.push({ ...node, anchor: `sec-${node.id}` });
        else body.push(at.anchorHeadings ? { ...node, anchor: `${at.anchor}-heading-${++headings}` } : node);
        break;
      default:
        body.push(node);
    }
  }
  body.push(...vacatedBefore(at, null, at.item.range, group));
  return body;
}

/** The numbers an issued paragraph left (deleted, or moved elsewhere) before a node of the body (null: at its end), each with its line. */
function vacatedBefore(at: ItemNumbering, node: Flow | null, range: SourceRange, group: readonly NumberedSubitem[] | null): NumberedParagraph[] {
  return (at.plan.vacated.get(at.item) ?? [])
    .filter((v) => v.before === node)
    .map((v): NumberedParagraph => ({
      type: 'paragraph',
      id: null,
      content: [{ type: 'text', value: v.line, range }],
      blocks: [],
      decisions: null,
      restricted: false,
      unnumbered: false,
      range,
      number: v.number,
      label: v.label,
      marker: `${v.label}.`,
      anchor: `para-${slugOf(v.label)}`,
      bookmark: null,
      ...placeIn(at.numeral, group),
      deleted: false,
      vacated: true,
      ...(v.movedTo !== null ? { movedTo: v.movedTo } : {}),
      // A number a moved paragraph left is no change of its own: the move is listed where the paragraph went.
      sinceIssue: v.since === 'deleted' ? 'deleted' : null,
    }));
}

/** A group of sub-items with their letters, labels and anchors (ranges come once the paragraphs are numbered). */
function numberSubitems(at: ItemNumbering, subitems: readonly Subitem[]): NumberedSubitem[] {
  return subitems.map((s): NumberedSubitem => {
    const letter = at.plan.letters.get(s)!;
    checkTypedLabel(s, letter, at.lone ? `${at.label} ${LONE}` : `(${letter})`, '##', at.diagnostics);
    const common = { ...s, letter, anchor: `${at.anchor}-${slugOf(letter)}`, bookmark: '', paragraphRange: null };
    return at.lone
      ? { ...common, label: LONE, agendaLabel: LONE, refLabel: at.label, alone: true }
      : { ...common, label: `(${letter})`, agendaLabel: `${letter})`, refLabel: `${at.label} (${letter})`, alone: false };
  });
}

/** A paragraph with the number the plan holds for it (none when unnumbered, or deleted with tracking) and its decisions' ids. */
function numberParagraph(at: ItemNumbering, node: Paragraph, place: ReturnType<typeof placeIn>): NumberedParagraph {
  const decisions = numberDecisions(at, node.decisions, place.subitem);
  const held = at.plan.paragraphs.get(node);
  if (!held) {
    if (node.unnumbered && !at.issued) {
      at.diagnostics.push(
        warning(node.range, 'unnumbered-draft', 'Unexpected paragraph left unnumbered with `{-}` in a report that is not issued, expected `{-}` only where a published report left a paragraph without a number (remove it to number the paragraph)'),
      );
    }
    // Unnumbered on purpose, or deleted with tracking (unnumbered, struck through, gone once accepted).
    return { ...node, number: null, label: null, marker: null, anchor: null, bookmark: null, ...place, decisions, deleted: isDeletion(node.content), vacated: false, sinceIssue: null };
  }
  return {
    ...node,
    number: held.number,
    label: held.label,
    marker: `${held.label}.`,
    anchor: `para-${slugOf(held.label)}`,
    bookmark: null,
    ...place,
    decisions,
    deleted: isDeletion(node.content),
    vacated: false,
    sinceIssue: held.since,
  };
}

/** A paragraph's decisions with their ids: the place of their list and their ordinal in it (none for one the plan skips). */
function numberDecisions(at: ItemNumbering, decisions: readonly Decision[] | null, subitem: string | null): Decision[] | null {
  if (!decisions) return null;
  const scope = subitem ? `${slugOf(at.numeral)}-${slugOf(subitem)}` : slugOf(at.numeral);
  return decisions.map((d): Decision => {
    const ordinal = at.plan.ordinals.get(d);
    if (ordinal === undefined) return { ...d };
    return { ...d, id: `${scope}-${slugOf(ordinal)}`, stableId: stableDecisionId(at.symbol, { numeral: slugOf(at.numeral), letter: subitem && slugOf(subitem), ordinal }, d.key) };
  });
}

/** The spans of a numbered body, in order: the item's own paragraphs, then each group of sub-items with those it shares. */
function spansOf(body: readonly NumberedFlow[]): Span[] {
  const spans: { readonly subitems: readonly NumberedSubitem[]; readonly labels: string[]; hasDecisions: boolean }[] = [{ subitems: [], labels: [], hasDecisions: false }];
  for (const node of body) {
    if (node.type === 'subitems') spans.push({ subitems: node.subitems, labels: [], hasDecisions: false });
    if (node.type !== 'paragraph') continue;
    const span = spans[spans.length - 1]!;
    if (node.label !== null) span.labels.push(node.label);
    if (node.decisions?.some((d) => d.id !== undefined)) span.hasDecisions = true;
  }
  return spans;
}

/** The body with each sub-item's range: a sub-item of a group covers the paragraphs the group shares. */
function withSubitemRanges(item: Item, body: readonly NumberedFlow[], spans: readonly Span[], plan: NumberPlan): NumberedFlow[] {
  const sources = item.body.flatMap((node) => (node.type === 'subitems' ? node.subitems : []));
  const numbered = body.flatMap((node) => (node.type === 'subitems' ? node.subitems : []));
  const sourceOf = new Map(numbered.map((s, i) => [s, sources[i]!] as const));
  const rangeBySub = new Map<NumberedSubitem, Range | null>(
    spans.flatMap((span) => span.subitems.map((s) => [s, heldRangeOf(span.labels, plan.issuedRanges.get(sourceOf.get(s)!), plan.issuedNumbers)] as const)),
  );
  return body.map((node) => (node.type === 'subitems' ? { ...node, subitems: node.subitems.map((s) => ({ ...s, paragraphRange: rangeBySub.get(s) ?? null })) } : node));
}

/** Once per item, and never for an item whose purpose says it decides nothing ("For information"): numbered paragraphs want a decision list. */
function checkDecisionList(item: Item, spans: readonly Span[], catalog: Catalogue, profile: DocumentProfile, diagnostics: Diagnostic[]): void {
  const informational = item.purpose !== null && catalog.informationPurposes.some((p) => p.toLowerCase() === withoutFinalDots(item.purpose!.toLowerCase()));
  const numbered = spans.some((span) => span.labels.length > 0);
  if (profile.listOf === 'decisions' && numbered && !spans.some((span) => span.hasDecisions) && !informational && !item.allow.includes('no-decisions')) {
    diagnostics.push(
      warning(item.range, 'no-decisions', `Unexpected item with numbered paragraphs but no decision list, expected a conclusion phrase followed by a list of decisions (or the purpose \`*(${catalog.informationPurposes[0]})*\` under the heading of an item that decides nothing)`),
    );
  }
}

/**
 * A label typed before a heading's title (`# Item III – Transit`) was taken out of the title by the parser, so it
 * never prints twice: one that agrees is a warning to delete it, one that disagrees an error naming both.
 */
function checkTypedLabel(heading: Item | Subitem, mark: string, printed: string, hashes: string, diagnostics: Diagnostic[]): void {
  const typed = heading.typedLabel;
  if (!typed) return;
  const title = `${hashes} ${inlineText(heading.title).trim()}`;
  if (typed.mark === mark && typed.kept) {
    diagnostics.push(warning(typed.range, 'typed-label', `Unexpected \`${typed.text}\` typed in bold or italics at the start of the heading, expected the title alone: acta prints "${printed}" itself, so as typed the label prints twice (delete it from the heading)`));
  } else if (typed.mark === mark) {
    diagnostics.push(warning(typed.range, 'typed-label', `Unexpected \`${typed.text}\` typed at the start of the heading, expected the title alone: acta prints "${printed}" itself and leaves the typed label out (write \`${title}\`)`));
  } else {
    diagnostics.push(error(typed.range, 'typed-label', `Unexpected \`${typed.text}\` typed at the start of the heading of ${printed}, expected the title alone: acta numbers headings in reading order, and this one is ${printed} (write \`${title}\`)`));
  }
}

/** A text without the dots and spaces it ends with, in linear time (a pattern anchored at the end only is not). */
function withoutFinalDots(text: string): string {
  let end = text.length;
  while (end > 0 && /[.\s]/.test(text[end - 1]!)) end--;
  return text.slice(0, end);
}
