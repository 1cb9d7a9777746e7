// CriticMarkup as a micromark syntax extension: {++ins++} {--del--} {~~old~>new~~} {==mark==} {>>comment<<}.
//
// Modelled on micromark-extension-gfm-strikethrough: each marker is tokenized as a temporary token,
// and a resolver pairs every closer with the nearest opener of its kind before it. Markers are only
// ever tokenized where inline Markdown runs, so code spans, code blocks, link destinations and
// autolinks keep them as typed. An unpaired marker becomes a `criticMarkerUnpaired` token, which
// the mdast utility turns into a node of its own so that the parse stage can report it.

import { splice } from 'micromark-util-chunked';
import { resolveAll } from 'micromark-util-resolve-all';
import type { Code, Construct, Event, Extension, Resolver, State, Token, TokenizeContext } from 'micromark-util-types';

export type CriticKind = 'insert' | 'delete' | 'substitute' | 'highlight' | 'comment';
type Role = 'open' | 'middle' | 'close';

interface Marker {
  readonly kind: CriticKind;
  readonly role: Role;
}

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    criticMarkerTemporary: 'criticMarkerTemporary';
    criticMarker: 'criticMarker';
    criticMarkerUnpaired: 'criticMarkerUnpaired';
    criticInsert: 'criticInsert';
    criticDelete: 'criticDelete';
    criticSubstitute: 'criticSubstitute';
    criticHighlight: 'criticHighlight';
    criticComment: 'criticComment';
    criticText: 'criticText';
    criticOld: 'criticOld';
    criticNew: 'criticNew';
  }
}

const BRACE_OPEN = 123; // {
const BRACE_CLOSE = 125; // }
const PLUS = 43;
const DASH = 45;
const TILDE = 126;
const EQUALS = 61;
const GREATER = 62;
const LESS = 60;

/** The doubled character after `{` that opens each kind. */
const OPENERS: ReadonlyMap<number, CriticKind> = new Map([
  [PLUS, 'insert'],
  [DASH, 'delete'],
  [TILDE, 'substitute'],
  [EQUALS, 'highlight'],
  [GREATER, 'comment'],
]);

/** The doubled character before `}` that closes each kind. */
const CLOSERS: ReadonlyMap<number, CriticKind> = new Map([
  [PLUS, 'insert'],
  [DASH, 'delete'],
  [TILDE, 'substitute'],
  [EQUALS, 'highlight'],
  [LESS, 'comment'],
]);

const WRAPPER = { insert: 'criticInsert', delete: 'criticDelete', substitute: 'criticSubstitute', highlight: 'criticHighlight', comment: 'criticComment' } as const;

/** Marker tokens carry their meaning here rather than in fields micromark's Token type does not have. */
const markers = new WeakMap<Token, Marker>();

export function criticSyntax(): Extension {
  const construct: Construct = { name: 'criticMarkup', tokenize: tokenizeMarker, resolveAll: resolveAllCritic };
  const text: Record<number, Construct> = {};
  for (const code of [BRACE_OPEN, PLUS, DASH, TILDE, EQUALS, LESS]) text[code] = construct;
  return { text, insideSpan: { null: [construct] } };
}

