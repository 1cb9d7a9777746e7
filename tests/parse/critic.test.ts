// CriticMarkup is read by the Markdown parser itself: markers count only where inline Markdown runs,
// and every change, comment and highlight has its position.

import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import type { Paragraph, PhrasingContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import type { Inline } from '../../src/model.js';
import { parseMarkdown } from '../../src/parse/create-processor.js';
import { FRONTMATTER, runBody, stripRanges } from '../helpers.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The phrasing of the first paragraph, as `type(children…)` or text, with each node's start and end. */
function shape(markdown: string): string {
  const paragraph = parseMarkdown(markdown).children[0] as Paragraph;
  const show = (nodes: readonly PhrasingContent[]): string =>
    nodes
      .map((n) => {
        const at = `@${n.position!.start.column}-${n.position!.end.column}`;
        if ('children' in n) return `${n.type}${at}(${show(n.children as PhrasingContent[])})`;
        return n.type === 'text' ? JSON.stringify(n.value) : `${n.type}${at}[${'value' in n ? n.value : ''}]`;
      })
      .join(' ');
  return show(paragraph.children);
}

describe('the syntax extension', () => {
  it.each([
    ['a {++b++} c', '"a " criticInsert@3-10("b") " c"'],
    ['a {--b--}', '"a " criticDelete@3-10("b")'],
    ['{~~old~>new~~}', 'criticSubstitute@1-15(criticOld@4-7("old") criticNew@9-12("new"))'],
    ['{==words==}{>>[Japan] note<<}', 'criticHighlight@1-12("words") criticComment@12-30("[Japan] note")'],
    ['{++*em*++}', 'criticInsert@1-11(emphasis@4-8("em"))'],
    // CriticMarkup wins over strikethrough; a strikethrough beside it stays one.
    ['~~gone~~ {~~a~>b~~}', 'delete@1-9("gone") " " criticSubstitute@10-20(criticOld@13-14("a") criticNew@16-17("b"))'],
    // Markers in code spans are code.
    ['`{++a++}`', 'inlineCode@1-10[{++a++}]'],
    // An escaped brace is text; a closer alone is text.
    ['\\{++a++}', '"{++a++}"'],
    ['C++} and ~> here', '"C++} and ~> here"'],
    // An opener whose closer is across emphasis is unpaired, kept as typed.
    ['*a {++b* c++}', 'emphasis@1-9("a " criticMarkerUnpaired@4-7[{++] "b") " c++}"'],
    ['x {++ open', '"x " criticMarkerUnpaired@3-6[{++] " open"'],
  ])('%s', (markdown, expected) => {
    expect(shape(markdown)).toBe(expected);
  });

  it('spans a soft line break inside a paragraph, with start and end lines', () => {
    const paragraph = parseMarkdown('a {++b\nc++} d').children[0] as Paragraph;
    const insert = paragraph.children[1]!;
    expect(insert.type).toBe('criticInsert');
    expect([insert.position!.start.line, insert.position!.start.column, insert.position!.end.line, insert.position!.end.column]).toEqual([1, 3, 2, 5]);
  });

  it('leaves indented code, link destinations and autolinks alone', () => {
    const tree = parseMarkdown('    keep {++this++}\n\n[a](https://x.org/{--b--}) <https://x.org/{++y++}>\n');
    expect(tree.children[0]).toMatchObject({ type: 'code', value: 'keep {++this++}' });
    const links = (tree.children[1] as Paragraph).children.filter((n) => n.type === 'link');
    expect(links.map((l) => l.type === 'link' && l.url)).toEqual(['https://x.org/{--b--}', 'https://x.org/{++y++}']);
  });
});

describe('the model', () => {
  const inlines = (body: string): Inline[] => {
    const r = runBody(`# Item\n\n${body}\n\nIn conclusion, the PTC:\n\n- ok.\n`);
    const first = r.report!.items[0]!.body[0]!;
    return first.type === 'paragraph' ? [...first.content] : [];
  };

  it('gives comments their author, body, anchor words and place', () => {
    const r = runBody('# Item\n\nThe {==draft text==}{>>[Delegate of Japan] Please add "and Members".<<} stands.\nThen {>>A note with no author.<<} and {==a highlight==}.\n\nIn conclusion, the PTC:\n\n- ok.\n');
    expect(r.problems).toEqual([]);
    const first = r.report!.items[0]!.body[0]!;
    const comments = first.type === 'paragraph' ? first.content.filter((n) => n.type === 'comment') : [];
    expect(stripRanges(comments)).toEqual([
      { type: 'comment', children: [{ type: 'text', value: 'draft text' }], author: 'Delegate of Japan', body: [{ type: 'text', value: 'Please add "and Members".' }] },
      { type: 'comment', children: [], author: null, body: [{ type: 'text', value: 'A note with no author.' }] },
      { type: 'comment', children: [{ type: 'text', value: 'a highlight' }], author: null, body: null },
    ]);
    // Each starts at its `{==` (or its `{>>` when it has no highlight) and ends after its last marker.
    expect(comments.map((c) => [c.range.file, c.range.start.line, c.range.start.column, c.range.end.line, c.range.end.column])).toEqual([
      ['m/meeting.md', 13, 5, 13, 21],
      ['m/meeting.md', 14, 6, 14, 34],
      ['m/meeting.md', 14, 39, 14, 56],
    ]);
  });

  it('turns a substitution into a deletion and an insertion at the same place', () => {
    const content = inlines('The {~~old~>new~~} text.');
    expect(stripRanges(content)).toEqual([
      { type: 'text', value: 'The ' },
      { type: 'del', children: [{ type: 'text', value: 'old' }] },
      { type: 'ins', children: [{ type: 'text', value: 'new' }] },
      { type: 'text', value: ' text.' },
    ]);
    // The deletion covers the old words, the insertion the new ones.
    expect(content.map((n) => [n.range.start.column, n.range.end.column])).toEqual([[1, 5], [8, 11], [13, 16], [19, 25]]);
  });

  it('reports an unclosed opener at its place and keeps it as typed', () => {
    const r = runBody('# Item\n\nThe {++added text never closes.\n\nIn conclusion, the PTC:\n\n- ok.\n');
    expect(r.problems).toEqual(['m/meeting.md:13:5 error critic-unclosed']);
    expect(r.diagnostics[0]!.message).toContain('expected `++}`');
  });

  it('reports a change inside a change', () => {
    const r = runBody('# Item\n\nThe {++added {--and removed--} text++}.\n\nIn conclusion, the PTC:\n\n- ok.\n');
    expect(r.problems).toEqual(['m/meeting.md:13:14 error critic-nested']);
  });
});

describe('markers where Markdown has no inline text are printed as typed', () => {
  it('in indented code, a link destination and an autolink: no private-use character in any output', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'acta-critic-'));
    // Indented code at the top level is an indented-paragraph error; inside a list item it is code.
    const body = '# Item\n\nThe example follows:\n\n- the text\n\n      keep {++this++}\n\nSee [the page](https://example.org/{--b--}) and <https://example.org/{++y++}>.\n\nIn conclusion, the PTC:\n\n- ok.\n';
    await writeFile(path.join(dir, 'meeting.md'), FRONTMATTER + body);
    const out = await mkdtemp(path.join(tmpdir(), 'acta-critic-out-'));
    const r = spawnSync(process.execPath, [path.join(root, 'dist', 'acta.js'), 'build', dir, '--out', out], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const folder = path.join(out, path.basename(dir));
    const files = (await readdir(folder)).filter((f) => !f.startsWith('.') && /\.(html|docx|json)$/.test(f));
    expect(files.length).toBe(8);
    for (const f of files) {
      const bytes = await readFile(path.join(folder, f));
      const text = f.endsWith('.docx') ? Object.values(unzipSync(new Uint8Array(bytes))).map((part) => strFromU8(part)).join('\n') : bytes.toString('utf8');
      expect(text, f).not.toMatch(/[\uE000-\uF8FF]/);
      if (f === 'PC0517E1a.html') {
        expect(text).toContain('keep {++this++}');
        expect(text).toContain('href="https://example.org/{--b--}"');
        expect(text).toContain('href="https://example.org/{++y++}"');
      }
      if (f === 'PC0517E1a.docx') {
        expect(text).toContain('keep {++this++}');
        expect(text).toContain('Target="https://example.org/{--b--}"');
      }
    }
  });
});
