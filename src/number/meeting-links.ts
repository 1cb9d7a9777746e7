// The links across a meeting folder once each of its trees is numbered: ids unique across the report and its working
// documents, each tree's index holding the targets of the others, and every reference checked against them.

import { closest, distance } from 'fastest-levenshtein';
import { error, formatPlace, warning, type Diagnostic } from '../diagnostics.js';
import type { Catalogue } from '../i18n/labels.js';
import type { Inline, NumberedReport, NumberedTree, Report, SourceRange, Target } from '../model.js';
import { linksBetween, placeOfTree } from '../output-names.js';
import { BODY, mapTree, visitBlocks, visitTree, type Scope } from '../walk.js';
import { collectTargets, indexReport, type Duplicate } from './index-report.js';

/** The targets one tree owns, and the ids it sets twice. */
type Owned = { readonly targets: Readonly<Record<string, Target>>; readonly duplicates: readonly Duplicate[] };

/** The trees of a meeting (the report first, then each working document) indexed with each other's targets, every reference checked. */
export function linkMeeting(trees: readonly NumberedTree[], report: Report, catalog: Catalogue, diagnostics: Diagnostic[]): NumberedReport[] {
  const owned = trees.map((tree) => collectTargets(tree));
  checkDuplicateIds(trees, owned, report, diagnostics);
  const withExternal = trees.map((tree, i) => {
    const indexed = indexReport({ ...tree, external: externalTargets(trees, owned, i, report, catalog) });
    return indexReport(absorbTypedRefWords(indexed, indexed.targets));
  });
  withExternal.forEach((tree) => checkReferences(tree, diagnostics));
  return withExternal;
}

/** Ids are unique across the meeting folder: the report, its annexes and every document. */
function checkDuplicateIds(trees: readonly NumberedTree[], owned: readonly Owned[], report: Report, diagnostics: Diagnostic[]): void {
  const firsts = new Map<string, SourceRange>();
  const duplicate = (id: string, range: SourceRange) => {
    const first = firsts.get(id);
    if (first) diagnostics.push(error(range, 'duplicate-id', `Unexpected duplicate id \`${id}\`, expected each id once in the meeting (already used at ${formatPlace(first)})`));
    else firsts.set(id, range);
  };
  owned.forEach(({ targets, duplicates }, i) => {
    for (const t of Object.values(targets)) duplicate(t.id, t.range);
    for (const d of duplicates) diagnostics.push(error(d.range, 'duplicate-id', `Unexpected duplicate id \`${d.id}\`, expected each id once in the meeting (already used at ${formatPlace(d.first)})`));
    const document = trees[i]!.document;
    if (document) duplicate(document.id, report.documents[i - 1]!.range);
  });
}

/** What tree `i` can point at outside itself: every working document, and the targets the other trees own, labelled as seen from elsewhere. */
function externalTargets(trees: readonly NumberedTree[], owned: readonly Owned[], i: number, report: Report, catalog: Catalogue): Record<string, Target> {
  const external: Record<string, Target> = {};
  trees.forEach((other, j) => {
    const place = { symbol: other.meta.symbol, kind: other.document ? ('document' as const) : ('report' as const) };
    const elsewhere = { ...place, href: linksBetween(placeOfTree(trees[i]!), place) };
    const otherRestricted = other.document?.visibility === 'restricted';
    if (other.document) {
      const d = other.document;
      external[d.id] = { id: d.id, kind: 'document', label: d.label, anchor: null, bookmark: null, number: null, item: null, subitemLabel: null, restricted: otherRestricted, range: report.documents[j - 1]!.range, elsewhere };
    }
    if (j === i) return;
    const docLabel = catalog.documentLabel(other.meta.symbol);
    for (const t of Object.values(owned[j]!.targets)) {
      if (external[t.id]) continue;
      external[t.id] = { ...t, label: externalLabel(t, other, docLabel, catalog), restricted: t.restricted || otherRestricted, elsewhere };
    }
  });
  return external;
}

