// `acta issue` on a meeting folder, then builds of the issued report changed in every way at once: what the DOCX, the
// HTML and the JSON of the report and of its corrigendum print.

import { access, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { issueCommand } from '../../src/commands/issue.js';
import { checkMeeting, issueMeeting } from '../../src/pipeline.js';
import { markIssued } from '../../src/write/mark-issued.js';
import { buildTo } from '../build-helpers.js';
import { P, meeting } from '../number/issued-fixture.js';
import { docxParts } from '../readers.js';
import { recordingTerminal } from './terminal.js';

const INSERTED = 'The Committee also agreed to hear a late presentation by India.';
const AMENDED = 'Several delegates described their national transit systems and the guarantees they ask for.';

/** Plain text of WordprocessingML, one line a paragraph. */
const wordText = (xml: string) =>
  xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .filter(Boolean);

/** The HTML's numbered paragraphs as "anchor marker" and the first three words. */
const htmlParagraphs = (html: string) =>
  [...html.matchAll(/<div class="para numbered[^"]*" id="([^"]+)">\s*<p><span class="num">([^<]*)<\/span>([^<]*)/g)].map((m) => `${m[1]} ${m[2]} ${m[3]!.split(' ').slice(0, 3).join(' ')}`);

describe('acta issue, then builds of the issued report', async () => {
  const dir = path.join(await mkdtemp(path.join(tmpdir(), 'acta-issue-')), 'meeting');
  await mkdir(dir);
  await writeFile(path.join(dir, 'meeting.md'), meeting());

  it('records the numbering and says `status: issued` in meeting.md; a second run changes nothing', async () => {
    const first = await issueMeeting(dir);
    expect(first.done).toBe('issued');
    const lock = await readFile(path.join(dir, 'numbering.lock.yaml'), 'utf8');
    expect(lock).toMatch(/corrigenda: 0\n/);
    expect(lock).toMatch(/- \{ number: 10, key: closing\//);
    const text = await readFile(path.join(dir, 'meeting.md'), 'utf8');
    expect(text).toBe(meeting().replace('issued: 2018-05-02\n', 'issued: 2018-05-02\nstatus: issued\n'));
    const again = await issueMeeting(dir);
    expect(again.done).toBe('unchanged');
    expect(again.written).toEqual([]);
  });

  it('prints held numbers, the [Deleted] and [Moved] lines and the corrigendum, in DOCX, HTML and JSON', async () => {
    // Paragraph 1 moved after 3, a paragraph inserted after it, 6 amended, 7 deleted.
    const changed = meeting({ opening: [P.speech], adoption: [P.agenda, P.opened, INSERTED], transit: [P.transit, AMENDED] }, 'issued');
    await writeFile(path.join(dir, 'meeting.md'), changed);
    const built = await buildTo(dir, ['docx', 'html', 'json']);
    expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const file = (name: string) => path.join(built.folder, name);

    const data = JSON.parse(await readFile(file('PC0517E1a.json'), 'utf8')) as { paragraphs: { number: number | string; text: string }[]; items: { range: string }[] };
    expect(data.paragraphs.map((p) => `${p.number} ${p.text.split(' ').slice(0, 3).join(' ')}`)).toEqual([
      '1 [Moved to paragraph', '2 The Secretary General', '3 The Draft Agenda', '3A The Chairperson opened', '3B The Committee also', '4 In conclusion, the',
      '5 The Secretariat presented', '6 Several delegates described', '7 [Deleted]', '8 In conclusion, the', '9 The Chairperson closed', '10 In conclusion, the',
    ]);
    expect(data.items.map((i) => i.range)).toEqual(['01 - 04', '05 - 08', '09 - 10']);

    const html = await readFile(file('PC0517E1a.html'), 'utf8');
    expect(htmlParagraphs(html).slice(0, 5)).toEqual(['para-1 1. [Moved to paragraph', 'para-2 2. The Secretary General', 'para-3 3. The Draft Agenda', 'para-3A 3A. The Chairperson opened', 'para-3B 3B. The Committee also']);
    expect(htmlParagraphs(html)[8]).toBe('para-7 7. [Deleted]');

    // Word prints an inserted number from a list of its own whose level text is that number.
    const docx = await docxParts(file('PC0517E1a.docx'));
    const levels = [...docx['word/numbering.xml']!.matchAll(/<w:lvlText w:val="([^"]*)"\/>/g)].map((m) => m[1]);
    expect(levels).toEqual(expect.arrayContaining(['3A.', '3B.']));
    const lines = wordText(docx['word/document.xml']!);
    expect(lines).toEqual(expect.arrayContaining(['[Moved to paragraph 3A]', '[Deleted]', INSERTED]));

    // The corrigendum, beside the report in each format and edition.
    for (const name of ['PC0517E1a-corr1.docx', 'PC0517E1a-corr1.html', 'PC0517E1a-corr1.json', 'PC0517E1a-corr1-public.docx', 'PC0517E1a-corr1-public.html', 'PC0517E1a-corr1-public.json']) {
      await expect(access(file(name))).resolves.toBeUndefined();
    }
    const says = [
      'Paragraph 1 becomes paragraph 3A, after paragraph 3, reading:',
      'After paragraph 3A, insert a new paragraph 3B reading:',
      'Paragraph 6: for the existing text substitute:',
      'Paragraph 7: delete the paragraph.',
    ];
    const corr = JSON.parse(await readFile(file('PC0517E1a-corr1.json'), 'utf8')) as { symbol: string; changes: { says: string }[] };
    expect(corr.symbol).toBe('PC0517E1a/Corr.1');
    expect(corr.changes.map((c) => c.says)).toEqual(says);
    const corrHtml = await readFile(file('PC0517E1a-corr1.html'), 'utf8');
    for (const line of says) expect(corrHtml).toContain(line);
    expect(htmlParagraphs(corrHtml).map((p) => p.split(' ').slice(0, 2).join(' '))).toEqual(['para-3A 3A.', 'para-3B 3B.', 'para-6 6.']);
    const corrLines = wordText((await docxParts(file('PC0517E1a-corr1.docx')))['word/document.xml']!);
    expect(corrLines).toEqual(expect.arrayContaining(['PC0517E1a/Corr.1', ...says, INSERTED, AMENDED]));
  });

  it('records a corrigendum once issued in turn: its numbers hold, and the next build writes no corrigendum', async () => {
    const issued = await issueMeeting(dir);
    expect(issued.done).toBe('corrigendum');
    expect(await readFile(path.join(dir, 'numbering.lock.yaml'), 'utf8')).toMatch(/corrigenda: 1\n[\s\S]*- \{ number: 3B, key: opening\/[0-9a-f]{8}, item: I, text: The Committee also agreed/);
    const built = await buildTo(dir, ['json']);
    const data = JSON.parse(await readFile(path.join(built.folder, 'PC0517E1a.json'), 'utf8')) as { paragraphs: { number: number | string }[] };
    expect(data.paragraphs.map((p) => p.number)).toEqual([1, 2, 3, '3A', '3B', 4, 5, 6, 7, 8, 9, 10]);
    await expect(access(path.join(built.folder, 'PC0517E1a-corr1.json'))).rejects.toThrow();
    await expect(access(path.join(built.folder, 'PC0517E1a-corr2.json'))).rejects.toThrow();
  });
});

describe('markIssued', () => {
  it('never replaces a record of issued numbers when meeting.md no longer says `status: issued`: an error at the record, nothing written', async () => {
    const other = path.join(await mkdtemp(path.join(tmpdir(), 'acta-reissue-')), 'meeting');
    await mkdir(other);
    await writeFile(path.join(other, 'meeting.md'), meeting());
    expect((await issueMeeting(other)).done).toBe('issued');
    const record = await readFile(path.join(other, 'numbering.lock.yaml'), 'utf8');
    await writeFile(path.join(other, 'meeting.md'), meeting().replace('The Chairperson', 'A paragraph added before the others.\n\nThe Chairperson'));
    const again = await issueMeeting(other);
    expect(again.done).toBeNull();
    expect(again.diagnostics.filter((d) => d.severity === 'error').map((d) => `${path.basename(d.file)}:${d.line} ${d.ruleId}`)).toEqual(['numbering.lock.yaml:1 already-issued']);
    expect(await readFile(path.join(other, 'numbering.lock.yaml'), 'utf8')).toBe(record);
  });

  it('says only what is wrong with a record it cannot read, not that the issued report has none', async () => {
    const other = path.join(await mkdtemp(path.join(tmpdir(), 'acta-unreadable-')), 'meeting');
    await mkdir(other);
    await writeFile(path.join(other, 'meeting.md'), meeting({}, 'issued'));
    // Saved as UTF-16 by an editor: a byte order mark and a NUL after every letter.
    await writeFile(path.join(other, 'numbering.lock.yaml'), Buffer.from('\ufeffsymbol: PC0517E1a\n', 'utf16le'));
    const checked = await checkMeeting(other);
    expect(checked.diagnostics.filter((d) => d.severity === 'error').map((d) => `${path.basename(d.file)} ${d.ruleId}`)).toEqual(['numbering.lock.yaml not-utf8']);
  });

  it('adds `status: issued` after `issued:`, or changes the status line, keeping every other byte', () => {
    expect(markIssued('---\r\ntitle: A\r\nissued: 2018-05-02\r\nplace: B\r\n---\r\n# X\r\n')).toBe('---\r\ntitle: A\r\nissued: 2018-05-02\r\nstatus: issued\r\nplace: B\r\n---\r\n# X\r\n');
    expect(markIssued('---\nstatus: draft # for now\nissued: 2018-05-02\n---\n')).toBe('---\nstatus: issued\nissued: 2018-05-02\n---\n');
    expect(markIssued('# no frontmatter\n')).toBe('# no frontmatter\n');
  });
});

describe('issueCommand', () => {
  it('says what it recorded, in counts that agree with their nouns', async () => {
    const dir = path.join(await mkdtemp(path.join(tmpdir(), 'acta-issue-cmd-')), 'meeting');
    await mkdir(dir);
    await writeFile(path.join(dir, 'meeting.md'), meeting({ opening: [], adoption: [], transit: [P.transit], closing: [] }).replace(/\n# Opening[\s\S]*?\n# Transit/, '\n# Transit').replace(/\n# Closing[\s\S]*$/, '\n'));
    const { terminal, said } = recordingTerminal();
    expect(await issueCommand(dir, terminal)).toBe('ok');
    expect(said).toEqual([`${dir}: issued: 2 paragraph numbers, 1 item, 0 annexes, 2 decisions recorded; from now on every build keeps them, and meeting.md says \`status: issued\`\n`]);
  });
});
