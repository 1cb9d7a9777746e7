// `acta import` of the edits a reviewer makes in LibreOffice, driven through UNO: they come back to their file
// and place, and the agenda ranges the DOCX carries are live fields.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseXml, unpackDocx } from '../../src/import/read-docx.js';
import { readParagraphs } from '../../src/import/read-parts.js';
import { acta, editCopiesInLibreOffice, meetingWithDocx, snapshot } from './import-helpers.js';

const FLAGSHIP = ['meetings/ptc-219-220', 'PC0517E1a'] as const;

/** What each test has a reviewer do in LibreOffice, to the DOCX of its own copy of a meeting. */
const REVIEWS = {
  inserts: {
    meeting: FLAGSHIP,
    edits: [
      { op: 'track', on: true },
      { op: 'insert-after', after: 'opened the 219th/220th Sessions', text: ' warmly' },
      { op: 'replace', find: ', including the latest changes made to the agenda', text: '' },
      { op: 'insert-paragraph-after', bookmark: 'para_3', text: 'The Chairperson thanked the interpreters.' },
      { op: 'insert-paragraph-after-text', after: 'Summary Document (Doc. PC0496).', text: 'took note of the revised timetable.' },
      { op: 'insert-after', after: 'has been working through a multi-stakeholder', text: ' and inclusive' },
      { op: 'track', on: false },
      { op: 'replace', find: 'There were no comments.', text: 'There were no further comments.' },
      { op: 'bold', find: 'four different clusters' },
      { op: 'replace', find: 'Disseminate updated draft text for comments and feedback', text: 'Disseminate the updated draft text for comments' },
      { op: 'link', find: 'Doc. PC0495', url: 'https://www.wcoomd.org/PC0495' },
    ],
  },
  deletes: {
    meeting: FLAGSHIP,
    edits: [
      { op: 'track', on: true },
      { op: 'delete-paragraph', bookmark: 'para_5' },
      { op: 'track', on: false },
      { op: 'delete-paragraph', bookmark: 'para_8' },
      { op: 'insert-paragraph-after-text', after: 'took note of the opening remarks made by Ms. Hinojosa', text: 'thanked the Director for her remarks.' },
      { op: 'footnote', after: 'opened the 219th/220th Sessions', text: 'In the Council Room.' },
    ],
  },
  pictures: {
    meeting: ['tests/fixtures/pictures', 'PC0910E1a'],
    edits: [
      { op: 'track', on: true },
      { op: 'insert-after', after: 'presented the regional transit corridors', text: ' and their border posts' },
      { op: 'replace', find: 'the route of the second corridor', text: 'the length of the second corridor' },
    ],
  },
  fields: {
    meeting: FLAGSHIP,
    edits: [{ op: 'insert-paragraph-after', bookmark: 'para_3', text: 'The Chairperson thanked the interpreters.' }, { op: 'update-fields' }],
  },
} as const satisfies Record<string, { meeting: readonly [string, string]; edits: readonly unknown[] }>;

type Review = keyof typeof REVIEWS;

/**
 * Every review of this file, each on a copy of its meeting of its own, edited in one LibreOffice session (a start of
 * LibreOffice and its UNO listener costs seconds): the copies as they were built, and the DOCX each reviewer saved.
 */
let sessions: Promise<Record<Review, { dir: string; docx: string; edited: string }>> | null = null;

function reviewedCopies() {
  sessions ??= (async () => {
    const names = Object.keys(REVIEWS) as Review[];
    const copies = await Promise.all(names.map((name) => meetingWithDocx(REVIEWS[name].meeting[0], REVIEWS[name].meeting[1])));
    const edited = await editCopiesInLibreOffice(names.map((name, i) => ({ docx: copies[i]!.docx, edits: [...REVIEWS[name].edits] })));
    return Object.fromEntries(names.map((name, i) => [name, { ...copies[i]!, edited: edited[i]! }])) as Record<Review, { dir: string; docx: string; edited: string }>;
  })();
  return sessions;
}

/** The flagship's DOCX edited in LibreOffice and imported into a copy of the meeting: exit 0, no import warning. */
async function reviewed(review: Review) {
  const { dir, edited } = (await reviewedCopies())[review];
  const before = await snapshot(dir);
  const run = acta('import', edited, '--into', dir);
  expect(run.status).toBe(0);
  expect(run.stderr).not.toContain('[import-');
  // LibreOffice dates each change with the time it was made: the files are compared with that time as DATE.
  const after = await snapshot(dir);
  for (const [name, bytes] of after) after.set(name, Buffer.from(bytes.toString('utf8').replace(/ at="\d{4}-\d{2}-\d{2}T[\d:.]+Z"/g, ' at="DATE"')));
  return { dir, before, after, stdout: run.stdout };
}

