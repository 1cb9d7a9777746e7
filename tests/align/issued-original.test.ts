// A paragraph inserted into an issued original ("10 bis") is a paragraph the translation must have too: the
// comparison counts every paragraph that prints a number, not only the whole numbers.

import { appendFileSync, cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkMeeting } from '../../src/pipeline.js';

/** The example's original and translation, copied side by side so `translation_of: ../exemple-fr` finds the copy. */
function copies(): { readonly original: string; readonly translation: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'acta-issued-align-'));
  for (const name of ['exemple-fr', 'example-en']) cpSync(path.join('meetings', name), path.join(root, name), { recursive: true });
  return { original: path.join(root, 'exemple-fr'), translation: path.join(root, 'example-en') };
}

describe('a translation of an issued original', () => {
  it('is refused when the original gained a paragraph since issue that the translation lacks, naming its inserted number', async () => {
    const { original, translation } = copies();
    appendFileSync(path.join(original, 'items/02-rapports.md'), '\nUn nouveau paragraphe ajouté.\n');
    const checked = await checkMeeting(translation);
    expect(checked.report).toBeNull();
    expect(checked.diagnostics.map((d) => `${d.ruleId} ${d.message}`)).toEqual([
      expect.stringMatching(/^translation-misaligned Unexpected 5 numbered paragraphs in Item II \(a\), \(b\), \(c\), expected 6 numbered paragraphs as in the original: its paragraph 10 bis \(.*02-rapports\.md:30:1\) has no counterpart$/),
    ]);
  });

  it('passes when the translation gained the same paragraph', async () => {
    const { original, translation } = copies();
    appendFileSync(path.join(original, 'items/02-rapports.md'), '\nUn nouveau paragraphe ajouté.\n');
    appendFileSync(path.join(translation, 'items/02-reports.md'), '\nA new paragraph added.\n');
    const checked = await checkMeeting(translation);
    expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(checked.report).not.toBeNull();
  });
});

describe('the aligned page of an issued original and its translation', () => {
  it('shows a paragraph inserted since issue on one row, its number as each language writes it, not as a shift', async () => {
    const { numberMeeting } = await import('../../src/pipeline.js');
    const { alignedView } = await import('../../src/render/html/aligned-view.js');
    const [original, translation] = await Promise.all([numberMeeting('meetings/exemple-fr'), numberMeeting('meetings/example-en')]);
    const rows = alignedView(original.report!, translation.report!, []).sections.flatMap((s) => s.rows);
    const inserted = rows.filter((r) => r.kind === 'paragraph' && r.original?.number === '12 bis.');
    expect(inserted.map((r) => [r.header, r.translation?.number, r.shifted, r.gap])).toEqual([['12 bis', '12A.', false, false]]);
    // The whole numbers on either side of it are the same on both sides.
    expect(rows.filter((r) => r.kind === 'paragraph' && r.shifted)).toEqual([]);
  });
});
