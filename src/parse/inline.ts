// Turns mdast phrasing content into model inlines: references, footnotes, tracked changes,
// restricted spans, safe links; directives that are really prose are put back as typed.

import type { PhrasingContent, Text } from 'mdast';
import type { Position } from 'unist';
import { warning, error, type Diagnostic } from '../diagnostics.js';
import type { Inline, SourceRange } from '../model.js';
import type { CriticComment, CriticHighlight, CriticInsert, CriticMarkerUnpaired, CriticSubstitute } from './critic/index.js';
import { checkRestrictedDirective, checkRestrictedText } from './restricted-spelling.js';

export interface InlineContext {
  readonly file: string;
  /** The text the reader parsed, to put back directives as typed. */
  readonly source: string;
  readonly diagnostics: Diagnostic[];
  /** Maps a footnote label of this file to its meeting-wide key. */
  readonly footnoteKey: (label: string) => string;
  /** Set inside a CriticMarkup node, to report another one nested in it. */
  readonly inCritic?: string;
}

type Node = PhrasingContent | { type: string; position?: Position; [k: string]: unknown };

const SAFE_URL = /^(https?:|mailto:)/i;

/** The source range of an mdast node: the parser gives every node its start and end. */
export function rangeOf(ctx: { file: string }, node: { position?: Position | undefined }): SourceRange {
  const p = node.position;
  const start = { line: p?.start.line ?? 1, column: p?.start.column ?? 1, offset: p?.start.offset ?? 0 };
  const end = p ? { line: p.end.line, column: p.end.column, offset: p.end.offset ?? start.offset } : start;
  return { file: ctx.file, start, end };
}

export function convertInlines(ctx: InlineContext, nodes: readonly Node[]): Inline[] {
  const out: Inline[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    // `{==words==}{>>comment<<}`: the comment is anchored on the highlighted words.
    if (node.type === 'criticHighlight' && nodes[i + 1]?.type === 'criticComment') {
      out.push(commentOf(ctx, node as CriticHighlight, nodes[i + 1] as CriticComment));
      i++;
      continue;
    }
    convertOne(ctx, node, out);
  }
  return mergeText(out);
}

/** CriticMarkup nodes inside one another: a change in a change has no meaning in Word. */
function convertCritic(ctx: InlineContext, node: Node, children: readonly Node[]): Inline[] {
  if (ctx.inCritic) {
    ctx.diagnostics.push(
      error(rangeOf(ctx, node), 'critic-nested', `Unexpected ${CRITIC_NAMES[node.type] ?? 'change'} inside ${ctx.inCritic}, expected changes and comments side by side, not one inside another`),
    );
  }
  return convertInlines({ ...ctx, inCritic: ctx.inCritic ?? CRITIC_NAMES[node.type] ?? 'a change' }, children);
}

const CRITIC_NAMES: Readonly<Record<string, string>> = {
  criticInsert: 'an insertion `{++…++}`',
  criticDelete: 'a deletion `{--…--}`',
  criticSubstitute: 'a substitution `{~~…~>…~~}`',
  criticHighlight: 'a highlight `{==…==}`',
  criticComment: 'a comment `{>>…<<}`',
};

const CLOSING: Readonly<Record<string, string>> = { '{++': '++}', '{--': '--}', '{~~': '~~}', '{==': '==}', '{>>': '<<}' };

/** A comment's body may open with its author in brackets: `{>>[Delegate of Japan] text<<}`. */
function commentOf(ctx: InlineContext, highlight: CriticHighlight | null, comment: CriticComment | null): Inline {
  const anchor = highlight ? convertCritic(ctx, highlight, highlight.children) : [];
  const range = rangeOf(ctx, highlight ?? comment!);
  if (!comment) return { type: 'comment', children: anchor, author: null, body: null, range };
  const body = convertCritic(ctx, comment, comment.children);
  const first = body[0];
  const m = first?.type === 'text' ? /^\s*\[([^\]]+)\]\s*/.exec(first.value) : null;
  if (!m || first?.type !== 'text') return { type: 'comment', children: anchor, author: null, body, range };
  const rest = first.value.slice(m[0].length);
  return { type: 'comment', children: anchor, author: m[1]!.trim(), body: rest ? [{ type: 'text', value: rest, range: first.range }, ...body.slice(1)] : body.slice(1), range };
}

