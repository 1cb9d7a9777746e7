// The DOCX's structure as Word, screen readers and PDF exports see it: outline levels, restricted words, language.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedBuild } from '../build-helpers.js';
import { docxParts } from '../readers.js';

interface Para {
  readonly style: string | null;
  /** The effective outline level, 1-based (w:outlineLvl + 1), from the paragraph or its style chain. */
  readonly level: number | null;
  readonly text: string;
  readonly xml: string;
}

const attr = (xml: string, tag: string) => new RegExp(`<w:${tag} w:val="([^"]*)"`).exec(xml)?.[1] ?? null;

/** Every paragraph of the body, with the outline level Word gives it. */
async function paragraphs(docx: string): Promise<Para[]> {
  const parts = await docxParts(docx);
  const styles = new Map<string, { basedOn: string | null; level: number | null }>();
  for (const m of parts['word/styles.xml']!.matchAll(/<w:style\b[^>]*w:styleId="([^"]+)"[^>]*>([\s\S]*?)<\/w:style>/g)) {
    const level = attr(m[2]!, 'outlineLvl');
    styles.set(m[1]!, { basedOn: attr(m[2]!, 'basedOn'), level: level === null ? null : Number(level) + 1 });
  }
  const styleLevel = (id: string | null): number | null => {
    for (let s = id, guard = 0; s && guard < 20; s = styles.get(s)?.basedOn ?? null, guard++) {
      const level = styles.get(s)?.level;
      if (level !== undefined && level !== null) return level;
    }
    return null;
  };
  const body = parts['word/document.xml']!;
  return [...body.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)].map((m) => {
    const xml = m[1]!;
    const pPr = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(xml)?.[1] ?? '';
    const style = attr(pPr, 'pStyle');
    const own = attr(pPr, 'outlineLvl');
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('');
    return { style, level: own !== null ? Number(own) + 1 : styleLevel(style), text, xml };
  });
}

const flagship = await sharedBuild('meetings/ptc-219-220');
const flagshipDocx = path.join(flagship.folder, 'PC0517E1a.docx');
type Data = { items: { numeral: string; title: string; subitems: { letter: string; title: string }[] }[]; annexes: { numeral: string; title: string }[] };
const data = JSON.parse(await readFile(path.join(flagship.folder, 'PC0517E1a.json'), 'utf8')) as Data;

/** What the outline must list, in order, from the report's structure: items, their sub-items, then annexes. */
function expectedSpine(): [number, string][] {
  const out: [number, string][] = [];
  for (const item of data.items) {
    out.push([1, `Item ${item.numeral} – ${item.title}`]);
    for (const s of item.subitems) out.push([2, s.title]);
  }
  for (const a of data.annexes) out.push([1, `Annex ${a.numeral}${a.title}`]);
  return out;
}

describe('outline levels of the flagship DOCX', async () => {
  const paras = await paragraphs(flagshipDocx);
  const outline = paras.filter((p) => p.level !== null);

  it('has a heading level on every Heading style, and only headings, items and annex titles are in the outline', () => {
    expect(new Set(outline.map((p) => p.style))).toEqual(new Set(['Heading1', 'Heading2', 'Heading3', 'Heading4', 'Heading5', 'Heading6', 'AnnexTitle']));
    expect(paras.filter((p) => p.style?.startsWith('Heading') && p.level === null)).toEqual([]);
  });

  it('starts at level 1 and never skips a level', () => {
    expect(outline[0]!.level).toBe(1);
    const skips = outline.flatMap((p, i) => (i > 0 && p.level! > outline[i - 1]!.level! + 1 ? [`${outline[i - 1]!.level} → ${p.level}: ${p.text}`] : []));
    expect(skips).toEqual([]);
  });

  it('lists every item (1), sub-item (2) and annex (1) in the order of the report', () => {
    const spine = outline.filter((p) => p.style === 'Heading1' || p.style === 'Heading2' || p.style === 'AnnexTitle');
    const expected = expectedSpine();
    expect(expected.filter(([l]) => l === 1)).toHaveLength(22 + 5);
    expect(spine.map((p) => p.level)).toEqual(expected.map(([l]) => l));
    // A sub-item reads "(a)\tTitle": compare the title; an item "Item IV – Title"; an annex "Annex II" + title.
    spine.forEach((p, i) => expect(p.text).toContain(expected[i]![1].replace(/\*|_/g, '').slice(0, 20)));
  });

  it('puts an annex section right under its annex title, whatever its style or Markdown depth', () => {
    const annexII = outline.findIndex((p) => p.style === 'AnnexTitle' && p.text.startsWith('Annex II'));
    const next = outline[annexII + 1]!;
    expect(next.style).toBe('Heading3'); // its `#`: styled as before
    expect(next.level).toBe(2);
    // Annex I starts at `##`: still level 2 under its title.
    const annexI = outline.findIndex((p) => p.style === 'AnnexTitle' && p.text.startsWith('Annex I'));
    expect(outline[annexI + 1]!.level).toBe(2);
    expect(outline[annexI + 1]!.text).toBe('Chairperson');
  });

  it('marks the cover\'s second-language line as French in the English report', () => {
    const alt = paras.find((p) => p.text === 'Organisation mondiale des douanes')!;
    expect(alt.xml).toContain('<w:lang w:val="fr-FR"/>');
    const org = paras.find((p) => p.text === 'World Customs Organization')!;
    expect(org.xml).not.toContain('<w:lang');
  });
});

describe('restricted text in the French DOCX is said in words', async () => {
  const built = await sharedBuild('meetings/exemple-fr');
  const paras = await paragraphs(path.join(built.folder, 'PI0231F1a.docx'));

  it('opens the restricted block of Item V with a "Diffusion restreinte" label paragraph, once', () => {
    const first = paras.findIndex((p) => p.style === 'NumberedParagraphRestricted');
    expect(first).toBeGreaterThan(0);
    expect(paras[first - 1]!.text).toBe('Diffusion restreinte');
    expect(paras[first - 1]!.xml).toContain('w:rStyle w:val="RestrictedLabel"');
    expect(paras[first + 1]!.style).toBe('NumberedParagraphRestricted'); // the second paragraph: no second label
  });

  it('brackets each restricted span with start and end words', () => {
    const spans = paras.filter((p) => p.xml.includes('w:val="RestrictedText"'));
    expect(spans).toHaveLength(2);
    for (const p of spans) {
      expect(p.text).toMatch(/Diffusion restreinte : .+ \(Fin du texte en diffusion restreinte\)/);
    }
  });

  it('marks the second-language line as English in the French report', () => {
    const alt = paras.find((p) => p.xml.includes('w:val="CoverOrganizationAlt"'))!;
    expect(alt.text).toBe('World Customs Organization');
    expect(alt.xml).toContain('<w:lang w:val="en-GB"/>');
  });
});

// The flagship DOCX exported by LibreOffice as tagged PDF (its outline and heading tags): in
// tests/render/docx/docx-readers.test.ts, which reads the same LibreOffice export for its pages (one soffice run for both).
