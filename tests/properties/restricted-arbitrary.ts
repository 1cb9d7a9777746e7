// Random meetings whose restricted spans and blocks hold random Markdown: brackets, code, comments,
// links, changes, footnotes and other directives, each carrying a marker that no public file may hold.

import fc from 'fast-check';

/** A piece of inline Markdown, written with a fresh marker wherever the text can carry one. */
export type Piece =
  | { readonly kind: 'words'; readonly words: string }
  | { readonly kind: 'brackets'; readonly inside: readonly Piece[] }
  | { readonly kind: 'code'; readonly code: string }
  | { readonly kind: 'escaped'; readonly char: string }
  | { readonly kind: 'comment'; readonly note: string }
  | { readonly kind: 'link'; readonly inside: readonly Piece[]; readonly address: string }
  | { readonly kind: 'autolink'; readonly address: string }
  | { readonly kind: 'emphasis'; readonly mark: '*' | '**' | '~~'; readonly inside: readonly Piece[] }
  | { readonly kind: 'change'; readonly form: 'insert' | 'delete' | 'substitute' | 'comment' | 'highlight'; readonly inside: readonly Piece[] }
  | { readonly kind: 'footnote' }
  | { readonly kind: 'directive'; readonly name: string; readonly inside: readonly Piece[] }
  | { readonly kind: 'span'; readonly inside: readonly Piece[] }
  | { readonly kind: 'break' }
  /** Characters that unbalance the text (a lone `]`, a backtick, `<!--`): acta must refuse or still withhold. */
  | { readonly kind: 'stray'; readonly text: string };

export type BlockPiece =
  | { readonly kind: 'para'; readonly text: readonly Piece[] }
  | { readonly kind: 'list'; readonly items: readonly (readonly Piece[])[] }
  | { readonly kind: 'table'; readonly cells: readonly (readonly Piece[])[] }
  | { readonly kind: 'quote'; readonly text: readonly Piece[] }
  | { readonly kind: 'fence'; readonly code: string }
  | { readonly kind: 'htmlComment'; readonly note: string }
  | { readonly kind: 'heading'; readonly text: readonly Piece[] };

export type Section =
  /** Public prose holding restricted spans. */
  | { readonly kind: 'prose'; readonly before: readonly Piece[]; readonly spans: readonly (readonly Piece[])[] }
  | { readonly kind: 'block'; readonly body: readonly BlockPiece[] };

export interface RestrictedSpec {
  readonly items: readonly (readonly Section[])[];
  /** Sections of a public annex. */
  readonly annex: readonly Section[] | null;
}

const WORDS = ['Customs', 'the delegate', 'a) or b', '(see c)', '10:30', 'Note:important', 'l’OMD', 'A & B', 'x < y', 'e-commerce', '§ 3', '海关', '🚢'] as const;
/** What code, comments and addresses may hold: brackets, colons, backticks, the syntax itself. */
const ODD = [']', '[', '] [', '`', ':::', ':restricted[', '-->', '}', '++}', '<<}', '\\', '|'] as const;
const STRAY = [']', '[', '`', '<!--', '-->', '{++', '++}', ':::', '*', '\\', '(', '(<https://example.org/', '[x](<https://example.org/] '] as const;

function pieces(chaos: boolean): fc.Arbitrary<Piece[]> {
  const { list } = fc.letrec<{ piece: Piece; list: Piece[] }>((tie) => {
    const inner = tie('list');
    const base: fc.Arbitrary<Piece>[] = [
      fc.record({ kind: fc.constant('words' as const), words: fc.constantFrom(...WORDS) }),
      fc.record({ kind: fc.constant('words' as const), words: fc.constantFrom(...WORDS) }),
      fc.record({ kind: fc.constant('brackets' as const), inside: inner }),
      fc.record({ kind: fc.constant('code' as const), code: fc.constantFrom(...ODD) }),
      fc.record({ kind: fc.constant('escaped' as const), char: fc.constantFrom(']', '[', ':', '`', '*', '{') }),
      // A comment that names the syntax is an error of its own (it speaks of restricted text).
      fc.record({ kind: fc.constant('comment' as const), note: fc.constantFrom(...ODD.filter((o) => !o.includes('restricted'))) }),
      fc.record({ kind: fc.constant('link' as const), inside: inner, address: fc.constantFrom(...ODD) }),
      // An autolink's address is also its text: one holding `:restricted[` is an error of its own.
      fc.record({ kind: fc.constant('autolink' as const), address: fc.constantFrom(']', '[', ':::', '-->') }),
      fc.record({ kind: fc.constant('emphasis' as const), mark: fc.constantFrom('*' as const, '**' as const, '~~' as const), inside: inner }),
      fc.record({ kind: fc.constant('change' as const), form: fc.constantFrom('insert' as const, 'delete' as const, 'substitute' as const, 'comment' as const, 'highlight' as const), inside: inner }),
      fc.record({ kind: fc.constant('footnote' as const) }),
      fc.record({ kind: fc.constant('directive' as const), name: fc.constantFrom('note', 'abbr', 'sc'), inside: inner }),
      fc.record({ kind: fc.constant('span' as const), inside: inner }),
      fc.record({ kind: fc.constant('break' as const) }),
    ];
    if (chaos) base.push(fc.record({ kind: fc.constant('stray' as const), text: fc.constantFrom(...STRAY) }));
    return {
      piece: fc.oneof({ depthSize: 'small', withCrossShrink: true }, ...base),
      list: fc.array(tie('piece'), { minLength: 1, maxLength: 4, depthIdentifier: 'pieces' }),
    };
  });
  return list as fc.Arbitrary<Piece[]>;
}

