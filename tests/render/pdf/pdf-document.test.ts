// The PDF's properties and outline titles, made from the model without a browser: each heading's title as the
// document prints it, its label and title joined as the heading joins them.

import { describe, expect, it } from 'vitest';
import { pdfDocument } from '../../../src/render/pdf/render-pdf.js';
import { FRONTMATTER, run } from '../../helpers.js';

const numbered = run({
  'meeting.md': `${FRONTMATTER}# Work programme {#work-programme}\n\n*(For information)*\n\n## Update {#update}\n\nThe Secretariat presented [](#pc0601).\n`,
  'annexes/01-draft.md': '---\ntitle: Draft Recommendation\n---\nThe Council recommends.\n',
  'documents/pc0601.md': '---\nsymbol: PC0601E1a\ntitle: Update of the Work Programme\nitem: update\nissued: 2018-04-01\n---\n# Background\n\nThe programme was adopted in 2016.\n\n# Actions required from the PTC\n\nThe PTC is invited to:\n\n- take note of the update.\n',
}).numbered!;

describe('the PDF outline', () => {
  it('titles an item, its sub-item and an annex of a report as their headings read', () => {
    expect(Object.values(pdfDocument(numbered, false).bookmarkTitles)).toEqual(['Item I – Work programme', '○ Update', 'Annex I – Draft Recommendation']);
  });

  it('titles the sections of a working document as their headings read: the numeral and the title', () => {
    const document = numbered.documents[0]!;
    expect(Object.values(pdfDocument(document, false).bookmarkTitles)).toEqual(['I. Background', 'II. Actions required from the PTC']);
  });
});
