// The Word round trip as a secretariat lives it: copies come back days apart, from several reviewers, while the
// Markdown moves on. Each edit is written as Word stores it (tracked changes, comments and their threads, fields);
// LibreOffice's own saves are in libreoffice-edits.test.ts and base.test.ts.

import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildTo } from '../build-helpers.js';
import { acta, atPhrase, deletion, editedDocx, importInProcess, insertion, paragraphWith, revision, root, snapshot } from './import-helpers.js';

const FIXTURE = 'tests/fixtures/round-trip';
const JAPAN = 'Delegate of Japan';
const FRANCE = 'Delegate of France';
const DAY = '2026-11-02T09:30:00Z';

/** A fresh copy of the fixture and the full DOCX built from it now. */
async function copy(): Promise<{ dir: string; docx: string; file: (name: string) => string }> {
  const work = await mkdtemp(path.join(tmpdir(), 'acta-round-trip-'));
  const dir = path.join(work, 'round-trip');
  await cp(path.join(root, FIXTURE), dir, { recursive: true });
  const docx = await build(dir);
  return { dir, docx, file: (name) => path.join(dir, name) };
}

/** The full DOCX of the meeting as it is now, built into a folder of its own. */
async function build(dir: string): Promise<string> {
  const built = await buildTo(dir, ['docx'], { fullOnly: true, annexFiles: false, documents: false });
  expect(built.report, built.diagnostics.map((d) => d.message).join('\n')).not.toBeNull();
  const kept = path.join(await mkdtemp(path.join(tmpdir(), 'acta-copy-')), 'RT0001E1.docx');
  await cp(path.join(built.folder, 'RT0001E1.docx'), kept);
  return kept;
}

const edit = (docx: string, name: string, ...edits: ((xml: string) => string)[]) => editedDocx(docx, { 'word/document.xml': edits }, name);

/** Imports and writes, as `acta import` does, failing the test on a conflict. */
async function imported(dir: string, docx: string) {
  const result = await importInProcess(dir, docx);
  expect(result.conflicts).toEqual([]);
  for (const [file, { after }] of result.files) await writeFile(file, after);
  return result;
}

const read = (file: string) => readFile(file, 'utf8');

describe('a copy of an older build', () => {
  it('merges into the Markdown as it is now, undoing none of the work done since', async () => {
    const { dir, docx, file } = await copy();
    // The secretariat goes on: a sentence longer, a new paragraph, a decision taken out.
    const meeting = await read(file('meeting.md'));
    await writeFile(
      file('meeting.md'),
      meeting
        .replace('welcomed the delegates.', 'welcomed the delegates and the observers.')
        .replace('- agreed to return to the matter at its next session.\n', '')
        .replace('In conclusion, the PTC:\n\n- took note', 'The Secretariat answered the questions raised.\n\nIn conclusion, the PTC:\n\n- took note'),
    );
    const newer = await read(file('meeting.md'));
    // Meanwhile a delegate answered on the copy built before those edits.
    const reviewed = await edit(docx, 'japan.docx', (xml) => atPhrase(xml, ' and the buyer', (rPr) => `<w:r>${rPr}<w:t xml:space="preserve"> and the buyer</w:t></w:r>${insertion(' alike', JAPAN, DAY, rPr)}`));
    const result = await imported(dir, reviewed);
    expect(result.counts.tracked).toBe(1);
    expect(await read(file('meeting.md'))).toBe(newer.replace('to the seller and the buyer.', `to the seller and the buyer{++ alike++}{by="${JAPAN}" at="${DAY}"}.`));
  });
});

