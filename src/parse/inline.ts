// Turns mdast phrasing content into model inlines: references, footnotes, tracked changes,
// restricted spans, safe links; directives that are really prose are put back as typed.

import type { PhrasingContent, Text } from 'mdast';
import type { Point } from 'unist';
import { warning, error, type Diagnostic, type Place } from '../diagnostics.js';
import type { Inline } from '../model.js';
import { hasCritic, restoreCritic, tokenizeCritic, type CriticToken } from './critic-markup.js';
import { checkRestrictedDirective, checkRestrictedText } from './restricted-spelling.js';

export interface InlineContext {
  readonly file: string;
  /** The text the reader parsed (critic markers hidden), to put back directives as typed. */
  readonly source: string;
  readonly diagnostics: Diagnostic[];
  /** Maps a footnote label of this file to its meeting-wide key. */
  readonly footnoteKey: (label: string) => string;
}

type Node = PhrasingContent | { type: string; position?: { start: Point; end: Point }; [k: string]: unknown };

const SAFE_URL = /^(https?:|mailto:)/i;

export function placeOf(ctx: { file: string }, node: { position?: { start: Point } | undefined }): Place {
  const start = node.position?.start;
  return { file: ctx.file, line: start?.line ?? 1, column: start?.column ?? 1 };
}

export function convertInlines(ctx: InlineContext, nodes: readonly Node[]): Inline[] {
  const flat: (Inline | CriticMark)[] = [];
  for (const node of nodes) convertOne(ctx, node, flat);
  return groupCritic(ctx, flat);
}

interface CriticMark {
  readonly type: 'critic';
  readonly token: CriticToken;
  readonly place: Place;
}

