// One annex on its own: a report holding only that annex, so no renderer can carry the rest along.

import type { Inline, NumberedAnnex, NumberedFootnote, NumberedReport, Target } from '../model.js';
import { mapFlowInlines, mapBlockInlines } from './map-inlines.js';
import { walkBlocks, walkFlow } from '../walk.js';

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

  const cited: string[] = [];
  const seen = new Set<string>();
  const cite = (node: Inline) => {
    if (node.type === 'footnote' && !seen.has(node.key)) {
      seen.add(node.key);
      cited.push(node.key);
    }
  };
  walkFlow(body, false, cite);
  const byKey = new Map(report.footnotes.map((f) => [f.key, f]));
  const footnotes: NumberedFootnote[] = [];
  for (let i = 0; i < cited.length; i++) {
    const original = byKey.get(cited[i]!);
    if (!original) continue;
    const blocks = mapBlockInlines(original.blocks, unlink);
    footnotes.push({ ...original, blocks, number: footnotes.length + 1, anchor: `fn-${footnotes.length + 1}` });
    walkBlocks(blocks, false, cite);
  }

  return { ...report, items: [], annexes: [{ ...annex, body }], footnotes, targets: ownTargets, decisions: [], paragraphCount: 0 };
}
