// What stays the same of a paragraph, decision or heading when the text around it changes: the words it holds, as the
// Markdown types them, with its tracked changes accepted. Issued numbering finds each issued paragraph again by this.

import { distance } from 'fastest-levenshtein';
import type { Block, Decision, Inline, Paragraph } from '../model.js';
import { isDeletion } from './deletions.js';
import { sha256 } from '../hash.js';

/** How many characters of a paragraph's text the record keeps, for its reader and to pair a paragraph whose text changed. */
export const EXCERPT_LENGTH = 48;

type Side = 'accepted' | 'rejected';

/**
 * The text of inline content as typed, with one side of its tracked changes: references as their ids (so a number
 * that moves elsewhere does not change it), footnotes as their keys, comments as the words they mark.
 */
export function basisOfInlines(nodes: readonly Inline[], side: Side = 'accepted'): string {
  return nodes.map((node) => basisOfInline(node, side)).join('');
}

function basisOfInline(node: Inline, side: Side): string {
  const inner = (children: readonly Inline[]) => basisOfInlines(children, side);
  switch (node.type) {
    case 'text':
      return node.value;
    case 'code':
      return `\`${node.value}\``;
    case 'break':
      return ' ';
    case 'emphasis':
      return `*${inner(node.children)}*`;
    case 'strong':
      return `**${inner(node.children)}**`;
    case 'strike':
      return `~~${inner(node.children)}~~`;
    case 'link':
      return `[${inner(node.children)}](${node.url})`;
    case 'ref':
      return `[${inner(node.children)}](#${node.id})`;
    case 'image':
      // The picture itself counts: another file under the same name changes the paragraph.
      return `![${node.alt}](${node.src}#${node.digest.slice(0, 8)})`;
    case 'footnote':
      return `[^${node.key}]`;
    case 'ins':
      return side === 'accepted' ? inner(node.children) : '';
    case 'del':
      return side === 'accepted' ? '' : inner(node.children);
    case 'comment':
      return inner(node.children);
    case 'restricted':
      return `:restricted[${inner(node.children)}]`;
  }
}

function basisOfBlocks(blocks: readonly Block[], side: Side): string {
  return blocks
    .map((block): string => {
      switch (block.type) {
        case 'plain':
        case 'heading':
          return basisOfInlines(block.content, side);
        case 'list':
          return block.items.map((item) => `- ${basisOfBlocks(item.blocks, side)}`).join(' ');
        case 'table':
          return block.rows.map((row) => `| ${row.cells.map((c) => basisOfInlines(c.content, side)).join(' | ')} |`).join(' ');
        case 'quote':
          return `> ${basisOfBlocks(block.children, side)}`;
        case 'codeblock':
          return block.value;
        case 'rule':
          return '---';
      }
    })
    .join(' ');
}

/** Spacing, line breaks and Unicode forms do not count. */
export function normalizeBasis(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * A paragraph's text as issued numbering sees it: the Markdown as accepted (its words, what belongs to it, its
 * decisions). A paragraph a tracked change deletes whole is seen as it was before, so an issued paragraph proposed
 * for deletion is still found, and keeps its number until the deletion is accepted.
 */
export function paragraphBasis(paragraph: Paragraph): string {
  const side: Side = isDeletion(paragraph.content) ? 'rejected' : 'accepted';
  const decisions = (paragraph.decisions ?? []).map((d) => `- ${decisionBasis(d, side)}`);
  return normalizeBasis([basisOfInlines(paragraph.content, side), basisOfBlocks(paragraph.blocks, side), ...decisions].join(' '));
}

export function decisionBasis(decision: Decision, side: Side = 'accepted'): string {
  return normalizeBasis(`${basisOfInlines(decision.content, side)} ${basisOfBlocks(decision.blocks, side)}`);
}

/** Eight hexadecimal digits of the text's SHA-256: enough to tell the paragraphs of one report apart. */
export function hashOf(text: string): string {
  return sha256(text).slice(0, 8);
}


/** The first words of a text, cut at a word where one ends near the limit. */
export function excerptOf(text: string): string {
  if (text.length <= EXCERPT_LENGTH) return text;
  const cut = text.slice(0, EXCERPT_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${(space > EXCERPT_LENGTH / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** How alike two texts are, from 0 (nothing in common) to 1 (the same), by edit distance. */
export function likeness(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - distance(a, b) / longest;
}
