// The indexes of a numbered tree (reference targets, the decisions register), read off the tree
// itself. Every transform (public filter, accepted changes, an annex alone) calls indexReport on
// the tree it made, so no transform has a second copy of a fact to keep in step.

import type { NumberedDecision, NumberedReport, NumberedTree, SourceRange, Target } from '../model.js';
import { inlineText } from '../parse/inline.js';
import { visitTree } from '../walk.js';

export interface Duplicate {
  readonly id: string;
  readonly range: SourceRange;
  /** Where the id was first set. */
  readonly first: SourceRange;
}

/** Every node with an id, in reading order; the first of two nodes with one id wins. */
export function collectTargets(tree: Pick<NumberedTree, 'items' | 'annexes'>): { targets: Record<string, Target>; duplicates: Duplicate[] } {
  const targets: Record<string, Target> = {};
  const duplicates: Duplicate[] = [];
  const add = (target: Omit<Target, 'id'>, id: string | null) => {
    if (id === null || id === '') return;
    const existing = targets[id];
    if (existing) duplicates.push({ id, range: target.range, first: existing.range });
    else targets[id] = { id, ...target };
  };
  const none = { number: null, item: null, subitemLabel: null };

  for (const item of tree.items) {
    const owner = { numeral: item.numeral, label: item.label, bookmark: item.bookmark };
    add({ kind: 'item', label: item.label, anchor: item.anchor, bookmark: item.bookmark, ...none, item: owner, restricted: false, range: item.range }, item.id);
    for (const node of item.body) {
      switch (node.type) {
        case 'subitems':
          for (const s of node.subitems) {
            const subitemLabel = s.refLabel === item.label ? null : s.label;
            add({ kind: 'subitem', label: s.refLabel, anchor: s.anchor, bookmark: s.bookmark, number: null, item: owner, subitemLabel, restricted: false, range: s.range }, s.id);
          }
          break;
        case 'paragraph': {
          // A paragraph deleted with tracking is no target: a reference to it is an error (number-report.ts).
          if (node.deleted) break;
          const paragraph = { kind: 'paragraph', label: node.label!, anchor: node.anchor!, bookmark: node.bookmark!, ...none, number: node.number, item: owner, restricted: node.restricted } as const;
          add({ ...paragraph, range: node.range }, node.id);
          // A decision named with `{#id}`: a reference to it prints, and links to, the paragraph that holds it.
          for (const d of node.decisions ?? []) if (d.id !== undefined) add({ ...paragraph, range: d.range }, d.key);
          break;
        }
        case 'heading':
          add({ kind: 'heading', label: inlineText(node.content).trim(), anchor: node.anchor!, bookmark: node.bookmark!, ...none, restricted: node.restricted, range: node.range }, node.id);
          break;
        case 'loose':
          break;
      }
    }
  }
  for (const annex of tree.annexes) {
    const restricted = annex.visibility === 'restricted';
    add({ kind: 'annex', label: annex.label, anchor: annex.anchor, bookmark: annex.bookmark, ...none, restricted, range: annex.range }, annex.id);
    for (const node of annex.body) {
      if (node.type === 'paragraph' && !node.deleted) {
        // An unnumbered annex paragraph reads as the annex; it links to its own place when it has one.
        add(
          {
            kind: 'paragraph',
            label: node.label ?? annex.label,
            anchor: node.anchor ?? annex.anchor,
            bookmark: node.bookmark ?? annex.bookmark,
            ...none,
            number: node.number,
            restricted: restricted || node.restricted,
            range: node.range,
          },
          node.id,
        );
      } else if (node.type === 'heading') {
        add({ kind: 'heading', label: inlineText(node.content).trim(), anchor: node.anchor!, bookmark: node.bookmark!, ...none, restricted: restricted || node.restricted, range: node.range }, node.id);
      }
    }
  }
  return { targets, duplicates };
}

/** The decisions register: every decision of the report, in order, with its item, sub-item and paragraph. */
export function collectDecisions(tree: Pick<NumberedTree, 'items' | 'annexes'>): NumberedDecision[] {
  const decisions: NumberedDecision[] = [];
  visitTree(
    { items: tree.items, annexes: [] },
    {
      decision: (decision, paragraph, where) => {
        // A decision deleted with tracking (no id) is no decision of the register.
        if (decision.id === undefined || paragraph.number === null) return;
        decisions.push({ id: decision.id, stableId: decision.stableId!, item: paragraph.item!, subitem: paragraph.subitem, paragraph: paragraph.number, decision, restricted: where.restricted });
      },
    },
  );
  return decisions;
}

export function indexReport(tree: NumberedTree): NumberedReport {
  const { targets } = collectTargets(tree);
  // The tree's own ids first; the rest of the meeting folder (other documents) after.
  return { ...tree, targets: { ...tree.external, ...targets }, decisions: collectDecisions(tree) };
}

