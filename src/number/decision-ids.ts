// The stable id of a decision: what a later session's link writes, and what the register and the Akoma Ntoso
// export name it by. The one place its parts are chosen: once a report's numbering is issued and recorded, the
// recorded numeral, letter and position go in here instead of the ones counted now, and every output follows.

/** Where a decision sits, as printed: its item's numeral, its sub-item's letter (none for shared paragraphs) and its place in that list. */
export interface DecisionPlace {
  readonly numeral: string;
  readonly letter: string | null;
  /** 1 for the first decision of the item or sub-item. */
  readonly ordinal: number;
}

/** "PC0517E1a/XIV(b)/2"; "PC0517E1a/{key}" for a decision named with `{#key}`. */
export function stableDecisionId(symbol: string, place: DecisionPlace, key: string | null): string {
  return `${symbol}/${localDecisionId(place, key)}`;
}

/** The part after the symbol: "XIV(b)/2", or the decision's own `{#key}`. */
export function localDecisionId(place: DecisionPlace, key: string | null): string {
  return key ?? `${place.numeral}${place.letter ? `(${place.letter})` : ''}/${place.ordinal}`;
}

/** The session's symbol and the rest, from a stable id ("PC0517E1a/XIV(b)/2" → PC0517E1a, XIV(b)/2). */
export function splitDecisionId(id: string): { readonly symbol: string; readonly local: string } {
  const slash = id.indexOf('/');
  return slash < 0 ? { symbol: id, local: '' } : { symbol: id.slice(0, slash), local: id.slice(slash + 1) };
}
