// `acta import`: an unedited DOCX changes no byte; a DOCX that is not this meeting's is refused before anything
// runs away; a Word comment and untracked edits come back to their place. (LibreOffice edits: libreoffice-edits.test.ts.)

import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importDocx } from '../../src/import/import-docx.js';
import { LIMITS } from '../../src/import/read-docx.js';
import { checkMeeting } from '../../src/pipeline.js';
import { acta, editedDocx, importInProcess, meetingWithDocx, paragraphWith, root, snapshot } from './import-helpers.js';
import { tool } from '../external-tools.js';

describe.each([
  ['meetings/ptc-219-220', 'PC0517E1a'],
  ['meetings/exemple-fr', 'PI0231F1a'],
])('importing the unedited DOCX of %s', (meeting, symbol) => {
  it('changes no byte of any file', async () => {
    const { dir, docx } = await meetingWithDocx(meeting, symbol);
    const before = await snapshot(dir);
    expect(before.size).toBeGreaterThan(2);
    // --dry-run on the small meeting alone (it reads as the import does, and writes nothing).
    if (meeting === 'meetings/exemple-fr') {
      const dry = acta('import', docx, '--into', dir, '--dry-run');
      expect(dry.status).toBe(0);
      expect(dry.stdout).toBe('');
    }
    const run = acta('import', docx, '--into', dir);
    expect(run.status).toBe(0);
    expect(run.stderr).not.toContain('[import-');
    expect(run.stdout).toBe(`${dir}: 0 files changed; paragraphs: 0 inserted, 0 deleted, 0 changed; 0 tracked changes and 0 comments brought in\n`);
    const after = await snapshot(dir);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [name, bytes] of before) expect(after.get(name)!.equals(bytes), name).toBe(true);
  }, 120_000);
});

