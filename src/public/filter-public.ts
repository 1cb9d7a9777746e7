// Makes the public edition from the numbered model, so no renderer can leak restricted text.

import type { Flow, Inline, NumberedAnnex, NumberedParagraph, NumberedReport, NumberedTree } from '../model.js';
import { indexReport } from '../number/index-report.js';
import { mapAnnex, mapItem, type Mapper } from '../walk.js';
import { citedFootnotes } from '../number/cited-footnotes.js';
import { acceptedTree } from './accept-changes.js';

/**
 * Numbers never shift: everything keeps its full-edition number, restricted things leave gaps. Tracked changes are
 * accepted whatever the build's options (a deletion is text the secretariat removed on purpose), and comments, the
 * secretariat's working notes, keep only the words they are anchored on.
 */
export function filterPublic(given: NumberedReport): NumberedReport {
  const report = { ...given, ...acceptedTree(given) };
  const mapper: Mapper = {
    inline: (node: Inline): Inline[] => {
      if (node.type === 'restricted') return [];
      // A reference to restricted content keeps its label (or the author's words) as text; the id and link go.
      const target = node.type === 'ref' ? report.targets[node.id] : undefined;
      if (node.type === 'ref' && target?.restricted) return node.children.length ? [...node.children] : [{ type: 'text', value: target.label, range: node.range }];
      return [node];
    },
    flow: <S>(node: Flow<NumberedParagraph, S>): Flow<NumberedParagraph, S>[] => ('restricted' in node && node.restricted ? [] : [node]),
  };

  const items = report.items.map((item) => mapItem(item, mapper));
  const annexes: NumberedAnnex[] = report.annexes.map((annex) =>
    annex.visibility === 'restricted'
      ? // Only its numeral stays (numbers never shift): no id, title, file or text.
        { ...annex, id: null, title: null, body: [], file: null, range: report.range, documentTitles: { full: annex.header, public: annex.header } }
      : mapAnnex(annex, mapper),
  );
  // Only the footnotes still cited from public text survive, renumbered in order of citation.
  const footnotes = citedFootnotes(report.footnotes, { items, annexes }, mapper);
  // A restricted working document has no public edition: it goes whole, as a restricted annex's text does.
  const documents = report.documents.filter((d) => d.document?.visibility !== 'restricted').map(filterPublic);
  const tree: NumberedTree = { ...report, public: true, accepted: true, items, annexes, footnotes, documents };
  return indexReport(tree);
}
