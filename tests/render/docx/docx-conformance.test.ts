// Every DOCX of the example meetings (full, public, each annex alone, the agenda alone) as Word reads it: valid against
// the ISO/IEC 29500 transitional schemas, and right where the schemas cannot see.

import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAgenda, prepareRenderEnv } from '../../../src/pipeline.js';
import { CELL_PADDING, textWidth } from '../../../src/render/docx/column-widths.js';
import { TABLE_TEXT_SIZE } from '../../../src/render/docx/styles.js';
import { sharedBuild } from '../../build-helpers.js';
import { validateDocxParts } from '../../docx-schema.js';
import { docxParts } from '../../readers.js';

// The two example meetings (example-en is exemple-fr's translation: the same structure, the same writer).
const MEETINGS = ['meetings/ptc-219-220', 'meetings/exemple-fr'];

async function docxFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true });
  return entries.filter((e) => e.endsWith('.docx')).map((e) => path.join(folder, e));
}

const files: Record<string, Record<string, string>> = {};
const { env } = await prepareRenderEnv();
const agendas = await mkdtemp(path.join(tmpdir(), 'acta-agendas-'));
for (const meeting of MEETINGS) {
  const built = await sharedBuild(meeting);
  for (const edition of ['full', 'public'] as const) await buildAgenda(meeting, agendas, edition, env!, ['docx']);
  const agenda = path.join(agendas, path.basename(meeting));
  for (const folder of [built.folder, agenda]) {
    for (const file of await docxFiles(folder)) files[`${path.basename(meeting)}/${path.relative(folder, file)}`] = await docxParts(file);
  }
}
const names = Object.keys(files).sort();

