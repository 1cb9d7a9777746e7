// The one traversal of the model: every query (visit) and every transform (map) goes through here,
// so a new kind of node or container is handled in one place.

import type {
  Banner, Block, Day, Decision, Flow, Footnote, Inline, NumberedAnnex, NumberedFootnote, NumberedItem, NumberedParagraph, NumberedReport, NumberedSubitem, NumberedTree, Paragraph, Subitem, TimetableEntry,
} from './model.js';

/** The scope a node sits in: restricted text or not, and which annex (null in the report body). */
export interface Scope {
  readonly restricted: boolean;
  readonly annex: NumberedAnnex | null;
}

export const BODY: Scope = { restricted: false, annex: null };

// ---- visit -------------------------------------------------------------------

export interface Visitor {
  /** Each run of inlines (a paragraph's content, a title, a cell…), before its nodes, for checks that need neighbours. */
  readonly inlines?: (nodes: readonly Inline[], where: Scope) => void;
  readonly inline?: (node: Inline, where: Scope) => void;
  readonly block?: (node: Block, where: Scope) => void;
  readonly flow?: (node: Flow<NumberedParagraph, NumberedSubitem>, where: Scope) => void;
  readonly decision?: (node: Decision, paragraph: NumberedParagraph, where: Scope) => void;
}

export function visitInlines(nodes: readonly Inline[], visitor: Visitor, where: Scope): void {
  visitor.inlines?.(nodes, where);
  for (const node of nodes) {
    visitor.inline?.(node, where);
    if ('children' in node) visitInlines(node.children, visitor, node.type === 'restricted' ? { ...where, restricted: true } : where);
    if (node.type === 'comment' && node.body) visitInlines(node.body, visitor, where);
    if (node.type === 'comment') for (const reply of node.replies ?? []) visitInlines(reply.body, visitor, where);
  }
}

export function visitBlocks(blocks: readonly Block[], visitor: Visitor, where: Scope): void {
  for (const block of blocks) {
    visitor.block?.(block, where);
    switch (block.type) {
      case 'plain':
      case 'heading':
        visitInlines(block.content, visitor, where);
        break;
      case 'list':
        for (const item of block.items) visitBlocks(item.blocks, visitor, where);
        break;
      case 'table':
        for (const row of block.rows) for (const cell of row.cells) visitInlines(cell.content, visitor, where);
        break;
      case 'quote':
        visitBlocks(block.children, visitor, where);
        break;
      case 'codeblock':
      case 'rule':
        break;
    }
  }
}

export function visitFlow(flow: readonly Flow<NumberedParagraph, NumberedSubitem | never>[], visitor: Visitor, where: Scope): void {
  for (const node of flow) {
    visitor.flow?.(node, where);
    switch (node.type) {
      case 'paragraph': {
        const inside = node.restricted ? { ...where, restricted: true } : where;
        visitInlines(node.content, visitor, inside);
        visitBlocks(node.blocks, visitor, inside);
        for (const d of node.decisions ?? []) {
          visitor.decision?.(d, node, inside);
          visitInlines(d.content, visitor, inside);
          visitBlocks(d.blocks, visitor, inside);
        }
        break;
      }
      case 'heading':
        visitInlines(node.content, visitor, node.restricted ? { ...where, restricted: true } : where);
        break;
      case 'loose':
        visitBlocks([node.block], visitor, node.restricted ? { ...where, restricted: true } : where);
        break;
      case 'subitems':
        for (const s of node.subitems) visitInlines(s.title, visitor, where);
        break;
      case 'toc':
        if (node.title) visitInlines(node.title, visitor, where);
        break;
    }
  }
}

/** What an item adds to the agenda table: its banner and the timetables written in it. */
function visitAgenda(item: { readonly banner?: Banner; readonly days?: readonly Day[] }, visitor: Visitor): void {
  if (item.banner) {
    visitInlines(item.banner.title, visitor, BODY);
    for (const note of item.banner.note) visitInlines(note, visitor, BODY);
  }
  for (const day of item.days ?? []) {
    visitInlines(day.title, visitor, BODY);
    for (const entry of day.entries) {
      visitInlines(entry.content, visitor, BODY);
      visitBlocks(entry.details, visitor, BODY);
    }
  }
}

