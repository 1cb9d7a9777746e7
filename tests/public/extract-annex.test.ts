// An annex alone keeps its own references as links and prints every other one as the words it shows in the report.

import { describe, expect, it } from 'vitest';
import type { Inline } from '../../src/model.js';
import { extractAnnex } from '../../src/public/extract-annex.js';
import { runBody } from '../helpers.js';

const body = `# Opening {#opening}

The Chairperson opened the session.{#opened}

In conclusion, the PTC:

- took note.
`;
const annex = `---
title: Work plan
---
# Tasks {#tasks}

As said in paragraph [](#opened) under [](#opening), and in [the opening words](#opened); see [](#tasks).
`;

/** Each inline of the annex's first paragraph: a reference as "ref:id", text as it is. */
const shape = (nodes: readonly Inline[]): string[] => nodes.map((n) => (n.type === 'ref' ? `ref:${n.id}` : n.type === 'text' ? n.value : n.type));

describe('an annex alone', () => {
  it('prints a reference to the report as its label or its own words, with no link, and keeps its own references', () => {
    const r = runBody(body, { 'annexes/01-plan.md': annex });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const alone = extractAnnex(r.numbered!, r.numbered!.annexes[0]!);
    const first = alone.annexes[0]!.body.find((n) => n.type === 'paragraph')!;
    expect(first.type === 'paragraph' && shape(first.content)).toEqual(['As said in paragraph ', '1', ' under ', 'Item I', ', and in ', 'the opening words', '; see ', 'ref:tasks', '.']);
    // Nothing of the report travels with it.
    expect(alone.items).toEqual([]);
    expect(Object.keys(alone.targets)).not.toContain('opened');
  });
});
