// One DOCX paragraph as Markdown: revisions as CriticMarkup, Word comments as `{==…==}{>>…<<}`, REF fields as
// `[](#id)`, hyperlinks as links, footnote calls as `[^key]`, bold, italic, strike, code and restricted text as
// acta writes them.

import type { NumberedReport, Target } from '../model.js';
import { STYLE } from '../render/docx/styles.js';
import type { DocxComment, DocxParagraph, Token } from './read-docx.js';

export interface MarkdownContext {
  readonly comments: ReadonlyMap<string, DocxComment>;
  /** The key of the footnote a call (by its id in this DOCX) stands for. */
  readonly footnoteKey: (id: string) => string | undefined;
  /** The report's targets by bookmark. */
  readonly byBookmark: ReadonlyMap<string, Target>;
  /** The author a comment needs no `[Author]` for. */
  readonly defaultAuthor: string;
}

export interface Written {
  readonly text: string;
  /** What the paragraph held that Markdown cannot take back (an image…). */
  readonly lost: readonly string[];
}

export interface WriteOptions {
  /** In a GFM table cell: `|` escaped, line breaks as `<br>`. */
  readonly cell?: boolean;
  /** For comparison: fields by what they point at (their results are Word's to recompute). */
  readonly key?: boolean;
}

export function markdownContext(report: NumberedReport, comments: ReadonlyMap<string, DocxComment>, footnoteKey: (id: string) => string | undefined): MarkdownContext {
  return { comments, footnoteKey, byBookmark: new Map(Object.values(report.targets).map((t) => [t.bookmark, t])), defaultAuthor: report.facts.changes.author };
}

interface Segment {
  readonly change: 'ins' | 'del' | null;
  readonly restricted: boolean;
  readonly link: string | null;
  readonly text: string;
}

export function paragraphMarkdown(ctx: MarkdownContext, p: DocxParagraph, options: WriteOptions = {}): Written {
  const lost: string[] = [];
  const tokens = mergeSubitemReferences(p.tokens, ctx.byBookmark);
  const segments: Segment[] = [];
  const escape = (text: string) => escapeMarkdown(text, options.cell === true);
  const push = (segment: Segment) => segments.push(segment);
  // Comment anchors take the place of the text around them, so they do not split a link or restricted span.
  const marker = (text: string) => {
    const last = segments.at(-1);
    push({ change: null, restricted: last?.restricted ?? false, link: last?.link ?? null, text });
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    switch (t.type) {
      case 'text': {
        // The words of a restricted span's labels are acta's to write.
        if (t.style === STYLE.restrictedLabel) break;
        // Consecutive runs with the same formatting are one span.
        let text = t.text;
        while (i + 1 < tokens.length) {
          const n = tokens[i + 1]!;
          if (n.type !== 'text' || n.bold !== t.bold || n.italic !== t.italic || n.strike !== t.strike || n.style !== t.style || n.link !== t.link || !sameChange(n.change, t.change)) break;
          text += n.text;
          i++;
        }
        push({ change: t.change?.kind ?? null, restricted: t.style === STYLE.restrictedChar, link: linkOf(ctx, t.link), text: formatted(escape(text), t) });
        break;
      }
      case 'field': {
        const ref = /^REF\s+(\S+)/.exec(t.instruction);
        const target = ref ? ctx.byBookmark.get(ref[1]!) : undefined;
        const hyperlink = /^HYPERLINK\s+(?:\\l\s+)?"([^"]*)"/.exec(t.instruction);
        const link = hyperlink ? linkOf(ctx, /^HYPERLINK\s+\\l/.test(t.instruction) ? `#${hyperlink[1]}` : hyperlink[1]!) : null;
        const text = target ? `[](#${target.id})` : options.key && !hyperlink ? `{${t.instruction.split(/\s+/).slice(0, 2).join(' ')}}` : escape(t.result);
        push({ change: t.change?.kind ?? null, restricted: t.style === STYLE.restrictedChar, link, text });
        break;
      }
      case 'footnote': {
        const key = ctx.footnoteKey(t.id);
        if (key) push({ change: t.change?.kind ?? null, restricted: segments.at(-1)?.restricted ?? false, link: null, text: `[^${key}]` });
        else lost.push('footnote call with no note');
        break;
      }
      case 'comment-start':
        marker('\u0000S');
        break;
      case 'comment-end': {
        const c = ctx.comments.get(t.id);
        const author = c && c.author && c.author !== ctx.defaultAuthor ? `[${c.author}] ` : '';
        if (c) marker(`\u0000E${author}${c.text}\u0000`);
        break;
      }
      case 'object':
        lost.push('image or object');
        if (options.key) push({ change: t.change?.kind ?? null, restricted: false, link: null, text: '\u0000O' });
        break;
    }
  }
  let out = restrictedSpans(segments);
  // Comment anchors: `{==words==}{>>text<<}`, or `{>>text<<}` at a point.
  out = out.replace(/\u0000S([^\u0000]*?)\u0000E([^\u0000]*)\u0000/g, (_, words: string, body: string) => (words ? `{==${words}==}{>>${body}<<}` : `{>>${body}<<}`));
  out = out.replace(/\u0000[SE]/g, '');
  out = out.trim();
  if (p.mark?.kind === 'del' && out && !out.startsWith('{--')) out = `{--${out}--}`;
  return { text: out, lost };
}