describe('two reviewers answering on copies of one build', () => {
  const japan = (docx: string) =>
    edit(
      docx,
      'japan.docx',
      (xml) => atPhrase(xml, 'the draft framework to', (rPr) => `<w:r>${rPr}<w:t xml:space="preserve">the </w:t></w:r>${insertion('revised ', JAPAN, DAY, rPr)}<w:r>${rPr}<w:t xml:space="preserve">draft framework to</w:t></w:r>`),
      // A paragraph typed without tracking after paragraph 1.
      (xml) => {
        const p = paragraphWith(xml, 'welcomed the delegates.');
        return xml.replace(p, `${p}<w:p><w:pPr><w:pStyle w:val="NumberedParagraph"/></w:pPr><w:r><w:t xml:space="preserve">A minute of silence was observed.</w:t></w:r></w:p>`);
      },
    );
  const france = (docx: string) =>
    edit(
      docx,
      'france.docx',
      (xml) => atPhrase(xml, ' and the buyer', (rPr) => deletion(' and the buyer', FRANCE, DAY, rPr)),
      (xml) => atPhrase(xml, 'thanked the interpreters', (rPr) => `<w:r>${rPr}<w:t xml:space="preserve">thanked the </w:t></w:r>${insertion('staff and the ', FRANCE, DAY, rPr)}<w:r>${rPr}<w:t xml:space="preserve">interpreters</w:t></w:r>`),
    );

  it('give the same Markdown whichever is imported first, holding the edits of both', async () => {
    const one = await copy();
    const two = await copy();
    const [j1, f1] = [await japan(one.docx), await france(one.docx)];
    const [j2, f2] = [await japan(two.docx), await france(two.docx)];
    await imported(one.dir, j1);
    await imported(one.dir, f1);
    await imported(two.dir, f2);
    await imported(two.dir, j2);
    for (const name of ['meeting.md', 'items/03-closing.md']) expect(await read(one.file(name)), name).toBe(await read(two.file(name)));
    const meeting = await read(one.file('meeting.md'));
    expect(meeting).toContain(`presented the {++revised ++}{by="${JAPAN}" at="${DAY}"}draft framework to the seller{-- and the buyer--}{by="${FRANCE}" at="${DAY}"}.`);
    expect(meeting).toContain('welcomed the delegates.\n\nA minute of silence was observed.\n\nThe agenda was adopted');
    expect(await read(one.file('items/03-closing.md'))).toContain(`thanked the {++staff and the ++}{by="${FRANCE}" at="${DAY}"}interpreters`);
    // The merged Markdown builds, and numbers the new paragraph.
    const rebuilt = await buildTo(one.dir, ['json'], { fullOnly: true, documents: false });
    expect(rebuilt.report?.paragraphCount).toBe(8);
  });

  it('import the same copy twice: the second import changes nothing', async () => {
    const { dir, docx } = await copy();
    const reviewed = await japan(docx);
    await imported(dir, reviewed);
    const before = await snapshot(dir);
    const again = await importInProcess(dir, reviewed);
    expect([...again.files.keys()]).toEqual([]);
    expect(again.conflicts).toEqual([]);
    const after = await snapshot(dir);
    for (const [name, bytes] of before) expect(after.get(name)!.equals(bytes), name).toBe(true);
  });
});

