// Translations (docs/format.md, Translations): each folder of tests/fixtures/translations is a French translation of
// `original` with one hand-made divergence; its `expected` file lists, a line each, the place of the
// diagnostic in the translation, words its message holds, and the original's place it names.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { alignReports } from '../../src/align/align-reports.js';
import { checkMeeting, numberMeeting } from '../../src/pipeline.js';
import { reportData } from '../../src/render/json/render-json.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = path.join('tests', 'fixtures', 'translations');
const cases = readdirSync(path.join(root, corpus)).filter((n) => n !== 'original' && n !== 'aligned').sort();

process.chdir(root);

describe('a translation compared with its original', () => {
  it('has a case for every divergence a translation can have', () => {
    expect(cases).toEqual([
      'annex-numbering', 'annex-orientation', 'annex-visibility', 'extra-decision', 'extra-footnote', 'extra-item', 'extra-paragraph-in-item',
      'extra-subitem', 'item-id', 'missing-annex', 'missing-paragraph-in-subitem', 'no-original', 'other-reference', 'paragraph-id', 'restricted-in-one-only',
      'subitem-id', 'three-divergences',
    ]);
  });

  it('passes when it keeps every construct, and its data names the original', async () => {
    const checked = await checkMeeting(path.join(corpus, 'aligned'));
    expect(checked.diagnostics).toEqual([]);
    expect(checked.report?.translationOf).toBe('PC0001E1a');
    expect(reportData(checked.report!)).toMatchObject({ symbol: 'PC0001F1a', translation_of: 'PC0001E1a' });
  });

  it('is not needed to check the original', async () => {
    const checked = await checkMeeting(path.join(corpus, 'original'));
    expect(checked.diagnostics).toEqual([]);
    expect(checked.report?.translationOf).toBeUndefined();
    expect(reportData(checked.report!)).not.toHaveProperty('translation_of');
  });

  it.each(cases)('%s', async (name) => {
    const dir = path.join(corpus, name);
    const checked = await checkMeeting(dir);
    expect(checked.report).toBeNull();
    const expected = readFileSync(path.join(dir, 'expected'), 'utf8').trim().split('\n');
    const errors = checked.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => `${d.file}:${d.line}:${d.column}`)).toEqual(expected.map((line) => `${dir}/${line.split(' | ')[0]}`));
    errors.forEach((d, i) => {
      const [, words, originalPlace] = expected[i]!.split(' | ');
      expect(d.ruleId).toBe('translation-misaligned');
      expect(d.message).toMatch(/^Unexpected .*, expected /);
      expect(d.message).toContain(words);
      expect(d.message).toContain(originalPlace);
    });
  });

  it('is a pure function of the two numbered models, silent for a report and itself', async () => {
    const original = (await numberMeeting(path.join(corpus, 'original'))).report!;
    const translation = (await numberMeeting(path.join(corpus, 'three-divergences'))).report!;
    expect(alignReports(original, original)).toEqual([]);
    const first = alignReports(original, translation);
    expect(first).toHaveLength(3);
    expect(alignReports(original, translation)).toEqual(first);
  });
});
