// What the end of a heading or paragraph may carry: an id `{#id}`, the unnumbered mark `{-}`.

import type { RootContent } from 'mdast';
import { error } from '../diagnostics.js';
import type { Inline } from '../model.js';
import { rangeOf, type InlineContext } from './inline.js';

const TRAILING_ID = /^\{#([^\s{}]+)\}\s*$/;
/** `{-}` or `{.unnumbered}`, pandoc's two spellings for a heading it does not number (no leading `\s*`: tried at every space of a long run, it would take time that grows with the square of the run). */
const TRAILING_UNNUMBERED = /\{(?:-|\.unnumbered)\}\s*$/;

/** Source whose `{#id}` was typed with a backslash (`\{#id}`): text, not an id. */
const ESCAPED_ID = /\\\{#[^\s{}]*\\?\}\s*$/;
/** `\{-}`: the mark typed as text. */
const ESCAPED_UNNUMBERED = /\\\{(?:-|\.unnumbered)\\?\}\s*$/;

/** Takes a trailing `{#id}` off inline content (`source`: the file, to leave an escaped one as text). */
export function takeId(content: readonly Inline[], source?: string): { id: string | null; content: Inline[] } {
  const last = content[content.length - 1];
  if (last?.type !== 'text') return { id: null, content: [...content] };
  // Only the last `{#` can start it: a pattern tried at every space before it would take time that grows with
  // the square of a run of spaces.
  const at = last.value.lastIndexOf('{#');
  const m = at === -1 ? null : TRAILING_ID.exec(last.value.slice(at));
  if (!m) return { id: null, content: [...content] };
  if (source !== undefined && ESCAPED_ID.test(source.slice(last.range.start.offset, last.range.end.offset))) return { id: null, content: [...content] };
  const rest = last.value.slice(0, at).trimEnd();
  const kept = content.slice(0, -1);
  return { id: m[1]!, content: rest ? [...kept, { type: 'text', value: rest, range: last.range }] : kept };
}

/** Takes the marks a paragraph may end with: `{#id}`, or `{-}` that leaves it unnumbered (never both: it would be a target). */
export function takeParagraphMarks(ctx: InlineContext, node: RootContent, given: readonly Inline[]): { id: string | null; unnumbered: boolean; content: Inline[] } {
  const last = given[given.length - 1];
  const m = last?.type === 'text' ? TRAILING_UNNUMBERED.exec(last.value) : null;
  const escaped = last !== undefined && ESCAPED_UNNUMBERED.test(ctx.source.slice(last.range.start.offset, last.range.end.offset));
  if (!m || last?.type !== 'text' || escaped) return { ...takeId(given, ctx.source), unnumbered: false };
  const rest = last.value.slice(0, m.index).trimEnd();
  const { id, content } = takeId(rest ? [...given.slice(0, -1), { ...last, value: rest }] : given.slice(0, -1), ctx.source);
  if (id !== null) {
    ctx.diagnostics.push(
      error(rangeOf(ctx, node), 'unnumbered-id', `Unexpected \`{#${id}}\` on a paragraph left unnumbered with \`${m[0].trim()}\`, expected one or the other: an unnumbered paragraph has no number for a reference to print`),
    );
  }
  return { id: null, unnumbered: true, content };
}