/** "paragraph 4 of Doc. PC0509E1a", "Annex II to doc. PC0517E1a"; the agenda's items as the report prints them. */
function externalLabel(t: Target, other: NumberedTree, docLabel: string, catalog: Catalogue): string {
  const annex = t.kind === 'annex' ? other.annexes.find((a) => a.anchor === t.anchor) : undefined;
  if (t.kind === 'paragraph' && t.number !== null) return catalog.paragraphOf(t.label, docLabel);
  if (annex) return annex.header;
  if ((t.kind === 'item' || t.kind === 'subitem') && !other.document) return t.label;
  if (t.kind === 'item' && t.item) return catalog.sectionOf(t.item.numeral, docLabel);
  return `${t.label} (${docLabel})`;
}

/** Every reference must point at an id of the meeting folder; public text should not point at restricted text. */
function checkReferences(tree: NumberedReport, diagnostics: Diagnostic[]): void {
  const { targets } = tree;
  const deleted = new Set<string>();
  visitTree(tree, { flow: (node) => void (node.type === 'paragraph' && node.deleted && node.id !== null && deleted.add(node.id)) });
  /** The item says `<!-- public-labels -->`: its author means the labels of the restricted things it points at to be public. */
  let allowed = false;
  const checkRef = {
    inline: (node: Inline, where: Scope) => {
      if (node.type !== 'ref') return;
      const target = targets[node.id];
      if (!target && deleted.has(node.id)) {
        diagnostics.push(error(node.range, 'ref-to-deleted', `Unexpected reference to \`${node.id}\`, a paragraph a tracked change deletes (\`{--…--}\`), expected a reference to text that stays: accept or reject the deletion, or change the reference`));
      } else if (!target) {
        const ids = Object.keys(targets);
        const near = ids.length ? closest(node.id, ids) : null;
        // Only a near miss is worth suggesting: a typo, not just any id.
        const hint = near !== null && distance(node.id, near) <= Math.max(2, Math.floor(node.id.length / 3)) ? ` (did you mean \`${near}\`?)` : '';
        diagnostics.push(error(node.range, 'unknown-id', `Unexpected reference to unknown id \`${node.id}\`, expected an id set with \`{#${node.id}}\`${hint}`));
      } else if (target.restricted && target.kind !== 'annex' && !allowed && !where.restricted && !(tree.document?.visibility === 'restricted')) {
        // An annex's label is public (the public edition keeps its numeral and says it is not included): "set out at Annex I hereto".
        diagnostics.push(
          warning(node.range, 'ref-to-restricted', `Unexpected reference from public text to restricted \`${node.id}\`, expected public text to point at public content (the public version shows the label without a link; if you mean it, put \`<!-- public-labels -->\` in the item)`),
        );
      }
    },
  };
  for (const item of tree.items) {
    allowed = item.allow.includes('public-labels');
    visitTree({ items: [item], annexes: [] }, checkRef);
  }
  allowed = false;
  visitTree({ items: [], annexes: tree.annexes }, checkRef);
  for (const f of tree.footnotes) visitBlocks(f.blocks, checkRef, BODY);
}

/**
 * `Item [](#partners)` would print "Item Item V": the word typed before a reference that prints it itself is
 * taken out, so the label prints once ("Item V", "Annex II", "paragraph 4 of Doc. PC0509E1a") and the sentence
 * reads as the author meant it. A whole word only: "sub-item [](#x)" keeps its "item". A paragraph's own label is
 * its number alone, so "paragraph [](#x)" stays as typed.
 */
function absorbTypedRefWords<T extends NumberedTree>(tree: T, targets: Readonly<Record<string, { readonly label: string }>>): T {
  return mapTree(tree, {
    inlines: (nodes) =>
      nodes.flatMap((node, i): Inline[] => {
        const next = nodes[i + 1];
        if (node.type !== 'text' || next?.type !== 'ref' || next.children.length > 0) return [node];
        // The text's end only: a pattern tried along a long run of letters would take time that grows with its square.
        const tail = node.value.slice(-100);
        const typed = /(?<![\p{L}\p{N}\-\u2010])(\p{L}+)\s*$/u.exec(tail);
        const first = /^\p{L}+/u.exec(targets[next.id]?.label ?? '')?.[0];
        if (!typed || !first || typed[1]!.toLowerCase() !== first.toLowerCase()) return [node];
        const value = node.value.slice(0, node.value.length - tail.length + typed.index);
        return value === '' ? [] : [{ ...node, value }];
      }),
  });
}
