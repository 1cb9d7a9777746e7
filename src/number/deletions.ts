// A paragraph, decision or list item whose every word is a tracked deletion is itself deleted: it takes no number or
// decision id, leaves the register, and goes whole when changes are accepted (every public edition, --accept-changes),
// so numbers close up; the full edition shows it struck through, with its paragraph mark deleted in Word.

import type { Block, Inline } from '../model.js';

/** Whether inline content is one or more deletions and nothing else but spaces (and comments on them). */
export function isDeletion(content: readonly Inline[]): boolean {
  let deleted = false;
  for (const node of content) {
    if (node.type === 'del') deleted = true;
    else if (node.type === 'text' && node.value.trim() === '') continue;
    else if (node.type === 'comment' && node.children.length === 0) continue;
    else if (node.type === 'comment' && isDeletion(node.children)) deleted = true;
    else return false;
  }
  return deleted;
}

/** A list item is deleted when its first paragraph is, and everything under it too. */
export function isDeletedItem(blocks: readonly Block[]): boolean {
  const [first, ...rest] = blocks;
  return first?.type === 'plain' && isDeletion(first.content) && rest.every((b) => (b.type === 'plain' ? isDeletion(b.content) : b.type === 'list' ? b.items.every((i) => isDeletedItem(i.blocks)) : false));
}