/** The report's text in reading order: item titles and bodies, then each annex. Footnotes are not text here. */
export function visitTree(tree: Pick<NumberedTree, 'items' | 'annexes'>, visitor: Visitor): void {
  for (const item of tree.items) {
    visitInlines(item.title, visitor, BODY);
    visitAgenda(item, visitor);
    visitFlow(item.body, visitor, BODY);
  }
  for (const annex of tree.annexes) visitFlow(annex.body, visitor, { restricted: annex.visibility === 'restricted', annex });
}

/** The labels of the working documents submitted under an item or sub-item ("Doc. PC0509E1a"), as the number stage wrote them. */
export function documentsUnder(tree: Pick<NumberedTree, 'documents'>, id: string | null): string[] {
  return id === null ? [] : tree.documents.filter((d) => d.document?.item === id).map((d) => d.document!.label);
}

/** The item or sub-item a timetable line names by a lone reference to it (`- 9.30 – 10.00 [](#id)`), else null. */
function agendaEntryOf(tree: Pick<NumberedTree, 'items'>, content: readonly Inline[]): { item: NumberedItem; subitem: NumberedSubitem | null } | null {
  const words = content.filter((n) => !(n.type === 'text' && n.value.trim() === ''));
  const only = words.length === 1 ? words[0] : undefined;
  if (only?.type !== 'ref' || only.children.length) return null;
  for (const item of tree.items) {
    if (item.id === only.id) return { item, subitem: null };
    const subitem = subitemsOf(item).find((s) => s.id === only.id);
    if (subitem) return { item, subitem };
  }
  return null;
}

/** A timetable line, with the item or sub-item it names by a lone reference (null when it has words of its own). */
export interface TimetableLine extends TimetableEntry {
  readonly named: { readonly item: NumberedItem; readonly subitem: NumberedSubitem | null } | null;
}

/** The agenda's timetables in item order, a day each, every line with what it names: what each format prints. */
export function timetablesOf(tree: Pick<NumberedTree, 'items'>): { readonly title: Day['title']; readonly lines: readonly TimetableLine[] }[] {
  return tree.items.flatMap((item) => item.days ?? []).map((day) => ({ title: day.title, lines: day.entries.map((entry) => ({ ...entry, named: agendaEntryOf(tree, entry.content) })) }));
}

/** An item's sub-items in order, read off its body. */
export function subitemsOf<S extends Subitem = NumberedSubitem>(item: { readonly body: readonly Flow<Paragraph, S>[] }): S[] {
  return item.body.flatMap((node) => (node.type === 'subitems' ? [...node.subitems] : []));
}

// ---- map ---------------------------------------------------------------------

/** Rewrites one inline (its children already rewritten) into any number of inlines. */
export type InlineMap = (node: Inline, where: Scope) => readonly Inline[];

export interface Mapper {
  readonly inline?: InlineMap;
  /** Rewrites each run of inlines once its nodes are rewritten, for transforms that need neighbours. */
  readonly inlines?: (nodes: readonly Inline[], where: Scope) => readonly Inline[];
  /** Keeps, drops or replaces a top-level node of an item or annex (its inlines already rewritten). */
  readonly flow?: <S>(node: Flow<NumberedParagraph, S>, where: Scope) => readonly Flow<NumberedParagraph, S>[];
}

/**
 * A reference as the words it prints, with no link: its own words, else its target's label. For a part that leaves
 * the report (an annex alone, a corrigendum): what it points at is not there to link to.
 */
export function referenceAsText(tree: Pick<NumberedReport, 'targets'>, node: Extract<Inline, { type: 'ref' }>): Inline[] {
  return node.children.length ? [...node.children] : [{ type: 'text', value: tree.targets[node.id]?.label ?? '', range: node.range }];
}

export function mapInlines(nodes: readonly Inline[], mapper: Mapper, where: Scope): Inline[] {
  if (!mapper.inline && !mapper.inlines) return [...nodes];
  const map = mapper.inline ?? ((node: Inline) => [node]);
  const mapped = nodes.flatMap((node) => {
    const inside = node.type === 'restricted' ? { ...where, restricted: true } : where;
    let rewritten: Inline = 'children' in node ? ({ ...node, children: mapInlines(node.children, mapper, inside) } as Inline) : node;
    if (rewritten.type === 'comment' && rewritten.body) rewritten = { ...rewritten, body: mapInlines(rewritten.body, mapper, where) };
    if (rewritten.type === 'comment' && rewritten.replies) rewritten = { ...rewritten, replies: rewritten.replies.map((r) => ({ ...r, body: mapInlines(r.body, mapper, where) })) };
    return map(rewritten, where);
  });
  return mapper.inlines ? [...mapper.inlines(mapped, where)] : mapped;
}

