// Makes the public edition from the numbered model, so no renderer can leak restricted text.

import type {
  Block, Decision, Flow, Inline, NumberedAnnex, NumberedParagraph, NumberedReport, NumberedSubitem, Target,
} from '../model.js';
import { walkFlow, walkInlines } from '../walk.js';
import { citedFootnotes } from './cited-footnotes.js';
import { mapBlockInlines, mapDecisionInlines, mapInlines } from './map-inlines.js';

/** Numbers never shift: everything keeps its full-edition number, restricted things leave gaps. */
export function filterPublic(report: NumberedReport): NumberedReport {
  const restrictedIds = new Set(Object.values(report.targets).filter((t) => t.restricted).map((t) => t.id));
  const labelOf = (id: string) => report.targets[id]?.label ?? '';

  const hide = (node: Inline): Inline[] => {
    if (node.type === 'restricted') return [];
    // Comments are the secretariat's working notes: only the words they are anchored on are published.
    if (node.type === 'comment') return [...node.children];
    // A reference to restricted content keeps its label (or the author's words) as text; the id and link go.
    if (node.type === 'ref' && restrictedIds.has(node.id)) return node.children.length ? [...node.children] : [{ type: 'text', value: labelOf(node.id) }];
    return [node];
  };
  const inlines = (nodes: readonly Inline[]) => mapInlines(nodes, hide);
  const blocks = (nodes: readonly Block[]) => mapBlockInlines(nodes, hide);
  const decisions = (list: readonly Decision[]) => mapDecisionInlines(list, hide);

  const flow = <S>(nodes: readonly Flow<NumberedParagraph, S>[], mapSub: (s: S) => S): Flow<NumberedParagraph, S>[] =>
    nodes.flatMap((node): Flow<NumberedParagraph, S>[] => {
      switch (node.type) {
        case 'paragraph':
          if (node.restricted) return [];
          return [{ ...node, content: inlines(node.content), blocks: blocks(node.blocks), decisions: node.decisions ? decisions(node.decisions) : null }];
        case 'heading':
          return node.restricted ? [] : [{ ...node, content: inlines(node.content) }];
        case 'loose':
          return node.restricted ? [] : [{ ...node, block: blocks([node.block])[0] as typeof node.block }];
        case 'subitems':
          return [{ ...node, subitems: node.subitems.map(mapSub) }];
      }
    });

  const subitem = (s: NumberedSubitem): NumberedSubitem => ({ ...s, title: inlines(s.title) });
  const items = report.items.map((item) => ({
    ...item,
    title: inlines(item.title),
    body: flow(item.body, subitem),
    subitems: item.subitems.map(subitem),
  }));

  const annexes: NumberedAnnex[] = report.annexes.map((annex) =>
    annex.visibility === 'restricted'
      ? { ...annex, id: '', title: '', body: [], file: '', place: report.place }
      : { ...annex, body: flow(annex.body, (s: never) => s) },
  );

  // Only the footnotes still cited from public text survive, renumbered in order of citation.
  const footnotes = citedFootnotes(
    report.footnotes,
    (visit) => {
      for (const item of items) {
        walkInlines(item.title, false, visit);
        walkFlow(item.body, false, visit);
      }
      for (const annex of annexes) walkFlow(annex.body, false, visit);
    },
    blocks,
  );

  const targets: Record<string, Target> = {};
  for (const target of Object.values(report.targets)) if (!target.restricted) targets[target.id] = target;

  return {
    ...report,
    public: true,
    items,
    annexes,
    footnotes,
    targets,
    decisions: report.decisions
      .filter((d) => !d.restricted)
      .map((d) => ({ ...d, decision: { ...d.decision, content: inlines(d.decision.content), blocks: blocks(d.decision.blocks) } })),
  };
}
