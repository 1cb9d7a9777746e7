// CriticMarkup comments: Word comments in the full DOCX, margin notes in the full HTML and PDF, nothing anywhere else.

import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildTo, sharedPrinter } from '../build-helpers.js';
import { useChromium } from '../browser.js';
import { docxParts, pandocBlocks, pandocNodes, pandocText, pdfLines, type PdfLine } from '../readers.js';
import { tool } from '../external-tools.js';

const run = promisify(execFile);
const built = await buildTo('tests/fixtures/comments', ['docx', 'html', 'json']);
const file = (name: string) => path.join(built.folder, name);

describe('the full DOCX', async () => {
  const parts = await docxParts(file('CMT1.docx'));

  it('anchors each comment on its highlighted words, or at its place', () => {
    const document = parts['word/document.xml']!;
    expect(document).toContain(
      '<w:t xml:space="preserve">The Chairperson opened </w:t></w:r><w:commentRangeStart w:id="0"/><w:r><w:t xml:space="preserve">the session</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>',
    );
    expect(document).toContain('without change.</w:t></w:r><w:commentRangeStart w:id="1"/><w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r>');
  });

  it('shows each comment with its author (or the changes author) and date to pandoc', async () => {
    const comments = pandocNodes(await pandocBlocks(file('CMT1.docx')))
      .filter((n) => n.t === 'Span' && ((n.c as unknown[])[0] as [string, string[]])[1].includes('comment-start'))
      .map((n) => [((n.c as unknown[])[0] as [string, string[], string[][]])[2], pandocText((n.c as unknown[])[1])]);
    expect(comments).toEqual([
      [[['id', '0'], ['author', 'Delegate of Japan'], ['date', '2030-10-20T00:00:00.000Z']], 'Please add "and welcomed the Members".'],
      [[['id', '1'], ['author', 'Secretariat'], ['date', '2030-10-20T00:00:00.000Z']], 'Check that 5 < 6 & "the minutes" agree.'],
    ]);
  });

  it('is read by LibreOffice as two annotations with their authors', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'acta-soffice-'));
    await run(tool('soffice'), [`-env:UserInstallation=file://${out}/profile`, '--headless', '--convert-to', 'fodt', '--outdir', out, file('CMT1.docx')], { timeout: 180_000 });
    const fodt = await readFile(path.join(out, 'CMT1.fodt'), 'utf8');
    const annotations = [...fodt.matchAll(/<office:annotation\b[^>]*>.*?<dc:creator>([^<]*)<\/dc:creator>.*?<\/office:annotation>/gs)].map((m) => [m[1], m[0].replace(/<[^>]+>/g, '').replace(/&quot;/g, '"')]);
    expect(annotations.map(([author]) => author)).toEqual(['Delegate of Japan', 'Secretariat']);
    expect(annotations[0]![1]).toContain('Please add "and welcomed the Members".');
    expect(fodt).toMatch(/<office:annotation [^>]*office:name="[^"]+"[^>]*>.*?<\/office:annotation>the session<office:annotation-end/s);
  }, 180_000);
});

describe('the full HTML', async () => {
  const html = await readFile(file('CMT1.html'), 'utf8');
  it('marks the highlighted words and prints each comment as a note, escaped', () => {
    expect(html).toContain('<mark class="commented">the session</mark><span class="comment" role="note"><span class="comment-author">Delegate of Japan:</span> Please add "and welcomed the Members".</span>');
    expect(html).toContain('without change.<span class="comment" role="note"><span class="comment-author">Secretariat:</span> Check that 5 &#x3C; 6 &#x26; "the minutes" agree.</span>');
  });
});

