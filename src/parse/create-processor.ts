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
import { sha256 } from '../hash.js';
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

/**
 * Trees already read, by their exact text: `acta watch` keeps one for its session, so a save reads
 * again only the file that changed; `acta build` seeds one with the trees its last build kept on disk
 * (by the hash of their text), so a build reads again only the files that changed since. A tree from
 * the cache is shared between builds: nothing downstream may change it. Each build starts a round; a
 * tree no build asked for in the last two rounds is dropped, so the cache never holds more than two
 * versions of the meeting.
 */
export class TreeCache {
  private current = new Map<string, Root>();
  private previous = new Map<string, Root>();
  /** Other readings of a text kept the same way (the issued record's YAML): by kind, then by file and text. */
  private currentMemo = new Map<string, unknown>();
  private previousMemo = new Map<string, unknown>();
  /** Texts read (not found in the cache) since the cache was made. */
  parsed = 0;

  /** `seeds`: trees by the hash of their text (`sha256`), used when a text is asked for first. */
  constructor(private readonly seeds: ReadonlyMap<string, Root> = new Map()) {}

  nextRound(): void {
    this.previous = this.current;
    this.current = new Map();
    this.previousMemo = this.currentMemo;
    this.currentMemo = new Map();
  }

  /**
   * What `read` makes of a file's text, read once while the text stays the same: `read` must be a pure function of
   * the file's path and text, and what it returns is shared, never changed.
   */
  reading<T>(kind: string, file: { readonly path: string; readonly text: string }, read: () => T): T {
    const key = `${kind}\u0000${file.path}\u0000${file.text}`;
    const value = (this.currentMemo.has(key) ? this.currentMemo.get(key) : this.previousMemo.has(key) ? this.previousMemo.get(key) : read()) as T;
    this.currentMemo.set(key, value);
    return value;
  }

  parse(text: string): Root {
    let tree = this.current.get(text) ?? this.previous.get(text) ?? (this.seeds.size > 0 ? this.seeds.get(sha256(text)) : undefined);
    if (!tree) {
      tree = readerFor(text).parse(text);
      this.parsed++;
    }
    this.current.set(text, tree);
    return tree;
  }

  /** The trees asked for in this round, by the hash of their text: what a build keeps for the next. */
  kept(): Map<string, Root> {
    return new Map([...this.current].map(([text, tree]) => [sha256(text), tree]));
  }
}

export function parseMarkdown(text: string, trees?: TreeCache): Root {
  return trees ? trees.parse(text) : readerFor(text).parse(text);
}
