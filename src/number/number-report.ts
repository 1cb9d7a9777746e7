// Numbers the report once: numerals, letters, paragraph numbers, ranges, annex numerals, every label,
// HTML anchor and DOCX bookmark, and the report's facts. Renderers only print what this stage wrote.

import { closest, distance } from 'fastest-levenshtein';
import { error, formatPlace, warning, type Diagnostic, type Result } from '../diagnostics.js';
import { catalogFor, formatDate, formatDateRange, formatIssued, toLetter, toRoman, type Catalogue } from '../i18n/labels.js';
import type {
  Annex, Decision, DocumentFacts, Flow, Footnote, Item, MeetingMeta, NumberedAnnex, NumberedItem, NumberedParagraph, NumberedReport, NumberedSubitem, NumberedTree,
  Inline, Paragraph, Range, Report, ReportFacts, SourceRange, Target,
} from '../model.js';
import { BODY, mapTree, subitemsOf, visitBlocks, visitTree, type Where } from '../walk.js';
import { SUMMARY_REPORT, WORKING_DOCUMENT, type DocumentProfile } from '../profiles.js';
import { citedFootnotes } from './cited-footnotes.js';
import { isDeletion } from './deletions.js';
import { collectTargets, indexReport } from './index-report.js';
import { stableDecisionId } from './decision-ids.js';
import { Bookmarks } from './bookmarks.js';

/** An item's only sub-item is not lettered in print: the seed marks it with a circle. */
const LONE = '○';

export function formatRange(first: number, last: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return first === last ? pad(first) : `${pad(first)} - ${pad(last)}`;
}

function rangeOf(numbers: readonly number[]): Range | null {
  if (numbers.length === 0) return null;
  const first = numbers[0]!;
  const last = numbers[numbers.length - 1]!;
  return { first, last, label: formatRange(first, last) };
}

/** The window or document title of a report or of an annex alone, in each edition. */
export function documentTitles(catalog: Catalogue, title: string): { readonly full: string; readonly public: string } {
  return { full: title, public: `${title} (${catalog.publicVersion})` };
}

/** Items (or a working document's sections) with their numerals, letters, paragraph numbers and ranges. */
function numberItems(
  source: readonly Item[],
  symbol: string,
  catalog: Catalogue,
  profile: DocumentProfile,
  diagnostics: Diagnostic[],
  /** A table of contents lists the headings: each gets an anchor (and a bookmark) to link to, even without an id. */
  anchorHeadings = false,
): { items: NumberedItem[]; count: number } {
  let counter = 0;
  const sections = profile.headings === 'sections';
  const items: NumberedItem[] = source.map((item, itemIndex) => {
    const numeral = toRoman(itemIndex + 1);
    const anchor = sections ? `section-${numeral}` : `item-${numeral}`;
    const label = sections ? catalog.sectionLabel(numeral) : `${catalog.item} ${numeral}`;

    let letterCount = 0;
    let headings = 0;
    const all: number[] = [];
    /** A stretch of paragraphs: the item's own (before any sub-item), or a group of sub-items sharing them. */
    interface Span {
      readonly subitems: NumberedSubitem[];
      readonly numbers: number[];
      hasDecisions: boolean;
      readonly range: SourceRange;
    }
    const own: Span = { subitems: [], numbers: [], hasDecisions: false, range: item.range };
    const spans: Span[] = [own];
    let group: Span | null = null;
    const ordinals = new Map<string, number>();
    const lone = item.body.reduce((n, node) => n + (node.type === 'subitems' ? node.subitems.length : 0), 0) === 1;

    const body: Flow<NumberedParagraph, NumberedSubitem>[] = item.body.map((node) => {
      switch (node.type) {
        case 'subitems': {
          const subitems = node.subitems.map((s): NumberedSubitem => {
            const letter = toLetter(++letterCount);
            const common = { ...s, letter, anchor: `${anchor}-${letter}`, bookmark: '', paragraphRange: null };
            return lone
              ? { ...common, label: LONE, agendaLabel: LONE, refLabel: label }
              : { ...common, label: `(${letter})`, agendaLabel: `${letter})`, refLabel: `${label} (${letter})` };
          });
          group = { subitems, numbers: [], hasDecisions: false, range: node.range };
          spans.push(group);
          return { type: 'subitems', subitems, range: node.range };
        }
        case 'paragraph': {
          const subitem = group && group.subitems.length === 1 ? group.subitems[0]!.letter : null;
          // A paragraph deleted with tracking takes no number: the numbers close up as they will once it is accepted.
          if (isDeletion(node.content)) {
            const decisions = node.decisions ? node.decisions.map((d): Decision => ({ ...d })) : null;
            return { ...node, number: null, label: null, marker: null, anchor: null, bookmark: null, item: numeral, subitem, group: group ? group.subitems.map((s) => s.letter) : [], decisions, deleted: true };
          }
          const number = ++counter;
          const span: Span = group ?? own;
          span.numbers.push(number);
          all.push(number);
          const scope = subitem ? `${numeral}-${subitem}` : numeral;
          const decisions = node.decisions
            ? node.decisions.map((d): Decision => {
                if (isDeletion(d.content)) return { ...d };
                const ordinal = (ordinals.get(scope) ?? 0) + 1;
                ordinals.set(scope, ordinal);
                return { ...d, id: `${scope}-${ordinal}`, stableId: stableDecisionId(symbol, { numeral, letter: subitem, ordinal }, d.key) };
              })
            : null;
          if (decisions?.some((d) => d.id !== undefined)) span.hasDecisions = true;
          return {
            ...node,
            number,
            label: String(number),
            marker: `${number}.`,
            anchor: `para-${number}`,
            bookmark: null,
            item: numeral,
            subitem,
            group: group ? group.subitems.map((s) => s.letter) : [],
            decisions,
            deleted: false,
          };
        }
        case 'heading':
          if (node.id !== null) return { ...node, anchor: `sec-${node.id}` };
          return anchorHeadings ? { ...node, anchor: `${anchor}-heading-${++headings}` } : node;
        default:
          return node;
      }
    });

    // Ranges: each sub-item of a group covers the paragraphs the group shares.
    const rangeBySub = new Map<NumberedSubitem, Range | null>();
    for (const span of spans) for (const s of span.subitems) rangeBySub.set(s, rangeOf(span.numbers));
    const withRanges = body.map((node) =>
      node.type === 'subitems' ? { ...node, subitems: node.subitems.map((s) => ({ ...s, paragraphRange: rangeBySub.get(s) ?? null })) } : node,
    );

    // Once per item, and never for an item whose purpose says it decides nothing ("For information").
    const informational = item.purpose !== null && catalog.informationPurposes.some((p) => p.toLowerCase() === item.purpose!.toLowerCase().replace(/[.\s]+$/, ''));
    if (profile.listOf === 'decisions' && all.length > 0 && !spans.some((span) => span.hasDecisions) && !informational && !item.allow.includes('no-decisions')) {
      diagnostics.push(
        warning(item.range, 'no-decisions', `Unexpected item with numbered paragraphs but no decision list, expected a conclusion phrase followed by a list of decisions (or the purpose \`*(${catalog.informationPurposes[0]})*\` under the heading of an item that decides nothing)`),
      );
    }
    return { ...item, numeral, label, anchor, bookmark: '', paragraphRange: rangeOf(all), body: withRanges };
  });

  return { items, count: counter };
}

