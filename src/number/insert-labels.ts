// The labels of what was inserted in an issued report: "12A" or "12 bis" after 12, "IIIA" after III, "(aa)" after (a),
// never one the record has used; a whole paragraph number read back from its label.

import type { Catalogue } from '../i18n/catalogue.js';
import { fromRoman, toLetter, toRoman } from '../i18n/labels.js';

export type LabelKind = 'number' | 'numeral' | 'letter';

const BASE: Readonly<Record<LabelKind, RegExp>> = { number: /^\d+/, numeral: /^[IVXLCDM]+/, letter: /^[a-z]/ };

function indexOf(kind: LabelKind, label: string): number {
  const base = BASE[kind].exec(label)?.[0];
  if (base === undefined) return 0;
  return kind === 'number' ? Number(base) : kind === 'numeral' ? (fromRoman(base) ?? 0) : base.charCodeAt(0) - 96;
}

function labelAt(kind: LabelKind, index: number): string {
  return kind === 'number' ? String(index) : kind === 'numeral' ? toRoman(index) : toLetter(index);
}

/**
 * Labels for a sequence in which some entries hold an issued label (a string) and the others are new (null). A new
 * entry after the last issued one takes the next label (paragraph 176 after 175: nothing moves); any other takes the
 * house style's insert after the issued label before it ("12A", "12 bis"), never a label the record has used.
 */
export function labelSequence(entries: readonly (string | null)[], kind: LabelKind, insert: Catalogue['issued']['insert'], recorded: readonly string[]): string[] {
  const used = new Set(recorded);
  let max = Math.max(0, ...recorded.map((l) => indexOf(kind, l)));
  let lastIssued = -1;
  entries.forEach((e, i) => {
    if (e !== null) lastIssued = i;
  });
  let previous: string | null = null;
  return entries.map((entry, i) => {
    if (entry !== null) {
      previous = entry;
      return entry;
    }
    let label: string;
    if (i > lastIssued) label = labelAt(kind, ++max);
    else {
      const base: string = previous === null ? '0' : (BASE[kind].exec(previous)?.[0] ?? previous);
      let n = 1;
      while (used.has((label = insert(base, n)))) n++;
    }
    used.add(label);
    previous = label;
    return label;
  });
}

/** The whole number an inserted paragraph's label follows ("12A", "12 bis": 12); null for a whole number. */
export function insertedAfter(label: string): number | null {
  const base = numberOf(label) === null ? BASE.number.exec(label)?.[0] : undefined;
  return base === undefined ? null : Number(base);
}

/** The whole number a label is, or null for an insert. */
export function numberOf(label: string): number | null {
  return /^\d+$/.test(label) ? Number(label) : null;
}
