// An annex's or a working document's body: paragraphs (numbered in a numbered document), headings, blocks.

import type { RootContent } from 'mdast';
import { error, type Diagnostic } from '../diagnostics.js';
import type { Flow, Paragraph } from '../model.js';
import { convertInlines, rangeOf, type InlineContext } from './inline.js';
import { checkOpenInsideBlock } from './restricted-spelling.js';
import { tocOf } from './agenda-blocks.js';
import { convertBlock, isPictureAlone } from './blocks.js';
import type { ParagraphDraft } from './items.js';
import { takeId, takeParagraphMarks } from './paragraph-marks.js';
import type { ParsedFile } from './parsed-file.js';
import { checkClosed, checkParagraphLines, isIndentedCode, reportIndented } from './typed-marks.js';

export class AnnexBuilder {
  constructor(
    private readonly diagnostics: Diagnostic[],
    private readonly numbered: boolean,
  ) {}

  build(parsed: ParsedFile): Flow<Paragraph, never>[] {
    const body: Flow<ParagraphDraft, never>[] = [];
    this.walk(parsed.ctx, parsed.tree.children, false, body);
    return body;
  }

  private walk(ctx: InlineContext, nodes: readonly RootContent[], restricted: boolean, body: Flow<ParagraphDraft, never>[]): void {
    let last: ParagraphDraft | null = null;
    for (const node of nodes) {
      if (node.type === 'yaml' || node.type === 'definition' || node.type === 'footnoteDefinition') continue;
      if (node.type === 'containerDirective' && node.name === 'restricted') {
        if (!checkClosed(ctx, node)) {
          this.diagnostics.push(error(rangeOf(ctx, node), 'unclosed-directive', 'Unexpected `:::restricted` that is never closed, expected a `:::` line to end it'));
        }
        checkOpenInsideBlock(ctx.file, ctx.source, node, this.diagnostics);
        this.walk(ctx, node.children, true, body);
        last = null;
        continue;
      }
      if (isIndentedCode(ctx, node)) {
        reportIndented(ctx, node);
        continue;
      }
      if (node.type === 'leafDirective' && node.name === 'toc' && !restricted) {
        body.push(tocOf(ctx, node));
        last = null;
        continue;
      }
      if (node.type === 'containerDirective' || node.type === 'leafDirective') {
        this.diagnostics.push(error(rangeOf(ctx, node), 'unknown-directive', `Unexpected block \`${node.type === 'leafDirective' ? '::' : ':::'}${node.name}\`, expected \`:::restricted\` (or \`::toc\`, for a table of contents)`));
        continue;
      }
      if (node.type === 'heading') {
        const { id, content } = takeId(convertInlines(ctx, node.children), ctx.source);
        body.push({ type: 'heading', depth: node.depth, id, content, restricted, range: rangeOf(ctx, node) });
        last = null;
        continue;
      }
      if (node.type === 'paragraph' && !isPictureAlone(node)) {
        checkParagraphLines(ctx, node, this.diagnostics);
        const { id, unnumbered, content } = takeParagraphMarks(ctx, node, convertInlines(ctx, node.children));
        last = { type: 'paragraph', id, content, blocks: [], decisions: null, restricted, unnumbered, range: rangeOf(ctx, node) };
        body.push(last);
        continue;
      }
      const block = convertBlock(ctx, node);
      if (!block || block.type === 'heading') continue;
      if (last && this.numbered) last.blocks.push(block);
      else body.push({ type: 'loose', block, restricted, range: rangeOf(ctx, node) });
    }
  }
}
