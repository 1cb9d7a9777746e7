// Numbers the report once: numerals, letters, paragraph numbers, ranges, annex numerals, every label,
// HTML anchor and DOCX bookmark, and the report's facts. Renderers only print what this stage wrote.

import { closest } from 'fastest-levenshtein';
import { error, warning, type Diagnostic, type Result } from '../diagnostics.js';
import { catalogFor, formatDate, formatDateRange, formatIssued, toRoman, type Catalogue } from '../i18n/labels.js';
import type {
  Annex, DocumentFacts, Flow, Footnote, Inline, IssuedChange, IssuedRecord, IssueFacts, MeetingMeta, NumberedAnnex, NumberedItem, NumberedParagraph,
  NumberedReport, NumberedTree, Paragraph, Report, ReportFacts, SourceRange, WorkingDocument,
} from '../model.js';
import { BODY, mapTree, subitemsOf, visitBlocks, visitTree } from '../walk.js';
import { SUMMARY_REPORT, WORKING_DOCUMENT, type DocumentProfile } from '../profiles.js';
import { Bookmarks } from './bookmarks.js';
import { citedFootnotes } from './cited-footnotes.js';
import { isDeletion } from './deletions.js';
import { documentTitles, slugOf, TITLE_SEPARATOR } from './label-forms.js';
import { linkMeeting } from './meeting-links.js';
import { freshPlan, heldPlan, type NumberPlan } from './number-plan.js';
import { numberItems } from './number-items.js';

export { documentTitles, formatRange, printedNumber, slugOf } from './label-forms.js';

export function numberReport(report: Report): Result<NumberedReport> {
  const diagnostics: Diagnostic[] = [];
  const catalog = catalogFor(report.meta.language);
  const main = numberMain(report, catalog, diagnostics);
  // Working documents: each a tree of its own, its agenda reference read off the report's numbered agenda.
  const documents = report.documents.map((document) => numberDocument(document, report.meta, main.items, report.footnotes, catalog, diagnostics));
  checkUnusedFootnotes(report.footnotes, [main, ...documents], diagnostics);
  const [first, ...docs] = linkMeeting([main, ...documents], report, catalog, diagnostics);
  return { value: { ...first!, documents: docs }, diagnostics };
}

/** The report's own tree: its items numbered as the plan says (held as recorded once issued), its annexes and facts. */
function numberMain(report: Report, catalog: Catalogue, diagnostics: Diagnostic[]): NumberedTree {
  const meta = report.meta;
  const held = report.record;
  const plan = held ? heldPlan(report.items, report.annexes, held, catalog) : freshPlan(report.items, report.annexes);
  const items = numberItems(report.items, meta.symbol, catalog, SUMMARY_REPORT, plan, meta.status === 'issued', diagnostics);
  const title = meta.title ?? catalog.summaryReport;
  const issue = held ? issueFacts(held, plan, items, meta.symbol, catalog) : null;
  return numberTree(report, report.footnotes, meta, SUMMARY_REPORT, { items, count: plan.count, plan, issue }, catalog, null, {
    title,
    coverTitle: title,
    subtitle: catalog.sessionsOf(meta.session, meta.committee),
    dates: formatDateRange(meta.language, meta.start, meta.end),
  });
}

/** A working document's tree: its sections numbered afresh, its facts with the agenda place it is submitted under. */
function numberDocument(
  document: WorkingDocument,
  meta: MeetingMeta,
  agenda: readonly NumberedItem[],
  footnotes: readonly Footnote[],
  catalog: Catalogue,
  diagnostics: Diagnostic[],
): NumberedTree {
  // The meeting's settings with the document's own; its action phrase is its DocumentMeta's, read as it was parsed.
  const docMeta: MeetingMeta = { ...meta, symbol: document.meta.symbol, issued: document.meta.issued, title: document.meta.title, conclusion: null, translation_of: null, annex_of: null, annex_numeral: null };
  const documentPlan = freshPlan(document.items, document.annexes);
  const sections = {
    items: numberItems(document.items, document.meta.symbol, catalog, WORKING_DOCUMENT, documentPlan, meta.status === 'issued', diagnostics, document.toc !== null),
    count: documentPlan.count,
    plan: documentPlan,
    issue: null,
  };
  const facts = documentFacts(document, agenda, catalog, diagnostics);
  const tree = numberTree(document, footnotes, docMeta, WORKING_DOCUMENT, sections, catalog, facts, {
    title: document.meta.title,
    coverTitle: document.meta.title.toLocaleUpperCase(catalog.tags.html),
    subtitle: facts.agendaReference,
    dates: null,
  });
  return document.toc ? { ...tree, toc: document.toc } : tree;
}

