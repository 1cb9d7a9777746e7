// CriticMarkup ({++ ++}, {-- --}, {~~ ~> ~~}): hidden from the Markdown reader, then regrouped.
//
// GFM reads `{~~old~>new~~}` as strikethrough, so before parsing each marker is swapped for
// private-use characters of the same length (positions stay exact); after parsing, the
// markers found in text nodes are regrouped into insertions and deletions.

import { error, type Diagnostic } from '../diagnostics.js';

/** The two characters after `{` (or before `}`) of each marker, hidden as private-use characters. */
const HIDE = {
  openIns: '\uE000\uE000',
  closeIns: '\uE001\uE001',
  openDel: '\uE002\uE002',
  closeDel: '\uE003\uE003',
  openSub: '\uE004\uE004',
  midSub: '\uE005\uE005',
  closeSub: '\uE006\uE006',
} as const;

const RESTORE: Readonly<Record<string, string>> = {
  '\uE000': '+', '\uE001': '+', '\uE002': '-', '\uE003': '-', '\uE004': '~', '\uE005': '~', '\uE006': '~',
};

export type CriticToken = 'openIns' | 'closeIns' | 'openDel' | 'closeDel' | 'openSub' | 'midSub' | 'closeSub';

/** Puts back the characters a hidden marker stood for (inside code, or an unmatched marker). */
export function restoreCritic(value: string): string {
  if (!/[\uE000-\uE006]/.test(value)) return value;
  // `~>` was hidden as two \uE005: the second one is the `>`.
  return value.replace(/\uE005\uE005/g, '~>').replace(/[\uE000-\uE006]/g, (c) => RESTORE[c] ?? c);
}

export function hasCritic(value: string): boolean {
  return /[\uE000-\uE006]/.test(value);
}

/** Splits a text value into plain strings and marker tokens. */
export function tokenizeCritic(value: string): (string | { readonly token: CriticToken })[] {
  const out: (string | { readonly token: CriticToken })[] = [];
  const re = /\{\uE000\uE000|\uE001\uE001\}|\{\uE002\uE002|\uE003\uE003\}|\{\uE004\uE004|\uE005\uE005|\uE006\uE006\}/g;
  let last = 0;
  for (let m = re.exec(value); m; m = re.exec(value)) {
    if (m.index > last) out.push(value.slice(last, m.index));
    const marker = m[0];
    const token: CriticToken =
      marker.includes('\uE000') ? 'openIns'
        : marker.includes('\uE001') ? 'closeIns'
        : marker.includes('\uE002') ? 'openDel'
        : marker.includes('\uE003') ? 'closeDel'
        : marker.includes('\uE004') ? 'openSub'
        : marker.includes('\uE005') ? 'midSub'
        : 'closeSub';
    out.push({ token });
    last = m.index + marker.length;
  }
  if (last < value.length) out.push(value.slice(last));
  return out;
}

interface Pending {
  readonly kind: 'ins' | 'del' | 'sub';
  readonly index: number;
}

/**
 * Hides well-formed CriticMarkup from the Markdown reader. A marker that is opened and not
 * closed within its paragraph is an error at the opening marker; it is left as typed.
 * `bodyStart` skips the frontmatter; fenced code and code spans are left alone.
 */
export function hideCriticMarkup(file: string, text: string, bodyStart: number): { text: string; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  if (!/\{(\+\+|--|~~)/.test(text)) return { text, diagnostics };
  const chars = text.split('');
  let i = bodyStart;
  let pending: Pending | null = null;
  let midAt = -1;
  let lineStart = true;
  let fence: string | null = null;

  const report = (p: Pending) => {
    const { line, column } = lineColumn(text, p.index);
    const close = p.kind === 'ins' ? '++}' : p.kind === 'del' ? '--}' : '~~}';
    const open = p.kind === 'ins' ? '{++' : p.kind === 'del' ? '{--' : '{~~';
    diagnostics.push(
      error({ file, line, column }, 'critic-unclosed', `Unexpected \`${open}\` that is not closed in its paragraph, expected \`${close}\`${p.kind === 'sub' ? ' (after `~>`)' : ''}`),
    );
  };

  while (i < text.length) {
    if (lineStart) {
      const rest = text.slice(i, text.indexOf('\n', i) === -1 ? undefined : text.indexOf('\n', i));
      const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(rest);
      if (fence !== null) {
        if (fenceMatch && fenceMatch[1]!.startsWith(fence)) fence = null;
        i = skipLine(text, i);
        continue;
      }
      if (fenceMatch) {
        fence = fenceMatch[1]!;
        i = skipLine(text, i);
        continue;
      }
      if (/^[ \t]*\r?$/.test(rest)) {
        // A blank line ends the paragraph: whatever is open stays as typed.
        if (pending) report(pending);
        pending = null;
        midAt = -1;
      }
      lineStart = false;
    }
    const c = text[i]!;
    if (c === '\n') {
      lineStart = true;
      i++;
      continue;
    }
    if (c === '`') {
      // Skip a code span: a run of backticks up to the same run.
      let run = 1;
      while (text[i + run] === '`') run++;
      const ticks = '`'.repeat(run);
      const end = text.indexOf(ticks, i + run);
      i = end === -1 ? i + run : end + run;
      continue;
    }
    const three = text.slice(i, i + 3);
    if (pending === null) {
      const kind = three === '{++' ? 'ins' : three === '{--' ? 'del' : three === '{~~' ? 'sub' : null;
      if (kind) {
        pending = { kind, index: i };
        midAt = -1;
        i += 3;
        continue;
      }
    } else {
      const closing = pending.kind === 'ins' ? '++}' : pending.kind === 'del' ? '--}' : '~~}';
      if (pending.kind === 'sub' && midAt === -1 && text.slice(i, i + 2) === '~>') {
        midAt = i;
        i += 2;
        continue;
      }
      if (three === closing && (pending.kind !== 'sub' || midAt !== -1)) {
        const open = pending.kind === 'ins' ? HIDE.openIns : pending.kind === 'del' ? HIDE.openDel : HIDE.openSub;
        const close = pending.kind === 'ins' ? HIDE.closeIns : pending.kind === 'del' ? HIDE.closeDel : HIDE.closeSub;
        chars[pending.index + 1] = open[0]!;
        chars[pending.index + 2] = open[1]!;
        chars[i] = close[0]!;
        chars[i + 1] = close[1]!;
        if (midAt !== -1) {
          chars[midAt] = HIDE.midSub[0]!;
          chars[midAt + 1] = HIDE.midSub[1]!;
        }
        pending = null;
        midAt = -1;
        i += 3;
        continue;
      }
    }
    i++;
  }
  if (pending) report(pending);
  return { text: chars.join(''), diagnostics };
}

function skipLine(text: string, i: number): number {
  const nl = text.indexOf('\n', i);
  return nl === -1 ? text.length : nl + 1;
}

export function lineColumn(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = text.indexOf('\n'); k !== -1 && k < index; k = text.indexOf('\n', k + 1)) {
    line++;
    lineStart = k + 1;
  }
  return { line, column: index - lineStart + 1 };
}