export function numberReport(report: Report): Result<NumberedReport> {
  const diagnostics: Diagnostic[] = [];
  const catalog = catalogFor(report.meta.language);
  const meta = report.meta;
  const numbered = numberItems(report.items, meta.symbol, catalog, SUMMARY_REPORT, diagnostics);
  const title = meta.title ?? catalog.summaryReport;
  const main = numberTree(report, report.footnotes, meta, SUMMARY_REPORT, numbered, catalog, null, {
    title,
    coverTitle: title,
    subtitle: catalog.sessionsOf(meta.session, meta.committee),
    dates: formatDateRange(meta.language, meta.start, meta.end),
  });

  // Working documents: each a tree of its own, its agenda reference read off the report's numbered agenda.
  const documents = report.documents.map((document) => {
    const docMeta: MeetingMeta = { ...meta, symbol: document.meta.symbol, issued: document.meta.issued, title: document.meta.title, conclusion: document.meta.action, translation_of: null, annex_of: null, annex_numeral: null };
    const sections = numberItems(document.items, document.meta.symbol, catalog, WORKING_DOCUMENT, diagnostics, document.toc !== null);
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
    return indexReport({ ...tree, external });
  });

  withExternal.forEach((tree) => checkReferences(tree, diagnostics));
  const [first, ...docs] = withExternal;
  return { value: { ...first!, documents: docs }, diagnostics };
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
  numbered: { items: NumberedItem[]; count: number },
  catalog: Catalogue,
  document: DocumentFacts | null,
  kind: FactsOfKind,
): NumberedTree {
  const items = numbered.items;
  const annexes: NumberedAnnex[] = source.annexes.map((annex, index) => numberAnnex(annex, index, meta.symbol, catalog));
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
  const tree = new Bookmarks().assign({ profile, meta, facts, public: false, accepted: false, items, annexes, footnotes, paragraphCount: numbered.count, document, documents: [], external: {}, range: source.range });
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
      } else if (target.restricted && !where.restricted && !(tree.document?.visibility === 'restricted')) {
        diagnostics.push(
          warning(node.range, 'ref-to-restricted', `Unexpected reference from public text to restricted \`${node.id}\`, expected public text to point at public content (the public version shows the label without a link)`),
        );
      }
    },
  };
  visitTree(tree, checkRef);
  for (const f of tree.footnotes) visitBlocks(f.blocks, checkRef, BODY);
  visitTree(tree, { inlines: (nodes) => checkTypedRefWords(nodes, targets, diagnostics) });
}

/** `Item [](#partners)` prints "Item Item V": the word typed before a reference that prints it itself. */
function checkTypedRefWords(nodes: readonly Inline[], targets: Readonly<Record<string, { readonly label: string }>>, diagnostics: Diagnostic[]): void {
  nodes.forEach((node, i) => {
    const before = nodes[i - 1];
    if (node.type !== 'ref' || node.children.length > 0 || before?.type !== 'text') return;
    const word = /(\p{L}+)\s*$/u.exec(before.value)?.[1];
    const first = /^\p{L}+/u.exec(targets[node.id]?.label ?? '')?.[0];
    if (!word || !first || word.toLowerCase() !== first.toLowerCase()) return;
    diagnostics.push(
      warning(node.range, 'typed-label', `Unexpected \`${word}\` typed before \`[](#${node.id})\`, which prints "${targets[node.id]!.label}" itself, expected the reference alone (or \`[words](#${node.id})\` to print your own words)`),
    );
  });
}

function numberAnnex(annex: Annex, index: number, symbol: string, catalog: Catalogue): NumberedAnnex {
  const numeral = toRoman(index + 1);
  const label = `${catalog.annex} ${numeral}`;
  const anchor = `annex-${numeral}`;
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