// The refusals run against the small French example (acta reads the meeting before the file, and the flagship's
// 175 paragraphs cost a second or more each time); the flagship's DOCX plays another meeting's.
describe('a DOCX that is not this meeting\'s full edition is refused: exit 1, one line, nothing written', async () => {
  const { dir, docx } = await meetingWithDocx('meetings/exemple-fr', 'PI0231F1a');
  const other = await meetingWithDocx('meetings/ptc-219-220', 'PC0517E1a');
  const work = path.dirname(dir);
  const parts = unzipSync(new Uint8Array(await readFile(docx)));
  const document = new TextDecoder().decode(parts['word/document.xml']);
  const variant = async (name: string, change: (p: Record<string, Uint8Array>) => void) => {
    const copy = { ...parts };
    change(copy);
    const file = path.join(work, name);
    await writeFile(file, zipSync(copy));
    return file;
  };
  const withDocument = (xml: string) => (p: Record<string, Uint8Array>) => {
    p['word/document.xml'] = strToU8(xml);
  };
  // The entity is used in the text, where a parser that expanded it would have to expand it.
  const withEntity = (name: string) => {
    expect(document).toContain('Le Président a invité');
    return document.replace(/^<\?xml[^>]*\?>/, '').replace('Le Président a invité', `&${name}; a invité`);
  };
  const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;"><!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;"><!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;"><!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>${withEntity('lol9')}`;
  const external = `<?xml version="1.0"?><!DOCTYPE w [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${withEntity('xxe')}`;
  const notActa = path.join(work, 'pandoc.docx');
  spawnSync(tool('pandoc'), ['-o', notActa], { input: '# Hello\n\nA document acta did not make.\n' });
  const corrupt = path.join(work, 'corrupt.docx');
  await writeFile(corrupt, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(4000, 7)]));

  const cases: [string, () => Promise<string>, RegExp][] = [
    ['another meeting\'s DOCX', async () => other.docx, /the file is a DOCX of the meeting PC0517E1a, not of this one \(PI0231F1a\)/],
    ['a DOCX acta did not make', async () => notActa, /not a DOCX acta built \(it has no build record\)/],
    ['the public edition', async () => docx.replace('PI0231F1a.docx', 'PI0231F1a-public.docx'), /public edition of the report PI0231F1a; import the full edition/],
    ['a corrupt zip', async () => corrupt, /not a readable zip archive/],
    ['a missing file', async () => path.join(work, 'nowhere.docx'), /there is no such file/],
    ['a named pipe', async () => {
      const pipe = path.join(work, 'pipe.docx');
      spawnSync('mkfifo', [pipe]);
      return pipe;
    }, /it is not a file \(named pipe \(a special file\)\)/],
    ['a zip bomb', () => variant('bomb.docx', (p) => { p['word/bomb.xml'] = new Uint8Array(LIMITS.part + 1024 * 1024); }), /zip bomb/],
    ['an extreme compression ratio', () => variant('ratio.docx', (p) => { p['word/media/zeros.bin'] = new Uint8Array(10 * 1024 * 1024); }), /the entry `word\/media\/zeros\.bin` is compressed \d+ to 1/],
    ['billion laughs', () => variant('laughs.docx', withDocument(laughs)), /declares a DOCTYPE or entities/],
    ['an external entity', () => variant('xxe.docx', withDocument(external)), /declares a DOCTYPE or entities/],
    ['a ../ entry name', () => variant('traversal.docx', (p) => { p['../../evil.xml'] = strToU8('<x/>'); }), /entry named `\.\.\/\.\.\/evil\.xml` that points outside/],
  ];

  it.each(cases)('%s', async (_, make, message) => {
    const file = await make();
    const before = await snapshot(dir);
    // Under GNU time, for the peak resident memory of the whole process (buffers outside the heap included).
    const run = spawnSync('/usr/bin/time', ['-f', 'peak-rss-kb=%M', process.execPath, path.join(root, 'dist', 'acta.js'), 'import', file, '--into', dir], { cwd: root, encoding: 'utf8' });
    expect(run.status).toBe(1);
    const peak = Number(/peak-rss-kb=(\d+)/.exec(run.stderr)![1]);
    expect(peak).toBeLessThan(300 * 1024);
    const lines = run.stderr.split('\n').filter((l) => l.includes('import-refused'));
    expect(run.stderr.split('\n').filter((l) => l && !l.includes('[ref-to-restricted]') && !l.startsWith('peak-rss-kb=') && !l.startsWith('Command exited with'))).toEqual(lines);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1:1: error: Unexpected file: `));
    expect(lines[0]).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const after = await snapshot(dir);
    for (const [name, bytes] of before) expect(after.get(name)!.equals(bytes), name).toBe(true);
    expect(after.size).toBe(before.size);
  }, 60_000);
});

// Headless LibreOffice 7.4 crashes when it saves a document holding a comment, so this fixture is made as Word
// stores a comment: word/comments.xml (with its relationship and content type), and commentRangeStart/End and
// commentReference around the words in document.xml.
describe('a Word comment', () => {
  it('comes back as {==words==}{>>[Author] text<<} in its paragraph, and nothing else changes', async () => {
    const { dir, docx } = await meetingWithDocx('meetings/exemple-fr', 'PI0231F1a');
    const before = await snapshot(dir);
    const parts = unzipSync(new Uint8Array(await readFile(docx)));
    const text = (name: string) => new TextDecoder().decode(parts[name]);
    const document = text('word/document.xml');
    const anchored = document.replace(
      'délégués à formuler leurs observations sur le projet',
      'délégués à </w:t></w:r><w:commentRangeStart w:id="7"/><w:r><w:t xml:space="preserve">formuler leurs observations</w:t></w:r><w:commentRangeEnd w:id="7"/><w:r><w:commentReference w:id="7"/></w:r><w:r><w:t xml:space="preserve"> sur le projet',
    );
    expect(anchored).not.toBe(document);
    parts['word/document.xml'] = strToU8(anchored);
    parts['word/comments.xml'] = strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="7" w:author="Delegate of Japan" w:date="2018-05-10T09:00:00Z" w:initials="DJ"><w:p><w:r><w:annotationRef/></w:r><w:r><w:t>Please name the clusters.</w:t></w:r></w:p></w:comment></w:comments>',
    );
    parts['word/_rels/document.xml.rels'] = strToU8(text('word/_rels/document.xml.rels').replace('</Relationships>', '<Relationship Id="rIdComments7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>'));
    if (!text('[Content_Types].xml').includes('/word/comments.xml')) {
      parts['[Content_Types].xml'] = strToU8(text('[Content_Types].xml').replace('</Types>', '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>'));
    }
    const edited = path.join(path.dirname(dir), 'commented.docx');
    await writeFile(edited, zipSync(parts));
    const run = acta('import', edited, '--into', dir);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${dir}: 1 file changed; paragraphs: 0 inserted, 0 deleted, 1 changed; 0 tracked changes and 1 comment brought in\n`);
    const after = await snapshot(dir);
    const changed = [...before.keys()].filter((name) => !after.get(name)!.equals(before.get(name)!));
    expect(changed).toEqual(['meeting.md']);
    expect(after.get('meeting.md')!.toString('utf8')).toBe(
      before.get('meeting.md')!.toString('utf8').replace('délégués à formuler leurs observations sur', 'délégués à {==formuler leurs observations==}{>>[Delegate of Japan] Please name the clusters.<<}{at="2018-05-10T09:00:00Z"} sur'),
    );
    // And the next build shows it as a Word comment again, by the same author.
    const rebuilt = acta('build', dir, '--out', path.join(path.dirname(dir), 'again'), '--format', 'docx', '--full', '--no-annex-files', '--no-documents');
    expect(rebuilt.status).toBe(0);
    const comments = new TextDecoder().decode(unzipSync(new Uint8Array(await readFile(path.join(path.dirname(dir), 'again', 'exemple-fr', 'PI0231F1a.docx'))))['word/comments.xml']);
    expect(comments).toContain('w:author="Delegate of Japan"');
    expect(comments).toContain('Please name the clusters.');
  }, 120_000);
});