function blockPieces(chaos: boolean): fc.Arbitrary<BlockPiece[]> {
  const text = pieces(chaos);
  return fc.array(
    fc.oneof(
      fc.record({ kind: fc.constant('para' as const), text }),
      fc.record({ kind: fc.constant('para' as const), text }),
      fc.record({ kind: fc.constant('list' as const), items: fc.array(text, { minLength: 1, maxLength: 3 }) }),
      fc.record({ kind: fc.constant('table' as const), cells: fc.array(text, { minLength: 1, maxLength: 3 }) }),
      fc.record({ kind: fc.constant('quote' as const), text }),
      fc.record({ kind: fc.constant('fence' as const), code: fc.constantFrom(']', '[', ':restricted[', '<!--', '`') }),
      fc.record({ kind: fc.constant('htmlComment' as const), note: fc.constantFrom(']', '[', ':::', '`') }),
      fc.record({ kind: fc.constant('heading' as const), text }),
    ),
    { minLength: 1, maxLength: 4 },
  );
}

function sections(chaos: boolean): fc.Arbitrary<Section[]> {
  return fc.array(
    fc.oneof(
      fc.record({ kind: fc.constant('prose' as const), before: pieces(false), spans: fc.array(pieces(chaos), { minLength: 1, maxLength: 2 }) }),
      fc.record({ kind: fc.constant('block' as const), body: blockPieces(chaos) }),
    ),
    { minLength: 1, maxLength: 3 },
  );
}

/** `chaos`: restricted text may also hold characters that unbalance it. */
export const restrictedSpec = (chaos: boolean): fc.Arbitrary<RestrictedSpec> =>
  fc.record({
    items: fc.array(sections(chaos), { minLength: 1, maxLength: 3 }),
    annex: fc.option(sections(chaos), { nil: null }),
  });

const holdsLink = (list: readonly Piece[]): boolean => list.some((p) => p.kind === 'link' || ('inside' in p && holdsLink(p.inside)));

// ---- writing ----------------------------------------------------------------------------------

export interface WrittenRestricted {
  readonly files: Record<string, string>;
  /** Markers that only restricted text holds. */
  readonly markers: readonly string[];
  /** Markers the full edition keeps (all but those in HTML comments, which no edition holds). */
  readonly kept: readonly string[];
}

const FRONTMATTER = `---\ncommittee: Permanent Technical Committee\ncommittee_short: PTC\nsession: 300th Session\nstart: 2030-03-04\nend: 2030-03-06\nplace: Brussels\nissued: 2030-03-20\nsymbol: PROPR\n---\n`;

