// Random nesting of every construct acta reads, around and across its limits: whatever the text, acta reports its
// problems (exit 1) or builds (exit 0), never fails itself (exit 70, a stack trace), and what it builds is well-formed.

import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { XMLValidator } from 'fast-xml-parser';
import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/limits.js';
import { renderMeeting } from '../../src/pipeline.js';
import type { OutputFile } from '../../src/write/write-outputs.js';
import { FRONTMATTER, run } from '../helpers.js';
import { env, RUNS, TIMEOUT } from './run-spec.js';

type Wrap = (inner: string) => string;

/** Every inline construct, as a wrapper around what it holds. */
const INLINES: readonly Wrap[] = [
  (x) => `*${x}*`,
  (x) => `_${x}_`,
  (x) => `**${x}**`,
  (x) => `~~${x}~~`,
  (x) => `\`${x}\``,
  (x) => `[${x}](#item)`,
  (x) => `[${x}](https://example.org/a)`,
  (x) => `[${x}](javascript:alert(1))`,
  (x) => `{++${x}++}`,
  (x) => `{--${x}--}`,
  (x) => `{~~${x}~>new~~}`,
  (x) => `{==${x}==}{>>[Delegate of Japan] ${x}<<}`,
  (x) => `:restricted[${x}]`,
  (x) => `:note[${x}]`,
  (x) => `<b>${x}</b>`,
];

/** Text and marks that open, close or escape something, alone. */
const LEAVES = [
  ...Array.from({ length: 40 }, (_, i) => `word${i}`),
  'words', 'The Secretariat', '[](#item)', 'note[^n1]', 'call[^nowhere]', '&amp;', '&#1;', '&#x110000;', '\u000b', '\ud800', 'line\\\nbreak',
  '<http://example.org>', 'www.example.org', 'a@b.org', '10:30', 'C++}', '{#pid}', '`', '``', '*', '_', '[', ']', '{', '}', '<', '|', '~>', '\\', '{++', '<!--', '![x](y.png)',
] as const;

/** Every block construct that nests, as a wrapper around the lines it holds. */
const BLOCKS: readonly ((lines: readonly string[]) => string[])[] = [
  (lines) => lines.map((l) => `> ${l}`),
  (lines) => [`- ${lines[0] ?? ''}`, ...lines.slice(1).map((l) => `  ${l}`)],
  (lines) => [`1. ${lines[0] ?? ''}`, ...lines.slice(1).map((l) => `   ${l}`)],
];

/** Around a whole block, at the top of the file where they belong: a `:::` block or a code fence, closed or not, a footnote definition. */
const ODD_BLOCKS: readonly ((lines: readonly string[]) => readonly string[])[] = [
  (lines) => lines,
  (lines) => lines,
  (lines) => lines,
  (lines) => lines,
  (lines) => [':::restricted', ...lines, ':::'],
  (lines) => [':::restricted', ...lines],
  (lines) => ['```', ...lines, '```'],
  (lines) => ['~~~~', ...lines],
  (lines) => [`[^n1]: ${lines[0] ?? ''}`, ...lines.slice(1).map((l) => `    ${l}`)],
];

/** Blocks that hold inline text, as a line or lines around it. */
const LEAF_BLOCKS: readonly Wrap[] = [
  (x) => x,
  (x) => `### ${x}`,
  (x) => `| a | b |\n| --- | --- |\n| ${x} | ${x} |`,
  (x) => `\`\`\`\n${x}\n\`\`\``,
  (x) => `\`\`\`\n${x}`,
  (x) => `In conclusion, the PTC:\n\n- ${x}`,
  (x) => `${x}\n\n***`,
  (x) => `<!-- ${x} -->`,
];

/** Mostly shallow, sometimes around the limit. */
const depth = (limit: number) => fc.oneof({ weight: 15, arbitrary: fc.nat(2) }, { weight: 1, arbitrary: fc.integer({ min: limit - 3, max: limit + 3 }) });

