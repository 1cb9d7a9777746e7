// Makes the public edition from the numbered model, so no renderer can leak restricted text.

import type {
  Block, Decision, Flow, Inline, NumberedAnnex, NumberedFootnote, NumberedParagraph, NumberedReport, NumberedSubitem, Target,
} from '../model.js';
import { walkBlocks, walkFlow, walkInlines } from '../walk.js';

/** Numbers never shift: everything keeps its full-edition number, restricted things leave gaps. */
export function filterPublic(report: NumberedReport): NumberedReport {
  const restrictedIds = new Set(Object.values(report.targets).filter((t) => t.restricted).map((t) => t.id));
  const labelOf = (id: string) => report.targets[id]?.label ?? '';

  const inlines = (nodes: readonly Inline[]): Inline[] => {
    const out: Inline[] = [];
    for (const node of nodes) {
      if (node.type === 'restricted') continue;
      if (node.type === 'ref' && restrictedIds.has(node.id)) {
        // The label (or the author's words) stays as text; the id and the link go.
        const words = inlines(node.children);
        out.push(...(words.length ? words : [{ type: 'text', value: labelOf(node.id) } as const]));
        continue;
      }
      if ('children' in node) out.push({ ...node, children: inlines(node.children) } as Inline);
      else out.push(node);
    }
    return out;
  };

  const blocks = (nodes: readonly Block[]): Block[] =>
    nodes.flatMap((block): Block[] => {
      switch (block.type) {
        case 'plain':
          return [{ ...block, content: inlines(block.content) }];
        case 'heading':
          return block.restricted ? [] : [{ ...block, content: inlines(block.content) }];
        case 'list':
          return [{ ...block, items: block.items.map(blocks) }];
        case 'table':
          return [{ ...block, rows: block.rows.map((row) => row.map(inlines)) }];
        case 'quote':
          return [{ ...block, children: blocks(block.children) }];
        default:
          return [block];
      }
    });

  const decisions = (list: readonly Decision[]): Decision[] => list.map((d) => ({ ...d, content: inlines(d.content), blocks: blocks(d.blocks) }));

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
  const cited: string[] = [];
  const seen = new Set<string>();
  const collect = (node: Inline) => {
    if (node.type === 'footnote' && !seen.has(node.key)) {
      seen.add(node.key);
      cited.push(node.key);
    }
  };
  for (const item of items) {
    walkInlines(item.title, false, collect);
    walkFlow(item.body, false, collect);
  }
  for (const annex of annexes) walkFlow(annex.body, false, collect);
  const byKey = new Map(report.footnotes.map((f) => [f.key, f]));
  const footnotes: NumberedFootnote[] = [];
  for (let i = 0; i < cited.length; i++) {
    const original = byKey.get(cited[i]!);
    if (!original) continue;
    const number = footnotes.length + 1;
    const kept = blocks(original.blocks);
    footnotes.push({ ...original, blocks: kept, number, anchor: `fn-${number}` });
    walkBlocks(kept, false, collect);
  }

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
