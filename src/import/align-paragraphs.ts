// Aligns two readings of a document paragraph by paragraph (table rows as a whole): the DOCX acta wrote from the base
// and the reviewer's copy, or their footnotes; each paragraph's origin in the base by its hidden bookmark; paragraphs
// joined in Word with tracking on, as they will read once accepted.

import { diffArrays } from 'diff';
import type { Origin } from '../render/docx/origins.js';
import { STYLE } from '../render/docx/styles.js';
import type { DocxParagraph, Token } from './read-docx.js';

export type Step = { readonly kind: 'same' | 'changed'; readonly a: number; readonly b: number } | { readonly kind: 'added'; readonly b: number } | { readonly kind: 'removed'; readonly a: number };

/**
 * Two sequences aligned: equal keys first (the `diff` library's), then, within each stretch that differs, an element
 * of b takes the next element of a it scores at least 0.5 with (1: surely the same, -1: never), in order.
 */
export function align(a: readonly string[], b: readonly string[], score: (a: number, b: number) => number): Step[] {
  const steps: Step[] = [];
  let ia = 0;
  let ib = 0;
  let removed: number[] = [];
  let added: number[] = [];
  const flush = () => {
    let k = 0;
    for (const j of added) {
      let best = -1;
      let bestScore = 0.5;
      for (let i = k; i < removed.length; i++) {
        const s = score(removed[i]!, j);
        if (s > bestScore || (s === 1 && bestScore < 1)) {
          best = i;
          bestScore = s;
          if (s === 1) break;
        }
      }
      if (best < 0) {
        steps.push({ kind: 'added', b: j });
        continue;
      }
      for (; k < best; k++) steps.push({ kind: 'removed', a: removed[k]! });
      steps.push({ kind: 'changed', a: removed[best]!, b: j });
      k = best + 1;
    }
    for (; k < removed.length; k++) steps.push({ kind: 'removed', a: removed[k]! });
    removed = [];
    added = [];
  };
  for (const part of diffArrays(a as string[], b as string[])) {
    const count = part.count ?? part.value.length;
    if (part.removed) for (let k = 0; k < count; k++) removed.push(ia++);
    else if (part.added) for (let k = 0; k < count; k++) added.push(ib++);
    else {
      flush();
      for (let k = 0; k < count; k++) steps.push({ kind: 'same', a: ia++, b: ib++ });
    }
  }
  flush();
  return steps;
}

/** How alike two texts are, by their words (Dice's coefficient). */
export function likeness(a: string, b: string): number {
  const words = (s: string) => s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const wa = words(a);
  const wb = words(b);
  if (wa.length === 0 && wb.length === 0) return a.trim() === b.trim() ? 1 : 0.5;
  const pool = new Map<string, number>();
  for (const w of wa) pool.set(w, (pool.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of wb) {
    const n = pool.get(w) ?? 0;
    if (n > 0) {
      common++;
      pool.set(w, n - 1);
    }
  }
  return (2 * common) / (wa.length + wb.length);
}

export const plainText = (ps: readonly DocxParagraph[]) =>
  ps.map((p) => p.tokens.map((t) => (t.type === 'text' ? t.text : t.type === 'field' ? t.result : '')).join('')).join('\n');

/** A paragraph outside tables, or a table row with its cells' paragraphs by column. */
export interface DocxUnit {
  readonly first: number;
  readonly paragraphs: readonly DocxParagraph[];
  /** A table row: its cells' paragraphs, by column; null for a paragraph. */
  readonly cells: readonly (readonly DocxParagraph[])[] | null;
}

export function unitsOf(paragraphs: readonly DocxParagraph[]): DocxUnit[] {
  const out: DocxUnit[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    if (!p.cell) {
      out.push({ first: i, paragraphs: [p], cells: null });
      continue;
    }
    const first = i;
    const cells: DocxParagraph[][] = [];
    while (i < paragraphs.length && paragraphs[i]!.cell?.table === p.cell.table && paragraphs[i]!.cell?.row === p.cell.row) {
      const q = paragraphs[i]!;
      (cells[q.cell!.col] ??= []).push(q);
      i++;
    }
    i--;
    out.push({ first, paragraphs: paragraphs.slice(first, i + 1), cells: Array.from(cells, (c) => c ?? []) });
  }
  return out;
}

/** A cell's paragraphs as one (a Markdown cell is one line: further paragraphs are `<br>` breaks). */
export function cellParagraph(ps: readonly DocxParagraph[]): DocxParagraph {
  const first = ps[0];
  if (!first) return { style: STYLE.tableText, bookmarks: [], origin: null, mark: null, tokens: [], inTable: true, controls: 0, hidden: 0, cell: null };
  const tokens: Token[] = [];
  ps.forEach((p, i) => {
    if (i > 0) tokens.push({ type: 'text', text: '\n', bold: false, italic: false, strike: false, style: null, link: null, change: p.mark, formatChange: null });
    tokens.push(...p.tokens);
  });
  return { ...first, tokens };
}

/**
 * Paragraphs joined in Word with tracking on: a paragraph whose mark is deleted but whose words are not runs on into
 * the next one (of the same style, outside tables), as it will read once the change is accepted.
 */
export function joined(paragraphs: readonly DocxParagraph[]): DocxParagraph[] {
  const out: DocxParagraph[] = [];
  for (const p of paragraphs) {
    const last = out.at(-1);
    const join = last && last.mark?.kind === 'del' && !last.cell && !p.cell && last.style === p.style && !wholly(last);
    if (join) {
      const space: Token = { type: 'text', text: ' ', bold: false, italic: false, strike: false, style: null, link: null, change: null, formatChange: null };
      const ends = /\s$/.test(last.tokens.filter((t) => t.type === 'text').at(-1)?.text ?? ' ');
      out[out.length - 1] = { ...last, mark: p.mark, tokens: [...last.tokens, ...(ends ? [] : [space]), ...p.tokens], bookmarks: [...last.bookmarks, ...p.bookmarks], controls: last.controls + p.controls, hidden: last.hidden + p.hidden };
    } else out.push(p);
  }
  return out;
}

/** Every word of a paragraph is a tracked deletion. */
function wholly(p: DocxParagraph): boolean {
  const texts = p.tokens.filter((t) => t.type === 'text' || t.type === 'field');
  return texts.length > 0 && texts.every((t) => (t.type === 'text' && !t.text.trim()) || ('change' in t && t.change?.kind === 'del'));
}

/**
 * Each paragraph's origin, by its hidden bookmark; a paragraph acta wrote without one (the cover, the agenda, an empty
 * paragraph Word needs after a table) is fixed text, placed by the paragraph before it.
 */
export function originsOf(paragraphs: readonly DocxParagraph[], origins: readonly Origin[]): Origin[] {
  const out: Origin[] = [];
  for (const p of paragraphs) {
    const own = p.origin !== null ? origins[p.origin] : undefined;
    const before = out.at(-1);
    out.push(own ?? { kind: 'fixed', span: null, near: before?.near ?? null, range: before?.range ?? null, after: null, before: null, ...(before?.annex ? { annex: before.annex } : {}) });
  }
  return out;
}
