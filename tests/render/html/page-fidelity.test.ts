// The HTML edition reads like the seed: what the flagship's HTML holds, in-process; how Chromium prints
// it is tests/render/pdf/pdf-edition.test.ts.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTo } from '../../build-helpers.js';

const built = await buildTo('meetings/ptc-219-220', ['html']);
const full = await readFile(path.join(built.folder, 'PC0517E1a.html'), 'utf8');
const pub = await readFile(path.join(built.folder, 'PC0517E1a-public.html'), 'utf8');
const annexII = await readFile(path.join(built.folder, 'annexes', 'annex-II.html'), 'utf8');
const body = full.slice(full.indexOf('<section class="item"'));

describe('the flagship HTML', () => {
  it('prints purposes in the agenda only, never under a heading of the body', () => {
    expect(full.slice(0, full.indexOf('<section class="item"'))).toContain('(For guidance and decision)');
    expect(body).not.toContain('class="purpose"');
  });

  it('prints a lettered list without bullets, other lists with "-"', () => {
    expect(body).toMatch(/<ul class="lettered"><li><p>a\. Parts of the survey/);
    expect(full).toMatch(/\.para ul, \.loose ul, \.annex ul \{ list-style-type: "- +"; \}/);
    expect(full).toMatch(/ul\.lettered \{ list-style: none;/);
  });

  it('closes the agenda, the body and each annex with the end mark "*" over "* *"', () => {
    const mark = /<p class="stars" aria-hidden="true">\*<br>\* {3}\*<\/p>/g;
    expect(full.match(mark)).toHaveLength(7);
    expect(pub.match(mark)).toHaveLength(6);
    expect(annexII.match(mark)).toHaveLength(1);
    // The body's, after paragraph 175 and before the notes and the annexes.
    const end = body.slice(body.indexOf('id="para-175"'), body.indexOf('<section class="annex'));
    expect(end).toMatch(mark);
  });

  it('gives a restricted annex of the public edition no page of its own, and "Public Version" one place a page', () => {
    expect(pub).toContain('<section class="annex excluded" id="annex-I"');
    expect(pub).not.toMatch(/#annex-I \{ page:/);
    expect(pub).toMatch(/#annex-II \{ page: annex-II; \}/);
    // Top right on every page, under the annex header on an annex's pages; page 1 has it in the cover.
    expect(pub).toContain('@page annex-II { size: A4; @top-right { content: "Annex II to doc. PC0517E1a" "\\A" "Public Version"; } }');
    // The body's pages carry the report's own running header (it is Annex I to doc. PC0517E1) over the mark.
    expect(pub).toContain('@page { @top-right { content: "Annex I to doc. PC0517E1" "\\A" "Public Version"; } }\n@page :first { @top-right { content: none; } }');
    expect(pub).not.toContain('@top-left');
  });

  it('keeps headings with what follows in print, lets agenda rows split, hides the notes\' back arrows', () => {
    expect(full).toMatch(/\.subitem-heading, \.item-heading, \.subheading, \.annex-heading, \.restricted-annex, h2, h3, h4, h5, h6 \{ break-inside: avoid; break-after: avoid; \}/);
    expect(full).toContain('  tr { break-inside: auto; }');
    expect(full).toContain('.footnotes .back { display: none; }');
  });

  it('prints the establishment lines under the organization, the French one in French', () => {
    expect(full).toContain('<p class="org-note">Established in 1952 as the Customs Co-operation Council</p>');
    expect(full).toContain('<p class="org-note" lang="fr">Créée en 1952 sous le nom de Conseil de coopération douanière</p>');
  });
});