const inline = fc
  .record({ start: fc.nat(INLINES.length - 1), deep: depth(LIMITS.inlineDepth), leaf: fc.constantFrom(...LEAVES), around: fc.constantFrom('', 'a ', ' b') })
  .map(({ start, deep, leaf, around }) => {
    let text: string = leaf;
    // A step prime to the number of constructs: every one appears, each inside the others.
    for (let i = 0; i < deep; i++) text = INLINES[(start + i * 7) % INLINES.length]!(`${around}${text}`);
    return text;
  });

const block = fc
  .record({ first: fc.nat(BLOCKS.length - 1), deep: depth(LIMITS.blockDepth), leaf: fc.nat(LEAF_BLOCKS.length - 1), odd: fc.nat(ODD_BLOCKS.length - 1), text: fc.array(inline, { minLength: 1, maxLength: 3 }) })
  .map(({ first, deep, leaf, odd, text }) => {
    let lines = LEAF_BLOCKS[leaf]!(text.join(' ')).split('\n');
    for (let i = 0; i < deep; i++) lines = BLOCKS[(first + i) % BLOCKS.length]!(lines);
    // After a paragraph ending in a colon, as a list of points is introduced.
    return `Points:\n\n${ODD_BLOCKS[odd]!(lines).join('\n')}`;
  });

/** A frontmatter oddity, now and then: a reference, an anchor, a tag, a key every object has, an escape. */
const frontmatter = fc.constantFrom(...Array.from({ length: 25 }, () => ''), 'title: *a\n', 'title: &Co Partners\n', 'title: !!binary aGk=\n', '__proto__: x\n', 'title: "\\uD800"\n');

const meeting = fc.record({ extra: frontmatter, body: fc.array(block, { minLength: 1, maxLength: 6 }), annex: fc.array(block, { maxLength: 3 }) }).map(({ extra, body, annex }) => ({
  'meeting.md': `${FRONTMATTER.replace(/---\n$/, `${extra}---\n`)}# Item {#item}\n\n${body.join('\n\n')}\n\nIn conclusion, the PTC:\n\n- took note.\n`,
  ...(annex.length ? { 'annexes/01-annex.md': `---\ntitle: Annex\n---\n${annex.join('\n\n')}\n` } : {}),
}));

describe('limits, under random nesting', () => {
  it(`reports problems or builds well-formed files, and never fails itself (${RUNS} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(meeting, fc.boolean(), async (files, acceptChanges) => {
        const r = run(files);
        for (const d of r.diagnostics) {
          expect(d.line >= 1 && d.column >= 1, JSON.stringify(d)).toBe(true);
          expect(d.message, JSON.stringify(d)).toMatch(/^Unexpected /);
        }
        const errors = r.diagnostics.filter((d) => d.severity === 'error');
        expect(errors.length > 0 || r.numbered !== null).toBe(true);
        if (errors.length > 0) return;
        const out: OutputFile[] = [];
        await renderMeeting(r.numbered!, { formats: ['docx', 'html', 'json'], publicOnly: false, acceptChanges }, env, async (file) => {
          out.push(file);
        });
        for (const { path, content } of out) {
          if (path.endsWith('.docx')) {
            for (const [name, data] of Object.entries(unzipSync(content as Uint8Array))) {
              if (!/\.(xml|rels)$/.test(name)) continue;
              const xml = strFromU8(data);
              expect(XMLValidator.validate(xml), `${path} ${name}`).toBe(true);
              expect(xml, `${path} ${name}`).not.toMatch(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u);
            }
          } else if (path.endsWith('.html')) {
            const problems: string[] = [];
            parse(content as string, { onParseError: (e) => problems.push(`${e.code} at ${e.startLine}:${e.startCol}`) });
            expect(problems, path).toEqual([]);
          } else {
            expect(() => JSON.parse(content as string), path).not.toThrow();
          }
        }
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);
});
