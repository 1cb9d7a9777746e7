// Numbers the report once: numerals, letters, paragraph numbers, ranges, annex numerals, every label,
// HTML anchor and DOCX bookmark, and the report's facts. Renderers only print what this stage wrote.

import { closest, distance } from 'fastest-levenshtein';
import { error, formatPlace, warning, type Diagnostic, type Result } from '../diagnostics.js';
import { catalogFor, formatDate, formatDateRange, formatIssued, toRoman, type Catalogue } from '../i18n/labels.js';
import type {
  Annex, Decision, DocumentFacts, Flow, Footnote, Item, MeetingMeta, NumberedAnnex, NumberedItem, NumberedParagraph, NumberedReport, NumberedSubitem, NumberedTree,
  Inline, IssuedChange, IssuedRecord, IssueFacts, Paragraph, Range, Report, ReportFacts, SourceRange, Subitem, Target,
} from '../model.js';
import { inlineText } from '../parse/inline.js';
import { BODY, mapTree, subitemsOf, visitBlocks, visitTree, type Where } from '../walk.js';
import { SUMMARY_REPORT, WORKING_DOCUMENT, type DocumentProfile } from '../profiles.js';
import { citedFootnotes } from './cited-footnotes.js';
import { isDeletion } from './deletions.js';
import { collectTargets, indexReport } from './index-report.js';
import { stableDecisionId } from './decision-ids.js';
import { numberOf } from './insert-labels.js';
import { freshPlan, heldPlan, type NumberPlan } from './number-plan.js';
import { Bookmarks } from './bookmarks.js';

/** An item's only sub-item is not lettered in print: the seed marks it with a circle. */
const LONE = '○';

/** "07 - 12", "157 - 161", "12A - 18": the leading number of each end zero-padded to two digits, as the seed prints them. */
export function formatRange(first: number | string, last: number | string): string {
  const pad = (n: number | string) => String(n).replace(/^\d+/, (digits) => digits.padStart(2, '0'));
  return String(first) === String(last) ? pad(first) : `${pad(first)} - ${pad(last)}`;
}

/** A paragraph's number as data has it: the whole number, or an inserted one's label ("12A"); null when it has none. */
export function printedNumber(paragraph: { readonly number: number | null; readonly label: string | null }): number | string | null {
  return paragraph.number ?? paragraph.label;
}

/** A label as anchors, bookmarks and ids write it: "12 bis" → "12bis". */
export function slugOf(label: string): string {
  return label.replace(/\s+/g, '');
}

function rangeOf(labels: readonly string[]): Range | null {
  if (labels.length === 0) return null;
  const first = labels[0]!;
  const last = labels[labels.length - 1]!;
  const value = (label: string) => numberOf(label) ?? label;
  return { first: value(first), last: value(last), label: formatRange(first, last) };
}

/**
 * An issued item's or sub-item's range: the range the record holds (which a transcription keeps even where the
 * published table had a slip), each end moved only where a number inserted since issue now ends it.
 */
function heldRangeOf(labels: readonly string[], issued: string | undefined, issuedNumbers: ReadonlySet<string>): Range | null {
  const now = rangeOf(labels);
  if (now === null || !issued) return now;
  const [first = '', last = first] = issued.split(' - ').map((end) => end.trim().replace(/^0+(?=\d)/, ''));
  const ends = [issuedNumbers.has(labels[0]!) ? first : labels[0]!, issuedNumbers.has(labels[labels.length - 1]!) ? last : labels[labels.length - 1]!] as const;
  return rangeOf(ends);
}

/** The window or document title of a report or of an annex alone, in each edition. */
export function documentTitles(catalog: Catalogue, title: string): { readonly full: string; readonly public: string } {
  return { full: title, public: `${title} (${catalog.publicVersion})` };
}

