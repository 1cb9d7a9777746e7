// One annex on its own: a report holding only that annex, so no renderer can carry the rest along.

import type { Inline, NumberedAnnex, NumberedReport, Target } from '../model.js';
import { mapFlowInlines, mapBlockInlines } from './map-inlines.js';
import { walkFlow } from '../walk.js';
import { citedFootnotes } from './cited-footnotes.js';

/**
 * Keeps the annex, its own footnotes (renumbered from 1) and its own reference targets. A reference
 * to anything else in the report keeps its label as plain text: it stays readable, and no link,
 * bookmark or id of the report travels with the annex.
 */
export function extractAnnex(report: NumberedReport, annex: NumberedAnnex): NumberedReport {
  const own = new Set<string>();
  const ownTargets: Record<string, Target> = {};
  for (const target of Object.values(report.targets)) {
    if (target.anchor === annex.anchor || target.anchor.startsWith(`${annex.anchor}-`) || target.place.file === annex.file) {
      own.add(target.id);
      ownTargets[target.id] = target;
    }
  }
  const unlink = (node: Inline): Inline[] => {
    if (node.type !== 'ref' || own.has(node.id)) return [node];
    return node.children.length ? [...node.children] : [{ type: 'text', value: report.targets[node.id]?.label ?? '' }];
  };
  const body = mapFlowInlines(annex.body, unlink);

  const footnotes = citedFootnotes(report.footnotes, (visit) => walkFlow(body, false, visit), (blocks) => mapBlockInlines(blocks, unlink));

  return { ...report, items: [], annexes: [{ ...annex, body }], footnotes, targets: ownTargets, decisions: [], paragraphCount: 0 };
}