function convertOne(ctx: InlineContext, node: Node, out: (Inline | CriticMark)[]): void {
  switch (node.type) {
    case 'text': {
      const value = (node as Text).value;
      checkRestrictedText(ctx.file, ctx.source, node as Text, ctx.diagnostics);
      if (!hasCritic(value)) {
        out.push({ type: 'text', value });
        return;
      }
      const place = placeOf(ctx, node);
      for (const token of tokenizeCritic(value)) {
        if (typeof token === 'string') out.push({ type: 'text', value: token });
        else out.push({ type: 'critic', token: token.token, place });
      }
      return;
    }
    case 'emphasis':
    case 'strong':
    case 'delete': {
      const children = convertInlines(ctx, (node as { children: Node[] }).children);
      out.push({ type: node.type === 'delete' ? 'strike' : node.type, children });
      return;
    }
    case 'inlineCode':
      out.push({ type: 'code', value: restoreCritic((node as { value: string }).value) });
      return;
    case 'break':
      out.push({ type: 'break' });
      return;
    case 'link': {
      const link = node as { url: string; children: Node[] };
      const children = convertInlines(ctx, link.children);
      if (link.url.startsWith('#')) {
        out.push({ type: 'ref', id: decodeURIComponent(link.url.slice(1)), children, place: placeOf(ctx, node) });
      } else if (SAFE_URL.test(link.url)) {
        out.push({ type: 'link', url: link.url, children });
      } else {
        ctx.diagnostics.push(
          warning(placeOf(ctx, node), 'unsafe-link', `Unexpected link to \`${truncate(link.url)}\`, expected an http(s) or mailto address or \`#id\`; the link is left out and its text kept`),
        );
        out.push(...children);
      }
      return;
    }
    case 'linkReference': {
      // `[text][label]` reference-style links are not part of the format: kept exactly as typed.
      out.push({ type: 'text', value: sourceOf(ctx, node) });
      return;
    }
    case 'image':
    case 'imageReference': {
      const alt = String((node as { alt?: string }).alt ?? '');
      ctx.diagnostics.push(warning(placeOf(ctx, node), 'image', 'Unexpected image, expected text (images are not supported yet); its description is kept'));
      if (alt) out.push({ type: 'text', value: alt });
      return;
    }
    case 'footnoteReference': {
      const label = String((node as { identifier: string }).identifier);
      out.push({ type: 'footnote', key: ctx.footnoteKey(label), place: placeOf(ctx, node) });
      return;
    }
    case 'html': {
      const value = String((node as { value: string }).value);
      if (/^<br\s*\/?>$/i.test(value.trim())) {
        out.push({ type: 'break' });
      } else if (!value.trim().startsWith('<!--')) {
        ctx.diagnostics.push(
          warning(placeOf(ctx, node), 'raw-html', `Unexpected raw HTML \`${truncate(value)}\`, expected Markdown; it is left out (only \`<br>\` is kept)`),
        );
      }
      return;
    }
    case 'textDirective': {
      const directive = node as { name: string; children: Node[]; attributes?: Record<string, string | null | undefined> | null };
      const typed = restoreCritic(sourceOf(ctx, node));
      if (directive.name === 'restricted' && /^:restricted\[/.test(typed)) {
        out.push({ type: 'restricted', children: convertInlines(ctx, directive.children), place: placeOf(ctx, node) });
        return;
      }
      // `:restricted [text]`, `:restrcited[text]`: meant as restricted, so never published as typed.
      if (checkRestrictedDirective(placeOf(ctx, node), typed, directive.name, ctx.diagnostics)) {
        out.push({ type: 'text', value: typed });
        return;
      }
      // `10:30`, `Note:important`: prose, not a directive. `:name[…]` is kept too, with a warning.
      if (/^:[^[{]*[[{]/.test(typed)) {
        ctx.diagnostics.push(
          warning(placeOf(ctx, node), 'unknown-directive', `Unexpected inline directive \`:${directive.name}\`, expected \`:restricted[…]\`; the text is kept as typed`),
        );
      }
      out.push({ type: 'text', value: typed });
      return;
    }
    default: {
      // Anything else inline (unknown extensions) is kept as its source text.
      out.push({ type: 'text', value: restoreCritic(sourceOf(ctx, node)) });
    }
  }
}

function groupCritic(ctx: InlineContext, flat: readonly (Inline | CriticMark)[]): Inline[] {
  if (!flat.some((n) => n.type === 'critic')) return mergeText(flat as Inline[]);
  interface Frame {
    kind: 'ins' | 'del' | 'sub';
    place: Place;
    old: Inline[] | null;
    children: Inline[];
    opener: CriticMark;
  }
  const root: Inline[] = [];
  const stack: Frame[] = [];
  const target = () => (stack.length ? stack[stack.length - 1]!.children : root);
  const textOf = (mark: CriticMark) =>
    ({ openIns: '{++', closeIns: '++}', openDel: '{--', closeDel: '--}', openSub: '{~~', midSub: '~>', closeSub: '~~}' })[mark.token];

  for (const node of flat) {
    if (node.type !== 'critic') {
      target().push(node);
      continue;
    }
    const top = stack[stack.length - 1];
    switch (node.token) {
      case 'openIns':
      case 'openDel':
      case 'openSub':
        stack.push({ kind: node.token === 'openIns' ? 'ins' : node.token === 'openDel' ? 'del' : 'sub', place: node.place, old: null, children: [], opener: node });
        break;
      case 'midSub':
        if (top?.kind === 'sub' && top.old === null) {
          top.old = top.children;
          top.children = [];
        } else target().push({ type: 'text', value: textOf(node) });
        break;
      default: {
        const kind = node.token === 'closeIns' ? 'ins' : node.token === 'closeDel' ? 'del' : 'sub';
        if (top?.kind !== kind) {
          ctx.diagnostics.push(crossing(node));
          target().push({ type: 'text', value: textOf(node) });
          break;
        }
        stack.pop();
        const into = target();
        if (kind === 'sub') {
          into.push({ type: 'del', children: mergeText(top.old ?? []), place: top.place });
          into.push({ type: 'ins', children: mergeText(top.children), place: top.place });
        } else {
          into.push({ type: kind, children: mergeText(top.children), place: top.place });
        }
      }
    }
  }
  // Markers whose partner sits in another piece of formatting: report, and keep the text as typed.
  while (stack.length) {
    const frame = stack.pop()!;
    ctx.diagnostics.push(crossing(frame.opener));
    const into = target();
    into.push({ type: 'text', value: textOf(frame.opener) });
    if (frame.old) into.push(...frame.old, { type: 'text', value: '~>' });
    into.push(...frame.children);
  }
  return mergeText(root);

  function crossing(mark: CriticMark): Diagnostic {
    return error(mark.place, 'critic-crossing', `Unexpected \`${textOf(mark)}\` across emphasis, a link or a directive, expected each change to open and close inside the same formatting`);
  }
}

function mergeText(nodes: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    const prev = out[out.length - 1];
    if (node.type === 'text' && prev?.type === 'text') out[out.length - 1] = { type: 'text', value: prev.value + node.value };
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
