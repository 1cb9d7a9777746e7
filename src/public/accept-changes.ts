// The clean text: tracked insertions kept as plain text, deletions and comments dropped (for --accept-changes).

import type { Inline, NumberedReport } from '../model.js';
import { mapBlockInlines, mapDecisionInlines, mapFlowInlines, mapInlines } from './map-inlines.js';

const accept = (node: Inline): Inline[] => (node.type === 'del' ? [] : node.type === 'ins' || node.type === 'comment' ? [...node.children] : [node]);

export function acceptChanges(report: NumberedReport): NumberedReport {
  return {
    ...report,
    items: report.items.map((item) => ({
      ...item,
      title: mapInlines(item.title, accept),
      body: mapFlowInlines(item.body, accept),
      subitems: item.subitems.map((s) => ({ ...s, title: mapInlines(s.title, accept) })),
    })),
    annexes: report.annexes.map((annex) => ({ ...annex, body: mapFlowInlines(annex.body, accept) })),
    footnotes: report.footnotes.map((f) => ({ ...f, blocks: mapBlockInlines(f.blocks, accept) })),
    decisions: report.decisions.map((d) => ({ ...d, decision: mapDecisionInlines([d.decision], accept)[0]! })),
  };
}
