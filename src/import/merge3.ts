// The three-way merge of one file: the base (what the copy was built from), ours (the Markdown as it is now) and
// theirs (the base with the reviewer's edits). node-diff3 merges by lines first, as diff3 and git do; a stretch both
// sides changed is merged again word by word, so two edits in one paragraph (one long line in Markdown) merge when they
// touch different words. What is left is a conflict: reported, or written as CriticMarkup for the secretariat to decide.

import { diff3Merge } from 'node-diff3';
import { pointAt } from '../diagnostics.js';

export interface Conflict {
  /** Where it is in ours, 1-based. */
  readonly line: number;
  readonly column: number;
  /** The conflicting stretch as each side has it. */
  readonly ours: string;
  readonly theirs: string;
}

export interface Merged {
  readonly text: string;
  readonly conflicts: readonly Conflict[];
}

/** How a conflict is written when the secretariat asks for both sides (`--conflicts mark`). */
export interface Marking {
  /** Who made the other copy: named in the comment that goes with each conflict. */
  readonly reviewer: string;
}

const lines = (text: string): string[] => text.split(/(?<=\n)/);

/**
 * The words of a stretch of Markdown, each construct one word so a merge never cuts through one: a change or comment
 * with its attribute block, a link or reference, a code span, an escaped character; then words, spaces, punctuation.
 */
const WORD = new RegExp(
  [
    String.raw`\{(?:\+\+|--|~~|==|>>)[\s\S]*?(?:\+\+|--|~~|==|<<)\}(?:\{[^{}\n]*\})*`,
    String.raw`!?\[(?:\\.|[^\]\\\n])*\]\([^()\s]*\)`,
    String.raw`\[\^[^\]\s]+\]`,
    '(`+)[\\s\\S]*?\\1',
    String.raw`\{#[^{}\s]+\}`,
    String.raw`\\.`,
    String.raw`\s+`,
    String.raw`[\p{L}\p{N}]+`,
    String.raw`[^\s\p{L}\p{N}]`,
  ].join('|'),
  'gu',
);
const words = (text: string): string[] => text.match(WORD) ?? [];

/** Merges theirs into ours from base; conflicts come back with their places, and are marked when `mark` is given. */
export function mergeThree(base: string, ours: string, theirs: string, mark?: Marking): Merged {
  if (theirs === base || ours === theirs) return { text: ours, conflicts: [] };
  if (ours === base) return { text: theirs, conflicts: [] };
  let text = '';
  const conflicts: Conflict[] = [];
  for (const region of diff3Merge(lines(ours), lines(base), lines(theirs), { excludeFalseConflicts: true })) {
    if (region.ok) {
      text += region.ok.join('');
      continue;
    }
    const c = region.conflict!;
    // Where the stretch starts in ours, to place what is found inside it.
    const start = lines(ours).slice(0, c.aIndex).join('').length;
    for (const part of diff3Merge(words(c.a.join('')), words(c.o.join('')), words(c.b.join('')), { excludeFalseConflicts: true })) {
      if (part.ok) {
        text += part.ok.join('');
        continue;
      }
      const w = part.conflict!;
      const mine = w.a.join('');
      const other = w.b.join('');
      const offset = start + words(c.a.join('')).slice(0, w.aIndex).join('').length;
      const { line, column } = pointAt(ours, offset);
      conflicts.push({ line, column, ours: mine, theirs: other });
      text += mark ? marked(mine, other, mark) : mine;
    }
  }
  return { text, conflicts };
}

/** The words a side reads as once its changes are accepted: what a conflict's substitution shows of it. */
export function acceptedText(markdown: string): string {
  return markdown
    .replace(/\{>>[\s\S]*?<<\}(\{[^{}\n]*\})?/g, '')
    .replace(/\{--[\s\S]*?--\}(\{[^{}\n]*\})?/g, '')
    .replace(/\{~~[\s\S]*?~>([\s\S]*?)~~\}(\{[^{}\n]*\})?/g, '$1')
    .replace(/\{\+\+([\s\S]*?)\+\+\}(\{[^{}\n]*\})?/g, '$1')
    .replace(/\{==([\s\S]*?)==\}/g, '$1');
}

/**
 * Both sides of a conflict as CriticMarkup: within a paragraph a substitution from ours to theirs, across paragraphs
 * ours deleted and theirs inserted paragraph by paragraph; a comment names the reviewer. Changes already inside a side
 * are shown accepted (CriticMarkup does not nest).
 */
function marked(ours: string, theirs: string, mark: Marking): string {
  const note = `{>>[${mark.reviewer.replace(/[\]\n]/g, ' ')}] Conflict: the Markdown and this reviewer's copy changed the same words; keep one.<<}`;
  const a = acceptedText(ours);
  const b = acceptedText(theirs);
  if (!/\n/.test(a + b)) {
    const core = (s: string) => /^(\s*)([\s\S]*?)(\s*)$/.exec(s)!;
    const [, lead = '', inner = '', trail = ''] = core(a.trim() ? a : b);
    if (!a.trim()) return `${lead}{++${inner}++}${note}${trail}`;
    if (!b.trim()) return `${lead}{--${inner}--}${note}${trail}`;
    const [, , theirsInner = ''] = core(b);
    return `${lead}{~~${inner}~>${theirsInner}~~}${note}${trail}`;
  }
  const wrap = (block: string, kind: '--' | '++') =>
    block
      .split('\n')
      .map((line) => {
        const m = /^(\s*(?:#{1,6}\s+|>\s*|[-*+]\s+|\d+[.)]\s+)?)(.*?)(\s*\{#[^{}\s]+\})?\s*$/.exec(line)!;
        const [, prefix = '', content = '', id = ''] = m;
        if (!content.trim() || /^\s*\|/.test(line) || /^\s*(:::|```|~~~)/.test(line)) return line;
        return `${prefix}{${kind}${content}${kind}}${id}`;
      })
      .join('\n');
  const deleted = wrap(a, '--');
  const inserted = wrap(b, '++');
  const joiner = deleted.endsWith('\n') || !deleted ? '' : '\n\n';
  return `${deleted}${joiner}${inserted.replace(/(\S)(\s*)$/, `$1${note}$2`)}`;
}
