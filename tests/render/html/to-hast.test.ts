// The HTML writer's handlers on small models: each construct of the text as the page's markup, without a build.

import { describe, expect, it } from 'vitest';
import type { NumberedParagraph, NumberedReport } from '../../../src/model.js';
import { blocksToHast, hastContext, html, inlinesToHast } from '../../../src/render/html/to-hast.js';
import { runBody } from '../../helpers.js';

const BODY = `# Opening {#opening}

*(For information)*

## Agenda {#agenda}

The *Agenda* was **adopted** with \`PC0495\`, see [](#transit), [](#other), paragraph [](#adopted) and [the site](https://wcoomd.org). {#adopted}

## Other {#other}

The PTC {--discussed--}{++approved++} {==the Guide==}{>>Check with the Chair<<}, :restricted[a secret ]word.[^a] Again.[^a]

It covered:

- one;
- two.

| A | B |
|---|---|
| 1 | 2 |

| C |
|---|
| 3 |

# Transit {#transit}

*(For information)*

Text.

[^a]: A note with *stress*.
`;

const report: NumberedReport = runBody(BODY).numbered!;
const paragraph = (n: number): NumberedParagraph => report.items.flatMap((i) => i.body).find((p): p is NumberedParagraph => p.type === 'paragraph' && p.number === n)!;

describe('the HTML handlers of the text', () => {
  it('marks stress, strength and code, and links an address', () => {
    const out = html(inlinesToHast(hastContext(report), paragraph(1).content));
    expect(out).toContain('The <em>Agenda</em> was <strong>adopted</strong> with <code>PC0495</code>');
    expect(out).toContain('<a href="https://wcoomd.org">the site</a>');
  });

  it('prints a reference as its label, linked to its anchor', () => {
    const out = html(inlinesToHast(hastContext(report), paragraph(1).content));
    expect(out).toContain('see <a href="#item-II" class="ref">Item II</a>, <a href="#item-I-b" class="ref">Item I (b)</a>, paragraph <a href="#para-1" class="ref">1</a>');
  });

  it('writes a deletion and an insertion with who and when, and a comment as a note after its words', () => {
    const out = html(inlinesToHast(hastContext(report), paragraph(2).content));
    expect(out).toContain('The PTC <del title="PTC, 2 May 2018" datetime="2018-05-02">discussed</del><ins title="PTC, 2 May 2018" datetime="2018-05-02">approved</ins> <mark class="commented">the Guide</mark><span class="comment" role="note"><span class="comment-author">PTC:</span> Check with the Chair</span>');
  });

  it('says where restricted words start and end, for a screen reader', () => {
    const out = html(inlinesToHast(hastContext(report), paragraph(2).content));
    expect(out).toContain('<span class="restricted" title="Restricted"><span class="visually-hidden">Restricted: </span>a secret <span class="visually-hidden"> (End of restricted text)</span></span>word.');
  });

  it('gives each call of a footnote a link of its own, the first the one the note links back to', () => {
    const out = html(inlinesToHast(hastContext(report), paragraph(2).content));
    const ids = [...out.matchAll(/<sup class="fnref"><a href="#fn-1" id="([^"]+)" aria-label="Footnote 1">1<\/a><\/sup>/g)].map((m) => m[1]);
    expect(ids).toEqual(['fn-1-ref', 'fn-1-ref-2']);
  });

  it('sets a footnote at its first call when laid out in pages, and its number alone at the next', () => {
    const out = html(inlinesToHast(hastContext(report, true), paragraph(2).content));
    expect(out).toContain('word.<span class="footnote" id="fn-1" data-number="1"><span class="footnote-para">A note with <em>stress</em>.</span></span> Again.<sup class="fnref">1</sup>');
  });
});

describe('the HTML handlers of the blocks in a paragraph', () => {
  it('writes a list, and each table as a region that scrolls, named by its place', () => {
    const out = html(blocksToHast(hastContext(report), paragraph(3).blocks));
    expect(out).toContain('<ul><li><p>one;</p></li><li><p>two.</p></li></ul>');
    expect(out).toContain('<div class="table-wrap" role="region" tabindex="0" aria-label="Table 1, scrolls sideways"><table><thead><tr><th scope="col">A</th><th scope="col">B</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table></div>');
    expect(out).toContain('aria-label="Table 2, scrolls sideways"><table><thead><tr><th scope="col">C</th>');
  });
});