export function writeRestricted(spec: RestrictedSpec): WrittenRestricted {
  const markers: string[] = [];
  const kept: string[] = [];
  let count = 0;
  let notes = 0;
  /** One lone character a meeting: two can balance each other (`]` … `[`) into text that reads otherwise, as any reader would. */
  let strayWritten = false;
  /** A marker; `keep`: the full edition holds it. */
  const marker = (keep: boolean): string => {
    const m = `RZQ${++count}X`;
    markers.push(m);
    if (keep) kept.push(m);
    return m;
  };

  /**
   * Inline Markdown; `restricted`: every piece carries a marker; `inChange`: no change inside a change.
   * Text that is printed as typed (public text, a directive kept as typed, a link inside a link, whose
   * address is then text) shows no `:restricted[`: that is an error of its own.
   */
  const inline = (list: readonly Piece[], restricted: boolean, definitions: string[], inChange = false, inDirective = false, inLink = false): string =>
    list
      .map((piece) => {
        const m = (keep: boolean) => (restricted ? marker(keep) : 'public');
        const text = (inside: readonly Piece[], change = inChange, directive = inDirective, link = inLink) => inline(inside, restricted, definitions, change, directive, link);
        // Printed as typed: no `:restricted[` (an error of its own). In a directive's label, which is read up to its first
        // `]` even inside code or an address, and in the address of a link that is no link (it holds one), no bracket either.
        const shown = (odd: string, asText = false) => {
          const plain = odd.replace('restricted', 'reserved');
          return inDirective || asText ? plain.replace(/[[\]]/g, '|') : restricted ? odd : plain;
        };
        switch (piece.kind) {
          case 'words':
            return `${piece.words} ${m(true)}`;
          case 'brackets':
            return `[${text(piece.inside)} ${m(true)}]`;
          case 'code':
            return piece.code.includes('`') ? `\`\` ${shown(piece.code)}${m(true)} \`\`` : `\`${shown(piece.code)}${m(true)}\``;
          case 'escaped':
            return `\\${piece.char}${m(true)}`;
          case 'comment':
            return `<!-- ${shown(piece.note)}${m(false)} -->`;
          case 'link':
            // An address with a bracket or a backslash is written as Markdown allows it: in angle brackets.
            // A link in a link's text makes the outer one no link, and its address text.
            return `[${text(piece.inside, inChange, inDirective, true)}](<https://example.org/${shown(piece.address, inLink || holdsLink(piece.inside)).replace(/[<>\\]/g, '')}${m(true)}>)`;
          case 'autolink':
            return `<https://example.org/${shown(piece.address)}${m(true)}>`;
          case 'emphasis': {
            // `~~` next to a substitution's own `~~` would be read as its marker.
            const mark = inChange && piece.mark === '~~' ? '*' : piece.mark;
            return `${mark}${text(piece.inside)} ${m(true)}${mark}`;
          }
          case 'change':
            if (inChange) return `${m(true)}`;
            switch (piece.form) {
              case 'insert':
                return `{++${text(piece.inside, true)} ${m(true)}++}`;
              case 'delete':
                return `{--${text(piece.inside, true)} ${m(true)}--}`;
              case 'substitute':
                return `{~~${m(true)}~>${text(piece.inside, true)}~~}`;
              case 'comment':
                return `{>>[Delegate ${m(true)}] ${text(piece.inside, true)}<<}`;
              case 'highlight':
                return `{==${text(piece.inside, true)} ${m(true)}==}{>>${m(true)}<<}`;
            }
          // falls through (every form returns)
          case 'footnote': {
            // A call inside text kept as typed is no call: its note would never be printed.
            if (!restricted || inDirective) return m(true);
            const key = `r${++notes}`;
            definitions.push(`[^${key}]: Note ${marker(true)}.`);
            return `[^${key}]`;
          }
          case 'directive':
            // Kept as typed, so it may not hold a span: that is an error of its own.
            return `:${piece.name}[${inline(piece.inside.filter((p) => p.kind !== 'span' && p.kind !== 'footnote'), restricted, definitions, inChange, true)} ${m(true)}]`;
          case 'span':
            return inDirective ? m(true) : `:restricted[${text(piece.inside)} ${m(true)}]`;
          case 'break':
            return `\n${m(true)}`;
          case 'stray':
            if (strayWritten) return m(true);
            strayWritten = true;
            return `${piece.text}${m(true)}`;
        }
        return '';
      })
      .join(' ');

  // Lines open with a word: one that opens with an HTML comment is an HTML block, the rest of its line left out.
  const block = (piece: BlockPiece, definitions: string[]): string => {
    switch (piece.kind) {
      case 'para':
        return `Text ${inline(piece.text, true, definitions)}`;
      case 'list':
        return piece.items.map((item) => `- Text ${inline(item, true, definitions).replace(/\n/g, ' ')}`).join('\n');
      case 'table':
        return `| Topic | Status |\n| --- | --- |\n${piece.cells.map((cell) => `| ${marker(true)} | ${inline(cell, true, definitions).replace(/\n/g, ' ').replace(/\|/g, '\\|')} |`).join('\n')}`;
      case 'quote':
        return `> Text ${inline(piece.text, true, definitions).replace(/\n/g, '\n> ')}`;
      case 'fence':
        return `\`\`\`\n${piece.code} ${marker(true)}\n\`\`\``;
      case 'htmlComment':
        return `<!--\n${piece.note} ${marker(false)}\n-->`;
      case 'heading':
        return `### Text ${inline(piece.text, true, definitions).replace(/\n/g, ' ')}`;
    }
  };

  const section = (s: Section, definitions: string[]): string => {
    if (s.kind === 'block') return `:::restricted\n${s.body.map((b) => block(b, definitions)).join('\n\n')}\n:::`;
    const spans = s.spans.map((span) => `:restricted[${inline(span, true, definitions)}]`).join(' and ');
    // A paragraph that opens with an HTML comment would be an HTML block, the spans in it left out.
    return `Text ${inline(s.before, false, definitions)} ${spans} end.`;
  };

  const body = (list: readonly Section[]): string => {
    const definitions: string[] = [];
    const text = list.map((s) => section(s, definitions)).join('\n\n');
    return `${text}\n\n${definitions.join('\n\n')}\n`;
  };

  const files: Record<string, string> = {
    'meeting.md': `${FRONTMATTER}${spec.items.map((sections, i) => `# Item ${i + 1} {#item${i + 1}}\n\n*(For information)*\n\n${body(sections)}`).join('\n')}`,
  };
  if (spec.annex) files['annexes/01-plan.md'] = `---\ntitle: Plan\n---\n${body(spec.annex)}`;
  return { files, markers, kept };
}