/** A working document's facts, its agenda item read off the report's numbered agenda; an item the agenda lacks is an error. */
function documentFacts(document: WorkingDocument, agenda: readonly NumberedItem[], catalog: Catalogue, diagnostics: Diagnostic[]): DocumentFacts {
  const place = agendaPlace(document.meta.item, agenda, catalog);
  if (!place && document.meta.item !== '') {
    const ids = agenda.flatMap((i) => [i.id, ...subitemsOf(i).map((s) => s.id)]).filter((id): id is string => id !== null);
    const near = ids.length ? closest(document.meta.item, ids) : null;
    diagnostics.push(
      error(document.itemRange, 'unknown-item', `Unexpected item \`${document.meta.item}\`, expected the id of an agenda item or sub-item of the meeting${near ? ` (the closest is \`${near}\`)` : ' (set one with `{#id}` on its heading)'}`),
    );
  }
  return {
    id: document.meta.id,
    item: document.meta.item,
    itemLabel: place?.label ?? '',
    agendaReference: place?.reference ?? '',
    heading: document.meta.heading,
    visibility: document.meta.visibility,
    label: catalog.documentLabel(document.meta.symbol),
  };
}

/** Footnotes are meeting-wide: a definition no text of any document cites is probably a call lost in editing. */
function checkUnusedFootnotes(footnotes: readonly Footnote[], trees: readonly NumberedTree[], diagnostics: Diagnostic[]): void {
  const seen = new Set(trees.flatMap((t) => t.footnotes.map((f) => f.key)));
  for (const f of footnotes) {
    if (seen.has(f.key)) continue;
    seen.add(f.key);
    diagnostics.push(warning(f.range, 'footnote-unused', `Unexpected footnote \`[^${f.key}]\` that no text calls, expected a call \`[^${f.key}]\` where the note belongs (or no definition)`));
  }
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
      if (was && was.range !== range && !s.alone) ranges.push({ kind: 'range', item: item.numeral, label: s.refLabel, before: was.range, after: range });
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
      if (s.id === id) return { label: s.refLabel, reference: catalog.agendaReference(item.numeral, s.alone ? null : s.letter) };
    }
  }
  return null;
}

interface FactsOfKind {
  readonly title: string;
  readonly coverTitle: string;
  readonly subtitle: string;
  readonly dates: string | null;
}

/** The rest of a tree once its items are numbered: annexes, footnotes, facts and bookmarks. */
function numberTree(
  source: { readonly annexes: readonly Annex[]; readonly range: SourceRange; readonly settingPlaces?: Report['settingPlaces'] },
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
    documentTitles: documentTitles(catalog, `${meta.symbol}${TITLE_SEPARATOR}${kind.title}`),
    issued: formatIssued(meta.language, meta.place, meta.issued),
    runningHeader: meta.annex_of ? catalog.annexHeader(meta.annex_numeral ?? 'I', meta.annex_of) : meta.symbol,
    changes: { author: changesAuthor, date: changesDate, label: `${changesAuthor}, ${formatDate(meta.language, changesDate)}` },
  };
  const tree = new Bookmarks().assign({ profile, meta, facts, public: false, accepted: false, items, annexes, footnotes, paragraphCount: numbered.count, issue: numbered.issue, document, documents: [], external: {}, range: source.range, settingPlaces: source.settingPlaces ?? new Map() });
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
    titleSeparator: TITLE_SEPARATOR,
    anchor,
    bookmark: '',
    header,
    notIncluded: catalog.annexNotIncluded(label),
    documentTitles: documentTitles(catalog, `${header}${TITLE_SEPARATOR}${annex.title}`),
  };
}
