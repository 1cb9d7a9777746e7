// Numbers the report once: numerals, letters, paragraph numbers, ranges, annex numerals and every label.

import { closest, distance } from 'fastest-levenshtein';
import { error, formatPlace, warning, type Diagnostic, type Place, type Result } from '../diagnostics.js';
import { catalogFor, toLetter, toRoman } from '../i18n/labels.js';
import type {
  Annex, Flow, Footnote, Inline, NumberedAnnex, NumberedDecision, NumberedFootnote, NumberedItem, NumberedParagraph,
  NumberedReport, NumberedSubitem, Paragraph, Range, Report, Target, TargetKind,
} from '../model.js';
import { inlineText } from '../parse/inline.js';
import { walkFlow, walkInlines, walkBlocks } from '../walk.js';

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

export function numberReport(report: Report): Result<NumberedReport> {
  const diagnostics: Diagnostic[] = [];
  const catalog = catalogFor(report.meta.language);
  const targets: Record<string, Target> = {};
  const addTarget = (id: string | null, kind: TargetKind, label: string, anchor: string, restricted: boolean, place: Place) => {
    if (id === null) return;
    const existing = targets[id];
    if (existing) {
      diagnostics.push(error(place, 'duplicate-id', `Unexpected duplicate id \`${id}\`, expected each id once in the meeting (already used at ${formatPlace(existing.place)})`));
      return;
    }
    targets[id] = { id, kind, label, anchor, restricted, place };
  };

  let counter = 0;
  const decisions: NumberedDecision[] = [];

  const items: NumberedItem[] = report.items.map((item, itemIndex) => {
    const numeral = toRoman(itemIndex + 1);
    const anchor = `item-${numeral}`;
    const label = `${catalog.item} ${numeral}`;
    addTarget(item.id, 'item', label, anchor, false, item.place);

    let letterCount = 0;
    const all: number[] = [];
    /** A stretch of paragraphs: the item's own (before any sub-item), or a group of sub-items sharing them. */
    interface Span {
      readonly subitems: NumberedSubitem[];
      readonly numbers: number[];
      hasDecisions: boolean;
      readonly place: Place;
    }
    const own: Span = { subitems: [], numbers: [], hasDecisions: false, place: item.place };
    const spans: Span[] = [own];
    let group: Span | null = null;
    const ordinals = new Map<string, number>();
    const lone = item.body.reduce((n, node) => n + (node.type === 'subitems' ? node.subitems.length : 0), 0) === 1;

    const body: Flow<NumberedParagraph, NumberedSubitem>[] = item.body.map((node) => {
      switch (node.type) {
        case 'subitems': {
          const subitems = node.subitems.map((s): NumberedSubitem => {
            const letter = toLetter(++letterCount);
            const sub: NumberedSubitem = lone
              ? { ...s, letter, label: LONE, agendaLabel: LONE, anchor: `${anchor}-${letter}`, range: null }
              : { ...s, letter, label: `(${letter})`, agendaLabel: `${letter})`, anchor: `${anchor}-${letter}`, range: null };
            addTarget(s.id, 'subitem', lone ? label : `${label} (${letter})`, sub.anchor, false, s.place);
            return sub;
          });
          group = { subitems, numbers: [], hasDecisions: false, place: node.place };
          spans.push(group);
          return { type: 'subitems', subitems, place: node.place };
        }
        case 'paragraph': {
          const number = ++counter;
          const span: Span = group ?? own;
          span.numbers.push(number);
          all.push(number);
          const subitem = group && group.subitems.length === 1 ? group.subitems[0]!.letter : null;
          const numbered: NumberedParagraph = { ...node, number, anchor: `para-${number}`, item: numeral, subitem, group: group ? group.subitems.map((s) => s.letter) : [] };
          addTarget(node.id, 'paragraph', String(number), numbered.anchor!, node.restricted, node.place);
          if (node.decisions) {
            span.hasDecisions = true;
            const scope = subitem ? `${numeral}-${subitem}` : numeral;
            for (const decision of node.decisions) {
              const ordinal = (ordinals.get(scope) ?? 0) + 1;
              ordinals.set(scope, ordinal);
              decisions.push({ id: `${scope}-${ordinal}`, item: numeral, subitem, paragraph: number, decision, restricted: node.restricted });
            }
          }
          return numbered;
        }
        case 'heading':
          addTarget(node.id, 'heading', inlineText(node.content).trim(), `sec-${node.id}`, node.restricted, node.place);
          return node;
        default:
          return node;
      }
    });

    // Ranges: each sub-item of a group covers the paragraphs the group shares.
    const rangeBySub = new Map<NumberedSubitem, Range | null>();
    for (const span of spans) for (const s of span.subitems) rangeBySub.set(s, rangeOf(span.numbers));
    const withRanges = body.map((node) =>
      node.type === 'subitems' ? { ...node, subitems: node.subitems.map((s) => ({ ...s, range: rangeBySub.get(s) ?? null })) } : node,
    );
    const subitems = withRanges.flatMap((node) => (node.type === 'subitems' ? node.subitems : []));

    for (const span of spans) {
      if (span.numbers.length > 0 && !span.hasDecisions) {
        diagnostics.push(
          warning(span.place, 'no-decisions', `Unexpected ${span === own ? 'item' : 'sub-item'} with paragraphs but no decision list, expected a conclusion phrase followed by a list of decisions`),
        );
      }
    }
    const numberedItem: NumberedItem = { ...item, numeral, label, anchor, range: rangeOf(all), body: withRanges, subitems };
    return numberedItem;
  });

  const annexes: NumberedAnnex[] = report.annexes.map((annex, index) => numberAnnex(annex, index, report, addTarget));

  // References: every id must exist; public text should not point at restricted text.
  const footnoteOrder: string[] = [];
  const seenFootnote = new Set<string>();
  const visit = (node: Inline, restricted: boolean) => {
    if (node.type === 'ref') {
      const target = targets[node.id];
      if (!target) {
        const ids = Object.keys(targets);
        const near = ids.length ? closest(node.id, ids) : null;
        // Only a near miss is worth suggesting: a typo, not just any id.
        const hint = near !== null && distance(node.id, near) <= Math.max(2, Math.floor(node.id.length / 3)) ? ` (did you mean \`${near}\`?)` : '';
        diagnostics.push(error(node.place, 'unknown-id', `Unexpected reference to unknown id \`${node.id}\`, expected an id set with \`{#${node.id}}\`${hint}`));
      } else if (target.restricted && !restricted) {
        diagnostics.push(
          warning(node.place, 'ref-to-restricted', `Unexpected reference from public text to restricted \`${node.id}\`, expected public text to point at public content (the public version shows the label without a link)`),
        );
      }
    } else if (node.type === 'footnote' && !seenFootnote.has(node.key)) {
      seenFootnote.add(node.key);
      footnoteOrder.push(node.key);
    }
  };
  for (const item of items) {
    walkInlines(item.title, false, visit);
    walkFlow(item.body, false, visit);
  }
  for (const annex of annexes) walkFlow(annex.body, annex.visibility === 'restricted', visit);

  const byKey = new Map<string, Footnote>(report.footnotes.map((f) => [f.key, f]));
  const footnotes: NumberedFootnote[] = [];
  // Footnotes may cite footnotes (rare): number those after the text that cites them.
  for (let i = 0; i < footnoteOrder.length; i++) {
    const footnote = byKey.get(footnoteOrder[i]!);
    if (!footnote) continue;
    const number = footnotes.length + 1;
    footnotes.push({ ...footnote, number, anchor: `fn-${number}` });
    walkBlocks(footnote.blocks, false, visit);
  }

  return {
    value: {
      meta: report.meta,
      public: false,
      items,
      annexes,
      footnotes,
      targets,
      decisions,
      paragraphCount: counter,
      place: report.place,
    },
    diagnostics,
  };
}

