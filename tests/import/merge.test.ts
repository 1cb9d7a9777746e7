// The three-way merge that carries an edit read off the DOCX onto the author's own spelling of a paragraph.

import { describe, expect, it } from 'vitest';
import { mergeInto } from '../../src/import/merge.js';

describe('mergeInto(source, base, edited)', () => {
  it.each([
    ['the edit itself when source reads as base', 'a b c', 'a b c', 'a x c', 'a x c'],
    ['source untouched when nothing was edited', 'a _b_ c{#id}', 'a *b* c', 'a *b* c', 'a _b_ c{#id}'],
    ['a word added at the end, before what only the source holds (its `{#id}`)', 'The table below.{#para-x}', 'The table below.', 'The table below, revised.', 'The table below, revised.{#para-x}'],
    ['an edit beside a span spelled otherwise, the span kept as typed', 'See _the guide_ now.', 'See *the guide* now.', 'Please see *the guide* now.', 'Please see _the guide_ now.'],
    ['an edit inside a link with its own words', 'the [draft guidelines](#guide) here', 'the [draft guidelines](#guide) here', 'the [draft revised guidelines](#guide) here', 'the [draft revised guidelines](#guide) here'],
    ['a deletion across a stretch only base spells so: the source stretch goes too', 'a _b_ c', 'a *b* c', 'a c', 'a c'],
  ])('%s', (_, source, base, edited, expected) => {
    expect(mergeInto(source, base, edited)).toBe(expected);
  });
});