describe('an untracked edit in a paragraph with an id', () => {
  it('changes its words and keeps its `{#id}` as typed', async () => {
    const { dir, docx } = await meetingWithDocx('meetings/exemple-fr', 'PI0231F1a');
    const edited = await editedDocx(docx, { 'word/document.xml': [['résumés dans le tableau ci-après.', 'résumés dans le tableau suivant.']] }, 'edited.docx');
    const file = path.join(dir, 'items/03-guichet-unique.md');
    const was = await readFile(file, 'utf8');
    expect(acta('import', edited, '--into', dir).status).toBe(0);
    expect(await readFile(file, 'utf8')).toBe(was.replace('résumés dans le tableau ci-après.{#para-enquete}', 'résumés dans le tableau suivant.{#para-enquete}'));
  }, 120_000);
});

describe('an untracked edit in a decision that links to an earlier one', () => {
  it('changes its words and keeps the link, which no edition prints, as typed', async () => {
    const { dir, docx } = await meetingWithDocx('meetings/ptc-221-222', 'PC0530E1a');
    const edited = await editedDocx(docx, { 'word/document.xml': [['took note of the preliminary results', 'took note of the first results']] }, 'edited.docx');
    const file = path.join(dir, 'items/04-free-zones.md');
    const was = await readFile(file, 'utf8');
    expect(acta('import', edited, '--into', dir).status).toBe(0);
    expect(await readFile(file, 'utf8')).toBe(was.replace('took note of the preliminary results', 'took note of the first results'));
    expect(was).toContain('{follows-up="PC0517E1a/XII(a)/2"}');
  }, 120_000);
});

