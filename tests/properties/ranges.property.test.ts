// Property: every node of the model, for random meetings, carries a source range that slices the
// text it came from, in its own file, and keeps it through the public filter.

import fc from 'fast-check';
import { location } from 'vfile-location';
import { describe, expect, it } from 'vitest';
import type { SourceRange } from '../../src/model.js';
import { filterPublic } from '../../src/public/filter-public.js';
import { meetingSpec } from './meeting-arbitrary.js';
import { numbered, RUNS, TIMEOUT } from './run-spec.js';

interface Ranged {
  readonly type: string;
  readonly range: SourceRange;
  readonly value?: unknown;
  readonly [key: string]: unknown;
}

/** Every object of the tree that has a type and a range: nodes of every kind, found without a list of kinds. */
function nodesOf(tree: unknown): Ranged[] {
  const out: Ranged[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const v = value as Record<string, unknown>;
      if (typeof v.type === 'string' && v.range) out.push(v as unknown as Ranged);
      for (const [key, child] of Object.entries(v)) if (key !== 'range' && key !== 'targets' && key !== 'decisions') walk(child);
    }
  };
  walk(tree);
  return out;
}

/** What the slice of each kind of node starts with, where the syntax fixes it. */
const OPENS: Readonly<Record<string, RegExp>> = {
  item: /^# /,
  subitem: /^## /,
  heading: /^#{1,6} /,
  emphasis: /^[*_]/,
  strong: /^(\*\*|__)/,
  ins: /^\S/,
  ref: /^\[/,
  footnote: /^\[\^/,
  restricted: /^:restricted\[/,
  decision: /^[-*+] /,
  listItem: /^([-*+]|\d+[.)]) /,
};

describe('source ranges', () => {
  it(`every node's range slices the source text it came from (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(meetingSpec(), (spec) => {
        const { written, report } = numbered(spec);
        const texts = new Map(Object.entries(written.files).map(([name, text]) => [`m/${name}`, text]));
        const nodes = nodesOf({ items: report.items, annexes: report.annexes, footnotes: report.footnotes });
        // The walk reaches every item and every numbered paragraph (and the rest with them).
        expect(nodes.filter((n) => n.type === 'item')).toHaveLength(report.items.length);
        expect(nodes.filter((n) => n.type === 'paragraph' && typeof n.number === 'number' && n.item !== null)).toHaveLength(report.paragraphCount);
        for (const node of nodes) {
          const { file, start, end } = node.range;
          const text = texts.get(file);
          expect(text, `${node.type} in ${file}`).toBeDefined();
          expect(0 <= start.offset && start.offset <= end.offset && end.offset <= text!.length, `${node.type} ${JSON.stringify(node.range)}`).toBe(true);
          // Line and column say the same as the offset, for both ends.
          const at = location(text!);
          expect(at.toOffset({ line: start.line, column: start.column })).toBe(start.offset);
          expect(at.toOffset({ line: end.line, column: end.column }) ?? text!.length).toBe(end.offset);
          const slice = text!.slice(start.offset, end.offset);
          if ((node.type === 'text' || node.type === 'code') && typeof node.value === 'string') expect(slice, node.type).toContain(node.value.split('\n')[0]);
          const opens = OPENS[node.type];
          if (opens) expect(slice, `${node.type} at ${file}:${start.line}:${start.column}`).toMatch(opens);
        }
        // The public filter keeps every range it does not remove.
        for (const node of nodesOf({ items: filterPublic(report).items })) expect(texts.has(node.range.file)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);
});