function tokenizeMarker(this: TokenizeContext, effects: Parameters<Construct['tokenize']>[0], ok: State, nok: State): State {
  let first: Code = null;
  let role: Role = 'open';
  let kind: CriticKind | undefined;
  let token: Token | undefined;
  return start;

  function start(code: Code): State | undefined {
    first = code;
    token = effects.enter('criticMarkerTemporary');
    effects.consume(code);
    return code === BRACE_OPEN ? opener : closerOrMiddle;
  }

  // `{` then the same character twice.
  function opener(code: Code): State | undefined {
    kind = code === null ? undefined : OPENERS.get(code);
    if (kind === undefined) return nok(code);
    first = code;
    effects.consume(code);
    return openerSecond;
  }

  function openerSecond(code: Code): State | undefined {
    if (code !== first) return nok(code);
    effects.consume(code);
    return done(code);
  }

  // `++}`, `--}`, `~~}`, `==}`, `<<}`, or the `~>` of a substitution.
  function closerOrMiddle(code: Code): State | undefined {
    if (first === TILDE && code === GREATER) {
      kind = 'substitute';
      role = 'middle';
      effects.consume(code);
      return done;
    }
    if (code !== first) return nok(code);
    kind = CLOSERS.get(first as number);
    if (kind === undefined) return nok(code);
    effects.consume(code);
    return closerBrace;
  }

  function closerBrace(code: Code): State | undefined {
    if (code !== BRACE_CLOSE) return nok(code);
    role = 'close';
    effects.consume(code);
    return done;
  }

  function done(code: Code): State | undefined {
    effects.exit('criticMarkerTemporary');
    markers.set(token!, { kind: kind!, role });
    return ok(code);
  }
}

/**
 * Pairs each closer with the nearest opener of its kind before it (a substitution needs its `~>`
 * between them), wraps the pair, and resolves what lies between as a span of its own, so that
 * emphasis or a link cannot straddle a change. Leftover markers become `criticMarkerUnpaired`.
 */
const resolveAllCritic: Resolver = (events, context) => {
  // Openers of each kind before the current event and not paired yet: a closer with none is not searched for
  // one, so a paragraph of closers alone is read in linear time.
  const unpaired = new Map<CriticKind, number>();
  let index = -1;
  while (++index < events.length) {
    const [phase, closer] = events[index]!;
    const close = phase === 'enter' && closer.type === 'criticMarkerTemporary' ? markers.get(closer) : undefined;
    if (close?.role === 'open') unpaired.set(close.kind, (unpaired.get(close.kind) ?? 0) + 1);
    if (close?.role !== 'close' || !unpaired.get(close.kind)) continue;

    let open = index;
    let middle = -1;
    while (open--) {
      const [p, t] = events[open]!;
      if (p !== 'enter' || t.type !== 'criticMarkerTemporary') continue;
      const m = markers.get(t);
      if (m?.kind !== close.kind) continue;
      if (m.role === 'middle') middle = open; // the first `~>` after the opener
      if (m.role === 'open') break;
    }
    if (open < 0 || (close.kind === 'substitute' && middle === -1)) continue;

    unpaired.set(close.kind, unpaired.get(close.kind)! - 1);
    const opener = events[open]![1];
    const wrapper: Token = { type: WRAPPER[close.kind], start: { ...opener.start }, end: { ...closer.end } };
    opener.type = 'criticMarker';
    closer.type = 'criticMarker';
    const inside = context.parser.constructs.insideSpan.null ?? [];
    const span = (from: number, to: number, type: 'criticText' | 'criticOld' | 'criticNew'): Event[] => {
      const token: Token = { type, start: { ...events[from]![1].end }, end: { ...events[to]![1].start } };
      return [['enter', token, context], ...resolveAll(inside, events.slice(from + 2, to), context), ['exit', token, context]];
    };

    const next: Event[] = [['enter', wrapper, context], events[open]!, events[open + 1]!];
    if (close.kind === 'substitute') {
      events[middle]![1].type = 'criticMarker';
      splice(next, next.length, 0, span(open, middle, 'criticOld'));
      splice(next, next.length, 0, [events[middle]!, events[middle + 1]!]);
      splice(next, next.length, 0, span(middle, index, 'criticNew'));
    } else {
      splice(next, next.length, 0, span(open, index, 'criticText'));
    }
    splice(next, next.length, 0, [events[index]!, events[index + 1]!, ['exit', wrapper, context]]);
    splice(events, open, index - open + 2, next);
    index = open + next.length - 1;
  }

  for (const [, token] of events) {
    if (token.type === 'criticMarkerTemporary') token.type = markers.get(token)?.role === 'open' ? 'criticMarkerUnpaired' : 'data';
  }
  return events;
};
