// CriticMarkup comments: Word comments in the full DOCX, margin notes in the full HTML, nothing anywhere else.

import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildTo } from '../build-helpers.js';
import { docxParts, pandocBlocks, pandocNodes, pandocText } from '../readers.js';
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
