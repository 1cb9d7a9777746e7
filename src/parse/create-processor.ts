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

export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}
