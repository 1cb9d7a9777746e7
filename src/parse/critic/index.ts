// remarkCritic: wires the CriticMarkup syntax and its mdast utility into remark, as remark-gfm does.

import type { Processor } from 'unified';
import { criticFromMarkdown } from './from-markdown.js';
import { criticSyntax } from './syntax.js';

export type * from './from-markdown.js';

interface Data {
  micromarkExtensions?: unknown[];
  fromMarkdownExtensions?: unknown[];
}

export function remarkCritic(this: Processor): void {
  const data = this.data() as Data;
  (data.micromarkExtensions ??= []).push(criticSyntax());
  (data.fromMarkdownExtensions ??= []).push(criticFromMarkdown());
}
