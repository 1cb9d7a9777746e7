// The clean text: tracked insertions kept as plain text, deletions and comments dropped (for --accept-changes).

import type { Inline, NumberedReport } from '../model.js';
import { indexReport } from '../number/index-report.js';
import { mapTree } from '../walk.js';

const accept = (node: Inline): Inline[] => (node.type === 'del' ? [] : node.type === 'ins' || node.type === 'comment' ? [...node.children] : [node]);

export function acceptChanges(report: NumberedReport): NumberedReport {
  return indexReport({ ...mapTree(report, { inline: accept }), documents: report.documents.map(acceptChanges) });
}
