// The attribute block typed after a change or comment (`{by="…" at="…"}`, `{at="…" done}`, `{reply}`, see
// docs/format.md): taken off the text after it, and given to the change or comment it follows.

import type { Text } from 'mdast';
import { error, pointAt } from '../diagnostics.js';
import type { Attribution, Inline, SourceRange } from '../model.js';
import type { InlineContext, InlineNode } from './inline-context.js';

/** `{by="…" at="…"}` after a change, `{at="…" done}` or `{reply}` after a comment (see docs/format.md). */
export interface Attributes {
  readonly by?: string;
  readonly at?: string;
  readonly done?: boolean;
  readonly reply?: boolean;
  readonly range: SourceRange;
}

const ATTRIBUTE_BLOCK = /^\{((?:[ \t]*[A-Za-z][\w-]*(?:="[^"\n]*")?)+)[ \t]*\}/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;
const CRITIC_TYPES: ReadonlySet<string> = new Set(['criticInsert', 'criticDelete', 'criticSubstitute', 'criticComment']);

/**
 * Takes the attribute block that follows a change or comment off the text after it: the block is the change's, never
 * text. A block typed with a backslash (`\{by="…"}`) stays text.
 */
export function takeAttributes(ctx: InlineContext, given: readonly InlineNode[]): { nodes: InlineNode[]; attributes: Map<InlineNode, Attributes> } {
  const nodes = [...given];
  const attributes = new Map<InlineNode, Attributes>();
  for (let i = 0; i + 1 < nodes.length; i++) {
    const node = nodes[i]!;
    const start = nodes[i + 1]!.position?.start;
    if (!CRITIC_TYPES.has(node.type) || start?.offset === undefined || ctx.source[start.offset] !== '{') continue;
    // From the source: the reader may have split the block (`10:00` reads as a directive).
    const m = ATTRIBUTE_BLOCK.exec(ctx.source.slice(start.offset, start.offset + 512));
    if (!m) continue;
    const end = start.offset + m[0].length;
    // The nodes the block covers: whole ones go; a text node it ends inside keeps the rest of its text.
    let k = i + 1;
    while (k < nodes.length && (nodes[k]!.position?.end.offset ?? Infinity) <= end) k++;
    const straddling = nodes[k];
    let rest: InlineNode | null = null;
    if (straddling && (straddling.position?.start.offset ?? Infinity) < end) {
      const s = straddling.position!;
      if (straddling.type !== 'text' || !(straddling as Text).value.startsWith(ctx.source.slice(s.start.offset, end))) continue;
      const point = pointAt(ctx.source, end);
      rest = { ...(straddling as Text), value: (straddling as Text).value.slice(end - s.start.offset!), position: { start: point, end: s.end } } as Text;
    }
    const point = pointAt(ctx.source, end);
    const range: SourceRange = { file: ctx.file, start: { line: start.line, column: start.column, offset: start.offset }, end: point };
    const parsed = parseAttributes(ctx, m[1]!, range);
    if (!parsed) continue;
    attributes.set(node, parsed);
    nodes.splice(i + 1, k - (i + 1) + (rest ? 1 : 0), ...(rest ? [rest] : []));
  }
  return { nodes, attributes };
}

const KNOWN = ['by', 'at', 'done', 'reply'] as const;

/** The attributes a block's text gives; null for braces that name none of them (text). A key or value it cannot read is an error, and the block then gives none. */
function parseAttributes(ctx: InlineContext, text: string, range: SourceRange): Attributes | null {
  const found: { by?: string; at?: string; done?: boolean; reply?: boolean } = {};
  const pairs = [...text.matchAll(/([A-Za-z][\w-]*)(?:="([^"\n]*)")?/g)];
  // Text in braces that names none of the keys is text (`{sic}` after a change), not a mistyped block.
  if (!pairs.some(([, key]) => (KNOWN as readonly string[]).includes(key!))) return null;
  for (const [, key, value] of pairs) {
    if (key === 'by' && value !== undefined && value.trim()) found.by = value.trim();
    else if (key === 'at' && value !== undefined && ISO_DATE.test(value)) found.at = value;
    else if ((key === 'done' || key === 'reply') && value === undefined) found[key] = true;
    else {
      ctx.diagnostics.push(
        error(range, 'critic-attribute', `Unexpected \`${key}${value === undefined ? '' : `="${value}"`}\` after a change or comment, expected \`by="Name"\`, \`at="2026-12-01"\` (a date, or a date and time), \`done\` or \`reply\``),
      );
      return { range };
    }
  }
  return { ...found, range };
}

/** An inline with the attributes typed after it: who and when for a change; date and state for a comment; null for a reply, which joins the comment before it in `out`. */
export function withAttributes(ctx: InlineContext, inline: Inline, given: Attributes | undefined, out: Inline[]): Inline | null {
  if (!given) return inline;
  if (inline.type === 'ins' || inline.type === 'del') {
    if (given.done || given.reply) ctx.diagnostics.push(error(given.range, 'critic-attribute', 'Unexpected `done` or `reply` after a change, expected them after a comment `{>>…<<}`'));
    const by: Attribution = { ...(given.by ? { author: given.by } : {}), ...(given.at ? { date: given.at } : {}) };
    return by.author || by.date ? { ...inline, by } : inline;
  }
  if (inline.type !== 'comment') return inline;
  if (given.by) ctx.diagnostics.push(error(given.range, 'critic-attribute', 'Unexpected `by` after a comment, expected its author in brackets at the start of its text: `{>>[Delegate of Japan] …<<}`'));
  if (given.reply) {
    const parent = out.at(-1);
    if (parent?.type !== 'comment' || inline.children.length > 0) {
      ctx.diagnostics.push(error(given.range, 'critic-attribute', 'Unexpected `reply` after a comment that does not follow another comment, expected `{>>…<<}{reply}` right after the comment it answers'));
      return inline;
    }
    out[out.length - 1] = { ...parent, replies: [...(parent.replies ?? []), { author: inline.author, body: inline.body ?? [], ...(given.at ? { date: given.at } : {}), range: inline.range }] };
    return null;
  }
  return { ...inline, ...(given.at ? { date: given.at } : {}), ...(given.done ? { done: true } : {}) };
}