describe('the full HTML on screen', () => {
  it('sets each note beside the text on the page, never over the text nor off the page', async () => {
    const { browser, release } = await useChromium();
    try {
      for (const width of [1280, 900]) {
        const page = await browser.newPage({ viewport: { width, height: 900 } });
        await page.goto(`file://${file('CMT1.html')}`);
        const seen = await page.evaluate(() => {
          const boxes = (selector: string) => Array.from(document.querySelectorAll(selector)).map((e) => e.getBoundingClientRect());
          const text = boxes('.para > p, .decisions > li');
          const sheet = document.body.getBoundingClientRect();
          const notes = boxes('.comment');
          return {
            notes: notes.length,
            overText: notes.flatMap((note, i) => text.filter((t) => note.left < t.right && t.left < note.right && note.top < t.bottom && t.top < note.bottom).map(() => i)),
            offPage: notes.flatMap((note, i) => (note.right > sheet.right || note.left < sheet.left ? [i] : [])),
            scrolls: document.documentElement.scrollWidth > window.innerWidth,
          };
        });
        expect({ width, ...seen }).toEqual({ width, notes: 2, overText: [], offPage: [], scrolls: false });
      }
    } finally {
      await release();
    }
  });
});

describe('the full PDF', () => {
  // The same meeting with and without its comments (--accept-changes leaves them out; it has no tracked change).
  // As `acta build --format pdf --full`, with and without --accept-changes, builds it, with the worker's browser.
  const printed = async (acceptChanges: boolean) => {
    const built = await buildTo('tests/fixtures/comments', ['pdf'], { fullOnly: true, acceptChanges }, await sharedPrinter());
    expect(built.report).not.toBeNull();
    return path.join(built.folder, acceptChanges ? 'CMT1-accepted.pdf' : 'CMT1.pdf');
  };

  it('sets each note in the right margin, inside the page, and moves neither the page nor the text', async () => {
    const [withNotes, without] = await Promise.all([pdfLines(await printed(false)), pdfLines(await printed(true))]);
    expect(withNotes.map((p) => [p.width, p.height])).toEqual(without.map((p) => [p.width, p.height]));
    const place = (l: PdfLine) => `${l.text} @${l.left.toFixed(1)},${l.top.toFixed(1)}`;
    const text = without.map((p) => p.lines.map(place));
    // Every line of the text is where it is without the notes; what else the page holds is the notes, in its right margin.
    expect(withNotes.map((p, i) => p.lines.map(place).filter((l) => text[i]!.includes(l)))).toEqual(text);
    const notes = withNotes.flatMap((p, i) => p.lines.filter((l) => !text[i]!.includes(place(l))).map((l) => ({ l, width: p.width })));
    expect(notes.map(({ l }) => l.text).join(' ')).toMatch(/Delegate of\s*Japan:.*Secretariat:/);
    expect(notes.filter(({ l, width }) => l.left < width - 2 * 28.35 || l.right > width)).toEqual([]);
  }, 300_000);
});

describe('nowhere else', async () => {
  const clean = await buildTo('tests/fixtures/comments', ['docx', 'html', 'json'], { acceptChanges: true });
  const names = ['CMT1-public.docx', 'CMT1-public.html', 'CMT1-public.json', 'CMT1.json', 'decisions.json', 'decisions-public.json'];
  const texts = async (folder: string, list: readonly string[]) =>
    Promise.all(list.map(async (name) => [name, name.endsWith('.docx') ? Object.values(await docxParts(path.join(folder, name))).join('\n') : await readFile(path.join(folder, name), 'utf8')] as const));

  it.each(['Japan', 'welcomed', 'minutes', 'commentReference', 'class="comment'])('no public output, data or --accept-changes build holds %s', async (needle) => {
    const all = [...(await texts(built.folder, names)), ...(await texts(clean.folder, ['CMT1-accepted.docx', 'CMT1-accepted.html', 'CMT1-accepted.json']))];
    expect(all.filter(([, text]) => text.includes(needle)).map(([name]) => name)).toEqual([]);
    // …while the full edition does hold it, so the search is not empty-handed by construction.
    const full = (await texts(built.folder, ['CMT1.docx', 'CMT1.html'])).map(([, t]) => t).join('\n');
    expect(full).toContain(needle);
  });

  it('has no comments part without comments', async () => {
    expect(Object.keys(await docxParts(file('CMT1-public.docx')))).not.toContain('word/comments.xml');
    expect(Object.keys(await docxParts(path.join(clean.folder, 'CMT1-accepted.docx')))).not.toContain('word/comments.xml');
  });
});
