// `:restricted[…]` as a micromark syntax extension: an opening `:restricted[` and a closing `]` that
// pair as brackets do.
//
// Modelled on micromark's own link label (label-start-link, label-end): the opening is a token of
// its own, and a `]` closes the span only when the nearest bracket still open before it is the
// span's own, so `[…]` inside the span nest and a link's `](url)` is the link's. Both markers are
// tokenized only where inline Markdown runs: a `]` (or a whole `:restricted[`) inside a code span,
// an HTML comment, an autolink, a link address or after a backslash is never seen. When the span
// closes, what lies inside is resolved as a span of its own (emphasis, changes), so nothing can
// straddle its edges. An opening with no closer in its paragraph, and a `]` that closes nothing
// after a span closed in the same paragraph, become `restrictedMarkerUnpaired` tokens for the
// parse stage to report: as typed, the author's words would be published.

import { resolveAll } from 'micromark-util-resolve-all';
import type { Code, Construct, Effects, Event, Extension, Resolver, State, Token, TokenizeContext } from 'micromark-util-types';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    restrictedSpan: 'restrictedSpan';
    restrictedSpanText: 'restrictedSpanText';
    restrictedSpanOpen: 'restrictedSpanOpen';
    restrictedSpanClose: 'restrictedSpanClose';
    restrictedSpanOpenTemporary: 'restrictedSpanOpenTemporary';
    restrictedMarkerUnpaired: 'restrictedMarkerUnpaired';
  }
}

const COLON = 58;
const BRACKET_OPEN = 91;
const BRACKET_CLOSE = 93;
const NAME = [...'restricted'].map((c) => c.charCodeAt(0));

/** The texts (paragraphs, headings, cells) in which an opening was tokenized: a `]` elsewhere needs no look back. */
const opened = new WeakSet<TokenizeContext>();
/** The texts in which a span closed: a `]` after it that closes nothing is reported. */
const closed = new WeakSet<TokenizeContext>();
/** Per text, the length of its events before which no bracket is left open (so a look back can stop there). */
const settled = new WeakMap<TokenizeContext, number>();

export function restrictedSyntax(): Extension {
  const open: Construct = { name: 'restrictedSpanOpen', tokenize: tokenizeOpen, previous: mayOpen, resolveAll: resolveAllRestricted };
  const close: Construct = { name: 'restrictedSpanClose', tokenize: tokenizeClose, resolveTo: resolveToClose };
  return { text: { [COLON]: open, [BRACKET_CLOSE]: close } };
}

/** As for a directive: not right after another colon (`::restricted[` is not the span), unless that one is escaped. */
function mayOpen(this: TokenizeContext, code: Code): boolean {
  return code !== COLON || this.events[this.events.length - 1]?.[1].type === 'characterEscape';
}

function tokenizeOpen(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const self = this;
  let index = 0;
  return start;

  function start(code: Code): State | undefined {
    effects.enter('restrictedSpanOpenTemporary');
    effects.consume(code);
    return name;
  }

  function name(code: Code): State | undefined {
    if (index < NAME.length) {
      if (code !== NAME[index]) return nok(code);
      index++;
      effects.consume(code);
      return name;
    }
    if (code !== BRACKET_OPEN) return nok(code);
    effects.consume(code);
    effects.exit('restrictedSpanOpenTemporary');
    opened.add(self);
    return ok;
  }
}

/** What the nearest bracket still open before the current place is. */
type Nearest = 'span' | 'other' | 'none';

/**
 * Looks back through the events: closers (a link's `]`, a span's `]`) each take the nearest opener
 * before them, and an opener a `]` already matched as plain brackets is marked `_balanced` by
 * micromark's label end, as the GFM footnote call reads it.
 */
function nearestOpen(context: TokenizeContext): Nearest {
  const events = context.events;
  const stop = settled.get(context) ?? 0;
  let depth = 0;
  for (let index = events.length - 1; index >= stop; index--) {
    const [phase, token] = events[index]!;
    if (phase !== 'enter') continue;
    if (token.type === 'labelEnd' || token.type === 'restrictedSpanClose') depth++;
    else if (token.type === 'restrictedSpanOpen' || token.type === 'restrictedSpanOpenTemporary' || ((token.type === 'labelLink' || token.type === 'labelImage') && !token._balanced)) {
      if (depth === 0) return token.type === 'restrictedSpanOpenTemporary' ? 'span' : 'other';
      depth--;
    }
  }
  settled.set(context, events.length);
  return 'none';
}

function tokenizeClose(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const self = this;
  return start;

  function start(code: Code): State | undefined {
    if (!opened.has(self)) return nok(code);
    const nearest = nearestOpen(self);
    if (nearest === 'other' || (nearest === 'none' && !closed.has(self))) return nok(code);
    const type = nearest === 'span' ? 'restrictedSpanClose' : 'restrictedMarkerUnpaired';
    effects.enter(type);
    effects.consume(code);
    effects.exit(type);
    return ok;
  }
}

/** Wraps the span from its opening to the `]` just tokenized, as micromark's label end wraps a link. */
const resolveToClose: Resolver = (events, context) => {
  const close = events.length - 2;
  if (events[close]?.[1].type !== 'restrictedSpanClose') return events;
  let open = close;
  while (open--) {
    const [phase, token] = events[open]!;
    if (phase === 'enter' && token.type === 'restrictedSpanOpenTemporary') break;
  }
  if (open < 0) return events;
  const opener = events[open]![1];
  opener.type = 'restrictedSpanOpen';
  const group: Token = { type: 'restrictedSpan', start: { ...opener.start }, end: { ...events[close + 1]![1].end } };
  const text: Token = { type: 'restrictedSpanText', start: { ...opener.end }, end: { ...events[close]![1].start } };
  const inside = context.parser.constructs.insideSpan.null ?? [];
  const wrapped: Event[] = [
    ['enter', group, context],
    events[open]!,
    events[open + 1]!,
    ['enter', text, context],
    ...resolveAll(inside, events.slice(open + 2, close), context),
    ['exit', text, context],
    events[close]!,
    events[close + 1]!,
    ['exit', group, context],
  ];
  events.splice(open, events.length - open, ...wrapped);
  closed.add(context);
  return events;
};

/** An opening never closed in its text is reported where it is. */
const resolveAllRestricted: Resolver = (events) => {
  for (const [, token] of events) {
    if (token.type === 'restrictedSpanOpenTemporary') token.type = 'restrictedMarkerUnpaired';
  }
  return events;
};
