// A three-way merge of one stretch of Markdown: `base` is the Markdown the import reads off the DOCX acta writes,
// `edited` what it reads off the edited DOCX, `source` the author's own spelling of the same text (`_x_` for `*x*`,
// a link or restricted span as typed, a trailing `{#id}`). The edits from base to edited are carried onto source, so
// everything the reviewer did not touch keeps its bytes. Both diffs are the `diff` library's.

import { diffChars, diffWordsWithSpace } from 'diff';

interface Hunk {
  /** base[a, b) becomes text */
  readonly a: number;
  readonly b: number;
  readonly text: string;
}

/** The edits that turn base into edited, word by word. */
function hunks(base: string, edited: string): Hunk[] {
  const out: Hunk[] = [];
  let pos = 0;
  let open: { a: number; b: number; text: string } | null = null;
  for (const part of diffWordsWithSpace(base, edited)) {
    if (!part.added && !part.removed) {
      if (open) out.push(open);
      open = null;
      pos += part.value.length;
      continue;
    }
    open ??= { a: pos, b: pos, text: '' };
    if (part.removed) {
      pos += part.value.length;
      open.b = pos;
    } else open.text += part.value;
  }
  if (open) out.push(open);
  return out;
}

/** Stretches where base and source read the same: base[b, b+n) is source[s, s+n). */
function commonRuns(base: string, source: string): { b: number; s: number; n: number }[] {
  const out: { b: number; s: number; n: number }[] = [];
  let b = 0;
  let s = 0;
  for (const part of diffChars(base, source)) {
    const n = part.value.length;
    if (part.removed) b += n;
    else if (part.added) s += n;
    else {
      out.push({ b, s, n });
      b += n;
      s += n;
    }
  }
  return out;
}

/** Source with the edits that turn base into edited. */
export function mergeInto(source: string, base: string, edited: string): string {
  if (base === edited) return source;
  if (source === base) return edited;
  const runs = commonRuns(base, source);
  // A base offset to a source offset: within (or at an end of) a common stretch it maps exactly, the leftmost stretch
  // first (so what source alone holds there, such as a trailing `{#id}`, stays after an insertion); elsewhere the
  // hunk widens to the nearest stretch on that side.
  const left = (a: number): { base: number; source: number } => {
    const run = runs.find((r) => r.b <= a && a <= r.b + r.n);
    if (run) return { base: a, source: run.s + (a - run.b) };
    const before = runs.filter((r) => r.b + r.n < a).at(-1);
    return before ? { base: before.b + before.n, source: before.s + before.n } : { base: 0, source: 0 };
  };
  const right = (b: number): { base: number; source: number } => {
    const run = runs.find((r) => r.b <= b && b <= r.b + r.n);
    if (run) return { base: b, source: run.s + (b - run.b) };
    const after = runs.find((r) => r.b > b);
    return after ? { base: after.b, source: after.s } : { base: base.length, source: source.length };
  };
  // Widened hunks that overlap become one.
  const groups: { from: ReturnType<typeof left>; to: ReturnType<typeof right>; hunks: Hunk[] }[] = [];
  for (const h of hunks(base, edited)) {
    const from = left(h.a);
    const to = right(h.b);
    const last = groups.at(-1);
    if (last && from.base < last.to.base) {
      last.hunks.push(h);
      if (to.base > last.to.base) last.to = to;
    } else groups.push({ from, to, hunks: [h] });
  }
  let out = source;
  for (const g of groups.reverse()) {
    let text = '';
    let pos = g.from.base;
    for (const h of g.hunks) {
      text += base.slice(pos, h.a) + h.text;
      pos = h.b;
    }
    text += base.slice(pos, g.to.base);
    out = out.slice(0, g.from.source) + text + out.slice(Math.max(g.to.source, g.from.source));
  }
  return out;
}