/** Items (or a working document's sections) with their numerals, letters, paragraph numbers and ranges, as the plan says. */
function numberItems(
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

    let headings = 0;
    const all: string[] = [];
    /** A stretch of paragraphs: the item's own (before any sub-item), or a group of sub-items sharing them. */
    interface Span {
      readonly subitems: NumberedSubitem[];
      readonly labels: string[];
      hasDecisions: boolean;
      readonly range: SourceRange;
    }
    const own: Span = { subitems: [], labels: [], hasDecisions: false, range: item.range };
    const spans: Span[] = [own];
    let group: Span | null = null;
    const sourceOf = new Map<NumberedSubitem, Subitem>();
    const lone = item.body.reduce((n, node) => n + (node.type === 'subitems' ? node.subitems.length : 0), 0) === 1;
    const where = () => ({ item: numeral, subitem: group && group.subitems.length === 1 ? group.subitems[0]!.letter : null, group: group ? group.subitems.map((s) => s.letter) : [] });

    // A number an issued paragraph left (deleted, or moved elsewhere): its number and its line, in its place.
    const vacated = plan.vacated.get(item) ?? [];
    const vacatedBefore = (node: Flow | null, range: SourceRange): NumberedParagraph[] =>
      vacated
        .filter((v) => v.before === node)
        .map((v) => {
          const span: Span = group ?? own;
          span.labels.push(v.label);
          all.push(v.label);
          return {
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
            ...where(),
            deleted: false,
            vacated: true,
            ...(v.movedTo !== null ? { movedTo: v.movedTo } : {}),
            // A number a moved paragraph left is no change of its own: the move is listed where the paragraph went.
            sinceIssue: v.since === 'deleted' ? 'deleted' : null,
          };
        });

    const body: Flow<NumberedParagraph, NumberedSubitem>[] = item.body.flatMap((node): Flow<NumberedParagraph, NumberedSubitem>[] => {
      const before = vacatedBefore(node, node.range);
      switch (node.type) {
        case 'subitems': {
          const subitems = node.subitems.map((s): NumberedSubitem => {
            const letter = plan.letters.get(s)!;
            checkTypedLabel(s, letter, lone ? `${label} ${LONE}` : `(${letter})`, '##', diagnostics);
            const common = { ...s, letter, anchor: `${anchor}-${slugOf(letter)}`, bookmark: '', paragraphRange: null };
            const numbered: NumberedSubitem = lone
              ? { ...common, label: LONE, agendaLabel: LONE, refLabel: label }
              : { ...common, label: `(${letter})`, agendaLabel: `${letter})`, refLabel: `${label} (${letter})` };
            sourceOf.set(numbered, s);
            return numbered;
          });
          group = { subitems, labels: [], hasDecisions: false, range: node.range };
          spans.push(group);
          return [...before, { type: 'subitems', subitems, range: node.range }];
        }
        case 'paragraph': {
          const place = where();
          const span: Span = group ?? own;
          const scope = place.subitem ? `${slugOf(numeral)}-${slugOf(place.subitem)}` : slugOf(numeral);
          const decisions = node.decisions
            ? node.decisions.map((d): Decision => {
                const ordinal = plan.ordinals.get(d);
                if (ordinal === undefined) return { ...d };
                return { ...d, id: `${scope}-${slugOf(ordinal)}`, stableId: stableDecisionId(symbol, { numeral: slugOf(numeral), letter: place.subitem && slugOf(place.subitem), ordinal }, d.key) };
              })
            : null;
          if (decisions?.some((d) => d.id !== undefined)) span.hasDecisions = true;
          const held = plan.paragraphs.get(node);
          if (!held) {
            if (node.unnumbered && !issued) {
              diagnostics.push(
                warning(node.range, 'unnumbered-draft', 'Unexpected paragraph left unnumbered with `{-}` in a report that is not issued, expected `{-}` only where a published report left a paragraph without a number (remove it to number the paragraph)'),
              );
            }
            // Unnumbered on purpose, or deleted with tracking (unnumbered, struck through, gone once accepted).
            return [...before, { ...node, number: null, label: null, marker: null, anchor: null, bookmark: null, ...place, decisions, deleted: isDeletion(node.content), vacated: false, sinceIssue: null }];
          }
          span.labels.push(held.label);
          all.push(held.label);
          return [
            ...before,
            {
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
            },
          ];
        }
        case 'heading':
          if (node.id !== null) return [...before, { ...node, anchor: `sec-${node.id}` }];
          return [...before, anchorHeadings ? { ...node, anchor: `${anchor}-heading-${++headings}` } : node];
        default:
          return [...before, node];
      }
    });
    body.push(...vacatedBefore(null, item.range));

    // Ranges: each sub-item of a group covers the paragraphs the group shares.
    const rangeBySub = new Map<NumberedSubitem, Range | null>();
    for (const span of spans) for (const s of span.subitems) rangeBySub.set(s, heldRangeOf(span.labels, plan.issuedRanges.get(sourceOf.get(s)!), plan.issuedNumbers));
    const withRanges = body.map((node) =>
      node.type === 'subitems' ? { ...node, subitems: node.subitems.map((s) => ({ ...s, paragraphRange: rangeBySub.get(s) ?? null })) } : node,
    );

    // Once per item, and never for an item whose purpose says it decides nothing ("For information").
    const informational = item.purpose !== null && catalog.informationPurposes.some((p) => p.toLowerCase() === withoutFinalDots(item.purpose!.toLowerCase()));
    if (profile.listOf === 'decisions' && all.length > 0 && !spans.some((span) => span.hasDecisions) && !informational && !item.allow.includes('no-decisions')) {
      diagnostics.push(
        warning(item.range, 'no-decisions', `Unexpected item with numbered paragraphs but no decision list, expected a conclusion phrase followed by a list of decisions (or the purpose \`*(${catalog.informationPurposes[0]})*\` under the heading of an item that decides nothing)`),
      );
    }
    return { ...item, numeral, label, anchor, bookmark: '', paragraphRange: heldRangeOf(all, plan.issuedRanges.get(item), plan.issuedNumbers), body: withRanges };
  });
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

