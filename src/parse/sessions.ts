// The sessions beside a meeting, by symbol, from their meeting.md: what the Akoma Ntoso export names a decision of
// another session by.

import type { SourceFile } from '../load/load-meeting.js';
import type { MeetingMeta } from '../model.js';
import { parseMeetingFrontmatter } from './frontmatter.js';

const FRONTMATTER_BLOCK = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** The sessions beside a meeting, by symbol, from their meeting.md: one whose frontmatter does not read, or a translation, is left out. */
export function neighbourSessions(files: readonly SourceFile[]): ReadonlyMap<string, MeetingMeta> {
  const sessions = new Map<string, MeetingMeta>();
  for (const file of files) {
    const block = FRONTMATTER_BLOCK.exec(file.text);
    if (!block) continue;
    const { meta } = parseMeetingFrontmatter(file.path, { value: block[1]!, line: 1 });
    if (meta && !meta.translation_of && !sessions.has(meta.symbol)) sessions.set(meta.symbol, meta);
  }
  return sessions;
}
