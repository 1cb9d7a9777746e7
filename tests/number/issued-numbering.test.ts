// Issued numbering on a small hand-written meeting: issue it, change it, and check what every build then holds.

import { describe, expect, it } from 'vitest';
import type { NumberedReport } from '../../src/model.js';
import { formatRecord, recordNumbering } from '../../src/number/record-numbering.js';
import { corrigendumOf } from '../../src/public/corrigendum.js';
import { corrigendumData, reportData } from '../../src/render/json/render-json.js';
import { FRONTMATTER, run, textOf, type Run } from '../helpers.js';
import { meeting, P, type Parts } from './issued-fixture.js';

/** What `acta issue` records for a meeting. */
function issue(text: string): string {
  const draft = run({ 'meeting.md': text });
  expect(draft.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return formatRecord(recordNumbering(draft.numbered!, 0));
}

const LOCK = issue(meeting());

function issued(parts: Parts): Run {
  return run({ 'meeting.md': meeting(parts, 'issued'), 'numbering.lock.yaml': LOCK });
}

/** Each paragraph as "label text" (the first three words). */
function labels(report: NumberedReport): string[] {
  return report.items.flatMap((item) =>
    item.body.flatMap((node) => (node.type === 'paragraph' ? [`${node.label ?? '-'} ${textOf(node.content).split(' ').slice(0, 3).join(' ')}`] : [])),
  );
}

function ranges(report: NumberedReport): string[] {
  return report.items.map((item) => `${item.numeral} ${item.paragraphRange?.label ?? ''}`);
}

const errors = (r: Run) => r.diagnostics.filter((d) => d.severity === 'error');

describe('issued numbering', () => {
  it('records every paragraph, item and sub-item, and gives the same record for the same report', () => {
    expect(LOCK).toContain('symbol: PC0517E1a');
    expect(LOCK).toMatch(/- \{ number: 5, key: transit-intro, item: II, hash: [0-9a-f]{8},/);
    expect(LOCK).toMatch(/- \{ number: 6, key: transit\/[0-9a-f]{8}, item: II, text: Several delegates described their national… \}/);
    expect(LOCK).toMatch(/- \{ key: adoption, letter: b, range: "?03 - 04"? \}/);
    expect(issue(meeting())).toBe(LOCK);
  });

  it('holds every number of an issued report that did not change, with no corrigendum', () => {
    const r = issued({});
    expect(errors(r)).toEqual([]);
    expect(labels(r.numbered!)).toEqual(['1 The Chairperson opened', '2 The Secretary General', '3 The Draft Agenda', '4 In conclusion, the', '5 The Secretariat presented', '6 Several delegates described', '7 A delegate recalled', '8 In conclusion, the', '9 The Chairperson closed', '10 In conclusion, the']);
    expect(r.numbered!.issue!.changes).toEqual([]);
    expect(corrigendumOf(r.numbered!)).toBeNull();
  });

  it('numbers a paragraph inserted after issue "3A", moves nothing, and lists it in the corrigendum', () => {
    const r = issued({ adoption: [P.agenda, 'The Committee also agreed to hear a late presentation by India.'] });
    expect(errors(r)).toEqual([]);
    const report = r.numbered!;
    expect(labels(report).slice(2, 6)).toEqual(['3 The Draft Agenda', '3A The Committee also', '4 In conclusion, the', '5 The Secretariat presented']);
    // A reference to paragraph 5 still prints 5; the range of Item I is the issued one.
    expect(report.targets['transit-intro']!.label).toBe('5');
    expect(ranges(report)).toEqual(['I 01 - 04', 'II 05 - 08', 'III 09 - 10']);
    expect(report.issue!.changes).toEqual([{ kind: 'inserted', item: 'I', label: '3A', after: '3' }]);
    const data = corrigendumData(report);
    expect(data).toMatchObject({ symbol: 'PC0517E1a/Corr.1', corrigendum_of: 'PC0517E1a', number: 1 });
    expect(data.changes).toEqual([expect.objectContaining({ label: '3A', says: 'After paragraph 3, insert a new paragraph 3A reading:', text: 'The Committee also agreed to hear a late presentation by India.' })]);
    expect(reportData(report).paragraphs.map((p) => p.number).slice(2, 5)).toEqual([3, '3A', 4]);
  });

  it('gives the inserted number to the range when it goes after the last paragraph of an item', () => {
    const r = issued({ closing: [P.closed, 'The next session will be held in October.'] });
    // After 9, before the conclusion phrase 10: "9A"; one added after the very last paragraph would take 11.
    expect(labels(r.numbered!).slice(-3)).toEqual(['9 The Chairperson closed', '9A The next session', '10 In conclusion, the']);
    const end = issued({ closing: [P.closed] });
    expect(ranges(end.numbered!)).toEqual(['I 01 - 04', 'II 05 - 08', 'III 09 - 10']);
  });

  it('prints the ranges the record holds, a published slip included, and moves an end only for an inserted number', () => {
    // A report issued before acta, transcribed: its published table printed Item II as "04 - 08" (paragraph 4 closes
    // Item I), and the record says so.
    const slip = LOCK.replace(/^(  - key: transit\n    numeral: II\n    range: )"?05 - 08"?$/m, '$1 04 - 08');
    expect(slip).not.toBe(LOCK);
    const held = (parts: Parts) => run({ 'meeting.md': meeting(parts, 'issued'), 'numbering.lock.yaml': slip });
    const same = held({});
    expect(errors(same)).toEqual([]);
    expect(ranges(same.numbered!)).toEqual(['I 01 - 04', 'II 04 - 08', 'III 09 - 10']);
    // Not a change since issue: the corrigendum has nothing to say.
    expect(same.numbered!.issue!.changes).toEqual([]);
    expect(reportData(same.numbered!).items[1]).toMatchObject({ range: '04 - 08', first: 4, last: 8 });
    // A paragraph inserted before the first of Item II now starts it: "4A", and the range says so.
    const inserted = held({ transit: ['The Chair recalled the mandate of the workshops.', P.transit, P.systems, P.cites] });
    expect(errors(inserted)).toEqual([]);
    expect(ranges(inserted.numbered!)).toEqual(['I 01 - 04', 'II 04A - 08', 'III 09 - 10']);
    expect(inserted.numbered!.issue!.changes).toContainEqual(expect.objectContaining({ kind: 'range', item: 'II', before: '04 - 08', after: '04A - 08' }));
    // A range written by hand that the agenda could not print is an error at its line, never printed as typed.
    const typo = LOCK.replace(/^(  - key: transit\n    numeral: II\n    range: )"?05 - 08"?$/m, '$1paras 4-8');
    const refused = run({ 'meeting.md': meeting({}, 'issued'), 'numbering.lock.yaml': typo });
    const line = typo.split('\n').findIndex((l) => l.includes('paras 4-8')) + 1;
    expect(refused.problems).toContain(`m/numbering.lock.yaml:${line}:12 error bad-record`);
    expect(refused.diagnostics.find((d) => d.ruleId === 'bad-record')!.message).toContain('expected a range as the agenda table prints it');
    // Well formed, but naming a number that is no paragraph, or its ends reversed.
    for (const wrong of ['06 - 100', '08 - 04']) {
      const stray = run({ 'meeting.md': meeting({}, 'issued'), 'numbering.lock.yaml': LOCK.replace(/^(  - key: transit\n    numeral: II\n    range: )"?05 - 08"?$/m, `$1${wrong}`) });
      expect(stray.problems, wrong).toContain(`m/numbering.lock.yaml:${line}:12 error bad-record`);
      expect(stray.diagnostics.find((d) => d.ruleId === 'bad-record')!.message).toContain(`Unexpected range \`${wrong}\``);
    }
  });

  it('keeps the number of a deleted paragraph with the "[Deleted]" line, and later numbers where they were', () => {
    const r = issued({ transit: [P.transit, P.cites] });
    expect(errors(r)).toEqual([]);
    expect(labels(r.numbered!).slice(4, 8)).toEqual(['5 The Secretariat presented', '6 [Deleted]', '7 A delegate recalled', '8 In conclusion, the']);
    expect(ranges(r.numbered!)).toEqual(['I 01 - 04', 'II 05 - 08', 'III 09 - 10']);
    expect(r.numbered!.issue!.changes).toEqual([{ kind: 'deleted', item: 'II', label: '6', after: '5' }]);
    expect(corrigendumData(r.numbered!).changes).toEqual([expect.objectContaining({ kind: 'deleted', label: '6', says: 'Paragraph 6: delete the paragraph.' })]);
  });

  it('numbers a moved paragraph after the one now before it, and leaves its old number saying where it went', () => {
    const r = issued({ opening: [P.speech], adoption: [P.agenda, P.opened] });
    expect(errors(r)).toEqual([]);
    expect(labels(r.numbered!).slice(0, 5)).toEqual(['1 [Moved to paragraph', '2 The Secretary General', '3 The Draft Agenda', '3A The Chairperson opened', '4 In conclusion, the']);
    // Listed once, where it went: the number it left is no deletion.
    expect(r.numbered!.issue!.changes).toEqual([{ kind: 'moved', item: 'I', label: '3A', from: '1', after: '3' }]);
  });

  it('keeps the number of a paragraph whose text alone changed, and gives the new text in the corrigendum', () => {
    const r = issued({ transit: [P.transit, 'Several delegates described their national transit systems and the guarantees they ask for.', P.cites] });
    expect(labels(r.numbered!).slice(4, 7)).toEqual(['5 The Secretariat presented', '6 Several delegates described', '7 A delegate recalled']);
    expect(r.numbered!.issue!.changes).toEqual([{ kind: 'amended', item: 'II', label: '6', after: '5' }]);
    expect(corrigendumData(r.numbered!).changes[0]).toMatchObject({ says: 'Paragraph 6: for the existing text substitute:', text: expect.stringContaining('they ask for.') });
  });

  it('letters a sub-item added after issue after the last one, and lists it', () => {
    const r = issued({ more: '\n## Presentation by India {#india}\n\nThe Delegate of India presented the national time release study.\n' });
    expect(errors(r)).toEqual([]);
    const item = r.numbered!.items[0]!;
    const letters = item.body.flatMap((n) => (n.type === 'subitems' ? n.subitems.map((s) => s.letter) : []));
    expect(letters).toEqual(['a', 'b', 'c']);
    // Its paragraph follows paragraph 4, the last of Item I: 4A, and Item I's range gains it.
    expect(labels(r.numbered!)[4]).toBe('4A The Delegate of');
    expect(ranges(r.numbered!)[0]).toBe('I 01 - 04A');
    expect(r.numbered!.issue!.changes).toEqual(
      expect.arrayContaining([
        { kind: 'part', item: 'I', label: 'Item I (c)', change: 'inserted' },
        { kind: 'range', item: 'I', label: 'Item I', before: '01 - 04', after: '01 - 04A' },
      ]),
    );
  });

  it('keeps the numerals of the annexes left when one is taken out, and numbers one added between them "IA"', () => {
    const annex = (title: string) => `---\ntitle: ${title}\n---\n\nThe text of the annex.\n`;
    const participants = { 'annexes/01-participants.md': annex('List of participants') };
    const guide = { 'annexes/02-guide.md': annex('Transit Guide') };
    const plan = { 'annexes/03-plan.md': annex('Work Plan') };
    const lock = formatRecord(recordNumbering(run({ 'meeting.md': meeting(), ...participants, ...guide, ...plan }).numbered!, 0));
    expect(lock).toContain('annexes:\n  - { key: participants, numeral: I }\n  - { key: guide, numeral: II }\n  - { key: plan, numeral: III }');
    const numerals = (files: Record<string, string>) => {
      const r = run({ 'meeting.md': meeting({}, 'issued'), 'numbering.lock.yaml': lock, ...files });
      expect(errors(r)).toEqual([]);
      return { annexes: r.numbered!.annexes.map((a) => `${a.numeral} ${a.id}`), changes: r.numbered!.issue!.changes };
    };
    expect(numerals({ ...participants, ...plan })).toEqual({ annexes: ['I participants', 'III plan'], changes: [{ kind: 'part', item: null, label: 'Annex II', change: 'deleted' }] });
    expect(numerals({ ...participants, 'annexes/02-added.md': annex('Added'), ...guide, ...plan })).toEqual({
      annexes: ['I participants', 'IA added', 'II guide', 'III plan'],
      changes: [{ kind: 'part', item: null, label: 'Annex IA', change: 'inserted' }],
    });
  });

  it('numbers in the French house style: "3 bis"', () => {
    const fr = (text: string) => text.replace('symbol: PC0517E1a', 'symbol: PC0517F1a\nlanguage: fr').replaceAll('In conclusion, the PTC:', 'En conclusion, le PTC :');
    const lock = issue(fr(meeting()));
    const r = run({ 'meeting.md': fr(meeting({ adoption: [P.agenda, 'Le Comité a aussi entendu une présentation tardive.'] }, 'issued')), 'numbering.lock.yaml': lock });
    expect(errors(r)).toEqual([]);
    expect(labels(r.numbered!)[3]).toBe('3 bis Le Comité a');
    expect(corrigendumData(r.numbered!)).toMatchObject({ symbol: 'PC0517F1a/Corr.1', changes: [{ says: 'Après le paragraphe 3, insérer un nouveau paragraphe 3 bis ainsi libellé :' }] });
  });

  it('renumbers a meeting that is not issued as before, and says that its record is unused', () => {
    const text = meeting({ adoption: [P.agenda, 'The Committee also agreed to hear a late presentation by India.'] });
    const draft = run({ 'meeting.md': text });
    expect(labels(draft.numbered!).slice(2, 6)).toEqual(['3 The Draft Agenda', '4 The Committee also', '5 In conclusion, the', '6 The Secretariat presented']);
    expect(draft.numbered!.issue).toBeNull();
    const withLock = run({ 'meeting.md': text, 'numbering.lock.yaml': LOCK });
    expect(labels(withLock.numbered!)).toEqual(labels(draft.numbered!));
    expect(withLock.problems).toContain('m/numbering.lock.yaml:1:1 warning issue-unused');
  });

  it('refuses status: issued without a record, and a record that is not as acta wrote it, at its line', () => {
    expect(run({ 'meeting.md': meeting({}, 'issued') }).problems.filter((p) => p.includes('error'))).toEqual([expect.stringMatching(/^m\/meeting\.md:\d+:\d+ error not-issued$/)]);
    // A merge conflict left in the file: the error is at its first line.
    const broken = LOCK.replace('  - { number: 6,', '<<<<<<< HEAD\n  - { number: 6,');
    const line = broken.split('\n').indexOf('<<<<<<< HEAD') + 1;
    const r = run({ 'meeting.md': meeting({}, 'issued'), 'numbering.lock.yaml': broken });
    expect(r.problems.filter((p) => p.includes('error'))[0]).toMatch(new RegExp(`^m/numbering\\.lock\\.yaml:${line}:\\d+ error bad-record$`));
    // A number recorded twice (two branches' records merged by hand): at the second, naming the first's line.
    const lines = LOCK.split('\n');
    const [five, six] = [lines.findIndex((l) => l.startsWith('  - { number: 5,')) + 1, lines.findIndex((l) => l.startsWith('  - { number: 6,')) + 1];
    const doubled = run({ 'meeting.md': meeting({}, 'issued'), 'numbering.lock.yaml': LOCK.replace('  - { number: 6,', '  - { number: 5,') });
    const said = doubled.diagnostics.filter((d) => d.severity === 'error');
    expect(said.map((d) => `${d.line} ${d.ruleId}`)).toEqual([`${six} bad-record`]);
    expect(said[0]!.message).toMatch(new RegExp(`^Unexpected second paragraph numbered 5 in the record of the issued numbering \\(the first is at line ${five}\\)`));
    expect(five).toBeGreaterThan(0);
    const sameId = run({ 'meeting.md': meeting({}, 'issued'), 'numbering.lock.yaml': LOCK.replace('{ id: II/2,', '{ id: II/1,') });
    expect(sameId.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.ruleId} ${d.message.split(' in the record')[0]}`)).toEqual(['bad-record Unexpected second decision with the id II/1']);
    // Another meeting's record, copied with its folder: an error at its symbol, and no corrigendum of every difference.
    const copied = run({ 'meeting.md': meeting({}, 'issued'), 'numbering.lock.yaml': LOCK.replace('symbol: PC0517E1a', 'symbol: PC0490E1a') });
    const symbolLine = LOCK.split('\n').findIndex((l) => l.startsWith('symbol:')) + 1;
    expect(copied.problems.filter((p) => p.includes('error'))).toEqual([`m/numbering.lock.yaml:${symbolLine}:1 error bad-record`]);
    expect(copied.diagnostics.find((d) => d.ruleId === 'bad-record')?.message).toMatch(/^Unexpected record of the numbering of PC0490E1a beside the meeting PC0517E1a/);
    // The same document under a revised symbol keeps its record.
    expect(run({ 'meeting.md': meeting({}, 'issued'), 'numbering.lock.yaml': LOCK.replace('symbol: PC0517E1a', 'symbol: PC0517E1b') }).problems.filter((p) => p.includes('error'))).toEqual([]);
    const wrong = run({ 'meeting.md': meeting({}, 'issued'), 'numbering.lock.yaml': LOCK.replace('number: 5,', 'number: [5],') });
    expect(wrong.diagnostics.find((d) => d.ruleId === 'bad-record')?.message).toMatch(/^Unexpected value at `paragraphs\.4\.number` in the record of the issued numbering/);
  });
});

describe('an unnumbered paragraph ({-})', () => {
  const body = `
# Opening {#opening}

The Chairperson opened the meeting.

In conclusion, the PTC: {-}

- adopted the Draft Agenda.

The Secretariat thanked the delegates.
`;

  it('takes no number, is no reference target, and keeps its decisions', () => {
    const r = run({ 'meeting.md': FRONTMATTER + body });
    expect(labels(r.numbered!)).toEqual(['1 The Chairperson opened', '- In conclusion, the', '2 The Secretariat thanked']);
    expect(r.numbered!.decisions.map((d) => [d.stableId, d.paragraph])).toEqual([['PC0517E1a/I/1', null]]);
    expect(r.problems).toContain('m/meeting.md:16:1 warning unnumbered-draft');
  });

  it('is no warning in an issued report', () => {
    const lock = formatRecord(recordNumbering(run({ 'meeting.md': FRONTMATTER + body }).numbered!, 0));
    const r = run({ 'meeting.md': FRONTMATTER.replace(/\n---\n$/, '\nstatus: issued\n---\n') + body, 'numbering.lock.yaml': lock });
    expect(r.problems.filter((p) => p.includes('unnumbered'))).toEqual([]);
    expect(labels(r.numbered!)[1]).toBe('- In conclusion, the');
  });

  it('cannot also carry an id, and stays text when typed with a backslash', () => {
    const both = run({ 'meeting.md': FRONTMATTER + body.replace('{-}', '{#concl} {-}') });
    expect(both.problems).toContain('m/meeting.md:16:1 error unnumbered-id');
    const escaped = run({ 'meeting.md': FRONTMATTER + body.replace('In conclusion, the PTC: {-}', 'The rule is written \\{-}.') });
    expect(labels(escaped.numbered!)[1]).toBe('2 The rule is');
  });
});
