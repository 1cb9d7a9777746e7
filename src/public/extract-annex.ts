// One annex on its own: a report holding only that annex, so no renderer can carry the rest along.

import type { Inline, NumberedAnnex, NumberedReport } from '../model.js';
import { indexReport } from '../number/index-report.js';
import { mapAnnex, referenceAsText, type Mapper } from '../walk.js';
import { citedFootnotes } from '../number/cited-footnotes.js';

/**
 * Keeps the annex, its own footnotes (renumbered from 1) and its own reference targets. A reference
 * to anything else in the report keeps its label as plain text: it stays readable, and no link,
 * bookmark or id of the report travels with the annex.
 */
export function extractAnnex(report: NumberedReport, annex: NumberedAnnex): NumberedReport {
  const own = new Set(Object.values(report.targets).filter((t) => t.range.file === annex.file).map((t) => t.id));
  const mapper: Mapper = {
    inline: (node: Inline): Inline[] => {
      if (node.type !== 'ref' || own.has(node.id)) return [node];
      return referenceAsText(report, node);
    },
  };
  const alone = mapAnnex(annex, mapper);
  const footnotes = citedFootnotes(report.footnotes, { items: [], annexes: [alone] }, mapper);
  return indexReport({ ...report, items: [], annexes: [alone], footnotes, paragraphCount: 0, documents: [], external: {} });
}