/** A link's Markdown address: an address as it is, a bookmark as the id of what it marks (null: not a link acta can write). */
function linkOf(ctx: MarkdownContext, link: string | null): string | null {
  if (link === null) return null;
  if (!link.startsWith('#')) return /^(https?:|mailto:)/i.test(link) ? link : null;
  const target = ctx.byBookmark.get(link.slice(1));
  return target ? `#${target.id}` : null;
}

/** Restricted spans outermost, then links, then revisions: an edit inside a span or link stays inside it. */
function restrictedSpans(segments: readonly Segment[]): string {
  return runsOf(segments, (s) => s.restricted)
    .map(([restricted, run]) => (restricted ? `:restricted[${links(run)}]` : links(run)))
    .join('');
}

function links(segments: readonly Segment[]): string {
  return runsOf(segments, (s) => s.link)
    .map(([link, run]) => (link ? `[${revisions(run)}](${link})` : revisions(run)))
    .join('');
}

function revisions(segments: readonly Segment[]): string {
  const runs = runsOf(segments, (s) => s.change).map(([change, run]) => ({ change, text: run.map((s) => s.text).join('') }));
  let out = '';
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i]!;
    const next = runs[i + 1];
    if (run.change === 'del' && next?.change === 'ins') {
      out += `{~~${run.text}~>${next.text}~~}`;
      i++;
    } else out += run.change === 'ins' ? `{++${run.text}++}` : run.change === 'del' ? `{--${run.text}--}` : run.text;
  }
  return out;
}

function runsOf<K>(segments: readonly Segment[], key: (s: Segment) => K): [K, Segment[]][] {
  const out: [K, Segment[]][] = [];
  for (const s of segments) {
    const k = key(s);
    const last = out.at(-1);
    if (last && last[0] === k) last[1].push(s);
    else out.push([k, [s]]);
  }
  return out;
}

/** "Item IV (b)" is written as two fields (the item and the letter): one reference to the sub-item. */
function mergeSubitemReferences(tokens: readonly Token[], byBookmark: ReadonlyMap<string, Target>): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const space = tokens[i + 1];
    const sub = tokens[i + 2];
    if (t.type === 'field' && space?.type === 'text' && space.text === ' ' && sub?.type === 'field') {
      const target = byBookmark.get(/^REF\s+(\S+)/.exec(sub.instruction)?.[1] ?? '');
      if (target?.kind === 'subitem' && target.item && t.instruction.startsWith(`REF ${target.item.bookmark} `)) {
        out.push(sub);
        i += 2;
        continue;
      }
    }
    out.push(t);
  }
  return out;
}

type ChangeOf = Extract<Token, { type: 'text' }>['change'];
const sameChange = (a: ChangeOf, b: ChangeOf) => (a === null && b === null) || (a !== null && b !== null && a.kind === b.kind && a.author === b.author);

/** Bold, italic and strike around the words, the spaces outside the markers (Markdown wants them so). */
function formatted(text: string, t: Extract<Token, { type: 'text' }>): string {
  let marker = (t.strike ? '~~' : '') + (t.bold ? '**' : '') + (t.italic ? '*' : '');
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  if (!m[2]) return text;
  let inner = m[2];
  if (t.style === STYLE.codeChar) {
    inner = `\`${m[2].replace(/\\([\\*[\]_|{<])/g, '$1')}\``;
    marker = '';
  }
  return `${m[1]}${marker}${inner}${[...marker].reverse().join('')}${m[3]}`;
}

function escapeMarkdown(text: string, cell: boolean): string {
  const escaped = text.replace(/[\\*[\]_]/g, (c) => `\\${c}`).replace(/\{(?=\+\+|--|~~|==|>>)/g, '\\{');
  return cell ? escaped.replace(/\|/g, '\\|').replace(/\n/g, '<br>') : escaped.replace(/\n/g, '\\\n');
}
