// The indexes of a numbered tree (reference targets, the decisions register), read off the tree
// itself. Every transform (public filter, accepted changes, an annex alone) calls indexReport on
// the tree it made, so no transform has a second copy of a fact to keep in step.

import type { NumberedAnnex, NumberedDecision, NumberedItem, NumberedReport, NumberedTree, PlacedTarget, SourceRange, Target } from '../model.js';
import { inlineText } from '../parse/inline.js';
import { visitTree } from '../walk.js';

export interface Duplicate {
  readonly id: string;
  readonly range: SourceRange;
  /** Where the id was first set. */
  readonly first: SourceRange;
}

/** A node that can be pointed at: its id (none when null or empty) and the target it makes. */
interface Candidate {
  readonly id: string | null;
  readonly target: Omit<PlacedTarget, 'id'>;
}

/** The fields a target that is no paragraph of an item leaves empty. */
const NONE = { number: null, item: null, subitemLabel: null } as const;

/** Every node with an id, in reading order; the first of two nodes with one id wins. */
export function collectTargets(tree: Pick<NumberedTree, 'items' | 'annexes'>): { targets: Record<string, Target>; duplicates: Duplicate[] } {
  const targets: Record<string, Target> = {};
  const duplicates: Duplicate[] = [];
  for (const { id, target } of [...tree.items.flatMap(itemCandidates), ...tree.annexes.flatMap(annexCandidates)]) {
    if (id === null || id === '') continue;
    const existing = targets[id];
    if (existing) duplicates.push({ id, range: target.range, first: existing.range });
    else targets[id] = { id, ...target };
  }
  return { targets, duplicates };
}

/** An item and what its body holds that can be pointed at: sub-items, numbered paragraphs, their named decisions, headings. */
function itemCandidates(item: NumberedItem): Candidate[] {
  const owner = { numeral: item.numeral, label: item.label, bookmark: item.bookmark };
  const own: Candidate = { id: item.id, target: { kind: 'item', label: item.label, anchor: item.anchor, bookmark: item.bookmark, ...NONE, item: owner, restricted: false, range: item.range } };
  return [
    own,
    ...item.body.flatMap((node): Candidate[] => {
      switch (node.type) {
        case 'subitems':
          return node.subitems.map((s) => {
            const subitemLabel = s.alone ? null : s.label;
            return { id: s.id, target: { kind: 'subitem', label: s.refLabel, anchor: s.anchor, bookmark: s.bookmark, number: null, item: owner, subitemLabel, restricted: false, range: s.range } };
          });
        case 'paragraph': {
          // A paragraph deleted with tracking is no target: a reference to it is an error (meeting-links.ts); nor is
          // one left unnumbered, which has no number to print.
          if (node.deleted || node.label === null) return [];
          const paragraph = { kind: 'paragraph', label: node.label!, anchor: node.anchor!, bookmark: node.bookmark!, ...NONE, number: node.number, item: owner, restricted: node.restricted } as const;
          // A decision named with `{#id}`: a reference to it prints, and links to, the paragraph that holds it.
          const named = (node.decisions ?? []).flatMap((d) => (d.id !== undefined ? [{ id: d.key, target: { ...paragraph, range: d.range } }] : []));
          return [{ id: node.id, target: { ...paragraph, range: node.range } }, ...named];
        }
        case 'heading':
          return [{ id: node.id, target: { kind: 'heading', label: inlineText(node.content).trim(), anchor: node.anchor!, bookmark: node.bookmark!, ...NONE, restricted: node.restricted, range: node.range } }];
        default:
          return [];
      }
    }),
  ];
}

/** An annex and its paragraphs and headings that can be pointed at. */
function annexCandidates(annex: NumberedAnnex): Candidate[] {
  const restricted = annex.visibility === 'restricted';
  const own: Candidate = { id: annex.id, target: { kind: 'annex', label: annex.label, anchor: annex.anchor, bookmark: annex.bookmark, ...NONE, restricted, range: annex.range } };
  return [
    own,
    ...annex.body.flatMap((node): Candidate[] => {
      if (node.type === 'paragraph' && !node.deleted) {
        // An unnumbered annex paragraph reads as the annex; it links to its own place when it has one.
        const label = node.label ?? annex.label;
        return [{ id: node.id, target: { kind: 'paragraph', label, anchor: node.anchor ?? annex.anchor, bookmark: node.bookmark ?? annex.bookmark, ...NONE, number: node.number, restricted: restricted || node.restricted, range: node.range } }];
      }
      if (node.type === 'heading') {
        return [{ id: node.id, target: { kind: 'heading', label: inlineText(node.content).trim(), anchor: node.anchor!, bookmark: node.bookmark!, ...NONE, restricted: restricted || node.restricted, range: node.range } }];
      }
      return [];
    }),
  ];
}

/** The decisions register: every decision of the report, in order, with its item, sub-item and paragraph. */
export function collectDecisions(tree: Pick<NumberedTree, 'items' | 'annexes'>): NumberedDecision[] {
  const decisions: NumberedDecision[] = [];
  visitTree(
    { items: tree.items, annexes: [] },
    {
      decision: (decision, paragraph, where) => {
        // A decision deleted with tracking (no id) is no decision of the register.
        if (decision.id === undefined) return;
        decisions.push({ id: decision.id, stableId: decision.stableId!, item: paragraph.item!, subitem: paragraph.subitem, paragraph: paragraph.number ?? paragraph.label, decision, restricted: where.restricted });
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

