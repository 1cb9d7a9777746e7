// The clean text: tracked insertions kept as plain text, deletions and comments dropped (every public edition, and
// the full one with --accept-changes).

import type { Inline, NumberedReport } from '../model.js';
import { indexReport } from '../number/index-report.js';
import { mapTree } from '../walk.js';

/** One inline as the clean text has it: a deletion goes, an insertion is its words, a comment only the words it marks. */
export const acceptInline = (node: Inline): Inline[] => (node.type === 'del' ? [] : node.type === 'ins' || node.type === 'comment' ? [...node.children] : [node]);

export function acceptChanges(report: NumberedReport): NumberedReport {
  return indexReport({ ...mapTree(report, { inline: acceptInline }), accepted: true, documents: report.documents.map(acceptChanges) });
}