/** The attribute block LibreOffice's changes come back with: the reviewer's name, and the time (as DATE). */
const BY = '{by="Delegate of Japan" at="DATE"}';

describe('the edits a reviewer makes in LibreOffice come back to their place', () => {
  it('tracked word insert and phrase delete, tracked paragraph, decision and annex-paragraph inserts, untracked correction, bold, table cell and hyperlink; untouched files keep their bytes; the rebuild numbers the new paragraph and decision', async () => {
    const { dir, before, after, stdout } = await reviewed('inserts');
    expect(stdout).toBe(`${dir}: 3 files changed; paragraphs: 2 inserted, 0 deleted, 6 changed; 5 tracked changes and 0 comments brought in\n`);
    const changed = ['items/01-opening.md', 'annexes/02-ecommerce-fos.md', 'annexes/04-work-plan.md'];
    for (const [name, bytes] of before) if (!changed.includes(name)) expect(after.get(name)!.equals(bytes), name).toBe(true);
    const text = (files: Map<string, Buffer>, name: string) => files.get(name)!.toString('utf8');
    const was = text(before, 'items/01-opening.md');
    const expected = was
      .replace('opened the 219th/220th Sessions.', `opened the 219th/220th Sessions{++ warmly++}${BY}.`)
      .replace('Summary Document, including the latest changes made to the agenda. There were no comments.', `Summary Document{--, including the latest changes made to the agenda--}${BY}. There were no further comments.`)
      .replace('divided into four different clusters:', 'divided into **four different clusters**:')
      .replace('invited the PTC for an active discussion.\n', `invited the PTC for an active discussion.\n\n{++The Chairperson thanked the interpreters.++}${BY}\n`)
      .replace('- adopted the Draft Agenda (Doc. PC0495) and Summary Document (Doc. PC0496).\n', `- adopted the Draft Agenda ([Doc. PC0495](https://www.wcoomd.org/PC0495)) and Summary Document (Doc. PC0496).\n- {++took note of the revised timetable.++}${BY}\n`);
    expect(text(after, 'items/01-opening.md')).not.toBe(was);
    expect(text(after, 'items/01-opening.md')).toBe(expected);
    expect(text(after, 'annexes/02-ecommerce-fos.md')).toBe(text(before, 'annexes/02-ecommerce-fos.md').replace('working through a multi-stakeholder Working Group', `working through a multi-stakeholder{++ and inclusive++}${BY} Working Group`));
    expect(text(after, 'annexes/04-work-plan.md')).toBe(
      text(before, 'annexes/04-work-plan.md').replace('|  |  | Disseminate updated draft text for comments and feedback | Secretariat |', '|  |  | Disseminate the updated draft text for comments | Secretariat |'),
    );

    const rebuilt = acta('build', dir, '--out', path.join(path.dirname(dir), 'again'), '--format', 'json', '--full', '--no-annex-files', '--no-documents');
    expect(rebuilt.status).toBe(0);
    type Data = { paragraphs: { number: number | string | null; text: string; decisions: string[] }[]; items: { range: string }[] };
    const again = path.join(path.dirname(dir), 'again', 'ptc-219-220');
    const data = JSON.parse(await readFile(path.join(again, 'PC0517E1a.json'), 'utf8')) as Data;
    // The report is issued: the new paragraph is numbered after paragraph 3 and nothing after it moves.
    expect(data.paragraphs.find((p) => p.number === '3A')!.text).toBe('The Chairperson thanked the interpreters.');
    expect(data.paragraphs.find((p) => p.number === 4)!.text).toMatch(/^In conclusion, the PTC/);
    expect(data.paragraphs).toHaveLength(177);
    expect(data.items[0]!.range).toBe('01 - 06');
    expect(data.paragraphs.find((p) => p.number === 6)!.decisions).toEqual(['adopted the Draft Agenda (Doc. PC0495) and Summary Document (Doc. PC0496).', 'took note of the revised timetable.']);
    const corrigendum = JSON.parse(await readFile(path.join(again, 'PC0517E1a-corr1.json'), 'utf8')) as { changes: { kind: string; label: string }[] };
    expect(corrigendum.changes.map((c) => `${c.kind} ${c.label}`)).toEqual(['amended 1', 'amended 3', 'inserted 3A', 'amended 5', 'amended 6']);
  }, 240_000);

  it('tracked paragraph delete, untracked paragraph delete, an untracked decision added and a footnote added: each comes back to its place', async () => {
    const { dir, before, after, stdout } = await reviewed('deletes');
    expect(stdout).toBe(`${dir}: 2 files changed; paragraphs: 1 inserted, 1 deleted, 2 changed; 1 tracked change and 0 comments brought in\n`);
    const changed = [...before.keys()].filter((name) => !after.get(name)!.equals(before.get(name)!));
    expect(changed).toEqual(['items/01-opening.md', 'items/02-updates-and-reports.md']);
    const opening = before.get('items/01-opening.md')!.toString('utf8');
    const para5 = 'The Chairperson invited the PTC delegates to share any comments or suggest amendments to the Draft Agenda and Summary Document, including the latest changes made to the agenda. There were no comments.';
    // The new note takes the first free label ([^1] to [^5] are the meeting's), its definition at the end of the file that calls it.
    expect(after.get('items/01-opening.md')!.toString('utf8')).toBe(
      `${opening
        .replace(para5, `{--${para5}--}${BY}`)
        .replace('opened the 219th/220th Sessions.', 'opened the 219th/220th Sessions[^6].')
        .replace('Compliance and Facilitation.\n', 'Compliance and Facilitation.\n- thanked the Director for her remarks.\n')}\n[^6]: In the Council Room.\n`,
    );
    const updates = before.get('items/02-updates-and-reports.md')!.toString('utf8');
    const para8 = /^The Secretariat presented oral reports from the 9th Meeting.*\n\n/m.exec(updates)![0];
    expect(after.get('items/02-updates-and-reports.md')!.toString('utf8')).toBe(updates.replace(para8, ''));
  }, 240_000);
});

