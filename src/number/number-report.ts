// Numbers the report once: numerals, letters, paragraph numbers, ranges, annex numerals, every label,
// HTML anchor and DOCX bookmark, and the report's facts. Renderers only print what this stage wrote.

import { closest, distance } from 'fastest-levenshtein';
import { error, formatPlace, warning, type Diagnostic, type Result } from '../diagnostics.js';
import { catalogFor, formatDate, formatDateRange, formatIssued, toLetter, toRoman, type Catalogue } from '../i18n/labels.js';
import type {
  Annex, Decision, Flow, NumberedAnnex, NumberedItem, NumberedParagraph, NumberedReport, NumberedSubitem,
  Inline, Paragraph, Range, Report, ReportFacts, SourceRange,
} from '../model.js';
import { BODY, visitBlocks, visitTree, type Where } from '../walk.js';
import { SUMMARY_REPORT } from '../profiles.js';
import { citedFootnotes } from './cited-footnotes.js';
import { collectTargets, indexReport } from './index-report.js';
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

export function numberReport(report: Report): Result<NumberedReport> {
  const diagnostics: Diagnostic[] = [];
  const catalog = catalogFor(report.meta.language);
  let counter = 0;

  const items: NumberedItem[] = report.items.map((item, itemIndex) => {
    const numeral = toRoman(itemIndex + 1);
    const anchor = `item-${numeral}`;
    const label = `${catalog.item} ${numeral}`;

    let letterCount = 0;
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
          const number = ++counter;
          const span: Span = group ?? own;
          span.numbers.push(number);
          all.push(number);
          const subitem = group && group.subitems.length === 1 ? group.subitems[0]!.letter : null;
          const scope = subitem ? `${numeral}-${subitem}` : numeral;
          const decisions = node.decisions
            ? node.decisions.map((d): Required<Decision> => {
                const ordinal = (ordinals.get(scope) ?? 0) + 1;
                ordinals.set(scope, ordinal);
                return { ...d, id: `${scope}-${ordinal}` };
              })
            : null;
          if (decisions) span.hasDecisions = true;
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
          };
        }
        case 'heading':
          return node.id === null ? node : { ...node, anchor: `sec-${node.id}` };
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
    if (all.length > 0 && !spans.some((span) => span.hasDecisions) && !informational && !item.allow.includes('no-decisions')) {
      diagnostics.push(
        warning(item.range, 'no-decisions', `Unexpected item with numbered paragraphs but no decision list, expected a conclusion phrase followed by a list of decisions (or the purpose \`*(${catalog.informationPurposes[0]})*\` under the heading of an item that decides nothing)`),
      );
    }
    return { ...item, numeral, label, anchor, bookmark: '', paragraphRange: rangeOf(all), body: withRanges };
  });

  const annexes: NumberedAnnex[] = report.annexes.map((annex, index) => numberAnnex(annex, index, report, catalog));

  // Footnotes in order of first citation; a footnote cited only from another is numbered after it.
  const footnotes = citedFootnotes(report.footnotes, { items, annexes });
  const seen = new Set(footnotes.map((f) => f.key));
  // A definition no call points at is probably a call lost in editing.
  for (const f of report.footnotes) {
    if (seen.has(f.key)) continue;
    seen.add(f.key);
    diagnostics.push(warning(f.range, 'footnote-unused', `Unexpected footnote \`[^${f.key}]\` that no text calls, expected a call \`[^${f.key}]\` where the note belongs (or no definition)`));
  }

  const title = report.meta.title ?? catalog.summaryReport;
  const changesAuthor = report.meta.changes_author ?? report.meta.committee_short;
  const changesDate = report.meta.changes_date ?? report.meta.issued;
  const facts: ReportFacts = {
    title,
    documentTitles: documentTitles(catalog, `${report.meta.symbol} – ${title}`),
    subtitle: catalog.sessionsOf(report.meta.session, report.meta.committee),
    dates: formatDateRange(report.meta.language, report.meta.start, report.meta.end),
    issued: formatIssued(report.meta.language, report.meta.place, report.meta.issued),
    changes: { author: changesAuthor, date: changesDate, label: `${changesAuthor}, ${formatDate(report.meta.language, changesDate)}` },
  };

  const tree = new Bookmarks().assign({ profile: SUMMARY_REPORT, meta: report.meta, facts, public: false, items, annexes, footnotes, paragraphCount: counter, range: report.range });

  const { targets, duplicates } = collectTargets(tree);
  for (const { id, range, first } of duplicates) {
    diagnostics.push(error(range, 'duplicate-id', `Unexpected duplicate id \`${id}\`, expected each id once in the meeting (already used at ${formatPlace(first)})`));
  }
  // References: every id must exist; public text should not point at restricted text.
  const checkRef = {
    inline: (node: Inline, where: Where) => {
      if (node.type !== 'ref') return;
      const target = targets[node.id];
      if (!target) {
        const ids = Object.keys(targets);
        const near = ids.length ? closest(node.id, ids) : null;
        // Only a near miss is worth suggesting: a typo, not just any id.
        const hint = near !== null && distance(node.id, near) <= Math.max(2, Math.floor(node.id.length / 3)) ? ` (did you mean \`${near}\`?)` : '';
        diagnostics.push(error(node.range, 'unknown-id', `Unexpected reference to unknown id \`${node.id}\`, expected an id set with \`{#${node.id}}\`${hint}`));
      } else if (target.restricted && !where.restricted) {
        diagnostics.push(
          warning(node.range, 'ref-to-restricted', `Unexpected reference from public text to restricted \`${node.id}\`, expected public text to point at public content (the public version shows the label without a link)`),
        );
      }
    },
  };
  visitTree(tree, checkRef);
  for (const f of footnotes) visitBlocks(f.blocks, checkRef, BODY);
  visitTree(tree, { inlines: (nodes) => checkTypedRefWords(nodes, targets, diagnostics) });

  return { value: indexReport(tree), diagnostics };
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

function numberAnnex(annex: Annex, index: number, report: Report, catalog: Catalogue): NumberedAnnex {
  const numeral = toRoman(index + 1);
  const label = `${catalog.annex} ${numeral}`;
  const anchor = `annex-${numeral}`;
  const header = catalog.annexHeader(numeral, report.meta.symbol);
  let counter = 0;
  const body = annex.body.map((node): Flow<NumberedParagraph, never> => {
    if (node.type === 'paragraph') {
      const number = annex.numbered ? ++counter : null;
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
        decisions: null,
      };
    }
    if (node.type === 'heading' && node.id !== null) return { ...node, anchor: `sec-${node.id}` };
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