describe('a real conflict: the Markdown and a copy changed the same words', () => {
  it('exits 1, says where and both texts, and writes nothing; with --conflicts mark it writes both as CriticMarkup', async () => {
    const { dir, docx, file } = await copy();
    const meeting = await read(file('meeting.md'));
    await writeFile(file('meeting.md'), meeting.replace('to the seller and the buyer', 'to the vendor and the buyer'));
    const reviewed = await edit(docx, 'trader.docx', (xml) => atPhrase(xml, 'seller', (rPr) => `${deletion('seller', JAPAN, DAY, rPr)}${insertion('trader', JAPAN, DAY, rPr)}`));
    const before = await snapshot(dir);
    const stopped = acta('import', reviewed, '--into', dir);
    expect(stopped.status).toBe(1);
    const line = (await read(file('meeting.md'))).split('\n').findIndex((l) => l.includes('the vendor and')) + 1;
    const conflict = stopped.stderr.split('\n').filter((l) => l.includes('[import-conflict]'));
    expect(conflict).toHaveLength(1);
    expect(conflict[0]).toMatch(new RegExp(`^${file('meeting.md').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${line}:\\d+: error: Unexpected conflict: the Markdown now reads «vendor» where`));
    expect(conflict[0]).toContain('copy reads «{~~seller~>trader~~}');
    const after = await snapshot(dir);
    for (const [name, bytes] of before) expect(after.get(name)!.equals(bytes), name).toBe(true);

    const marked = acta('import', reviewed, '--into', dir, '--conflicts', 'mark');
    expect(marked.status).toBe(0);
    expect(marked.stdout).toContain('1 conflict marked');
    const text = await read(file('meeting.md'));
    expect(text).toMatch(/to the \{~~vendor~>trader~~\}\{>>\[[^\]]+\] Conflict: the Markdown and this reviewer's copy changed the same words; keep one\.<<\} and the buyer/);
    expect(acta('check', dir).status).toBe(0);
  });
});

describe('the file is known by its build record, never by its title', () => {
  it('refuses a public edition whose title was changed to the full one', async () => {
    const { dir } = await copy();
    const built = await buildTo(dir, ['docx'], { annexFiles: false, documents: false });
    const pub = path.join(built.folder, 'RT0001E1-public.docx');
    const renamed = await editedDocx(pub, { 'docProps/core.xml': [['RT0001E1 – Summary report (Public Version)', 'RT0001E1 – Summary report']] }, 'retitled.docx');
    const run = acta('import', renamed, '--into', dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('the file is the public edition of the report RT0001E1; import the full edition');
  });
});

describe('a working document', () => {
  it('comes back into its own Markdown: its DOCX carries its files alone, and the report is untouched', async () => {
    const { dir, file } = await copy();
    const built = await buildTo(dir, ['docx'], { fullOnly: true, annexFiles: false });
    const docx = path.join(built.folder, 'documents', 'RT0002E1.docx');
    const base = strFromU8(unzipSync(new Uint8Array(await readFile(docx)))['customXml/item1.xml']!);
    expect(base).toContain('document="rt0002"');
    const reviewed = await edit(docx, 'document.docx', (xml) => atPhrase(xml, ' with the private sector', (rPr) => `<w:r>${rPr}<w:t xml:space="preserve"> with the private sector</w:t></w:r>${insertion(' and the Members', JAPAN, DAY, rPr)}`));
    const before = await read(file('meeting.md'));
    const result = await imported(dir, reviewed);
    expect([...result.files.keys()].map((f) => path.relative(dir, f))).toEqual([path.join('documents', 'rt0002.md')]);
    expect(await read(file('documents/rt0002.md'))).toContain(`with the private sector{++ and the Members++}{by="${JAPAN}" at="${DAY}"}.`);
    expect(await read(file('meeting.md'))).toBe(before);
  });
});

describe('comments as threads', () => {
  const comments = (xml: string) =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml">${xml}</w:comments>`;
  const comment = (id: number, author: string, text: string, paraId: string) =>
    `<w:comment w:id="${id}" w:author="${author}" w:date="${DAY}" w:initials="X"><w:p w14:paraId="${paraId}"><w:r><w:annotationRef/></w:r><w:r><w:t>${text}</w:t></w:r></w:p></w:comment>`;
  const range = (id: number, inner: string) => `</w:t></w:r><w:commentRangeStart w:id="${id}"/>${inner}<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r><w:r><w:t xml:space="preserve">`;

  it('a reply, a resolved comment, overlapping comments and one over two paragraphs come back as CriticMarkup, never as text', async () => {
    const { dir, docx, file } = await copy();
    const parts = {
      'word/document.xml': [
        // A comment and its reply on "draft framework", the thread resolved.
        ['the draft framework', `the ${range(1, '<w:r><w:t xml:space="preserve">draft framework</w:t></w:r>').replace(`<w:commentRangeEnd w:id="1"/>`, '<w:commentRangeEnd w:id="1"/><w:commentRangeEnd w:id="2"/>').replace('<w:commentRangeStart w:id="1"/>', '<w:commentRangeStart w:id="1"/><w:commentRangeStart w:id="2"/>')}`],
        // Two comments whose words overlap: "asked about the data" and "the data elements".
        (xml: string) =>
          xml.replace(
            'The Delegate of Japan asked about the data elements listed',
            `The Delegate of Japan </w:t></w:r><w:commentRangeStart w:id="3"/><w:r><w:t xml:space="preserve">asked about </w:t></w:r><w:commentRangeStart w:id="4"/><w:r><w:t xml:space="preserve">the data</w:t></w:r><w:commentRangeEnd w:id="3"/><w:r><w:commentReference w:id="3"/></w:r><w:r><w:t xml:space="preserve"> elements</w:t></w:r><w:commentRangeEnd w:id="4"/><w:r><w:commentReference w:id="4"/></w:r><w:r><w:t xml:space="preserve"> listed`,
          ),
        // A comment from the end of paragraph 1 into paragraph 2.
        (xml: string) => xml.replace('welcomed the delegates.', `welcomed </w:t></w:r><w:commentRangeStart w:id="5"/><w:r><w:t xml:space="preserve">the delegates.`).replace('The agenda was adopted', `The agenda</w:t></w:r><w:commentRangeEnd w:id="5"/><w:r><w:commentReference w:id="5"/></w:r><w:r><w:t xml:space="preserve"> was adopted`),
      ] as const,
    };
    const edited = await editedDocx(docx, { 'word/document.xml': parts['word/document.xml'] as never }, 'commented.docx');
    // Word's comments part, its threads (commentsExtended.xml), their relationships and content types.
    const withParts = await editedDocx(
      edited,
      {
        '[Content_Types].xml': [['</Types>', '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/><Override PartName="/word/commentsExtended.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"/></Types>']],
        'word/_rels/document.xml.rels': [['</Relationships>', '<Relationship Id="rIdC" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/><Relationship Id="rIdCx" Type="http://schemas.microsoft.com/office/2011/relationships/commentsExtended" Target="commentsExtended.xml"/></Relationships>']],
      },
      'threads.docx',
    );
    const bytes = unzipSync(new Uint8Array(await readFile(withParts)));
    const { strToU8, zipSync } = await import('fflate');
    bytes['word/comments.xml'] = strToU8(
      comments(
        comment(1, JAPAN, 'Which draft?', '0000000A') +
          comment(2, 'Secretariat', 'The one of October.', '0000000B') +
          comment(3, FRANCE, 'Who asked?', '0000000C') +
          comment(4, JAPAN, 'Name them.', '0000000D') +
          comment(5, FRANCE, 'Two paragraphs &amp; more &lt;here&gt;.', '0000000E'),
      ),
    );
    bytes['word/commentsExtended.xml'] = strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w15:commentsEx xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"><w15:commentEx w15:paraId="0000000A" w15:done="1"/><w15:commentEx w15:paraId="0000000B" w15:paraIdParent="0000000A" w15:done="1"/><w15:commentEx w15:paraId="0000000C" w15:done="0"/></w15:commentsEx>',
    );
    const threads = path.join(path.dirname(withParts), 'threads-whole.docx');
    await writeFile(threads, zipSync(bytes));

    const result = await imported(dir, threads);
    expect(result.counts.comments).toBeGreaterThanOrEqual(4);
    const meeting = await read(file('meeting.md'));
    expect(meeting).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(meeting).toContain(`the {==draft framework==}{>>[${JAPAN}] Which draft?<<}{at="${DAY}" done}{>>The one of October.<<}{reply at="${DAY}"} to the seller`);
    // Overlapping ranges cannot both be highlights: each is a comment at its end.
    expect(meeting).toContain(`The Delegate of Japan asked about the data{>>[${FRANCE}] Who asked?<<}{at="${DAY}"} elements{>>[${JAPAN}] Name them.<<}{at="${DAY}"} listed`);
    // Over two paragraphs: anchored on the words of the first.
    expect(meeting).toContain(`welcomed {==the delegates.==}{>>[${FRANCE}] Two paragraphs & more \\<here\\>.<<}{at="${DAY}"}\n`);
    expect(meeting).toContain('\nThe agenda was adopted');

    // Built again: Word comments once more, in the order of their anchors, threaded and resolved.
    const rebuilt = await buildTo(dir, ['docx', 'html'], { fullOnly: true, annexFiles: false, documents: false });
    const parts2 = unzipSync(new Uint8Array(await readFile(path.join(rebuilt.folder, 'RT0001E1.docx'))));
    const xml = strFromU8(parts2['word/comments.xml']!);
    expect([...xml.matchAll(/w:author="([^"]+)"/g)].map((m) => m[1])).toEqual([FRANCE, JAPAN, 'Secretariat', FRANCE, JAPAN]);
    const extended = strFromU8(parts2['word/commentsExtended.xml']!);
    expect(extended).toMatch(/<w15:commentEx w15:paraId="00000003" w15:paraIdParent="00000002" w15:done="1"\/>/);
    const html = await readFile(path.join(rebuilt.folder, 'RT0001E1.html'), 'utf8');
    expect(html).toContain('class="comment comment-done"');
    expect(html).toContain('The one of October.');
  });
});

describe('edits that cannot come back are said at their place', () => {
  it('a number typed over a computed reference, a tracked edit inside one, and a control character', async () => {
    const { dir, docx } = await copy();
    const reviewed = await edit(
      docx,
      'typed.docx',
      // "listed in paragraph 2": the reviewer typed 3 over the field's result.
      (xml) => xml.replace(/(REF para_2 \\n \\h <\/w:instrText><\/w:r><w:r><w:fldChar w:fldCharType="separate"\/><\/w:r><w:r><w:t xml:space="preserve">)2</, '$13<'),
      // "as set out in Annex I": a tracked edit inside the field's result.
      (xml) => xml.replace(/(REF annex_I \\h <\/w:instrText><\/w:r><w:r><w:fldChar w:fldCharType="separate"\/><\/w:r>)<w:r><w:t xml:space="preserve">Annex I<\/w:t><\/w:r>/, `$1<w:r><w:t xml:space="preserve">Annex </w:t></w:r>${deletion('I', JAPAN, DAY)}${insertion('II', JAPAN, DAY)}`),
      (xml) => xml.replace('closed the session.', 'closed the\u0007 session.'),
    );
    const result = await importInProcess(dir, reviewed);
    const messages = result.warnings.map((w) => `${path.basename(w.range.file)}:${w.range.start.line}: ${w.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^meeting\.md:\d+: Unexpected text typed over a reference acta computes \(it prints “2”, the copy shows “3”\) in paragraph 4/),
        expect.stringMatching(/^meeting\.md:\d+: Unexpected text typed over a reference acta computes \(it prints “Annex I”, the copy shows “Annex II”\) in paragraph 2/),
        expect.stringMatching(/^03-closing\.md:\d+: Unexpected control character \(invisible in Word\) in paragraph 6.*left out$/),
      ]),
    );
    // The references stay as typed in the Markdown and the control character is left out: no file changes.
    expect([...result.files.keys()]).toEqual([]);
  });
});

describe('tracked formatting', () => {
  it('bold added and italic taken away with tracking come back as substitutions of the emphasised words', async () => {
    const { dir, file } = await copy();
    const meeting = await read(file('meeting.md'));
    await writeFile(file('meeting.md'), meeting.replace('the seller and the buyer', 'the *seller* and the buyer'));
    const docx = await build(dir);
    const change = (was: string) => `<w:rPrChange ${revision(JAPAN, DAY)}><w:rPr>${was}</w:rPr></w:rPrChange>`;
    const reviewed = await edit(
      docx,
      'formatting.docx',
      (xml) => atPhrase(xml, 'draft framework', () => `<w:r><w:rPr><w:b/>${change('')}</w:rPr><w:t xml:space="preserve">draft framework</w:t></w:r>`),
      // The italic run of "seller", its italics taken off with tracking.
      (xml) => xml.replace(/<w:r><w:rPr><w:i\/><w:iCs\/><\/w:rPr><w:t xml:space="preserve">seller<\/w:t><\/w:r>|<w:r><w:rPr><w:i\/><\/w:rPr><w:t xml:space="preserve">seller<\/w:t><\/w:r>/, `<w:r><w:rPr>${change('<w:i/>')}</w:rPr><w:t xml:space="preserve">seller</w:t></w:r>`),
    );
    await imported(dir, reviewed);
    const by = `{by="${JAPAN}" at="${DAY}"}`;
    expect(await read(file('meeting.md'))).toContain(`presented the {~~draft framework~>**draft framework**~~}${by} to the {~~*seller*~>seller~~}${by} and the buyer`);
  });
});

describe('who and when, both ways', () => {
  it('a move between paragraphs comes back as the deletion and insertion of the one who moved it, and goes out again under the same name: w:author in the DOCX, the title in the HTML', async () => {
    const { dir, docx, file } = await copy();
    const rev = () => revision(JAPAN, DAY);
    const reviewed = await edit(
      docx,
      'moved.docx',
      (xml) => atPhrase(xml, ' and the buyer', () => `<w:moveFrom ${rev()}><w:r><w:delText xml:space="preserve"> and the buyer</w:delText></w:r></w:moveFrom>`),
      (xml) => atPhrase(xml, 'welcomed the delegates', () => `<w:r><w:t xml:space="preserve">welcomed the delegates</w:t></w:r><w:moveTo ${rev()}><w:r><w:t xml:space="preserve"> and the buyer</w:t></w:r></w:moveTo>`),
    );
    await imported(dir, reviewed);
    const by = `{by="${JAPAN}" at="${DAY}"}`;
    const meeting = await read(file('meeting.md'));
    expect(meeting).toContain(`welcomed the delegates{++ and the buyer++}${by}.`);
    expect(meeting).toContain(`to the seller{-- and the buyer--}${by}.`);
    const built = await buildTo(dir, ['docx', 'html'], { fullOnly: true, annexFiles: false, documents: false });
    const document = strFromU8(unzipSync(new Uint8Array(await readFile(path.join(built.folder, 'RT0001E1.docx'))))['word/document.xml']!);
    expect(document).toMatch(new RegExp(`<w:ins w:id="\\d+" w:author="${JAPAN}" w:date="${DAY.slice(0, 10)}[^"]*"><w:r>(?:<w:rPr>.*?</w:rPr>)?<w:t xml:space="preserve"> and the buyer</w:t>`));
    expect(document).toMatch(new RegExp(`<w:del w:id="\\d+" w:author="${JAPAN}" w:date="${DAY.slice(0, 10)}[^"]*"><w:r>(?:<w:rPr>.*?</w:rPr>)?<w:delText xml:space="preserve"> and the buyer</w:delText>`));
    const html = await read(path.join(built.folder, 'RT0001E1.html'));
    expect(html).toContain(`<ins title="${JAPAN}, 2 November 2026" datetime="${DAY}"> and the buyer</ins>`);
    expect(html).toContain(`<del title="${JAPAN}, 2 November 2026" datetime="${DAY}"> and the buyer</del>`);
  });
});

describe('structure', () => {
  it('a paragraph deleted with tracking is {--…--}; built again, the numbers close up in every edition but the full, where it is struck through with its mark deleted', async () => {
    const { dir, docx, file } = await copy();
    const reviewed = await edit(docx, 'deleted.docx', (xml) => {
      const p = paragraphWith(xml, 'The Chairperson opened the session');
      const rev = revision(JAPAN, DAY);
      return xml.replace(p, p.replace('<w:pPr>', '<w:pPr>').replace('</w:pPr>', `<w:rPr><w:del ${rev}/></w:rPr></w:pPr>`).replace(/<w:r><w:t xml:space="preserve">([^<]*)<\/w:t><\/w:r>/g, (_, t: string) => deletion(t, JAPAN, DAY)));
    });
    await imported(dir, reviewed);
    expect(await read(file('meeting.md'))).toContain(`\n{--The Chairperson opened the session and welcomed the delegates.--}{by="${JAPAN}" at="${DAY}"}\n`);
    const built = await buildTo(dir, ['docx', 'json', 'html'], { annexFiles: false, documents: false });
    type Data = { paragraphs: { number: number; text: string }[]; items: { range: string | null }[] };
    for (const name of ['RT0001E1.json', 'RT0001E1-public.json']) {
      const data = JSON.parse(await readFile(path.join(built.folder, name), 'utf8')) as Data;
      expect(data.paragraphs.map((p) => p.number), name).toEqual([1, 2, 3, 4, 5, 6]);
      expect(data.paragraphs[0]!.text, name).toBe('The agenda was adopted without change, as set out in Annex I.');
      expect(data.items[0]!.range, name).toBe('01');
    }
    const document = strFromU8(unzipSync(new Uint8Array(await readFile(path.join(built.folder, 'RT0001E1.docx'))))['word/document.xml']!);
    const deleted = paragraphWith(document, 'The Chairperson opened the session');
    expect(deleted).toMatch(/<w:pPr><w:pStyle w:val="BodyText"\/><w:rPr><w:del [^>]*w:author="Delegate of Japan"/);
    expect(deleted).toContain('<w:delText xml:space="preserve">The Chairperson opened the session');
    const publicDocument = strFromU8(unzipSync(new Uint8Array(await readFile(path.join(built.folder, 'RT0001E1-public.docx'))))['word/document.xml']!);
    expect(publicDocument).not.toContain('The Chairperson opened the session');
  });

  it('a decision deleted with tracking leaves the register; a reference inside a deletion is a deleted field', async () => {
    const { dir, file } = await copy();
    const meeting = await read(file('meeting.md'));
    await writeFile(
      file('meeting.md'),
      meeting.replace('- agreed to return to the matter at its next session.', '- {--agreed to return to the matter at its next session.--}').replace('listed in paragraph [](#adoption).', 'listed {--in paragraph [](#adoption)--}.'),
    );
    const built = await buildTo(dir, ['docx', 'json'], { fullOnly: true, annexFiles: false, documents: false });
    const register = JSON.parse(await readFile(path.join(built.folder, 'decisions.json'), 'utf8')) as { decisions: { id: string; text: string }[] };
    expect(register.decisions.map((d) => d.id)).toEqual(['II-a-1', 'II-a-2', 'III-1']);
    const document = strFromU8(unzipSync(new Uint8Array(await readFile(path.join(built.folder, 'RT0001E1.docx'))))['word/document.xml']!);
    expect(document).toMatch(/<w:del [^>]*><w:r><w:delInstrText xml:space="preserve"> REF para_2 \\n \\h <\/w:delInstrText><\/w:r><\/w:del>/);
    expect(paragraphWith(document, '>agreed to return to the matter')).toMatch(/<w:rPr><w:del /);
  });

  it('a tracked paragraph join joins; a paragraph typed between a conclusion phrase and its decisions is said', async () => {
    const { dir, docx, file } = await copy();
    const reviewed = await edit(
      docx,
      'joined.docx',
      (xml) => {
        const p = paragraphWith(xml, 'The Chairperson opened the session');
        return xml.replace(p, p.replace('</w:pPr>', `<w:rPr><w:del ${revision(JAPAN, DAY)}/></w:rPr></w:pPr>`));
      },
      (xml) => {
        const p = paragraphWith(xml, '>In conclusion, the PTC:<');
        return xml.replace(p, `${p}<w:p><w:pPr><w:pStyle w:val="NumberedParagraph"/></w:pPr><w:r><w:t xml:space="preserve">The Delegate of France agreed.</w:t></w:r></w:p>`);
      },
    );
    const result = await imported(dir, reviewed);
    const meeting = await read(file('meeting.md'));
    expect(meeting).toContain('The Chairperson opened the session and welcomed the delegates. The agenda was adopted without change, as set out in [](#programme).{#adoption}\n');
    expect(meeting).toContain('- agreed to return to the matter at its next session.\n\nThe Delegate of France agreed.\n');
    expect(result.warnings.map((w) => w.message)).toEqual(
      expect.arrayContaining([expect.stringContaining('Unexpected paragraph typed between the conclusion phrase of paragraph 5 and its decisions')]),
    );
  });

  it('text a reviewer types stays text: no heading, list, quote, HTML, code or formatting is made of it', async () => {
    const { dir, docx, file } = await copy();
    const typed = ['# Not an item', '- not a list', '> not a quote', '<insert date>', '`not code`', '~~not struck~~', '*not em* _nor this_', '[not a link](#x)', '{#not-an-id}', '1. not a number', '&amp; stays'];
    const reviewed = await edit(docx, 'typed.docx', (xml) => {
      const p = paragraphWith(xml, 'welcomed the delegates.');
      return xml.replace(p, `${p}${typed.map((t) => `<w:p><w:pPr><w:pStyle w:val="NumberedParagraph"/></w:pPr><w:r><w:t xml:space="preserve">${t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</w:t></w:r></w:p>`).join('')}`);
    });
    await imported(dir, reviewed);
    const built = await buildTo(dir, ['json'], { fullOnly: true, documents: false, annexFiles: false });
    expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    type Data = { items: unknown[]; paragraphs: { number: number; text: string }[] };
    const data = JSON.parse(await readFile(path.join(built.folder, 'RT0001E1.json'), 'utf8')) as Data;
    expect(data.items).toHaveLength(3);
    expect(data.paragraphs.slice(1, 1 + typed.length).map((p) => p.text)).toEqual(typed);
    expect(await read(file('meeting.md'))).toContain('\\# Not an item');
  });

  it('an edit inside a change accepts and rejects to the right text', async () => {
    const { dir, file } = await copy();
    const meeting = await read(file('meeting.md'));
    await writeFile(file('meeting.md'), meeting.replace('to the seller and the buyer', 'to the seller{++ and the buyer++}'));
    const docx = await build(dir);
    // Japan deletes "the buyer" from the Secretariat's own insertion: text inserted and deleted again.
    const reviewed = await edit(docx, 'inside.docx', (xml) => xml.replace(/(<w:ins [^>]*><w:r><w:t xml:space="preserve">) and the buyer(<\/w:t><\/w:r><\/w:ins>)/, `$1 and$2<w:ins w:id="77" w:author="Secretariat" w:date="2026-10-30T00:00:00Z">${deletion(' the buyer', JAPAN, DAY)}</w:ins>`));
    await imported(dir, reviewed);
    const text = await read(file('meeting.md'));
    expect(text).toContain('to the seller{++ and++}.');
    // Accepted: "the seller and"; rejected: "the seller" — never "the buyer" outside the insertion.
    expect(text).not.toMatch(/the buyer--\}/);
  });

  it('an untracked deletion of a paragraph whose id is cited is a warning at each citing place', async () => {
    const { dir, docx } = await copy();
    const reviewed = await edit(docx, 'uncited.docx', (xml) => xml.replace(paragraphWith(xml, 'The agenda was adopted without change'), ''));
    const result = await importInProcess(dir, reviewed);
    const cited = result.warnings.filter((w) => w.message.startsWith('After this import, `acta build` stops here'));
    // At its line in the Markdown as the import leaves it.
    const merged = [...result.files].find(([f]) => f.endsWith('meeting.md'))![1].after;
    expect(cited.map((w) => `${path.basename(w.range.file)}:${w.range.start.line}`)).toEqual([`meeting.md:${merged.split('\n').findIndex((l) => l.includes('listed in paragraph [](#adoption)')) + 1}`]);
    expect(cited[0]!.message).toContain('unknown id `adoption`');
  });
});

describe('nothing is dropped without a word, nothing restricted escapes', () => {
  it('a missing, empty or cut-short footnotes part is refused; an embedded document, hidden text and a NUL are warnings, and hidden words come back as text', async () => {
    const { dir, docx } = await copy();
    const bytes = unzipSync(new Uint8Array(await readFile(docx)));
    const { zipSync } = await import('fflate');
    const notes = bytes['word/footnotes.xml']!;
    for (const [name, part] of [['missing', undefined], ['empty', new Uint8Array()], ['cut short', notes.slice(0, notes.length - 40)]] as const) {
      const parts = { ...bytes };
      if (part === undefined) delete parts['word/footnotes.xml'];
      else parts['word/footnotes.xml'] = part;
      const broken = path.join(path.dirname(docx), `notes-${name.replace(' ', '-')}.docx`);
      await writeFile(broken, zipSync(parts));
      await expect(importInProcess(dir, broken), name).rejects.toThrow(/footnotes/);
    }

    const reviewed = await edit(
      docx,
      'odd.docx',
      (xml) => xml.replace(paragraphWith(xml, 'welcomed the delegates.'), (p) => `${p}<w:altChunk r:id="rIdChunk"/>`),
      (xml) => atPhrase(xml, 'the seller', (rPr) => `<w:r>${rPr}<w:t xml:space="preserve">the seller</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve"> HIDDEN-WORDS</w:t></w:r>`),
      (xml) => xml.replace('closed the session.', 'closed the&#0; session.'),
    );
    const result = await importInProcess(dir, reviewed);
    const messages = result.warnings.map((w) => w.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Unexpected embedded document \(altChunk\) in paragraph 1\b/),
        expect.stringMatching(/^Unexpected hidden text \(Font › Hidden: Word does not show it\) in paragraph 3\b/),
        expect.stringMatching(/^Unexpected control character \(invisible in Word\) in paragraph 6\b/),
      ]),
    );
    const written = [...result.files.values()].map((f) => f.after).join('\n');
    // acta hides nothing: words typed hidden come back as text, and the warning says so.
    expect(written).toContain('the seller HIDDEN-WORDS');
    expect(messages.find((m) => m.includes('hidden text'))).toContain('it comes back as ordinary text');
    expect(written).not.toMatch(/\u0000/);
  });

  it('words of the report a reviewer formats as hidden stay in the Markdown, with a warning at their paragraph', async () => {
    const { dir, docx, file } = await copy();
    const before = await read(file('meeting.md'));
    const reviewed = await edit(docx, 'hidden.docx', (xml) => atPhrase(xml, 'welcomed the delegates.', () => `<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve">welcomed the delegates.</w:t></w:r>`));
    const result = await importInProcess(dir, reviewed);
    expect(result.warnings.map((w) => w.message)).toEqual(expect.arrayContaining([expect.stringMatching(/^Unexpected hidden text .* in paragraph 1\b.*comes back as ordinary text/)]));
    expect(result.files.get(file('meeting.md'))?.after ?? before).toBe(before);
  });

  it('a hyperlink typed at the end of restricted text, before its closing label, stays inside the span', async () => {
    const { dir, docx, file } = await copy();
    const reviewed = await editedDocx(
      docx,
      {
        'word/document.xml': [
          (xml) =>
            atPhrase(xml, 'ZQ-PILOT', (rPr) => `<w:r>${rPr}<w:t xml:space="preserve">ZQ-PILOT </w:t></w:r><w:hyperlink r:id="rIdEdge"><w:r>${rPr.replace(/<w:rStyle w:val="[^"]*"\/>/, '<w:rStyle w:val="Hyperlink"/>')}<w:t xml:space="preserve">SECRET-SITE</w:t></w:r></w:hyperlink>`),
        ],
        'word/_rels/document.xml.rels': [['</Relationships>', '<Relationship Id="rIdEdge" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="http://x.y/" TargetMode="External"/></Relationships>']],
      },
      'edge-link.docx',
    );
    await imported(dir, reviewed);
    expect(await read(file('annexes/01-programme.md'))).toContain(':restricted[and the pilot ZQ-PILOT [SECRET-SITE](http://x.y/)]');
  });

  it('a document part cut short between paragraphs is refused, never read as the paragraphs after the cut deleted', async () => {
    const { dir, docx } = await copy();
    const parts = unzipSync(new Uint8Array(await readFile(docx)));
    const xml = strFromU8(parts['word/document.xml']!);
    let at = 0;
    for (let i = 0; i < 8; i++) at = xml.indexOf('</w:p>', at) + '</w:p>'.length;
    const { strToU8, zipSync } = await import('fflate');
    const cut = path.join(path.dirname(docx), 'cut-document.docx');
    await writeFile(cut, zipSync({ ...parts, 'word/document.xml': strToU8(xml.slice(0, at)) }));
    await expect(importInProcess(dir, cut)).rejects.toThrow('the part word/document.xml is not well-formed XML (cut short or damaged)');
  });

  it('a hyperlink typed in restricted text (Word gives it its own style), its address holding ")]", stays inside the restricted span', async () => {
    const { dir, docx, file } = await copy();
    const reviewed = await editedDocx(
      docx,
      {
        'word/document.xml': [
          (xml) =>
            atPhrase(xml, 'and the pilot', (rPr) => `<w:r>${rPr}<w:t xml:space="preserve">and the </w:t></w:r><w:hyperlink r:id="rIdOdd"><w:r>${rPr.replace(/<w:rStyle w:val="[^"]*"\/>/, '<w:rStyle w:val="Hyperlink"/>')}<w:t xml:space="preserve">pilot</w:t></w:r></w:hyperlink>`),
        ],
        'word/_rels/document.xml.rels': [['</Relationships>', '<Relationship Id="rIdOdd" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="http://x.y/a)]" TargetMode="External"/></Relationships>']],
      },
      'odd-link.docx',
    );
    await imported(dir, reviewed);
    const annex = await read(file('annexes/01-programme.md'));
    expect(annex).toContain(':restricted[and the [pilot](http://x.y/a%29%5D) ZQ-PILOT]');
    const built = await buildTo(dir, ['docx', 'html', 'json'], { publicOnly: true, annexFiles: false, documents: false });
    for (const name of ['RT0001E1-public.html', 'RT0001E1-public.json']) expect(await read(path.join(built.folder, name)), name).not.toContain('ZQ-PILOT');
    const publicDocx = unzipSync(new Uint8Array(await readFile(path.join(built.folder, 'RT0001E1-public.docx'))));
    expect(Object.values(publicDocx).map((b) => strFromU8(b)).join('\n')).not.toContain('ZQ-PILOT');
  });
});