describe('a report with pictures, edited in LibreOffice', () => {
  it('keeps every picture where it was: words edited around a figure come back, and the figure line is untouched', async () => {
    const { dir, edited } = (await reviewedCopies()).pictures;
    const before = await snapshot(dir);
    const run = acta('import', edited, '--into', dir);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(`${dir}: 1 file changed; paragraphs: 0 inserted, 0 deleted, 2 changed; 3 tracked changes and 0 comments brought in\n`);
    const after = await snapshot(dir);
    const was = before.get('meeting.md')!.toString('utf8');
    const now = after.get('meeting.md')!.toString('utf8').replace(/ at="\d{4}-\d{2}-\d{2}T[\d:.]+Z"/g, ' at="DATE"');
    expect(now).toBe(
      was
        .replace('presented the regional transit corridors,', `presented the regional transit corridors{++ and their border posts++}${BY},`)
        .replace('discussed the route of the second corridor', `discussed {~~the route of the second corridor~>the length of the second corridor~~}${BY}`),
    );
    // The figure, the restricted one and the annex's are as they were; so is every other file, pictures included.
    expect(now).toContain('\n![The three transit corridors of the region, meeting at the border post](images/corridors.svg)\n');
    expect(now).toContain('\n![The draft route of the restricted study](images/route.jpg)\n');
    for (const [name, bytes] of before) if (name !== 'meeting.md') expect(after.get(name)!.equals(bytes), name).toBe(true);
  }, 120_000);
});

describe('the agenda ranges are live fields', () => {
  it('move by one in LibreOffice when a paragraph is inserted in Item I and the fields are updated', async () => {
    const { docx, edited } = (await reviewedCopies()).fields;
    const ranges = async (file: string) =>
      readParagraphs(parseXml('word/document.xml', unpackDocx(new Uint8Array(await readFile(file)))['word/document.xml']!))
        .filter((p) => p.inTable && p.tokens.some((t) => t.type === 'field' && /^REF para_\d+ \\n/.test(t.instruction)))
        .map((p) => p.tokens.map((t) => (t.type === 'field' ? t.result : t.type === 'text' ? t.text : '')).join('').replace(/\s*-\s*/, ' - '));
    expect((await ranges(docx)).slice(0, 3)).toEqual(['01 - 06', '07 - 12', '13 - 18']);
    // LibreOffice drops the `\\# "00"` picture that Word honours, hence no leading zeros here.
    const moved = await ranges(edited);
    expect(moved.slice(0, 3)).toEqual(['1 - 7', '8 - 13', '14 - 19']);
    expect(moved.at(-1)).toBe('174 - 176');
  }, 240_000);
});
