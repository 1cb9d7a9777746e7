// What the parse stage may be given so that it reads less: the tree of a text, and any other reading of a file or
// of an object (a picture's bytes), each a pure function of what it is keyed by, shared and never changed. The stage
// is the same function of its input whichever it is given: the cache layer (src/cache/tree-cache.ts) keeps readings
// from one build to the next, and `readingsOnce` keeps them for one call.

import type { Root } from 'mdast';
import { readerFor } from './create-processor.js';

export interface Readings {
  /** The Markdown tree of a text. */
  tree(text: string): Root;
  /** What `read` makes of a file's text: `read` must be a pure function of the file's path and text. */
  reading<T>(kind: string, file: { readonly path: string; readonly text: string }, read: () => T): T;
  /** What `read` makes of an object, while the object lives: `read` must be a pure function of it. */
  readingOf<T>(kind: string, key: object, read: () => T): T;
}

/** Readings of objects by kind, each kept while its object lives: the `readingOf` of every Readings. */
export function objectReadings(): Readings['readingOf'] {
  const objects = new Map<string, WeakMap<object, unknown>>();
  return (kind, key, read) => {
    let known = objects.get(kind);
    if (!known) objects.set(kind, (known = new WeakMap()));
    if (!known.has(key)) known.set(key, read());
    return known.get(key) as ReturnType<typeof read>;
  };
}

/** Readings kept for one call of the stage: a text or an object met twice is read once. */
export function readingsOnce(): Readings {
  const trees = new Map<string, Root>();
  const files = new Map<string, unknown>();
  return {
    tree(text) {
      let tree = trees.get(text);
      if (!tree) trees.set(text, (tree = readerFor(text).parse(text)));
      return tree;
    },
    reading(kind, file, read) {
      const key = `${kind}\u0000${file.path}\u0000${file.text}`;
      if (!files.has(key)) files.set(key, read());
      return files.get(key) as ReturnType<typeof read>;
    },
    readingOf: objectReadings(),
  };
}