export function mapBlocks(blocks: readonly Block[], mapper: Mapper, where: Scope): Block[] {
  return blocks.map((block) => mapBlock(block, mapper, where));
}

export function mapBlock<B extends Block>(block: B, mapper: Mapper, where: Scope): B {
  return mapAnyBlock(block, mapper, where) as B;
}

function mapAnyBlock(b: Block, mapper: Mapper, where: Scope): Block {
  switch (b.type) {
    case 'plain':
    case 'heading':
      return { ...b, content: mapInlines(b.content, mapper, where) };
    case 'list':
      return { ...b, items: b.items.map((item) => ({ ...item, blocks: mapBlocks(item.blocks, mapper, where) })) };
    case 'table':
      return { ...b, rows: b.rows.map((row) => ({ ...row, cells: row.cells.map((cell) => ({ ...cell, content: mapInlines(cell.content, mapper, where) })) })) };
    case 'quote':
      return { ...b, children: mapBlocks(b.children, mapper, where) };
    case 'codeblock':
    case 'rule':
      return b;
  }
}

function mapDecision<D extends Decision>(d: D, mapper: Mapper, where: Scope): D {
  return { ...d, content: mapInlines(d.content, mapper, where), blocks: mapBlocks(d.blocks, mapper, where) };
}

export function mapFlow<S extends Subitem>(flow: readonly Flow<NumberedParagraph, S>[], mapper: Mapper, where: Scope): Flow<NumberedParagraph, S>[] {
  return flow.flatMap((node): readonly Flow<NumberedParagraph, S>[] => {
    let mapped: Flow<NumberedParagraph, S>;
    switch (node.type) {
      case 'paragraph': {
        const inside = node.restricted ? { ...where, restricted: true } : where;
        mapped = {
          ...node,
          content: mapInlines(node.content, mapper, inside),
          blocks: mapBlocks(node.blocks, mapper, inside),
          decisions: node.decisions ? node.decisions.map((d) => mapDecision(d, mapper, inside)) : null,
        };
        break;
      }
      case 'heading':
        mapped = { ...node, content: mapInlines(node.content, mapper, node.restricted ? { ...where, restricted: true } : where) };
        break;
      case 'loose':
        mapped = { ...node, block: mapBlock(node.block, mapper, node.restricted ? { ...where, restricted: true } : where) };
        break;
      case 'subitems':
        mapped = { ...node, subitems: node.subitems.map((s) => ({ ...s, title: mapInlines(s.title, mapper, where) })) };
        break;
      case 'toc':
        mapped = node.title ? { ...node, title: mapInlines(node.title, mapper, where) } : node;
        break;
    }
    return mapper.flow ? mapper.flow(mapped, where) : [mapped];
  });
}

export function mapItem(item: NumberedItem, mapper: Mapper): NumberedItem {
  const inlines = (nodes: readonly Inline[]) => mapInlines(nodes, mapper, BODY);
  const banner = item.banner ? { ...item.banner, title: inlines(item.banner.title), note: item.banner.note.map(inlines) } : undefined;
  const days = item.days?.map((day) => ({ ...day, title: inlines(day.title), entries: day.entries.map((e) => ({ ...e, content: inlines(e.content), details: mapBlocks(e.details, mapper, BODY) })) }));
  return { ...item, title: inlines(item.title), body: mapFlow(item.body, mapper, BODY), ...(banner ? { banner } : {}), ...(days ? { days } : {}) };
}

export function mapAnnex(annex: NumberedAnnex, mapper: Mapper): NumberedAnnex {
  return { ...annex, body: mapFlow(annex.body, mapper, { restricted: annex.visibility === 'restricted', annex }) };
}

export function mapFootnote<F extends Footnote | NumberedFootnote>(footnote: F, mapper: Mapper, where: Scope = BODY): F {
  return { ...footnote, blocks: mapBlocks(footnote.blocks, mapper, where) };
}

/** Rewrites the whole tree: items, annexes and footnotes. */
export function mapTree<T extends NumberedTree>(tree: T, mapper: Mapper): T {
  return {
    ...tree,
    items: tree.items.map((item) => mapItem(item, mapper)),
    annexes: tree.annexes.map((annex) => mapAnnex(annex, mapper)),
    footnotes: tree.footnotes.map((f) => mapFootnote(f, mapper)),
  };
}
