// Finds each entry of an earlier numbering among the entries of now: by key, then by the same text elsewhere (moved),
// then, between entries that kept their order, by likeness of text (amended). Used for issued numbering (paragraphs,
// decisions, items, sub-items, annexes) and for the renumbering report between two drafts.

/** What became of a current entry: found by its key (in order, or moved out of it), paired in a gap, or new. */
export type Pairing = { readonly record: number; readonly how: 'same' | 'moved' | 'amended' } | null;

export interface PairOptions<R, C> {
  readonly keyOfRecord: (record: R) => string | null;
  readonly keyOfCurrent: (current: C, index: number) => string | null;
  /** A second key, tried on what the first left: the same text under another key is the same entry, moved. */
  readonly textOfRecord?: (record: R) => string | null;
  readonly textOfCurrent?: (current: C, index: number) => string | null;
  /** Whether an entry left between two that kept their order may be the record's, amended. */
  readonly alike: (record: R, current: C, index: number) => boolean;
  /** Whether an entry found by key out of order counts as moved (paragraphs) or keeps its place (decisions). */
  readonly orderMatters: boolean;
}

/** For each current entry, the record entry it is (by index), or null when it is new. */
export function pairEntries<R, C>(records: readonly R[], currents: readonly C[], options: PairOptions<R, C>): Pairing[] {
  const found: (number | null)[] = currents.map(() => null);
  const taken = new Set<number>();
  const match = (keyOfRecord: (r: R) => string | null, keyOfCurrent: (c: C, index: number) => string | null) => {
    const byKey = new Map<string, number[]>();
    records.forEach((r, i) => {
      const key = keyOfRecord(r);
      if (key === null || taken.has(i)) return;
      byKey.set(key, [...(byKey.get(key) ?? []), i]);
    });
    currents.forEach((c, i) => {
      if (found[i] !== null) return;
      const key = keyOfCurrent(c, i);
      const candidates = key === null ? undefined : byKey.get(key);
      const next = candidates?.shift();
      if (next === undefined) return;
      found[i] = next;
      taken.add(next);
    });
  };
  match(options.keyOfRecord, options.keyOfCurrent);
  if (options.textOfRecord && options.textOfCurrent) match(options.textOfRecord, options.textOfCurrent);

  // Those found that keep the record's order are anchors, wherever they went (a paragraph now under the next heading
  // still sits between the same numbers); the others moved out of order.
  const anchors = new Set(options.orderMatters ? longestIncreasing(found) : found.flatMap((r, i) => (r === null ? [] : [i])));
  const pairings: Pairing[] = found.map((r, i) => (r === null ? null : { record: r, how: anchors.has(i) ? 'same' : 'moved' }));

  // Between two anchors, entries of the record and of now that are left pair up when alike, in order.
  const anchorList = [...anchors].sort((a, b) => a - b);
  const bounds = [-1, ...anchorList, currents.length];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const from = bounds[k]!;
    const to = bounds[k + 1]!;
    const recordFrom = from < 0 ? -1 : found[from]!;
    const recordTo = to >= currents.length ? records.length : found[to]!;
    if (recordTo <= recordFrom) continue;
    const leftRecords: number[] = [];
    for (let r = recordFrom + 1; r < recordTo; r++) if (!taken.has(r)) leftRecords.push(r);
    const leftCurrents: number[] = [];
    for (let c = from + 1; c < to; c++) if (found[c] === null) leftCurrents.push(c);
    let start = 0;
    for (const r of leftRecords) {
      const at = leftCurrents.slice(start).findIndex((c) => options.alike(records[r]!, currents[c]!, c));
      if (at < 0) continue;
      const c = leftCurrents[start + at]!;
      pairings[c] = { record: r, how: 'amended' };
      taken.add(r);
      start += at + 1;
    }
  }
  return pairings;
}

/** The indexes of a longest run of entries whose values increase (nulls skipped): O(n log n). */
export function longestIncreasing(values: readonly (number | null)[]): number[] {
  const tails: number[] = [];
  const previous = new Map<number, number>();
  values.forEach((value, i) => {
    if (value === null) return;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]!]! < value) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous.set(i, tails[lo - 1]!);
    tails[lo] = i;
  });
  const out: number[] = [];
  let at = tails[tails.length - 1];
  while (at !== undefined) {
    out.push(at);
    at = previous.get(at);
  }
  return out.reverse();
}
