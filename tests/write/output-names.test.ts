// The names of every output (docs/outputs.md), and how a build tells a previous build's leftovers
// from files that are not acta's.

import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMeeting, prepareRenderEnv } from '../../src/pipeline.js';
import type { BuildOptions } from '../../src/formats.js';
import { agendaFile, annexFile, decisionsFile, formatsOfPart, partHasFormat, possibleAnnexFiles, registerFile, reportFile } from '../../src/output-names.js';

describe('output names', () => {
  it('names each document as the README says', () => {
    expect(reportFile('PC0517E1a', 'full', 'docx')).toBe('PC0517E1a.docx');
    expect(reportFile('PC0517E1a', 'public', 'html')).toBe('PC0517E1a-public.html');
    expect(reportFile('PC0517E1a', 'public', 'json')).toBe('PC0517E1a-public.json');
    expect(annexFile('II', 'full', 'docx')).toBe('annexes/annex-II.docx');
    expect(annexFile('II', 'public', 'html')).toBe('annexes/annex-II-public.html');
    expect(agendaFile('PC0517E1a', 'full', 'html')).toBe('PC0517E1a-agenda.html');
    expect(agendaFile('PC0517E1a', 'public', 'docx')).toBe('PC0517E1a-agenda-public.docx');
    expect(decisionsFile('full')).toBe('decisions.json');
    expect(decisionsFile('public')).toBe('decisions-public.json');
    expect(reportFile('PC0517E1a', 'full', 'akn')).toBe('PC0517E1a.xml');
    expect(reportFile('PC0517E1a', 'public', 'akn')).toBe('PC0517E1a-public.xml');
    expect(registerFile('public', 'csv')).toBe('register-public.csv');
  });

  it('writes Akoma Ntoso for the report only', () => {
    expect(['report', 'annex', 'agenda'].map((p) => partHasFormat(p as 'report', 'akn'))).toEqual([true, false, false]);
  });

  it('gives the annexes alone and the agenda no JSON of their own', () => {
    expect(formatsOfPart('report', ['json', 'html', 'docx'])).toEqual(['json', 'html', 'docx']);
    expect(formatsOfPart('annex', ['json', 'html', 'docx'])).toEqual(['html', 'docx']);
    expect(formatsOfPart('agenda', ['json'])).toEqual([]);
    expect([partHasFormat('report', 'json'), partHasFormat('annex', 'json'), partHasFormat('annex', 'docx')]).toEqual([true, false, true]);
  });

  it('counts as possible every annex file of the editions and formats built, and nothing else', () => {
    const both = possibleAnnexFiles(2, ['full', 'public'], ['docx', 'html', 'json']);
    expect(both.has('annexes/annex-II.docx')).toBe(true);
    expect(both.has('annexes/annex-II-public.html')).toBe(true);
    // An annex since removed: its numeral is beyond the meeting's annexes.
    expect(both.has('annexes/annex-XL.html')).toBe(true);
    expect(both.has('annexes/annex-MMMCMXCIX-public.docx')).toBe(true);
    for (const never of ['annexes/annex-II.json', 'annexes/annex-IIII.html', 'annexes/annex-ii.html', 'annexes/annex-II-agenda.html', 'annex-II.html', 'PC0517E1a.html', 'decisions.json']) {
      expect(both.has(never), never).toBe(false);
    }
    const publicOnly = possibleAnnexFiles(2, ['public'], ['html']);
    expect(publicOnly.has('annexes/annex-I-public.html')).toBe(true);
    expect(publicOnly.has('annexes/annex-I.html')).toBe(false);
    expect(publicOnly.has('annexes/annex-I-public.docx')).toBe(false);
    const jsonOnly = possibleAnnexFiles(2, ['full', 'public'], ['json']);
    for (const name of ['annexes/annex-I.html', 'annexes/annex-I.docx', 'annexes/annex-I.json']) expect(jsonOnly.has(name), name).toBe(false);
    // A meeting with more annexes than Roman notation usually writes still owns all of them.
    expect(possibleAnnexFiles(4001, ['full'], ['html']).has('annexes/annex-MMMMI.html')).toBe(true);
  });
});

describe('a build in a folder a previous build left', () => {
  // tests/fixtures/leak has two annexes: I restricted, II public.
  const build = async (options: Partial<BuildOptions>, leftovers: readonly string[]) => {
    const out = await mkdtemp(path.join(tmpdir(), 'acta-names-'));
    const folder = path.join(out, 'leak');
    for (const file of leftovers) {
      await mkdir(path.dirname(path.join(folder, file)), { recursive: true });
      await writeFile(path.join(folder, file), 'left over');
    }
    const env = (await prepareRenderEnv()).env!;
    const built = await buildMeeting('tests/fixtures/leak', out, { formats: ['docx', 'html', 'json'], publicOnly: false, acceptChanges: false, ...options }, env);
    expect(built.report).not.toBeNull();
    return (await readdir(path.join(folder, 'annexes'))).sort();
  };

  it('removes the annex files it no longer writes: an annex now restricted, annexes since removed', async () => {
    const left = await build({}, ['annexes/annex-I-public.html', 'annexes/annex-I-public.docx', 'annexes/annex-III.html', 'annexes/annex-XII-public.docx']);
    expect(left).toEqual(['annex-I.docx', 'annex-I.html', 'annex-II-public.docx', 'annex-II-public.html', 'annex-II.docx', 'annex-II.html']);
  });

  it('keeps every file it would not have written', async () => {
    const foreign = ['annex-II.json', 'annex-IIII.html', 'annex-iii.html', 'annex-III.pdf', 'notes.html', 'annex-III-draft.docx'];
    const left = await build({}, foreign.map((f) => `annexes/${f}`));
    expect(left).toEqual(expect.arrayContaining(foreign));
    expect(left).toHaveLength(foreign.length + 6);
  });

  it('keeps the files of an edition or format it did not build', async () => {
    const publicOnly = await build({ publicOnly: true, formats: ['html'] }, ['annexes/annex-III.html', 'annexes/annex-III-public.html', 'annexes/annex-III-public.docx']);
    expect(publicOnly).toEqual(['annex-II-public.html', 'annex-III-public.docx', 'annex-III.html']);
  });
});