export function numberReport(report: Report): Result<NumberedReport> {
  const diagnostics: Diagnostic[] = [];
  const catalog = catalogFor(report.meta.language);
  const meta = report.meta;
  const held = report.record;
  const plan = held ? heldPlan(report.items, report.annexes, held, catalog) : freshPlan(report.items, report.annexes);
  const items = numberItems(report.items, meta.symbol, catalog, SUMMARY_REPORT, plan, meta.status === 'issued', diagnostics);
  const title = meta.title ?? catalog.summaryReport;
  const issue = held ? issueFacts(held, plan, items, meta.symbol, catalog) : null;
  const main = numberTree(report, report.footnotes, meta, SUMMARY_REPORT, { items, count: plan.count, plan, issue }, catalog, null, {
    title,
    coverTitle: title,
    subtitle: catalog.sessionsOf(meta.session, meta.committee),
    dates: formatDateRange(meta.language, meta.start, meta.end),
  });

  // Working documents: each a tree of its own, its agenda reference read off the report's numbered agenda.
  const documents = report.documents.map((document) => {
    const docMeta: MeetingMeta = { ...meta, symbol: document.meta.symbol, issued: document.meta.issued, title: document.meta.title, conclusion: document.meta.action, translation_of: null, annex_of: null, annex_numeral: null };
    const documentPlan = freshPlan(document.items, document.annexes);
    const sections = {
      items: numberItems(document.items, document.meta.symbol, catalog, WORKING_DOCUMENT, documentPlan, meta.status === 'issued', diagnostics, document.toc !== null),
      count: documentPlan.count,
      plan: documentPlan,
      issue: null,
    };
    const place = agendaPlace(document.meta.item, main.items, catalog);
    if (!place && document.meta.item !== '') {
      const ids = main.items.flatMap((i) => [i.id, ...subitemsOf(i).map((s) => s.id)]).filter((id): id is string => id !== null);
      const near = ids.length ? closest(document.meta.item, ids) : null;
      diagnostics.push(
        error(document.itemRange, 'unknown-item', `Unexpected item \`${document.meta.item}\`, expected the id of an agenda item or sub-item of the meeting${near ? ` (the closest is \`${near}\`)` : ' (set one with `{#id}` on its heading)'}`),
      );
    }
    const facts: DocumentFacts = {
      id: document.meta.id,
      item: document.meta.item,
      itemLabel: place?.label ?? '',
      agendaReference: place?.reference ?? '',
      heading: document.meta.heading,
      visibility: document.meta.visibility,
      label: catalog.documentLabel(document.meta.symbol),
    };
    const tree = numberTree(document, report.footnotes, docMeta, WORKING_DOCUMENT, sections, catalog, facts, {
      title: document.meta.title,
      coverTitle: document.meta.title.toLocaleUpperCase(catalog.tags.html),
      subtitle: facts.agendaReference,
      dates: '',
    });
    return document.toc ? { ...tree, toc: document.toc } : tree;
  });

  // Footnotes are meeting-wide: a definition no text of any document cites is probably a call lost in editing.
  const seen = new Set([main, ...documents].flatMap((t) => t.footnotes.map((f) => f.key)));
  for (const f of report.footnotes) {
    if (seen.has(f.key)) continue;
    seen.add(f.key);
    diagnostics.push(warning(f.range, 'footnote-unused', `Unexpected footnote \`[^${f.key}]\` that no text calls, expected a call \`[^${f.key}]\` where the note belongs (or no definition)`));
  }

  // Ids are unique across the meeting folder: the report, its annexes and every document.
  const trees = [main, ...documents];
  const owned = trees.map((tree) => collectTargets(tree));
  const firsts = new Map<string, SourceRange>();
  const duplicate = (id: string, range: SourceRange) => {
    const first = firsts.get(id);
    if (first) diagnostics.push(error(range, 'duplicate-id', `Unexpected duplicate id \`${id}\`, expected each id once in the meeting (already used at ${formatPlace(first)})`));
    else firsts.set(id, range);
  };
  owned.forEach(({ targets, duplicates }, i) => {
    for (const t of Object.values(targets)) duplicate(t.id, t.range);
    for (const d of duplicates) diagnostics.push(error(d.range, 'duplicate-id', `Unexpected duplicate id \`${d.id}\`, expected each id once in the meeting (already used at ${formatPlace(d.first)})`));
    const document = trees[i]!.document;
    if (document) duplicate(document.id, report.documents[i - 1]!.range);
  });

  const withExternal = trees.map((tree, i) => {
    const external: Record<string, Target> = {};
    trees.forEach((other, j) => {
      const elsewhere = { symbol: other.meta.symbol, kind: other.document ? ('document' as const) : ('report' as const) };
      const otherRestricted = other.document?.visibility === 'restricted';
      if (other.document) {
        const d = other.document;
        external[d.id] = { id: d.id, kind: 'document', label: d.label, anchor: '', bookmark: '', number: null, item: null, subitemLabel: null, restricted: otherRestricted, range: report.documents[j - 1]!.range, elsewhere };
      }
      if (j === i) return;
      const docLabel = catalog.documentLabel(other.meta.symbol);
      for (const t of Object.values(owned[j]!.targets)) {
        if (external[t.id]) continue;
        // "paragraph 4 of Doc. PC0509E1a", "Annex II to doc. PC0517E1a"; the agenda's items as the report prints them.
        const annex = t.kind === 'annex' ? other.annexes.find((a) => a.anchor === t.anchor) : undefined;
        const label =
          t.kind === 'paragraph' && t.number !== null
            ? catalog.paragraphOf(t.label, docLabel)
            : annex
              ? annex.header
              : (t.kind === 'item' || t.kind === 'subitem') && !other.document
                ? t.label
                : t.kind === 'item' && t.item
                  ? catalog.sectionOf(t.item.numeral, docLabel)
                  : `${t.label} (${docLabel})`;
        external[t.id] = { ...t, label, restricted: t.restricted || otherRestricted, elsewhere };
      }
    });
    const indexed = indexReport({ ...tree, external });
    return indexReport(absorbTypedRefWords(indexed, indexed.targets));
  });

  withExternal.forEach((tree) => checkReferences(tree, diagnostics));
  const [first, ...docs] = withExternal;
  return { value: { ...first!, documents: docs }, diagnostics };
}


/** What changed since issue, as the corrigendum lists it: the agenda's ranges, items and annexes, then each paragraph. */
function issueFacts(record: IssuedRecord, plan: NumberPlan, items: readonly NumberedItem[], symbol: string, catalog: Catalogue): IssueFacts {
  const ranges: IssuedChange[] = [];
  for (const item of items) {
    const issued = record.items.find((i) => i.numeral === item.numeral);
    if (!issued) continue;
    const now = item.paragraphRange?.label ?? '';
    if (issued.range !== now) ranges.push({ kind: 'range', item: item.numeral, label: item.label, before: issued.range, after: now });
    for (const s of subitemsOf(item)) {
      const was = issued.subitems.find((i) => i.letter === s.letter);
      const range = s.paragraphRange?.label ?? '';
      if (was && was.range !== range && s.refLabel !== item.label) ranges.push({ kind: 'range', item: item.numeral, label: s.refLabel, before: was.range, after: range });
    }
  }
  const from = new Map([...plan.paragraphs.values()].flatMap((held) => (held.from !== null ? [[held.label, held.from] as const] : [])));
  const paragraphs: IssuedChange[] = [];
  let previous: string | null = null;
  for (const item of items) {
    for (const node of item.body) {
      if (node.type !== 'paragraph' || node.label === null) continue;
      const since = node.sinceIssue;
      if (since === 'moved') paragraphs.push({ kind: 'moved', item: item.numeral, label: node.label, from: from.get(node.label) ?? '', after: previous });
      else if (since !== null) paragraphs.push({ kind: since, item: item.numeral, label: node.label, after: previous });
      previous = node.label;
    }
  }
  const corrigendum = record.corrigenda + 1;
  return { corrigendum, corrigendumSymbol: catalog.issued.corrigendumSymbol(symbol, corrigendum), changes: [...ranges, ...plan.parts, ...paragraphs] };
}

/** The agenda item or sub-item a working document is submitted under, as its cover and the report print it. */
function agendaPlace(id: string, items: readonly NumberedItem[], catalog: Catalogue): { label: string; reference: string } | null {
  for (const item of items) {
    if (item.id === id) return { label: item.label, reference: catalog.agendaReference(item.numeral, null) };
    for (const s of subitemsOf(item)) {
      // An item's only sub-item reads as its item, as the report prints it.
      if (s.id === id) return { label: s.refLabel, reference: catalog.agendaReference(item.numeral, s.refLabel === item.label ? null : s.letter) };
    }
  }
  return null;
}

interface FactsOfKind {
  readonly title: string;
  readonly coverTitle: string;
  readonly subtitle: string;
  readonly dates: string;
}

/** The rest of a tree once its items are numbered: annexes, footnotes, facts and bookmarks. */
function numberTree(
  source: { readonly annexes: readonly Annex[]; readonly range: SourceRange },
  allFootnotes: readonly Footnote[],
  meta: MeetingMeta,
  profile: DocumentProfile,
  numbered: { readonly items: NumberedItem[]; readonly count: number; readonly plan: NumberPlan; readonly issue: IssueFacts | null },
  catalog: Catalogue,
  document: DocumentFacts | null,
  kind: FactsOfKind,
): NumberedTree {
  const items = numbered.items;
  const annexes: NumberedAnnex[] = source.annexes.map((annex, index) => numberAnnex(annex, numbered.plan.annexNumerals.get(annex) ?? toRoman(index + 1), meta.symbol, catalog));
  const footnotes = citedFootnotes(allFootnotes, { items, annexes });
  const changesAuthor = meta.changes_author ?? meta.committee_short;
  const changesDate = meta.changes_date ?? meta.issued;
  const facts: ReportFacts = {
    ...kind,
    documentTitles: documentTitles(catalog, `${meta.symbol} – ${kind.title}`),
    issued: formatIssued(meta.language, meta.place, meta.issued),
    runningHeader: meta.annex_of ? catalog.annexHeader(meta.annex_numeral ?? 'I', meta.annex_of) : meta.symbol,
    changes: { author: changesAuthor, date: changesDate, label: `${changesAuthor}, ${formatDate(meta.language, changesDate)}` },
  };
  const tree = new Bookmarks().assign({ profile, meta, facts, public: false, accepted: false, items, annexes, footnotes, paragraphCount: numbered.count, issue: numbered.issue, document, documents: [], external: {}, range: source.range });
  return labelAttributions(tree, meta, facts.changes);
}

/** A change that says who made it (`{by="…" at="…"}`) gets the label the renderers print: "Delegate of Japan, 1 December 2026". */
function labelAttributions<T extends NumberedTree>(tree: T, meta: MeetingMeta, changes: ReportFacts['changes']): T {
  let found = false;
  const look = { inline: (node: Inline) => void (found ||= (node.type === 'ins' || node.type === 'del') && node.by !== undefined) };
  visitTree(tree, look);
  for (const f of tree.footnotes) visitBlocks(f.blocks, look, BODY);
  if (!found) return tree;
  return mapTree(tree, {
    inline: (node) => {
      if ((node.type !== 'ins' && node.type !== 'del') || !node.by) return [node];
      const author = node.by.author ?? changes.author;
      const date = node.by.date ?? changes.date;
      return [{ ...node, by: { ...node.by, label: `${author}, ${formatDate(meta.language, date.slice(0, 10))}` } }];
    },
  });
}

/** Every reference must point at an id of the meeting folder; public text should not point at restricted text. */
function checkReferences(tree: NumberedReport, diagnostics: Diagnostic[]): void {
  const { targets } = tree;
  const deleted = new Set<string>();
  visitTree(tree, { flow: (node) => void (node.type === 'paragraph' && node.deleted && node.id !== null && deleted.add(node.id)) });
  /** The item says `<!-- public-labels -->`: its author means the labels of the restricted things it points at to be public. */
  let allowed = false;
  const checkRef = {
    inline: (node: Inline, where: Where) => {
      if (node.type !== 'ref') return;
      const target = targets[node.id];
      if (!target && deleted.has(node.id)) {
        diagnostics.push(error(node.range, 'ref-to-deleted', `Unexpected reference to \`${node.id}\`, a paragraph a tracked change deletes (\`{--…--}\`), expected a reference to text that stays: accept or reject the deletion, or change the reference`));
      } else if (!target) {
        const ids = Object.keys(targets);
        const near = ids.length ? closest(node.id, ids) : null;
        // Only a near miss is worth suggesting: a typo, not just any id.
        const hint = near !== null && distance(node.id, near) <= Math.max(2, Math.floor(node.id.length / 3)) ? ` (did you mean \`${near}\`?)` : '';
        diagnostics.push(error(node.range, 'unknown-id', `Unexpected reference to unknown id \`${node.id}\`, expected an id set with \`{#${node.id}}\`${hint}`));
      } else if (target.restricted && target.kind !== 'annex' && !allowed && !where.restricted && !(tree.document?.visibility === 'restricted')) {
        // An annex's label is public (the public edition keeps its numeral and says it is not included): "set out at Annex I hereto".
        diagnostics.push(
          warning(node.range, 'ref-to-restricted', `Unexpected reference from public text to restricted \`${node.id}\`, expected public text to point at public content (the public version shows the label without a link; if you mean it, put \`<!-- public-labels -->\` in the item)`),
        );
      }
    },
  };
  for (const item of tree.items) {
    allowed = item.allow.includes('public-labels');
    visitTree({ items: [item], annexes: [] }, checkRef);
  }
  allowed = false;
  visitTree({ items: [], annexes: tree.annexes }, checkRef);
  for (const f of tree.footnotes) visitBlocks(f.blocks, checkRef, BODY);
}

/**
 * `Item [](#partners)` would print "Item Item V": the typed word before a reference that prints it (a whole word:
 * "sub-item" keeps its "item") is taken out, so the label prints once ("Item V", "Annex II"). A paragraph's own
 * label is its number alone, so "paragraph [](#x)" stays as typed.
 */
function absorbTypedRefWords<T extends NumberedTree>(tree: T, targets: Readonly<Record<string, { readonly label: string }>>): T {
  return mapTree(tree, {
    inlines: (nodes) =>
      nodes.flatMap((node, i): Inline[] => {
        const next = nodes[i + 1];
        if (node.type !== 'text' || next?.type !== 'ref' || next.children.length > 0) return [node];
        // The text's end only: a pattern tried along a long run of letters would take time that grows with its square.
        const tail = node.value.slice(-100);
        const typed = /(?<![\p{L}\p{N}\-\u2010])(\p{L}+)\s*$/u.exec(tail);
        const first = /^\p{L}+/u.exec(targets[next.id]?.label ?? '')?.[0];
        if (!typed || !first || typed[1]!.toLowerCase() !== first.toLowerCase()) return [node];
        const value = node.value.slice(0, node.value.length - tail.length + typed.index);
        return value === '' ? [] : [{ ...node, value }];
      }),
  });
}

function numberAnnex(annex: Annex, numeral: string, symbol: string, catalog: Catalogue): NumberedAnnex {
  const label = `${catalog.annex} ${numeral}`;
  const anchor = `annex-${slugOf(numeral)}`;
  const header = catalog.annexHeader(numeral, symbol);
  let counter = 0;
  let headings = 0;
  // A table of contents lists the annex's headings: each gets an anchor (and a bookmark) to link to, even without an id.
  const anchorHeadings = annex.body.some((node) => node.type === 'toc');
  const body = annex.body.map((node): Flow<NumberedParagraph, never> => {
    if (node.type === 'paragraph') {
      const deleted = isDeletion(node.content);
      const number = annex.numbered && !deleted ? ++counter : null;
      const paraAnchor = number !== null ? `${anchor}-para-${number}` : node.id !== null ? `${anchor}-${node.id}` : null;
      return {
        ...(node as Paragraph),
        number,
        label: number !== null ? String(number) : null,
        marker: number !== null ? `${number}.` : null,
        anchor: paraAnchor,
        bookmark: null,
        item: null,
        subitem: null,
        group: [],
        deleted,
        vacated: false,
        sinceIssue: null,
        decisions: null,
      };
    }
    if (node.type === 'heading' && node.id !== null) return { ...node, anchor: `sec-${node.id}` };
    if (node.type === 'heading' && anchorHeadings) return { ...node, anchor: `${anchor}-heading-${++headings}` };
    return node as Flow<NumberedParagraph, never>;
  });
  return {
    ...annex,
    body,
    numeral,
    label,
    anchor,
    bookmark: '',
    header,
    notIncluded: catalog.annexNotIncluded(label),
    documentTitles: documentTitles(catalog, `${header} – ${annex.title}`),
  };
}

/** A text without the dots and spaces it ends with, in linear time (a pattern anchored at the end only is not). */
function withoutFinalDots(text: string): string {
  let end = text.length;
  while (end > 0 && /[.\s]/.test(text[end - 1]!)) end--;
  return text.slice(0, end);
}
