// remarkRestricted: wires the `:restricted[…]` syntax and its mdast utility into remark, as remark-gfm does.

import type { Processor } from 'unified';
import { restrictedFromMarkdown } from './from-markdown.js';
import { restrictedSyntax } from './syntax.js';

export type * from './from-markdown.js';

interface Data {
  micromarkExtensions?: unknown[];
  fromMarkdownExtensions?: unknown[];
}

/** Must come after remark-directive, so that `:restricted[` is tried before a directive of that name. */
export function remarkRestricted(this: Processor): void {
  const data = this.data() as Data;
  (data.micromarkExtensions ??= []).push(restrictedSyntax());
  (data.fromMarkdownExtensions ??= []).push(restrictedFromMarkdown());
}
