// DOCX bookmark names for every anchor of the numbered tree: Word wants a letter first, then letters,
// digits and `_`, at most 40 characters, each name once in a document.

import type { Flow, NumberedParagraph, NumberedSubitem, NumberedTree } from '../model.js';

export class Bookmarks {
  private readonly names = new Map<string, string>();
  private readonly used = new Set<string>();

  name(anchor: string): string {
    const known = this.names.get(anchor);
    if (known) return known;
    let base = anchor.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 36);
    if (!/^[A-Za-z]/.test(base)) base = `b_${base}`.slice(0, 36);
    let name = base;
    for (let n = 2; this.used.has(name); n++) name = `${base}_${n}`;
    this.used.add(name);
    this.names.set(anchor, name);
    return name;
  }

  /** Names items, sub-items, numbered paragraphs and annexes first, then headings, in reading order. */
  assign<T extends NumberedTree>(tree: T): T {
    const paragraphs = <S>(body: readonly Flow<NumberedParagraph, S>[]) =>
      body.map((node) => (node.type === 'paragraph' && node.anchor ? { ...node, bookmark: this.name(node.anchor) } : node));
    const items = tree.items.map((item) => {
      const bookmark = this.name(item.anchor);
      const body = paragraphs(
        item.body.map((node) =>
          node.type === 'subitems' ? { ...node, subitems: node.subitems.map((s): NumberedSubitem => ({ ...s, bookmark: this.name(s.anchor) })) } : node,
        ),
      );
      return { ...item, bookmark, body };
    });
    const annexes = tree.annexes.map((annex) => ({ ...annex, bookmark: this.name(annex.anchor), body: paragraphs(annex.body) }));
    const headings = <S>(body: readonly Flow<NumberedParagraph, S>[]) =>
      body.map((node) => (node.type === 'heading' && node.anchor ? { ...node, bookmark: this.name(node.anchor) } : node));
    return {
      ...tree,
      items: items.map((item) => ({ ...item, body: headings(item.body) })),
      annexes: annexes.map((annex) => ({ ...annex, body: headings(annex.body) })),
    };
  }
}
