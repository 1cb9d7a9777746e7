// Reads what a decision says about itself at the end of its text, `{#id}` and links to earlier decisions
// (`{supersedes="PC0490E1a/IV/1"}`), and takes them off the text, so no edition prints them.

import { closest, distance } from 'fastest-levenshtein';
import { error, pointAt, type Diagnostic } from '../diagnostics.js';
import { LINK_RELATIONS, type DecisionLink, type Inline, type LinkRelation, type SourceRange } from '../model.js';

/** A `{…}` closing the text; what it holds is read as attributes only when it starts like one. */
const BLOCK = /\s*\{([^{}\n]*)\}\s*$/;
const LOOKS_LIKE_ATTRIBUTES = /^\s*(?:#|[A-Za-z][\w-]*\s*[=:])/;
/** One attribute: `#id`, `name="value"` (straight or curly quotes, as a word processor types them) or `name=value`. */
const ATTRIBUTE = /\s*(?:#([^\s{}="“”]+)|([A-Za-z][\w-]*)\s*=\s*(?:["“]([^"“”]*)["”]|([^\s"“”]+)))/y;

export interface DecisionAttributes {
  readonly key: string | null;
  readonly links: readonly DecisionLink[];
  /** The decision's text without the `{…}`. */
  readonly content: Inline[];
}

export interface AttributeContext {
  readonly file: string;
  /** The text of the file, to point at each id where it is typed. */
  readonly source: string;
  readonly diagnostics: Diagnostic[];
}

const RELATIONS: readonly string[] = LINK_RELATIONS;
const EXAMPLE = '`{supersedes="PC0490E1a/IV/1"}`';

/** Takes a trailing `{#id supersedes="…" amends="…"}` off a decision's text; problems are reported where they are typed. */
export function takeDecisionAttributes(ctx: AttributeContext, content: readonly Inline[]): DecisionAttributes {
  const last = content[content.length - 1];
  const none = { key: null, links: [], content: [...content] };
  if (last?.type !== 'text') return none;
  const m = BLOCK.exec(last.value);
  if (!m || !LOOKS_LIKE_ATTRIBUTES.test(m[1]!)) return none;
  const at = locator(ctx, last, m.index + m[0].indexOf('{') + 1);
  const body = m[1]!;
  let key: string | null = null;
  const links: DecisionLink[] = [];
  // A copy of the pattern for this call: a sticky pattern keeps where it stopped, which no two calls may share.
  const attribute = new RegExp(ATTRIBUTE);
  let position = 0;
  for (;;) {
    attribute.lastIndex = position;
    const a = attribute.exec(body);
    if (!a) break;
    const start = a.index + (a[0].length - a[0].trimStart().length);
    position = attribute.lastIndex;
    if (a[1] === undefined) readLink(ctx, at, a, start, links);
    else if (key !== null) ctx.diagnostics.push(error(at(start, a[0].trim().length), 'decision-link', `Unexpected second id \`#${a[1]}\` on a decision, expected one \`{#id}\``));
    else key = a[1];
  }
  checkRest(ctx, at, body, position);
  const kept = last.value.slice(0, m.index);
  const text: Inline[] = kept ? [{ type: 'text', value: kept, range: last.range }] : [];
  return { key, links, content: [...content.slice(0, -1), ...text] };
}

/** Where a stretch of the block's text is in the file: by its index in the block, and its length. */
type Locate = (index: number, length: number) => SourceRange;

/**
 * Where each character of the block that starts at `inner` in the text node is in the file: exact when the node is
 * the source as typed (no escapes or entities in it), else the node's start, which is still the right line.
 */
function locator(ctx: AttributeContext, last: Extract<Inline, { type: 'text' }>, inner: number): Locate {
  const exact = ctx.source.slice(last.range.start.offset, last.range.end.offset) === last.value;
  return (index, length) => {
    if (!exact) return last.range;
    const start = last.range.start.offset + inner + index;
    return { file: last.range.file, start: pointAt(ctx.source, start), end: pointAt(ctx.source, start + length) };
  };
}

/** Reads a `name="targets"` attribute (`a`, typed at `start` in the block) into links, each target checked. */
function readLink(ctx: AttributeContext, at: Locate, a: RegExpExecArray, start: number, links: DecisionLink[]): void {
  const name = a[2]!;
  const value = a[3] ?? a[4]!;
  const relation = relationOf(name);
  if (!relation) {
    const near = closest(name.toLowerCase(), [...RELATIONS]);
    const hint = distance(name.toLowerCase(), near) <= 3 ? ` (did you mean \`${near}\`?)` : '';
    ctx.diagnostics.push(error(at(start, name.length), 'decision-link', `Unexpected link \`${name}\`, expected one of ${RELATIONS.map((r) => `\`${r}\``).join(', ')}${hint}`));
    return;
  }
  const valueStart = a.index + a[0].length - value.length - (a[3] !== undefined ? 1 : 0);
  const targets = [...value.matchAll(/[^\s,;]+/g)];
  if (targets.length === 0) {
    ctx.diagnostics.push(error(at(start, a[0].trim().length), 'decision-link', `Unexpected \`${name}\` with no decision id, expected the id of the decision it ${name}, as ${EXAMPLE}`));
    return;
  }
  for (const t of targets) {
    const target = t[0];
    const range = at(valueStart + t.index, target.length);
    // `IV/1` is a decision of this session typed without its symbol: a symbol is never a bare item numeral.
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*\/\S+$/.test(target) || /^[IVXLC]+\//.test(target)) {
      ctx.diagnostics.push(error(range, 'decision-link', `Unexpected decision id \`${target}\`, expected the full id of a decision, its session's symbol first, as ${EXAMPLE}`));
      continue;
    }
    links.push({ relation, target, range });
  }
}

/** Reports what is left of the block past the last attribute read (`position`), if anything but spaces. */
function checkRest(ctx: AttributeContext, at: Locate, body: string, position: number): void {
  const rest = body.slice(position);
  if (rest.trim() === '') return;
  const offset = position + (rest.length - rest.trimStart().length);
  ctx.diagnostics.push(
    error(at(offset, rest.trim().length), 'decision-link', `Unexpected \`${rest.trim()}\` in the decision's \`{…}\`, expected \`#id\` or links such as ${EXAMPLE}, separated by spaces`),
  );
}

/** The relation a typed name stands for: any case, `follows up` typed with an underscore too. */
function relationOf(name: string): LinkRelation | null {
  const normal = name.toLowerCase().replace(/_/g, '-');
  return (LINK_RELATIONS as readonly string[]).includes(normal) ? (normal as LinkRelation) : null;
}
