// The corrigendum of an issued report: a short document of its own that lists each change since issue in the
// United Nations' manner ("After paragraph 12, insert a new paragraph 12A reading:") with the text as it now reads,
// under the heading of the item it is in. Made from an edition, so the public corrigendum holds nothing the public
// report leaves out.

import { catalogFor, formatIssued } from '../i18n/labels.js';
import type { Flow, Inline, NumberedItem, NumberedParagraph, NumberedReport, NumberedSubitem, SourceRange } from '../model.js';
import { citedFootnotes } from '../number/cited-footnotes.js';
import { indexReport } from '../number/index-report.js';
import { documentTitles } from '../number/number-report.js';
import { CORRIGENDUM } from '../profiles.js';
import { mapItem, referenceAsText, type Mapper } from '../walk.js';

/** The corrigendum of an edition, or null when the report is not issued or nothing changed since. */
export function corrigendumOf(report: NumberedReport): NumberedReport | null {
  const issue = report.issue;
  if (!issue || issue.changes.length === 0) return null;
  const catalog = catalogFor(report.meta.language);
  const say = catalog.issued.say;

  const found = new Map<string, { readonly item: NumberedItem; readonly paragraph: NumberedParagraph }>();
  for (const item of report.items) for (const node of item.body) if (node.type === 'paragraph' && node.label !== null) found.set(node.label, { item, paragraph: node });
  const byNumeral = new Map(report.items.map((item) => [item.numeral, item]));

  const bodies = new Map<NumberedItem, Flow<NumberedParagraph, NumberedSubitem>[]>();
  const add = (item: NumberedItem | undefined, ...nodes: NumberedParagraph[]) => {
    const at = item ?? report.items.at(-1);
    if (at) bodies.set(at, [...(bodies.get(at) ?? []), ...nodes]);
  };
  const said = (text: string, item: NumberedItem, restricted = false, range: SourceRange = item.range): NumberedParagraph => ({
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
  });

  for (const change of issue.changes) {
    const item = change.item === null ? undefined : byNumeral.get(change.item);
    switch (change.kind) {
      case 'range':
        if (item) add(item, said(say.range(change.label, change.before, change.after), item));
        break;
      case 'part': {
        const at = item ?? report.items.at(-1);
        if (at) add(at, said(say.part(change.label, change.change), at));
        break;
      }
      case 'deleted': {
        const here = found.get(change.label);
        // A paragraph deleted with tracking is shown as the edition shows it: struck through in the full one.
        if (here) add(here.item, said(say.deleted(change.label), here.item, here.paragraph.restricted), ...(here.paragraph.deleted ? [here.paragraph] : []));
        break;
      }
      default: {
        // What this edition leaves out (a restricted paragraph in the public one) is not listed in it.
        const here = found.get(change.label);
        if (!here) break;
        const text = change.kind === 'moved' ? say.moved(change.from, change.label, change.after) : change.kind === 'inserted' ? say.inserted(change.label, change.after) : say.amended(change.label);
        add(here.item, said(text, here.item, here.paragraph.restricted, here.paragraph.range), here.paragraph);
      }
    }
  }
  if (bodies.size === 0) return null;

  // A reference prints its label as text: what it points at is in the report, not in the corrigendum.
  const mapper: Mapper = {
    inline: (node: Inline): Inline[] => (node.type !== 'ref' ? [node] : referenceAsText(report, node)),
  };
  const items = report.items.filter((item) => bodies.has(item)).map((item) => mapItem({ ...item, purpose: null, body: bodies.get(item)! }, mapper));
  const symbol = issue.corrigendumSymbol;
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
