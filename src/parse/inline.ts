// Turns mdast phrasing content into model inlines: references, footnotes, tracked changes,
// restricted spans, safe links; directives that are really prose are put back as typed.

import type { Image, Text } from 'mdast';
import type { Position } from 'unist';
import { warning, error, shortened } from '../diagnostics.js';
import type { Inline, SourceRange } from '../model.js';
import { takeAttributes, withAttributes } from './critic-attributes.js';
import type { InlineContext, InlineNode as Node } from './inline-context.js';
import { pictureOf } from './pictures.js';
import type { CriticComment, CriticHighlight, CriticInsert, CriticMarkerUnpaired, CriticSubstitute } from './critic/index.js';
import type { RestrictedMarkerUnpaired, RestrictedSpan } from './restricted/index.js';
import { checkRestrictedDirective, checkRestrictedEnd, checkRestrictedHtml, checkRestrictedText } from './restricted-spelling.js';

export type { InlineContext } from './inline-context.js';

const SAFE_URL = /^(https?:|mailto:)/i;

/** The source range of an mdast node: the parser gives every node its start and end. */
export function rangeOf(ctx: { file: string }, node: { position?: Position | undefined }): SourceRange {
  const p = node.position;
  const start = { line: p?.start.line ?? 1, column: p?.start.column ?? 1, offset: p?.start.offset ?? 0 };
  const end = p ? { line: p.end.line, column: p.end.column, offset: p.end.offset ?? start.offset } : start;
  return { file: ctx.file, start, end };
}

