// Inline model content to Word runs: references as REF fields, changes as w:ins/w:del, footnotes as notes.

import {
  DeletedTextRun, ExternalHyperlink, FootnoteReferenceRun, InsertedTextRun, InternalHyperlink, SimpleField, TextRun, type IRunOptions, type ParagraphChild,
} from 'docx';
import type { Inline } from '../../model.js';
import { STYLE } from './styles.js';
import type { WriterEnv, WriterState } from './writer.js';

interface RunFormat {
  readonly italics?: boolean;
  readonly bold?: boolean;
  readonly strike?: boolean;
  readonly style?: string;
  readonly change?: 'ins' | 'del';
}

export function inlineRuns(env: WriterEnv, state: WriterState, nodes: readonly Inline[], format: RunFormat = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out.push(textRun(env, state, node.value, format));
        break;
      case 'code':
        out.push(textRun(env, state, node.value, { ...format, style: STYLE.codeChar }));
        break;
      case 'emphasis':
        out.push(...inlineRuns(env, state, node.children, { ...format, italics: true }));
        break;
      case 'strong':
        out.push(...inlineRuns(env, state, node.children, { ...format, bold: true }));
        break;
      case 'strike':
        out.push(...inlineRuns(env, state, node.children, { ...format, strike: true }));
        break;
      case 'break':
        out.push(new TextRun({ break: 1 }));
        break;
      case 'ins':
      case 'del':
        out.push(...inlineRuns(env, state, node.children, { ...format, change: node.type }));
        break;
      case 'comment':
        out.push(...inlineRuns(env, state, node.children, format));
        break;
      case 'restricted':
        out.push(...inlineRuns(env, state, node.children, { ...format, style: STYLE.restrictedChar }));
        break;
      case 'link':
        out.push(new ExternalHyperlink({ link: node.url, children: inlineRuns(env, state, node.children, { ...format, style: STYLE.hyperlink }) as TextRun[] }));
        break;
      case 'footnote': {
        const footnote = env.footnotes.get(node.key);
        if (footnote) out.push(new FootnoteReferenceRun(footnote.number));
        break;
      }
      case 'ref':
        out.push(...referenceRuns(env, state, node.id, node.children, format));
        break;
    }
  }
  return out;
}

/** `[](#id)`: a REF field per label part, pre-filled with the label; `[words](#id)`: a link to the bookmark. */
function referenceRuns(env: WriterEnv, state: WriterState, id: string, words: readonly Inline[], format: RunFormat): ParagraphChild[] {
  const target = env.report.targets[id];
  if (!target) return inlineRuns(env, state, words, format);
  const bookmark = env.bookmarks.get(target.anchor)!;
  if (words.length) return [new InternalHyperlink({ anchor: bookmark, children: inlineRuns(env, state, words, { ...format, style: STYLE.hyperlink }) as TextRun[] })];
  const field = (name: string, cached: string, numberOnly: boolean) => new SimpleField(`REF ${name}${numberOnly ? ' \\n' : ''} \\h`, cached);
  if (target.kind === 'paragraph' && /^\d+$/.test(target.label)) return [field(bookmark, target.label, true)];
  if (target.kind === 'subitem') {
    // "Item IV (b)": the item's label and the sub-item's letter, each live.
    const owner = env.subitems.get(target.anchor);
    if (owner && target.label !== owner.item.label) {
      return [field(env.bookmarks.get(owner.item.anchor)!, owner.item.label, false), textRun(env, state, ' ', format), field(bookmark, owner.subitem.label, false)];
    }
    if (owner) return [field(env.bookmarks.get(owner.item.anchor)!, owner.item.label, false)];
  }
  return [field(bookmark, target.label, false)];
}

function textRun(env: WriterEnv, state: WriterState, text: string, format: RunFormat): ParagraphChild {
  const options: IRunOptions = {
    text,
    ...(format.italics ? { italics: true } : {}),
    ...(format.bold ? { bold: true } : {}),
    ...(format.strike ? { strike: true } : {}),
    ...(format.style ? { style: format.style } : {}),
  };
  if (format.change === 'ins') return new InsertedTextRun({ ...options, id: state.nextChangeId++, author: env.changes.author, date: env.changes.date });
  if (format.change === 'del') return new DeletedTextRun({ ...options, id: state.nextChangeId++, author: env.changes.author, date: env.changes.date });
  return new TextRun(options);
}
