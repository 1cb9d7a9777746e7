// The Markdown reader leaves GFM's autolink literals out of a text that cannot hold one (no `@`, `www.`,
// `http://` or `https://`): every file of every meeting and fixture, and random texts, must read exactly as
// with all of GFM, positions included; bare URLs and email addresses still become links.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import type { Link, Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { fullGfmReader, readerFor } from '../../src/parse/create-processor.js';
import { RUNS } from '../properties/run-spec.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function markdownFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => path.join(e.parentPath, e.name));
}

function links(tree: Root): string[] {
  const found: string[] = [];
  const walk = (node: { type: string; children?: unknown[] }) => {
    if (node.type === 'link') found.push((node as Link).url);
    for (const child of node.children ?? []) walk(child as { type: string; children?: unknown[] });
  };
  walk(tree);
  return found;
}

describe('reading without autolink literals', () => {
  it('reads every Markdown file of meetings/ and tests/fixtures/ exactly as all of GFM does', () => {
    const files = [...markdownFiles('meetings'), ...markdownFiles('tests/fixtures')];
    let lighter = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      if (readerFor(text) === fullGfmReader) continue;
      lighter++;
      expect(readerFor(text).parse(text), file).toEqual(fullGfmReader.parse(text));
    }
    // Most files have no address in them: the lighter reader is the one that reads them.
    expect(lighter).toBeGreaterThan(files.length / 2);
  });

  it('still makes links of bare addresses, in any case', () => {
    expect(links(readerFor('See www.wcoomd.org.').parse('See www.wcoomd.org.'))).toEqual(['http://www.wcoomd.org']);
    expect(links(readerFor('At HTTP://X.ORG/a now').parse('At HTTP://X.ORG/a now'))).toEqual(['HTTP://X.ORG/a']);
    expect(links(readerFor('Write to ptc@wcoomd.org').parse('Write to ptc@wcoomd.org'))).toEqual(['mailto:ptc@wcoomd.org']);
  });

  it(`reads random texts as all of GFM does (${RUNS * 10} cases)`, () => {
    const piece = fc.constantFrom('w', 'W', 'www.', 'h', 'http', 'https:', '//', ':', '.', '@', 'a', 'x.org', ' ', '\n', '\n\n', '|', '-', '*', '~~', '[', ']', '(', ')', '{', '}', '++', '--', '#', '> ', '1. ', '- [ ] ', '[^1]', '[^1]: ', '<', '>', '`', '_');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }).map((p) => p.join('')), (text) => {
        expect(readerFor(text).parse(text)).toEqual(fullGfmReader.parse(text));
      }),
      { numRuns: RUNS * 10 },
    );
  });
});