// Hand edits as Word stores them, one DOCX for all of them (one import): decisions, a table row and cell, a heading,
// an annex paragraph, a footnote's text, a hyperlink, next to a link that must survive.
describe('edits outside the numbered paragraphs come back to their file and place', () => {
  it('a decision edited, added and deleted; a table row added (`|` escaped); a heading, an annex cell and paragraph, a footnote edited; a hyperlink added', async () => {
    const { dir, docx } = await meetingWithDocx('meetings/exemple-fr', 'PI0231F1a');
    const before = await snapshot(dir);
    const decision = (text: string) => `<w:p><w:pPr><w:pStyle w:val="Decision"/></w:pPr><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
    const edited = await editedDocx(
      docx,
      {
        'word/document.xml': [
          (xml) => {
            const p = paragraphWith(xml, 'sur les guichets uniques ;</w:t>');
            return xml.replace(p, p.replace('sur les guichets uniques ;', 'sur les guichets uniques nationaux ;') + decision('a remercié les Membres qui ont répondu ;'));
          },
          (xml) => xml.replace(paragraphWith(xml, 'a recommandé que ce projet soit soumis au Comité technique permanent pour approbation ; et'), ''),
          ['>Débat</w:t>', '>Débat général</w:t>'],
          ['Le présent programme de travail a été approuvé', 'Le présent programme de travail a été adopté'],
          ['Aligner le Modèle de données sur le modèle', 'Aligner le Modèle de données de l’OMD sur le modèle'],
          [
            'Le Secrétariat a présenté le document PI0223',
            'Le Secrétariat a présenté en séance le document </w:t></w:r><w:hyperlink r:id="rIdAdded"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>PI0223</w:t></w:r></w:hyperlink><w:r><w:t xml:space="preserve">',
          ],
          // A row copied after "Europe" and filled in, as Word's "Insert Row Below" and typing store it.
          (xml) => {
            const row = /<w:tr>(?:(?!<w:tr>).)*?>Europe<.*?<\/w:tr>/.exec(xml)![0];
            return xml.replace(row, row + row.replace('>Europe<', '>Océanie | Pacifique<').replace('>35<', '>5<').replace('>30<', '>3<').replace('>12<', '>1<'));
          },
        ],
        'word/_rels/document.xml.rels': [['</Relationships>', '<Relationship Id="rIdAdded" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://www.wcoomd.org/pi0223" TargetMode="External"/></Relationships>']],
        'word/footnotes.xml': [['Genève, 2005.', 'Genève, 2005 (révisée en 2020).']],
      },
      'hand-edited.docx',
    );
    const run = acta('import', edited, '--into', dir);
    expect(run.status).toBe(0);
    expect(run.stderr).not.toContain('[import-');
    expect(run.stdout).toBe(`${dir}: 2 files changed; paragraphs: 2 inserted, 1 deleted, 6 changed; 0 tracked changes and 0 comments brought in\n`);
    const after = await snapshot(dir);
    const changed = ['items/03-guichet-unique.md', 'annexes/02-programme-de-travail.md'];
    for (const [name, bytes] of before) if (!changed.includes(name)) expect(after.get(name)!.equals(bytes), name).toBe(true);
    const text = (files: Map<string, Buffer>, name: string) => files.get(name)!.toString('utf8');
    const item = [
      ['Le Secrétariat a présenté le document PI0223, qui contient le [projet', 'Le Secrétariat a présenté en séance le document [PI0223](https://www.wcoomd.org/pi0223), qui contient le [projet'],
      ['| Europe | 35 | 30 | 12 |\n', '| Europe | 35 | 30 | 12 |\n| Océanie \\| Pacifique | 5 | 3 | 1 |\n'],
      ['### Débat\n', '### Débat général\n'],
      ['sur les guichets uniques ;\n', 'sur les guichets uniques nationaux ;\n- a remercié les Membres qui ont répondu ;\n'],
      ['- a recommandé que ce projet soit soumis au Comité technique permanent pour approbation ; et\n', ''],
      ['Genève, 2005.\n', 'Genève, 2005 (révisée en 2020).\n'],
    ] as const;
    expect(text(after, changed[0]!)).toBe(item.reduce((t, [from, to]) => t.replace(from, to), text(before, changed[0]!)));
    expect(text(after, changed[1]!)).toBe(
      text(before, changed[1]!)
        .replace('programme de travail a été approuvé par le SCI', 'programme de travail a été adopté par le SCI')
        .replace('Publier la version 4.3<br>Aligner le Modèle de données sur le modèle', 'Publier la version 4.3<br>Aligner le Modèle de données de l’OMD sur le modèle'),
    );
  }, 120_000);
});

// In-process (no acta to start): tracked deletions and insertions outside numbered paragraphs, and what cannot come
// back, each a warning at its paragraph while the rest of the document still comes back.
describe('tracked edits outside numbered paragraphs, and what cannot come back', () => {
  it('a decision deleted and a table row inserted with tracking come back as CriticMarkup, an untracked row deletion as the row gone, a deleted footnote call takes its definition along; an image, a style change and an agenda edit are warnings', async () => {
    const { dir, docx } = await meetingWithDocx('meetings/ptc-219-220', 'PC0517E1a');
    const rev = (kind: 'ins' | 'del') => `w:id="90${kind === 'ins' ? 1 : 2}" w:author="Delegate of Japan" w:date="2018-05-10T09:00:00Z"`;
    const adopted = 'adopted the Draft Agenda (Doc. PC0495) and Summary Document (Doc. PC0496).';
    const edited = await editedDocx(
      docx,
      {
        'word/document.xml': [
          (xml) =>
            xml.replace(
              paragraphWith(xml, `>${adopted}</w:t>`),
              `<w:p><w:pPr><w:pStyle w:val="Decision"/><w:rPr><w:del ${rev('del')}/></w:rPr></w:pPr><w:del ${rev('del')}><w:r><w:delText xml:space="preserve">${adopted}</w:delText></w:r></w:del></w:p>`,
            ),
          // A row inserted with tracking on: the row and its words are revisions.
          (xml) => {
            const row = /<w:tr>(?:(?!<w:tr>).)*?>Disseminate updated draft text for comments and feedback<.*?<\/w:tr>/.exec(xml)![0];
            const added = row
              .replace('<w:trPr>', `<w:trPr><w:ins ${rev('ins')}/>`)
              .replace(/<w:r>(<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?<w:t xml:space="preserve">([^<]*)<\/w:t><\/w:r>/g, (_, rpr: string | undefined, text: string) => `<w:ins ${rev('ins')}><w:r>${rpr ?? ''}<w:t xml:space="preserve">${text}</w:t></w:r></w:ins>`)
              .replace('Disseminate updated draft text for comments and feedback', 'Consult the private sector')
              .replace('>June 2018<', '>July 2018<');
            return xml.replace(row, row + added);
          },
          // A footnote call deleted without tracking: the note's definition goes with it.
          ['<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>', ''],
          // A row deleted without tracking.
          (xml) => xml.replace(/<w:tr>(?:(?!<w:tr>).)*?>Refine and further develop Flow Charts<.*?<\/w:tr>/, ''),
          ['four different clusters: ', 'four different clusters: </w:t></w:r><w:r><w:drawing/></w:r><w:r><w:t xml:space="preserve">'],
          (xml) => xml.replace(/<w:pStyle w:val="NumberedParagraph"\/><\/w:pPr>(<w:bookmarkStart w:name="_acta_\d+" w:id="\d+"\/><w:bookmarkStart w:name="para_2")/, '<w:pStyle w:val="Heading3"/></w:pPr>$1'),
          ['<w:t xml:space="preserve">Opening and adoption of the Agenda</w:t></w:r><w:r><w:t xml:space="preserve"> <', '<w:t xml:space="preserve">Opening and adoption of the agenda</w:t></w:r><w:r><w:t xml:space="preserve"> <'],
        ],
      },
      'tracked-and-lost.docx',
    );
    const result = await importInProcess(dir, edited);
    expect(result.warnings.map((w) => `${path.relative(dir, w.range.file)}:${w.range.start.line}: ${w.message}`)).toEqual([
      'items/01-opening.md:1: Unexpected edit on the cover or in the agenda, in text written by acta (a cover line, the agenda, a purpose, an annex title, code or a restricted label), expected edits to the text of the Markdown; it is not brought back, make it in the Markdown',
      'items/01-opening.md:9: Unexpected change of style in paragraph 2 (NumberedParagraph to Heading3), expected text edits; a style cannot come back to the Markdown, change the Markdown if the paragraph is to be another kind',
      'items/01-opening.md:11: Unexpected image or object in paragraph 3, expected text, revisions, comments, links, footnotes, bold or italic; it does not come back to the Markdown: add it to the Markdown if it belongs',
    ]);
    expect(result.counts).toEqual({ changed: 2, inserted: 1, deleted: 1, tracked: 2, comments: 0 });
    const changed = new Map([...result.files].map(([file, { before, after }]) => [path.relative(dir, file), { before, after }]));
    expect([...changed.keys()]).toEqual(['items/01-opening.md', 'items/04-transit.md', 'annexes/04-work-plan.md']);
    const transit = changed.get('items/04-transit.md')!;
    expect(transit.after).toBe(transit.before.replace('office coding systems[^1] as recommended', 'office coding systems as recommended').replace('\n\n[^1]: Five digits of UN/LOCODE plus additional user code.\n', '\n'));
    const opening = changed.get('items/01-opening.md')!;
    expect(opening.after).toBe(opening.before.replace(`- ${adopted}`, `- {--${adopted}--}{by="Delegate of Japan" at="2018-05-10T09:00:00Z"}`));
    const plan = changed.get('annexes/04-work-plan.md')!;
    expect(plan.after).toBe(
      plan.before.replace(/^\| 2\. \| Flow Chart and Data Elements \| Refine and further develop Flow Charts \|.*\n/m, '').replace(
        '|  |  | Disseminate updated draft text for comments and feedback | Secretariat | June 2018 |  |\n',
        '|  |  | Disseminate updated draft text for comments and feedback | Secretariat | June 2018 |  |\n|  |  | {++Consult the private sector++}{by="Delegate of Japan" at="2018-05-10T09:00:00Z"} | {++Secretariat++}{by="Delegate of Japan" at="2018-05-10T09:00:00Z"} | {++July 2018++}{by="Delegate of Japan" at="2018-05-10T09:00:00Z"} |  |\n',
      ),
    );
  }, 60_000);
});