function convertOne(ctx: InlineContext, node: Node, out: Inline[]): void {
  switch (node.type) {
    case 'text': {
      checkRestrictedText(ctx.file, ctx.source, node as Text, ctx.diagnostics);
      out.push({ type: 'text', value: (node as Text).value, range: rangeOf(ctx, node) });
      return;
    }
    case 'criticInsert':
    case 'criticDelete':
      out.push({ type: node.type === 'criticInsert' ? 'ins' : 'del', children: convertCritic(ctx, node, (node as CriticInsert).children), range: rangeOf(ctx, node) });
      return;
    case 'criticSubstitute': {
      const [old, replacement] = (node as CriticSubstitute).children;
      out.push({ type: 'del', children: convertCritic(ctx, node, old.children), range: rangeOf(ctx, old) });
      out.push({ type: 'ins', children: convertCritic(ctx, node, replacement.children), range: rangeOf(ctx, replacement) });
      return;
    }
    case 'criticHighlight':
      out.push(commentOf(ctx, node as CriticHighlight, null));
      return;
    case 'criticComment':
      out.push(commentOf(ctx, null, node as CriticComment));
      return;
    case 'criticMarkerUnpaired': {
      const typed = (node as CriticMarkerUnpaired).value;
      ctx.diagnostics.push(
        error(rangeOf(ctx, node), 'critic-unclosed', `Unexpected \`${typed}\` that is not closed in its paragraph, expected \`${CLOSING[typed] ?? '}'}\`${typed === '{~~' ? ' after `~>`' : ''} (inside the same emphasis, link or directive as the opening)`),
      );
      out.push({ type: 'text', value: typed, range: rangeOf(ctx, node) });
      return;
    }
    case 'emphasis':
    case 'strong':
    case 'delete': {
      const children = convertInlines(ctx, (node as { children: Node[] }).children);
      out.push({ type: node.type === 'delete' ? 'strike' : node.type, children, range: rangeOf(ctx, node) });
      return;
    }
    case 'inlineCode':
      out.push({ type: 'code', value: (node as { value: string }).value, range: rangeOf(ctx, node) });
      return;
    case 'break':
      out.push({ type: 'break', range: rangeOf(ctx, node) });
      return;
    case 'link': {
      const link = node as { url: string; children: Node[] };
      const children = convertInlines(ctx, link.children);
      if (link.url.startsWith('#')) {
        out.push({ type: 'ref', id: decodeURIComponent(link.url.slice(1)), children, range: rangeOf(ctx, node) });
      } else if (SAFE_URL.test(link.url)) {
        out.push({ type: 'link', url: link.url, children, range: rangeOf(ctx, node) });
      } else {
        ctx.diagnostics.push(
          warning(rangeOf(ctx, node), 'unsafe-link', `Unexpected link to \`${truncate(link.url)}\`, expected an http(s) or mailto address or \`#id\`; the link is left out and its text kept`),
        );
        for (const child of children) out.push(child);
      }
      return;
    }
    case 'linkReference': {
      // `[text][label]` reference-style links are not part of the format: kept exactly as typed.
      out.push({ type: 'text', value: sourceOf(ctx, node), range: rangeOf(ctx, node) });
      return;
    }
    case 'image':
    case 'imageReference': {
      const alt = String((node as { alt?: string }).alt ?? '');
      ctx.diagnostics.push(warning(rangeOf(ctx, node), 'image', 'Unexpected image, expected text (images are not supported yet); its description is kept'));
      if (alt) out.push({ type: 'text', value: alt, range: rangeOf(ctx, node) });
      return;
    }
    case 'footnoteReference': {
      const label = String((node as { identifier: string }).identifier);
      out.push({ type: 'footnote', key: ctx.footnoteKey(label), range: rangeOf(ctx, node) });
      return;
    }
    case 'html': {
      const value = String((node as { value: string }).value);
      if (/^<br\s*\/?>$/i.test(value.trim())) {
        out.push({ type: 'break', range: rangeOf(ctx, node) });
      } else if (!value.trim().startsWith('<!--')) {
        ctx.diagnostics.push(
          warning(rangeOf(ctx, node), 'raw-html', `Unexpected raw HTML \`${truncate(value)}\`, expected Markdown; it is left out (only \`<br>\` is kept)`),
        );
      }
      return;
    }
    case 'textDirective': {
      const directive = node as { name: string; children: Node[]; attributes?: Record<string, string | null | undefined> | null };
      const typed = sourceOf(ctx, node);
      if (directive.name === 'restricted' && /^:restricted\[/.test(typed)) {
        out.push({ type: 'restricted', children: convertInlines(ctx, directive.children), range: rangeOf(ctx, node) });
        return;
      }
      // `:restricted [text]`, `:restrcited[text]`: meant as restricted, so never published as typed.
      if (checkRestrictedDirective(rangeOf(ctx, node), typed, directive.name, ctx.diagnostics)) {
        out.push({ type: 'text', value: typed, range: rangeOf(ctx, node) });
        return;
      }
      // `10:30`, `Note:important`: prose, not a directive. `:name[…]` is kept too, with a warning.
      if (/^:[^[{]*[[{]/.test(typed)) {
        ctx.diagnostics.push(
          warning(rangeOf(ctx, node), 'unknown-directive', `Unexpected inline directive \`:${directive.name}\`, expected \`:restricted[…]\`; the text is kept as typed`),
        );
      }
      out.push({ type: 'text', value: typed, range: rangeOf(ctx, node) });
      return;
    }
    default: {
      // Anything else inline (unknown extensions) is kept as its source text.
      out.push({ type: 'text', value: sourceOf(ctx, node), range: rangeOf(ctx, node) });
    }
  }
}

function mergeText(nodes: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    const prev = out[out.length - 1];
    if (node.type === 'text' && prev?.type === 'text') out[out.length - 1] = { type: 'text', value: prev.value + node.value, range: { ...prev.range, end: node.range.end } };
    else out.push(node);
  }
  return out;
}

function sourceOf(ctx: InlineContext, node: Node): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return '';
  return ctx.source.slice(start, end);
}

function truncate(s: string): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > 40 ? `${one.slice(0, 39)}…` : one;
}

/** Plain text of inlines (labels of references are not known here, so their words only). */
export function inlineText(nodes: readonly Inline[]): string {
  let out = '';
  for (const n of nodes) {
    if (n.type === 'text' || n.type === 'code') out += n.value;
    else if (n.type === 'break') out += ' ';
    else if ('children' in n) out += inlineText(n.children);
  }
  return out;
}