describe('every DOCX of the example meetings', () => {
  it('is built: full and public reports, annexes alone and agendas of both meetings, and the working documents', () => {
    expect(names.filter((n) => n.endsWith('-agenda.docx') || n.endsWith('-agenda-public.docx'))).toHaveLength(4);
    expect(names.filter((n) => n.includes('/annexes/') && !n.includes('/documents/'))).toHaveLength(14);
    // Seeds 000 and 003 as working documents of the flagship: both editions, and their three annexes alone.
    expect(names.filter((n) => n.includes('/documents/'))).toHaveLength(2 * 2 + 3 * 2);
    // The French example is issued with a change since: its corrigendum, in both editions, is validated too.
    expect(names.filter((n) => n.includes('-corr1'))).toEqual(['exemple-fr/PI0231F1a-corr1-public.docx', 'exemple-fr/PI0231F1a-corr1.docx']);
    expect(names).toHaveLength(22 + 10 + 2);
  });

  it('validates against the ISO/IEC 29500 transitional schemas, after markup-compatibility processing', async () => {
    const result = await validateDocxParts(files);
    console.log(`schema: ${names.length} DOCX, ${result.parts} parts, ${result.errors.length} errors`);
    expect(result.parts).toBeGreaterThan(names.length * 10);
    expect(result.errors).toEqual([]);
  }, 60_000);

  it('has no note reference run in a footnote or endnote separator', () => {
    for (const name of names) {
      for (const [part, note] of [['word/footnotes.xml', 'footnote'], ['word/endnotes.xml', 'endnote']] as const) {
        const separators = files[name]![part]!.match(new RegExp(`<w:${note} w:type="(?:separator|continuationSeparator)"[\\s\\S]*?</w:${note}>`, 'g')) ?? [];
        expect(separators, `${name} ${part}`).toHaveLength(2);
        for (const s of separators) expect(s, `${name} ${part}`).not.toMatch(/<w:(?:footnote|endnote)Ref\/>/);
      }
    }
  });

  it('names only styles its styles part defines, as basedOn, next, link or on a paragraph, run or table', () => {
    for (const name of names) {
      const parts = files[name]!;
      const defined = new Set([...parts['word/styles.xml']!.matchAll(/<w:style [^>]*w:styleId="([^"]+)"/g)].map((m) => m[1]!));
      const used = Object.entries(parts)
        .filter(([part]) => /^word\/.*\.xml$/.test(part))
        .flatMap(([, xml]) => [...xml.matchAll(/<w:(?:basedOn|next|link|pStyle|rStyle|tblStyle) w:val="([^"]+)"\/>/g)].map((m) => m[1]!));
      expect(used.length).toBeGreaterThan(10);
      expect([...new Set(used.filter((s) => !defined.has(s)))], name).toEqual([]);
    }
  });

  it('holds no literal tab or line break in its text: <w:tab/> and <w:br/> instead', () => {
    for (const name of names) {
      for (const [part, xml] of Object.entries(files[name]!)) {
        if (!/^word\/.*\.xml$/.test(part)) continue;
        const literal = [...xml.matchAll(/<w:(t|delText|instrText)(?: [^>]*)?>([^<]*)</g)].filter((m) => /[\t\n\r]/.test(m[2]!)).map((m) => m[0]);
        expect(literal, `${name} ${part}`).toEqual([]);
      }
    }
    // Where a tab belongs, the sub-item labels: "a)<w:tab/>" in the agenda and the sub-item headings.
    expect(files['ptc-219-220/PC0517E1a.docx']!['word/document.xml']).toMatch(/<w:t xml:space="preserve">a\)<\/w:t><w:tab\/>/);
  });

  it('carries exactly the footnotes it cites (the agenda alone, none of the report)', () => {
    for (const name of names) {
      const parts = files[name]!;
      const cited = new Set([...Object.entries(parts)].filter(([p]) => p !== 'word/footnotes.xml').flatMap(([, xml]) => [...xml.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((m) => m[1]!)));
      const carried = new Set([...parts['word/footnotes.xml']!.matchAll(/<w:footnote w:id="(\d+)">/g)].map((m) => m[1]!));
      expect([...carried].sort(), name).toEqual([...cited].sort());
    }
    expect(files['ptc-219-220/PC0517E1a-agenda.docx']!['word/footnotes.xml']).not.toMatch(/<w:footnote w:id="\d+">/);
    expect(files['ptc-219-220/PC0517E1a.docx']!['word/footnotes.xml']!.match(/<w:footnote w:id="\d+">/g)!.length).toBeGreaterThan(3);
  });

  it('has a webSettings part, with its relationship and content type', () => {
    for (const name of names) {
      const parts = files[name]!;
      expect(parts['word/webSettings.xml'], name).toContain('<w:webSettings ');
      expect(parts['word/_rels/document.xml.rels'], name).toContain('Target="webSettings.xml"');
      expect(parts['[Content_Types].xml'], name).toContain('PartName="/word/webSettings.xml"');
    }
  });

  it('has no justified paragraph holding a line break: a signature block is left-aligned, never stretched', () => {
    let broken = 0;
    for (const name of names) {
      const parts = files[name]!;
      const justifiedStyles = new Set(
        [...parts['word/styles.xml']!.matchAll(/<w:style [^>]*w:styleId="([^"]+)"[^>]*>([\s\S]*?)<\/w:style>/g)].filter((m) => /<w:jc w:val="both"\/>/.test(m[2]!)).map((m) => m[1]!),
      );
      expect(justifiedStyles.has('NumberedParagraph')).toBe(true);
      for (const [, p] of parts['word/document.xml']!.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)) {
        if (!p!.includes('<w:br/>')) continue;
        broken++;
        const own = /<w:jc w:val="([^"]+)"\/>/.exec(p!.slice(0, p!.indexOf('</w:pPr>') + 1))?.[1];
        const style = /<w:pStyle w:val="([^"]+)"\/>/.exec(p!)?.[1] ?? 'Normal';
        const justified = own ? own === 'both' : justifiedStyles.has(style);
        expect(justified, `${name}: ${p!.replace(/<[^>]+>/g, '').slice(0, 80)}`).toBe(false);
      }
    }
    // The signatures of Annexes II and III, among others, hold breaks.
    expect(broken).toBeGreaterThan(4);
  });

  it('sizes table columns from their content: the grid is the table width, no column narrower than its longest word', () => {
    let tables = 0;
    const document = files['ptc-219-220/PC0517E1a.docx']!['word/document.xml']!;
    for (const [, table] of document.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)) {
      const grid = [...table!.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
      const width = Number(/<w:tblW w:type="dxa" w:w="(\d+)"\/>|<w:tblW w:w="(\d+)" w:type="dxa"\/>/.exec(table!)?.slice(1).find(Boolean));
      expect(grid.reduce((a, b) => a + b, 0)).toBe(width);
      if (!table!.includes('w:val="TableText"')) continue; // the cover and agenda tables have widths of their own
      tables++;
      for (const [, row] of table!.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)) {
        const cells = [...row!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((m) => m[1]!);
        cells.forEach((cell, i) => {
          const bold = cell.includes('w:val="TableHeading"');
          const words = [...cell.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!).join('').split(/\s+/);
          for (const word of words) expect(textWidth(word, TABLE_TEXT_SIZE, bold) + CELL_PADDING, `${word} in a column of ${grid[i]}`).toBeLessThanOrEqual(grid[i]! + 1);
        });
      }
      // Rows may split across pages; the header row repeats and stays whole.
      expect(table!.match(/<w:cantSplit\/>/g) ?? []).toHaveLength(1);
      expect(table!).toMatch(/^[\s\S]*?<w:tr>\s*<w:trPr>\s*<w:cantSplit\/>\s*<w:tblHeader\/>/);
    }
    expect(tables).toBeGreaterThan(5);
    // Annex IV's numbering column is narrow, its Activity column wide (they were equal).
    const annexIV = files['ptc-219-220/annexes/annex-IV.docx']!['word/document.xml']!;
    const grid = [...annexIV.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(Math.min(...grid) * 3).toBeLessThan(Math.max(...grid));
  });

  it('prints no purpose line under item and sub-item headings in the body: the agenda has them', () => {
    const document = files['ptc-219-220/PC0517E1a.docx']!['word/document.xml']!;
    expect(document).not.toContain('<w:pStyle w:val="Purpose"/>');
    expect(document).toMatch(/<w:rStyle w:val="PurposeChar"\/><\/w:rPr><w:t xml:space="preserve">\(For guidance and decision\)/);
  });

  it('prints a lettered list without bullets and dash lists with "-"', () => {
    const parts = files['ptc-219-220/PC0517E1a.docx']!;
    const lettered = /<w:p>(?:(?!<\/w:p>)[\s\S])*?a\. Parts of the survey/.exec(parts['word/document.xml']!)![0];
    expect(lettered).not.toContain('<w:numPr>');
    expect(lettered).toMatch(/<w:ind w:left="\d+" w:hanging="\d+"\/>/);
    expect(parts['word/numbering.xml']).toMatch(/<w:lvl w:ilvl="0"[^>]*>(?:(?!<\/w:lvl>)[\s\S])*<w:numFmt w:val="bullet"\/><w:lvlText w:val="-"\/>/);
  });

  it('opens each footnote text with a space after its number', () => {
    const notes = files['ptc-219-220/PC0517E1a.docx']!['word/footnotes.xml']!;
    // acta's hidden bookmark of the note's text (its origin, for the import) may stand between the space and the text.
    expect(notes).toMatch(/<w:footnoteRef\/><\/w:r><w:r><w:t xml:space="preserve"> <\/w:t><\/w:r>(<w:bookmarkStart w:name="_acta_\d+" w:id="\d+"\/>)?<w:r><w:t xml:space="preserve">Five digits/);
  });

  it('gives a restricted annex of a public edition no page of its own: its line ends the body', () => {
    const document = files['ptc-219-220/PC0517E1a-public.docx']!['word/document.xml']!;
    // A section ends with the paragraph whose properties hold its w:sectPr (the last one's is the body's own):
    // five, the body and Annexes II to V; Annex I's line is the body's last paragraph, after paragraph 175.
    const breaks = [...document.matchAll(/<w:sectPr\b/g)].map((m) => m.index);
    expect(breaks).toHaveLength(5);
    const line = document.indexOf('Annex I is not included in the public version.');
    expect(line).toBeGreaterThan(document.indexOf('"para_175"'));
    expect(line).toBeLessThan(breaks[1]!);
    expect(document.indexOf('"annex_II"')).toBeGreaterThan(line);
  });

  it('closes the body and each annex with the end mark "*" over "* *", as the agenda', () => {
    const stars = (name: string) => (files[name]!['word/document.xml']!.match(/<w:pStyle w:val="Stars"\/>(?:(?!<\/w:p>)[\s\S])*?<\/w:pPr>(?:<w:bookmarkStart w:name="_acta_\d+" w:id="\d+"\/>)?<w:r><w:t xml:space="preserve">\*<\/w:t><\/w:r><w:r><w:br\/><\/w:r><w:r><w:t xml:space="preserve">\*   \*<\/w:t>/g) ?? []).length;
    // The agenda, the body and Annexes I to V; the public edition has no Annex I; an annex alone, its own.
    expect(stars('ptc-219-220/PC0517E1a.docx')).toBe(7);
    expect(stars('ptc-219-220/PC0517E1a-public.docx')).toBe(6);
    expect(stars('ptc-219-220/annexes/annex-II.docx')).toBe(1);
    expect(stars('ptc-219-220/PC0517E1a-agenda.docx')).toBe(1);
    // The body's closes it: right after paragraph 175, before Annex I.
    const document = files['ptc-219-220/PC0517E1a.docx']!['word/document.xml']!;
    const after175 = document.slice(document.indexOf('"para_175"'), document.indexOf('"annex_I"'));
    expect(after175).toContain('<w:pStyle w:val="Stars"/>');
  });

  it('prints the establishment lines under the organization, and the committee narrow enough to take two lines', () => {
    const document = files['ptc-219-220/PC0517E1a.docx']!['word/document.xml']!;
    expect(document).toContain('<w:pStyle w:val="CoverOrganizationNote"/></w:pPr><w:r><w:t xml:space="preserve">Established in 1952 as the Customs Co-operation Council</w:t>');
    expect(document).toMatch(/<w:pStyle w:val="CoverOrganizationNote"\/><\/w:pPr><w:r><w:rPr><w:lang w:val="fr-FR"\/><\/w:rPr><w:t xml:space="preserve">Créée en 1952/);
    // The committee's cell text is 14em of 12 pt (3360 twips) wide: "PERMANENT TECHNICAL" fits, with "COMMITTEE" it does not.
    const indent = Number(/<w:pStyle w:val="CoverCommittee"\/><w:ind w:right="(\d+)"\/>/.exec(document)![1]);
    const cell = Number(/<w:tcW w:type="dxa" w:w="(\d+)"\/>(?:(?!<\/w:tc>)[\s\S])*CoverCommittee/.exec(document)![1]);
    const text = cell - 216 - indent;
    expect(textWidth('PERMANENT TECHNICAL', 24, true)).toBeLessThan(text);
    expect(textWidth('PERMANENT TECHNICAL COMMITTEE', 24, true)).toBeGreaterThan(text);
    // A meeting without the keys prints no such line.
    expect(files['exemple-fr/PI0231F1a.docx']!['word/document.xml']).not.toContain('CoverOrganizationNote');
  });
});
