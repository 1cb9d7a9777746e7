// The one place the Markdown reader is composed: CommonMark + GFM + frontmatter + directives + restricted spans + CriticMarkup.
// CriticMarkup comes last so its markers are tried before GFM's strikethrough (`{~~old~>new~~}`).

import type { Root } from 'mdast';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { combineExtensions } from 'micromark-util-combine-extensions';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { remarkCritic } from './critic/index.js';
import { remarkRestricted } from './restricted/index.js';

/**
 * GFM less its autolink literals, composed from micromark's packages as remark-gfm composes all of GFM. The
 * autolink-literal construct is tried at every letter of the text (an email address can start anywhere), which
 * made a third of the flagship's reading time; a text without `@`, `www.` or `http://`/`https://` can hold
 * no autolink literal, so it reads the same without it (tests/parse/gfm-reading.test.ts compares the trees).
 */
function remarkGfmWithoutAutolinkLiterals(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(combineExtensions([gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem()]));
  (data.fromMarkdownExtensions ??= []).push([gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown()]);
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective).use(remarkRestricted).use(remarkCritic).freeze();
const withoutAutolinkLiterals = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfmWithoutAutolinkLiterals).use(remarkDirective).use(remarkRestricted).use(remarkCritic).freeze();

/** What every autolink literal holds: an email's `@` (mailto: and xmpp: ones too), `www.`, or `http://`/`https://`, in any case. */
const MAY_HOLD_AUTOLINK_LITERAL = /@|www\.|https?:\/\//i;

/** The Markdown reader for a text: all of GFM when the text may hold an autolink literal, else the same without it. */
export function readerFor(text: string): { parse(text: string): Root } {
  return MAY_HOLD_AUTOLINK_LITERAL.test(text) ? processor : withoutAutolinkLiterals;
}

/** All of GFM, whatever the text: what `readerFor` must agree with. */
export const fullGfmReader: { parse(text: string): Root } = processor;

/** The tree of a text, read now (the parse stage reads through its `Readings`, see readings.ts). */
export function parseMarkdown(text: string): Root {
  return readerFor(text).parse(text);
}
