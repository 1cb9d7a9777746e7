// The one place the Markdown reader is composed: CommonMark + GFM + frontmatter + directives + CriticMarkup.
// CriticMarkup comes last so its markers are tried before GFM's strikethrough (`{~~old~>new~~}`).

import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { remarkCritic } from './critic/index.js';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective).use(remarkCritic).freeze();

/**
 * Trees already read, by their exact text: `acta watch` keeps one for its session, so a save reads
 * again only the file that changed. A tree from the cache is shared between builds: nothing
 * downstream may change it. Each build starts a round; a tree no build asked for in the last two
 * rounds is dropped, so the cache never holds more than two versions of the meeting.
 */
export class TreeCache {
  private current = new Map<string, Root>();
  private previous = new Map<string, Root>();
  /** Texts read (not found in the cache) since the cache was made. */
  parsed = 0;

  nextRound(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  parse(text: string): Root {
    let tree = this.current.get(text) ?? this.previous.get(text);
    if (!tree) {
      tree = processor.parse(text);
      this.parsed++;
    }
    this.current.set(text, tree);
    return tree;
  }
}

export function parseMarkdown(text: string, trees?: TreeCache): Root {
  return trees ? trees.parse(text) : processor.parse(text);
}