export function convertInlines(ctx: InlineContext, given: readonly Node[]): Inline[] {
  const { nodes, attributes } = takeAttributes(ctx, given);
  const out: Inline[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    // `{==words==}{>>comment<<}`: the comment is anchored on the highlighted words.
    if (node.type === 'criticHighlight' && nodes[i + 1]?.type === 'criticComment') {
      const comment = nodes[i + 1] as CriticComment;
      const made = withAttributes(ctx, commentOf(ctx, node as CriticHighlight, comment), attributes.get(comment), out);
      if (made) out.push(made);
      i++;
      continue;
    }
    const before = out.length;
    convertOne(ctx, node, out);
    const given = attributes.get(node);
    if (given) {
      // A reply goes into the comment before it, so it is not pushed again.
      for (const inline of out.splice(before)) {
        const made = withAttributes(ctx, inline, given, out);
        if (made) out.push(made);
      }
    }
  }
  const merged = mergeText(out);
  // Checked once merged, so that `:rest` (a bare directive put back) followed by a zero-width space and `ricted[` is seen whole.
  for (const inline of merged) if (inline.type === 'text') checkRestrictedText(ctx.source, inline, ctx.diagnostics, ctx.restrictedPlaces);
  return merged;
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

/** Converts one mdast node: by its converter, or kept as its source text. */
function convertOne(ctx: InlineContext, node: Node, out: Inline[]): void {
  const convert = Object.hasOwn(CONVERTERS, node.type) ? CONVERTERS[node.type]! : convertUnknown;
  convert(ctx, node, out);
}

/** Converts one mdast node of a type into model inlines, pushed on `out`. */
type Converter = (ctx: InlineContext, node: Node, out: Inline[]) => void;

/** The converter of each inline node type the reader makes. */
const CONVERTERS: Readonly<Record<string, Converter>> = {
  text: (ctx, node, out) => {
    out.push({ type: 'text', value: (node as Text).value, range: rangeOf(ctx, node) });
  },
  criticInsert: convertChange,
  criticDelete: convertChange,
  criticSubstitute: (ctx, node, out) => {
    const [old, replacement] = (node as CriticSubstitute).children;
    out.push({ type: 'del', children: convertCritic(ctx, node, old.children), range: rangeOf(ctx, old) });
    out.push({ type: 'ins', children: convertCritic(ctx, node, replacement.children), range: rangeOf(ctx, replacement) });
  },
  criticHighlight: (ctx, node, out) => { out.push(commentOf(ctx, node as CriticHighlight, null)); },
  criticComment: (ctx, node, out) => { out.push(commentOf(ctx, null, node as CriticComment)); },
  criticMarkerUnpaired: (ctx, node, out) => {
    const typed = (node as CriticMarkerUnpaired).value;
    ctx.diagnostics.push(
      error(rangeOf(ctx, node), 'critic-unclosed', `Unexpected \`${typed}\` that is not closed in its paragraph, expected \`${CLOSING[typed] ?? '}'}\`${typed === '{~~' ? ' after `~>`' : ''} (inside the same emphasis, link or restricted text as the opening)`),
    );
    out.push({ type: 'text', value: typed, range: rangeOf(ctx, node) });
  },
  restrictedSpan: (ctx, node, out) => {
    checkRestrictedEnd(ctx.file, ctx.source, node as RestrictedSpan, ctx.diagnostics);
    out.push({ type: 'restricted', children: convertInlines(ctx, (node as RestrictedSpan).children), range: rangeOf(ctx, node) });
  },
  restrictedMarkerUnpaired: convertRestrictedMarker,
  emphasis: formatting('emphasis'),
  strong: formatting('strong'),
  delete: formatting('strike'),
  inlineCode: convertCode,
  break: (ctx, node, out) => { out.push({ type: 'break', range: rangeOf(ctx, node) }); },
  link: convertLink,
  // `[text][label]` reference-style links are not part of the format: kept exactly as typed.
  linkReference: (ctx, node, out) => {
    if (holdsRestricted(ctx, node, 'a reference-style link `[text][label]`, which is kept as typed')) return;
    out.push({ type: 'text', value: sourceOf(ctx, node), range: rangeOf(ctx, node) });
  },
  image: convertImage,
  imageReference: convertImage,
  footnoteReference: (ctx, node, out) => {
    const label = String((node as { identifier: string }).identifier);
    out.push({ type: 'footnote', key: ctx.footnoteKey(label), range: rangeOf(ctx, node) });
  },
  html: convertHtml,
  textDirective: convertDirective,
};

/** An insertion `{++…++}` or a deletion `{--…--}`. */
function convertChange(ctx: InlineContext, node: Node, out: Inline[]): void {
  out.push({ type: node.type === 'criticInsert' ? 'ins' : 'del', children: convertCritic(ctx, node, (node as CriticInsert).children), range: rangeOf(ctx, node) });
}

/** A `:restricted[` or `]` left unpaired: an error, and the mark kept as text. */
function convertRestrictedMarker(ctx: InlineContext, node: Node, out: Inline[]): void {
  const typed = (node as RestrictedMarkerUnpaired).value;
  ctx.diagnostics.push(
    typed === ']'
      ? error(rangeOf(ctx, node), 'restricted-unclosed', `Unexpected \`]\` that closes no bracket after restricted text in the same paragraph, expected every \`]\` of the restricted text inside its brackets (a \`]\` of plain text is written \`\\]\`); as typed, the words before it would be published`)
      : error(rangeOf(ctx, node), 'restricted-unclosed', `Unexpected \`${typed}\` that is not closed in its paragraph, expected \`]\` to end the restricted text (brackets inside it in pairs, a lone one written \`\\[\` or \`\\]\`); ${PUBLISHED}`),
  );
  out.push({ type: 'text', value: typed, range: rangeOf(ctx, node) });
}

/** The converter of emphasis, strong emphasis or strikethrough, into an inline of `type`. */
function formatting(type: 'emphasis' | 'strong' | 'strike'): Converter {
  return (ctx, node, out) => {
    out.push({ type, children: convertInlines(ctx, (node as { children: Node[] }).children), range: rangeOf(ctx, node) });
  };
}

/** Code between backquotes, with an error where it swallowed the opening of restricted text. */
function convertCode(ctx: InlineContext, node: Node, out: Inline[]): void {
  const value = (node as { value: string }).value;
  // A stray backtick inside a span opens code that runs past the span's `]` to the next backtick: a `:restricted[`
  // swallowed by it, left open at the code's end, opens nothing, and the text the author meant to withhold would be
  // published. (Code that shows the syntax, `:restricted[text]` or `:restricted[`, is prose about it.)
  const opener = value.toLowerCase().lastIndexOf(':restricted');
  const swallowed = opener > 0 && /^:restricted\s*\[[^\]]*$/i.test(value.slice(opener)) && value.lastIndexOf(']', opener) !== -1;
  if (swallowed) {
    ctx.diagnostics.push(
      error(rangeOf(ctx, node), 'restricted-syntax', 'Unexpected `:restricted[` inside code (between backticks), expected the code closed before it: as typed, a backtick before it opens code that runs past it, so the span it starts is not restricted and its text would be published (escape a lone backtick as \\`)'),
    );
  }
  out.push({ type: 'code', value, range: rangeOf(ctx, node) });
}

/** A link: to `#id` a reference, to a safe address a link; to a file or any other address its text alone, with a warning. */
function convertLink(ctx: InlineContext, node: Node, out: Inline[]): void {
  const link = node as { url: string; children: Node[] };
  const children = convertInlines(ctx, link.children);
  if (link.url.startsWith('#')) {
    out.push({ type: 'ref', id: decodeURIComponent(link.url.slice(1)), children, range: rangeOf(ctx, node) });
  } else if (SAFE_URL.test(link.url)) {
    out.push({ type: 'link', url: link.url, children, range: rangeOf(ctx, node) });
  } else if (!/^[a-z][a-z0-9+.-]*:/i.test(link.url)) {
    // A file beside the Markdown (`annex.pdf`, `../maps/route.png`): nothing unsafe, it just does not travel with the report.
    ctx.diagnostics.push(
      warning(rangeOf(ctx, node), 'file-link', `Unexpected link to the file \`${truncate(link.url)}\`, which is not published with the report, expected an http(s) or mailto address or \`#id\`; the link is left out and its text kept`),
    );
    out.push(...children);
  } else {
    ctx.diagnostics.push(
      warning(rangeOf(ctx, node), 'unsafe-link', `Unexpected link to \`${truncate(link.url)}\`, expected an http(s) or mailto address or \`#id\`; the link is left out and its text kept`),
    );
    for (const child of children) out.push(child);
  }
}

/** A picture `![description](images/name.png)`; one written with a label keeps its description only. */
function convertImage(ctx: InlineContext, node: Node, out: Inline[]): void {
  const alt = String((node as { alt?: string }).alt ?? '');
  if ((node as Image).data?.holdsRestricted) {
    ctx.diagnostics.push(error(rangeOf(ctx, node), 'restricted-syntax', `Unexpected \`:restricted[…]\` inside an image's description, which is printed as plain text, expected the restricted text outside the image; ${PUBLISHED}`));
    return;
  }
  if (node.type === 'image') {
    const { picture, said } = pictureOf(ctx.pictures ?? { images: undefined, folder: '' }, String((node as { url?: string }).url ?? ''), alt, rangeOf(ctx, node));
    if (said) ctx.diagnostics.push(said);
    if (picture) out.push(picture);
    return;
  }
  // `![description][label]`: reference-style pictures are not part of the format.
  ctx.diagnostics.push(warning(rangeOf(ctx, node), 'image', `Unexpected picture written with a label, expected \`![description](images/name.png)\`; its description is kept`));
  if (alt) out.push({ type: 'text', value: alt, range: rangeOf(ctx, node) });
}

/** Raw HTML: `<br>` is a line break, a comment is left out, anything else is left out with a warning. */
function convertHtml(ctx: InlineContext, node: Node, out: Inline[]): void {
  const value = String((node as { value: string }).value);
  checkRestrictedHtml(rangeOf(ctx, node), value, ctx.diagnostics);
  if (/^<br\s*\/?>$/i.test(value.trim())) {
    out.push({ type: 'break', range: rangeOf(ctx, node) });
  } else if (!value.trim().startsWith('<!--')) {
    ctx.diagnostics.push(
      warning(rangeOf(ctx, node), 'raw-html', `Unexpected raw HTML \`${truncate(value)}\`, expected Markdown; it is left out (only \`<br>\` is kept)`),
    );
  }
}

/** A text directive other than restricted text (`10:30`, `Note:important`, a misspelled `:restricted`): put back as typed. */
function convertDirective(ctx: InlineContext, node: Node, out: Inline[]): void {
  const directive = node as { name: string; children: Node[]; attributes?: Record<string, string | null | undefined> | null };
  const typed = sourceOf(ctx, node);
  // `:restricted [text]`, `:restrcited[text]`: meant as restricted, so never published as typed.
  if (checkRestrictedDirective(rangeOf(ctx, node), typed, directive.name, ctx.diagnostics)) {
    out.push({ type: 'text', value: typed, range: rangeOf(ctx, node) });
    return;
  }
  if (holdsRestricted(ctx, node, `\`:${directive.name}[…]\`, which is kept as typed`)) return;
  // `10:30`, `Note:important`: prose, not a directive. `:name[…]` is kept too, with a warning.
  if (/^:[^[{]*[[{]/.test(typed)) {
    ctx.diagnostics.push(
      warning(rangeOf(ctx, node), 'unknown-directive', `Unexpected \`:${directive.name}[…]\`, expected \`:restricted[…]\`; the text is kept as typed`),
    );
  }
  out.push({ type: 'text', value: typed, range: rangeOf(ctx, node) });
}

/** Anything else inline (unknown extensions) is kept as its source text. */
function convertUnknown(ctx: InlineContext, node: Node, out: Inline[]): void {
  if (holdsRestricted(ctx, node, 'text that is kept as typed')) return;
  out.push({ type: 'text', value: sourceOf(ctx, node), range: rangeOf(ctx, node) });
}

const PUBLISHED = 'as typed, its text would be published';

/** Markdown kept as typed would print a restricted span inside it with its words: an error instead. */
function holdsRestricted(ctx: InlineContext, node: Node, what: string): boolean {
  const children = (node as { children?: readonly Node[] }).children ?? [];
  const holds = (nodes: readonly Node[]): boolean => nodes.some((n) => n.type === 'restrictedSpan' || holds((n as { children?: readonly Node[] }).children ?? []));
  if (!holds(children)) return false;
  ctx.diagnostics.push(error(rangeOf(ctx, node), 'restricted-syntax', `Unexpected \`:restricted[…]\` inside ${what}, expected the restricted text outside it; ${PUBLISHED}`));
  return true;
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
  return shortened(s, 40);
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
