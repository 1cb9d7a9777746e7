// The edits the import plans on the base's files, each placed once the file's text is read, then made from the end of
// the file back so that every offset still holds.

import type { SourceRange } from '../model.js';
import type { Span } from '../render/docx/origins.js';
import { mergeInto } from './merge.js';

/** What the import will do to a file, placed once the file's text is read. */
export type Intent =
  | { readonly type: 'merge'; readonly span: Span; readonly base: string; readonly edited: string }
  | { readonly type: 'block'; readonly at: Span; readonly side: 'after' | 'before'; readonly text: string }
  | { readonly type: 'item'; readonly item: SourceRange; readonly side: 'after' | 'before'; readonly text: string }
  | { readonly type: 'row'; readonly at: Span; readonly side: 'after' | 'before'; readonly text: string }
  | { readonly type: 'delete-block' | 'delete-line'; readonly range: SourceRange }
  | { readonly type: 'append'; readonly file: string; readonly text: string };

/** An intent as an edit of its file's text: [start, end) becomes text. */
export function placed(i: Intent & { seq: number }, source: string): { start: number; end: number; text: string; seq: number } {
  const lineStart = (offset: number) => source.lastIndexOf('\n', offset - 1) + 1;
  switch (i.type) {
    case 'merge': {
      let { start, end } = i.span;
      // An empty cell's text goes after the space that follows its `|`.
      if (start === end && source[start] === ' ') start = end = start + 1;
      return { start, end, text: mergeInto(source.slice(start, end), i.base, i.edited), seq: i.seq };
    }
    case 'block':
      return { start: i.at.start, end: i.at.start, text: i.side === 'after' ? `\n\n${i.text}` : `${i.text}\n\n`, seq: i.seq };
    case 'row':
      return { start: i.at.start, end: i.at.start, text: i.side === 'after' ? `\n${i.text}` : `${i.text}\n`, seq: i.seq };
    case 'item': {
      const start = i.item.start.offset;
      const indent = source.slice(lineStart(start), start);
      const marker = /^(?:[-*+]|\d+[.)])[ \t]+/.exec(source.slice(start))?.[0] ?? '- ';
      return i.side === 'after'
        ? { start: i.item.end.offset, end: i.item.end.offset, text: `\n${indent}${marker}${i.text}`, seq: i.seq }
        : { start, end: start, text: `${marker}${i.text}\n${indent}`, seq: i.seq };
    }
    case 'delete-line': {
      const from = lineStart(i.range.start.offset);
      return from > 0
        ? { start: from - 1, end: i.range.end.offset, text: '', seq: i.seq }
        : { start: 0, end: i.range.end.offset + (source[i.range.end.offset] === '\n' ? 1 : 0), text: '', seq: i.seq };
    }
    case 'delete-block': {
      let start = i.range.start.offset;
      let end = i.range.end.offset;
      while (start > 0 && /\s/.test(source[start - 1]!)) start--;
      if (start === 0) while (end < source.length && /\s/.test(source[end]!)) end++;
      return { start, end, text: '', seq: i.seq };
    }
    case 'append':
      return { start: source.length, end: source.length, text: `${source.endsWith('\n') || source === '' ? '' : '\n'}\n${i.text}\n`, seq: i.seq };
  }
}