function numberAnnex(
  annex: Annex,
  index: number,
  report: Report,
  addTarget: (id: string | null, kind: TargetKind, label: string, anchor: string, restricted: boolean, place: Place) => void,
): NumberedAnnex {
  const catalog = catalogFor(report.meta.language);
  const numeral = toRoman(index + 1);
  const label = `${catalog.annex} ${numeral}`;
  const anchor = `annex-${numeral}`;
  const restricted = annex.visibility === 'restricted';
  addTarget(annex.id, 'annex', label, anchor, restricted, annex.place);
  let counter = 0;
  const body = annex.body.map((node): Flow<NumberedParagraph, never> => {
    if (node.type === 'paragraph') {
      const number = annex.numbered ? ++counter : null;
      const paraAnchor = number !== null ? `${anchor}-para-${number}` : node.id !== null ? `${anchor}-${node.id}` : null;
      const numbered: NumberedParagraph = { ...(node as Paragraph), number, anchor: paraAnchor, item: null, subitem: null, group: [] };
      addTarget(node.id, 'paragraph', number !== null ? String(number) : label, paraAnchor ?? anchor, restricted || node.restricted, node.place);
      return numbered;
    }
    if (node.type === 'heading') addTarget(node.id, 'heading', inlineText(node.content).trim(), `sec-${node.id}`, restricted || node.restricted, node.place);
    return node;
  });
  return { ...annex, body, numeral, label, anchor, header: catalog.annexHeader(numeral, report.meta.symbol) };
}

