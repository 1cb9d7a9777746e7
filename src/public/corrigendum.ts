// The corrigendum of an issued report: a short document of its own that lists each change since issue in the
// United Nations' manner ("After paragraph 12, insert a new paragraph 12A reading:") with the text as it now reads,
// under the heading of the item it is in. Made from an edition, so the public corrigendum holds nothing the public
// report leaves out.

import { catalogFor, formatIssued, type Catalogue } from '../i18n/labels.js';
import type { Inline, IssuedChange, NumberedItem, NumberedParagraph, NumberedReport, SourceRange } from '../model.js';
import { citedFootnotes } from '../number/cited-footnotes.js';
import { indexReport } from '../number/index-report.js';
import { documentTitles } from '../number/label-forms.js';
import { CORRIGENDUM } from '../profiles.js';
import { mapItem, referenceAsText, type Mapper } from '../walk.js';

/** The corrigendum of an edition, or null when the report is not issued or nothing changed since. */
export function corrigendumOf(report: NumberedReport): NumberedReport | null {
  const issue = report.issue;
  if (!issue || issue.changes.length === 0) return null;
  const catalog = catalogFor(report.meta.language);
  const bodies = corrigendumBodies(report.items, issue.changes, catalog.issued.say);
  if (bodies.size === 0) return null;
  return corrigendumReport(report, bodies, issue.corrigendumSymbol, catalog);
}

/** How the corrigendum says each change. */
type Say = Catalogue['issued']['say'];

/** A numbered paragraph of the edition, with its item. */
type Found = { readonly item: NumberedItem; readonly paragraph: NumberedParagraph };

/** Each item's lines in the corrigendum, in the order of the changes: what it says of each, then the text as it now reads. */
function corrigendumBodies(items: readonly NumberedItem[], changes: readonly IssuedChange[], say: Say): Map<NumberedItem, NumberedParagraph[]> {
  const found = new Map<string, Found>();
  for (const item of items) for (const node of item.body) if (node.type === 'paragraph' && node.label !== null) found.set(node.label, { item, paragraph: node });
  const byNumeral = new Map(items.map((item) => [item.numeral, item]));
  const bodies = new Map<NumberedItem, NumberedParagraph[]>();
  for (const change of changes) {
    const item = change.item === null ? undefined : byNumeral.get(change.item);
    const lines = changeLines(change, item, items.at(-1), found, say);
    if (lines) bodies.set(lines.item, [...(bodies.get(lines.item) ?? []), ...lines.nodes]);
  }
  return bodies;
}

/** The lines of one change and the item they go under (a part without one under the last); null when this edition does not show it. */
function changeLines(
  change: IssuedChange,
  item: NumberedItem | undefined,
  last: NumberedItem | undefined,
  found: ReadonlyMap<string, Found>,
  say: Say,
): { readonly item: NumberedItem; readonly nodes: readonly NumberedParagraph[] } | null {
  switch (change.kind) {
    case 'range':
      return item ? { item, nodes: [said(say.range(change.label, change.before, change.after), item)] } : null;
    case 'part': {
      const at = item ?? last;
      return at ? { item: at, nodes: [said(say.part(change.label, change.change), at)] } : null;
    }
    case 'deleted': {
      const here = found.get(change.label);
      // A paragraph deleted with tracking is shown as the edition shows it: struck through in the full one.
      return here ? { item: here.item, nodes: [said(say.deleted(change.label), here.item, here.paragraph.restricted), ...(here.paragraph.deleted ? [here.paragraph] : [])] } : null;
    }
    default: {
      // What this edition leaves out (a restricted paragraph in the public one) is not listed in it.
      const here = found.get(change.label);
      if (!here) return null;
      const text = change.kind === 'moved' ? say.moved(change.from, change.label, change.after) : change.kind === 'inserted' ? say.inserted(change.label, change.after) : say.amended(change.label);
      return { item: here.item, nodes: [said(text, here.item, here.paragraph.restricted, here.paragraph.range), here.paragraph] };
    }
  }
}

/** A line the corrigendum says in italics under an item, unnumbered. */
function said(text: string, item: NumberedItem, restricted = false, range: SourceRange = item.range): NumberedParagraph {
  return {
    type: 'paragraph',
    id: null,
    content: [{ type: 'emphasis', children: [{ type: 'text', value: text, range }], range }],
    blocks: [],
    decisions: null,
    restricted,
    unnumbered: true,
    range,
    number: null,
    label: null,
    marker: null,
    anchor: null,
    bookmark: null,
    item: item.numeral,
    subitem: null,
    group: [],
    deleted: false,
    vacated: false,
    sinceIssue: null,
  };
}

/** The corrigendum as a report of its own: the items with changes, under its symbol, title and date. */
function corrigendumReport(report: NumberedReport, bodies: ReadonlyMap<NumberedItem, readonly NumberedParagraph[]>, symbol: string, catalog: Catalogue): NumberedReport {
  // A reference prints its label as text: what it points at is in the report, not in the corrigendum.
  const mapper: Mapper = {
    inline: (node: Inline): Inline[] => (node.type !== 'ref' ? [node] : referenceAsText(report, node)),
  };
  const items = report.items.filter((item) => bodies.has(item)).map((item) => mapItem({ ...item, purpose: null, body: bodies.get(item)! }, mapper));
  const title = `${report.facts.title} – ${catalog.issued.corrigendum}`;
  const date = report.meta.corrigendum_date ?? report.meta.issued;
  return indexReport({
    ...report,
    profile: CORRIGENDUM,
    meta: { ...report.meta, symbol, issued: date },
    facts: { ...report.facts, title, coverTitle: title, documentTitles: documentTitles(catalog, `${symbol} – ${title}`), issued: formatIssued(report.meta.language, report.meta.place, date) },
    items,
    annexes: [],
    footnotes: citedFootnotes(report.footnotes, { items, annexes: [] }),
    documents: [],
    external: {},
    issue: null,
  });
}
