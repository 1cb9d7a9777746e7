// What a Word user types that acta computes or reads otherwise: a purpose line, typed labels and numbers, pasted
// bullets, indented paragraphs, unclosed blocks.

import type { Heading, RootContent } from 'mdast';
import { error, type Diagnostic } from '../diagnostics.js';
import { CATALOGUES } from '../i18n/catalogues.js';
import type { Inline, Item, TypedLabel } from '../model.js';
import { inlineText, rangeOf, type InlineContext } from './inline.js';
import { checkSoftBreaks } from './soft-breaks.js';

export function purposeOf(node: RootContent): string | null {
  if (node.type !== 'paragraph') return null;
  const children = node.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  const only = children.length === 1 ? children[0]! : null;
  const inner = only?.type === 'emphasis' ? only.children : node.children;
  if (!inner.every((c) => c.type === 'text' || c.type === 'emphasis')) return null;
  const text = inner.map((c) => (c.type === 'text' ? c.value : c.children.map((g) => ('value' in g ? g.value : '')).join(''))).join('').trim();
  const m = /^\(([^()]*)\)$/.exec(text);
  return m ? m[1]!.trim() : null;
}

/** Labels acta prints itself, typed at the start of a heading: `Item I –`, `Point IV:`, `(a)`, `b)`, `II.`. */
const ITEM_WORDS = [...new Set(Object.values(CATALOGUES).map((c) => c.item))];
const TYPED_ITEM_LABEL = new RegExp(`^(?:${ITEM_WORDS.join('|')})\\s+([IVXLC]+)\\b\\s*[-–—:.]?\\s*`, 'i');
const TYPED_LETTER = /^\(?([a-z])\)\s+/;
const TYPED_SECTION = /^([IVXLC]+)\.\s+/;

/**
 * Takes a typed label off the start of a heading's title, so that no edition prints it twice; the number stage,
 * which knows the real label, says whether it agreed. A label split by formatting is left for the author to see.
 */
export function takeTypedLabel(ctx: InlineContext, node: Heading, depth: 1 | 2, content: readonly Inline[], section: boolean): { content: readonly Inline[]; typedLabel?: TypedLabel } {
  const pattern = section ? TYPED_SECTION : depth === 1 ? TYPED_ITEM_LABEL : TYPED_LETTER;
  const first = content[0];
  // A label in bold or italics (`# **Item I** – Opening`) cannot be cut out of its formatting: it stays, and is said.
  const shown = first?.type === 'text' ? first.value : inlineText(content);
  const typed = pattern.exec(shown);
  if (!typed || typed[0].length === shown.length) return { content };
  const mark = section || depth === 1 ? typed[1]!.toUpperCase() : typed[1]!.toLowerCase();
  const typedLabel = { text: typed[0].trim(), mark, range: rangeOf(ctx, node) };
  if (first?.type !== 'text') return { content, typedLabel: { ...typedLabel, kept: true } };
  return { content: [{ ...first, value: first.value.slice(typed[0].length) }, ...content.slice(1)], typedLabel };
}

/** The bullet character a paragraph pasted from Word starts with (•, ·, ▪, ●, ◦, ■), or null. */
export function pastedBullet(ctx: InlineContext, node: RootContent): string | null {
  const start = node.position?.start.offset;
  return start === undefined ? null : (/^[•·▪●◦■]/.exec(ctx.source.slice(start, start + 1))?.[0] ?? null);
}

export function checkParagraphLines(ctx: InlineContext, node: RootContent, diagnostics: Diagnostic[]): void {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start !== undefined && end !== undefined) checkSoftBreaks(ctx.file, ctx.source, start, end, diagnostics);
}

/** Markdown reads a line indented by a tab or four spaces as code: a pasted first-line indent. */
export function isIndentedCode(ctx: InlineContext, node: RootContent): boolean {
  if (node.type !== 'code') return false;
  const start = node.position?.start.offset;
  return start !== undefined && !/^[ \t]*(`{3,}|~{3,})/.test(ctx.source.slice(start, start + 40));
}

export function reportIndented(ctx: InlineContext, node: RootContent): void {
  ctx.diagnostics.push(
    error(rangeOf(ctx, node), 'indented-paragraph', 'Unexpected indented text (a tab or four spaces at the start of the line make Markdown read it as code), expected the paragraph without indentation; to show code on purpose, put it between two ``` lines'),
  );
}

/** `:::restricted` … `:::` must be closed: micromark silently runs an open one to the end of the file. */
export function checkClosed(ctx: InlineContext, node: RootContent): boolean {
  const end = node.position?.end.offset;
  const start = node.position?.start.offset;
  if (end === undefined || start === undefined) return true;
  // Its last line only: blocks nest, and each reading its whole text again would cost their depth times the text.
  const lastBreak = ctx.source.lastIndexOf('\n', end - 1);
  return lastBreak >= start && /^\s*:{3,}\s*$/.test(ctx.source.slice(lastBreak + 1, end));
}
