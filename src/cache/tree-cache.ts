// The readings of the parse stage kept from one build to the next (see parse/readings.ts).

import type { Root } from 'mdast';
import { sha256 } from '../hash.js';
import { readerFor } from '../parse/create-processor.js';
import { objectReadings, type Readings } from '../parse/readings.js';

/**
 * Trees already read, by their exact text: `acta watch` keeps one for its session, so a save reads
 * again only the file that changed; `acta build` seeds one with the trees its last build kept in the user's
 * cache (by the hash of their text), so a build reads again only the files that changed since. A tree from
 * the cache is shared between builds: nothing downstream may change it. Each build starts a round; a
 * tree no build asked for in the last two rounds is dropped, so the cache never holds more than two
 * versions of the meeting. Other readings of a file (its frontmatter checked, the issued record's YAML) are kept
 * the same way; readings of an object (a picture's bytes) as long as the object lives.
 */
export class TreeCache implements Readings {
  private current = new Map<string, Root>();
  private previous = new Map<string, Root>();
  private currentMemo = new Map<string, unknown>();
  private previousMemo = new Map<string, unknown>();
  /** Readings of an object (a picture's bytes, a tree): kept while the object lives. */
  readonly readingOf: Readings['readingOf'] = objectReadings();
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

  reading<T>(kind: string, file: { readonly path: string; readonly text: string }, read: () => T): T {
    const key = `${kind}\u0000${file.path}\u0000${file.text}`;
    const value = (this.currentMemo.has(key) ? this.currentMemo.get(key) : this.previousMemo.has(key) ? this.previousMemo.get(key) : read()) as T;
    this.currentMemo.set(key, value);
    return value;
  }

  tree(text: string): Root {
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
