// The DOCX edition checked by independent readers: LibreOffice (to PDF), pandoc, and its own XML parts.

import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { homedir, userInfo } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTo, sharedBuild } from '../../build-helpers.js';
import { docxParts, emptyFractions, pandocBlocks, pandocNodes, pandocText, pdfLines, pdfOrientations, pdfPages, sharedTaggedPdf, type PdfPageLines } from '../../readers.js';
import { tool } from '../../external-tools.js';

const run = promisify(execFile);

const flagship = await sharedBuild('meetings/ptc-219-220');
const docx = path.join(flagship.folder, 'PC0517E1a.docx');
type Data = {
  items: { numeral: string; title: string; range: string; first: number; last: number; subitems: { letter: string; title: string }[] }[];
  annexes: { numeral: string; title: string }[];
};
const data = JSON.parse(await readFile(path.join(flagship.folder, 'PC0517E1a.json'), 'utf8')) as Data;

/**
 * LibreOffice's rendering of the flagship DOCX, made once for every block that reads it: its tagged-PDF export with
 * bookmarks, which lays out the pages as the plain export does, and whose outline and tags the last of them reads.
 */
const flagshipPdf = () => sharedTaggedPdf(docx);

describe('LibreOffice reads the flagship DOCX', () => {
  let pages: string[] = [];
  let orientations: string[] = [];
  beforeAll(async () => {
    const pdf = await flagshipPdf();
    pages = await pdfPages(pdf);
    orientations = await pdfOrientations(pdf);
    console.log(`PC0517E1a.docx: LibreOffice renders ${orientations.length} pages`);
  }, 180_000);

  const isAnnexPage = (page: string) => /Annex [IVX]+ to doc\. PC0517E1a/.test(page);

  it('shows the paragraph numbers 1..175 in order on the body pages, as the report was issued', () => {
    const body = pages.filter((p) => !isAnnexPage(p));
    const numbers = body.flatMap((p) => [...p.matchAll(/^\s*(\d{1,3})\.\s/gm)].map((m) => Number(m[1])));
    expect(numbers).toEqual(Array.from({ length: 175 }, (_, i) => i + 1));
    // The conclusion the seed printed without a number, between 49 and 50, is in the list of neither.
    const text = body.join('\n');
    expect(text.slice(text.indexOf('\n49. '), text.indexOf('\n50. '))).toMatch(/\n\s*In conclusion, the PTC:/);
  });

  it('shows the agenda ranges of the JSON, in order', () => {
    const text = pages.join('\f');
    const agenda = text.slice(0, text.indexOf('Item I – '));
    // The Paragraph column: a range (or one number) far to the right of its line.
    // The ranges are REF fields, which LibreOffice recomputes on opening, without the `\# "00"` picture Word honours:
    // compare the numbers (a line with nothing else is a page number).
    const ranges = [...agenda.matchAll(/^[ \t]*\S.*?[ \t]{3,}(\d{1,3})(?:\s*-\s*(\d{1,3}))?[ \t]*$/gm)].map((m) => [Number(m[1]), Number(m[2] ?? m[1])]);
    expect(ranges).toEqual(data.items.map((i) => [i.first, i.last]));
  });

  it('prints "Annex V to doc. PC0517E1a" on every Annex V page and never on a body page', () => {
    expect(pages).toHaveLength(orientations.length);
    // Page by page, the header: none on the body, then Annex I to V in order, on every page of each.
    const headers = pages.map((p) => [...p.matchAll(/Annex ([IVX]+) to doc\. PC0517E1a/g)].map((m) => m[1]).join(','));
    expect(headers.filter((h, i) => i === 0 || h !== headers[i - 1])).toEqual(['', 'I', 'II', 'III', 'IV', 'V']);
    // The body ends with paragraph 175, on the page before Annex I.
    const lastBodyPage = pages[headers.indexOf('I') - 1]!;
    expect([...lastBodyPage.matchAll(/^\s*(\d{1,3})\.\s/gm)].map((m) => Number(m[1])).at(-1)).toBe(175);
    // Landscape pages are exactly Annex V's, and it runs over several: its header repeats.
    expect(orientations.map((o, i) => [o, headers[i]]).filter(([o]) => o === 'landscape').map(([, h]) => h)).toEqual(headers.filter((h) => h === 'V'));
    expect(headers.filter((h) => h === 'V').length).toBeGreaterThan(1);
  });
});

describe('LibreOffice lays out the flagship DOCX as the seed reads', () => {
  let pages: string[] = [];
  let lines: PdfPageLines[] = [];
  let parts: Record<string, string> = {};
  beforeAll(async () => {
    // The conversion of the block above: LibreOffice runs once for both.
    const pdf = await flagshipPdf();
    [pages, lines, parts] = await Promise.all([pdfPages(pdf), pdfLines(pdf), docxParts(docx)]);
  }, 180_000);
  const header = (page: string) => /Annex ([IVX]+) to doc\. PC0517E1a/.exec(page)?.[1] ?? '';
  const lineStarting = (start: string) => lines.flatMap((p) => p.lines).find((l) => l.text.startsWith(start));

  it("leaves no page more than 20% empty where the text goes on overleaf (a section's last page aside, and the page before an item whose headings keep together)", () => {
    // The page margins are 1247 twips (62.35 pt) at the top and bottom.
    const empty = emptyFractions(lines, 62.35, 62.35);
    // An item's heading keeps with its sub-items' and its first paragraph (Item II's sixteen sub-items: a block of
    // some thirty lines), so the page before it may be left short rather than end with a heading.
    const itemFirst = (page: string | undefined) => /^\s*Item [IVXL]+ – /m.test(page?.split('\n').filter((l) => l.trim()).slice(1, 2).join('\n') ?? '');
    const within = empty.filter((_, i) => i + 1 < pages.length && header(pages[i]!) === header(pages[i + 1]!) && !itemFirst(pages[i + 1]));
    console.log(`PC0517E1a.docx in LibreOffice: ${pages.length} pages, at most ${Math.round(Math.max(...within) * 100)}% of a page left empty where the text goes on overleaf`);
    expect(within.length).toBeGreaterThan(40);
    expect(Math.max(...within)).toBeLessThanOrEqual(0.2);
    // 58 pages before the agenda gained Day III's timetable and Annex II its table of contents (three pages together).
    expect(pages.length).toBeLessThanOrEqual(62);
  });

  it('prints the signature blocks line by line, never stretched across the line', () => {
    const text = pages.join('\n');
    for (const line of ['Kunio Mikuriya', 'Secretary General', 'World Customs Organization', 'E. CANON']) expect(text).toMatch(new RegExp(`^\\s*${line}\\s*$`, 'm'));
  });

  it('breaks no word inside a table cell', () => {
    const printed = new Set(lines.flatMap((p) => p.lines).flatMap((l) => l.text.split(/[\s/–-]+/)));
    const cells = [...parts['word/document.xml']!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((m) => m[1]!.replaceAll('<w:br/>', '</w:p>').split('</w:p>').map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')).join(' '));
    const words = [...new Set(cells.flatMap((c) => c.split(/[\s/–-]+/)).filter((w) => /^[A-Za-z]{9,}[.,;:)]*$/.test(w)))];
    expect(words.length).toBeGreaterThan(50);
    expect(words.filter((w) => !printed.has(w))).toEqual([]);
  });

  it('indents nested numbering by level: Annex III\'s 2.1 under the text of 2., not at the margin', () => {
    const two = lineStarting('2. That the Members')!;
    const twoOne = lineStarting('2.1. implement')!;
    const one = lineStarting('1. To adopt')!;
    expect(twoOne.left).toBeGreaterThan(two.left + 10);
    expect(one.left).toBeCloseTo(two.left, 0);
  });

  it('prints a lettered list with its letters alone and dash lists with "-"', () => {
    const text = pages.join('\n');
    expect(text).toMatch(/^\s*a\. Parts of the survey/m);
    expect(text).not.toMatch(/[•-]\s*a\. Parts of the survey/);
    expect(text).not.toContain('•');
  });

  it('prints the cover as the seed: the establishment lines, the committee on two lines', () => {
    expect(pages[0]).toMatch(/^\s*Established in 1952 as the Customs Co-operation Council\s*$/m);
    expect(pages[0]).toMatch(/^\s*PERMANENT TECHNICAL\s{3,}PC0517E1a\s*$/m);
    expect(pages[0]).toMatch(/^\s*COMMITTEE\s*$/m);
  });

  it('prints annex titles in capitals, as the HTML and the seed', () => {
    const text = pages.join('\n');
    expect(text).toMatch(/^\s*Annex III\s*$/m);
    expect(text).toMatch(/^\s*DRAFT RESOLUTION OF THE CUSTOMS CO-OPERATION COUNCIL/m);
  });

  it("sets a footnote's text a space after its number", () => {
    // The note's one line, below every line of the body text on the page that calls it.
    const page = lines.find((p) => p.lines.some((l) => l.text.includes('Five digits of UN/LOCODE')))!;
    const note = page.lines.filter((l) => l.text.includes('Five digits of UN/LOCODE'));
    expect(note.map((l) => l.text)).toEqual(['1 Five digits of UN/LOCODE plus additional user code.']);
    expect(lines.flatMap((p) => p.lines).filter((l) => l.text.includes('Five digits of UN/LOCODE'))).toHaveLength(1);
    const pageNumberTop = Math.max(...page.lines.map((l) => l.top));
    expect(page.lines.filter((l) => l.top > note[0]!.top && l.top < pageNumberTop)).toEqual([]);
  });
});

// The outline and heading tags a delegate's PDF reader gets from
// LibreOffice's tagged-PDF export, the export the blocks above read (one LibreOffice run for both files' checks).
describe('the flagship DOCX exported by LibreOffice as tagged PDF', () => {
  let outline: { depth: number; title: string }[] = [];
  let headings: { tag: string; first: string }[] = [];
  beforeAll(async () => {
    // The export the blocks above read.
    const pdf = await flagshipPdf();
    const shown = (await run(tool('mutool'), ['show', pdf, 'outline'], { maxBuffer: 1 << 24 })).stdout;
    // "-\t\"Item I – …\"\t#page=3…": the open/closed mark, one tab per depth, the quoted title.
    outline = [...shown.matchAll(/^[-+|](\t+)"(.*)"\t#/gm)].map((m) => ({ depth: m[1]!.length, title: m[2]! }));
    const struct = (await run(tool('pdfinfo'), ['-struct-text', pdf], { maxBuffer: 1 << 26 })).stdout.split('\n');
    // Each heading tag with the first text it holds ("Item I", "(a)", "Annex II").
    struct.forEach((line, i) => {
      const tag = /^\s*(H[1-6]) \(block\):/.exec(line)?.[1];
      if (!tag) return;
      const first = struct.slice(i + 1, i + 12).map((l) => /^\s*"(.*)"$/.exec(l)?.[1]).find((t) => t !== undefined);
      headings.push({ tag, first: first ?? '' });
    });
  }, 180_000);

  it('has one top-level outline entry per item and annex, and the sub-items of each item under it, in order', () => {
    expect(outline.length).toBeGreaterThan(100);
    const top = outline.filter((e) => e.depth === 1).map((e) => e.title);
    expect(top).toEqual([...data.items.map((i) => `Item ${i.numeral} – ${i.title}`), ...data.annexes.map((a) => `Annex ${a.numeral} ${a.title}`)]);
    for (const item of data.items) {
      const at = outline.findIndex((e) => e.depth === 1 && e.title.startsWith(`Item ${item.numeral} – `));
      const end = outline.findIndex((e, i) => i > at && e.depth === 1);
      const under = outline.slice(at + 1, end).filter((e) => e.depth === 2).map((e) => e.title);
      const mark = (letter: string) => (item.subitems.length === 1 ? '○' : `(${letter})`);
      expect(under).toEqual(item.subitems.map((s) => `${mark(s.letter)} ${s.title}`));
    }
    // Nothing deeper than one level below its parent.
    expect(outline.filter((e, i) => i > 0 && e.depth > outline[i - 1]!.depth + 1)).toEqual([]);
  });

  it('tags items and annex titles H1, sub-items H2, and headings below them H3 and lower', () => {
    const spine = headings.filter((h) => /^(Item [IVX]+|Annex [IVX]+|\([a-z]+\)|○)$/.test(h.first));
    const expected = [
      ...data.items.flatMap((i) => [{ tag: 'H1', first: `Item ${i.numeral}` }, ...i.subitems.map((s) => ({ tag: 'H2', first: i.subitems.length === 1 ? '○' : `(${s.letter})` }))]),
      ...data.annexes.map((a) => ({ tag: 'H1', first: `Annex ${a.numeral}` })),
    ];
    expect(spine).toEqual(expected);
    const count = (tag: string) => headings.filter((h) => h.tag === tag).length;
    expect(count('H1')).toBe(22 + 5);
    expect(count('H3')).toBeGreaterThan(0);
    console.log(`tagged PDF: ${outline.length} outline entries; ${['H1', 'H2', 'H3', 'H4', 'H5', 'H6'].map((t) => `${count(t)} ${t}`).join(', ')}`);
  });
});

describe('pandoc reads the flagship DOCX', async () => {
  const nodes = pandocNodes(await pandocBlocks(docx));

  it('finds the 22 item headings, as level 1, in order', () => {
    const h1 = nodes.filter((n) => n.t === 'Header' && (n.c as unknown[])[0] === 1).map((n) => pandocText((n.c as unknown[])[2]));
    expect(h1).toHaveLength(22);
    expect(h1[0]).toBe('Item I – Opening and adoption of the Agenda');
    expect(h1[21]).toBe('Item XXII – Closing');
  });

  it('finds the five footnotes: one in Item IV, four in Annex V', () => {
    const notes = nodes.filter((n) => n.t === 'Note').map((n) => pandocText(n.c));
    expect(notes).toHaveLength(5);
    expect(notes[0]).toBe('Five digits of UN/LOCODE plus additional user code.');
    expect(notes.slice(3)).toEqual(['Nederlandse Voedsel en Warenautoriteit', 'International Plant Protection Organisation']);
  });

  it('finds the 19 tracked insertions of Annex V, with their author and date', () => {
    const spans = nodes.filter((n) => n.t === 'Span' && ((n.c as unknown[])[0] as [string, string[]])[1].includes('insertion'));
    expect(spans.map((n) => ((n.c as unknown[])[0] as unknown[])[2])).toEqual(Array.from({ length: 19 }, () => [['author', 'PTC'], ['date', '2018-05-02T00:00:00Z']]));
    const insertions = spans.map((n) => pandocText((n.c as unknown[])[1]));
    expect([insertions[0], insertions[18]]).toEqual(['Performance Measurement', 'On-going']);
  });
});

describe('the XML parts of the flagship DOCX', async () => {
  const parts = await docxParts(docx);
  const document = parts['word/document.xml']!;
  const paragraphs = document.match(/<w:p>(?:(?!<\/w:p>).)*<\/w:p>|<w:p [^>]*>(?:(?!<\/w:p>).)*<\/w:p>/g) ?? [];

  it('numbers every numbered paragraph with one numbering definition and one instance', () => {
    const numbered = paragraphs.filter((p) => p.includes('<w:pStyle w:val="NumberedParagraph"/>'));
    expect(numbered).toHaveLength(175);
    // No paragraph names a list of its own: they all take the style's.
    expect(numbered.filter((p) => p.includes('<w:numPr>'))).toEqual([]);
    const style = /<w:style w:type="paragraph" w:styleId="NumberedParagraph">.*?<\/w:style>/.exec(parts['word/styles.xml']!)![0];
    const numId = /<w:numId w:val="(\d+)"\/>/.exec(style)![1];
    const num = new RegExp(`<w:num w:numId="${numId}"[^>]*>.*?</w:num>`).exec(parts['word/numbering.xml']!)![0];
    const abstractId = /<w:abstractNumId w:val="(\d+)"\/>/.exec(num)![1];
    expect(parts['word/numbering.xml']).toMatch(new RegExp(`<w:abstractNum w:abstractNumId="${abstractId}"[^>]*>.*?<w:numFmt w:val="decimal"/>.*?<w:lvlText w:val="%1."/>`));
    // And the definition is used by nothing else.
    expect(document).not.toContain(`<w:numId w:val="${numId}"/>`);
  });

  it('makes each reference a REF field to a bookmark, pre-filled with its label', () => {
    // Word's long form: begin, instruction, separate, the label as result, end.
    const fields = [...document.matchAll(/<w:fldChar w:fldCharType="begin"\/><\/w:r><w:r><w:instrText xml:space="preserve"> REF (\w+)( \\n)? \\h <\/w:instrText><\/w:r><w:r><w:fldChar w:fldCharType="separate"\/><\/w:r><w:r><w:t[^>]*>([^<]*)<\/w:t><\/w:r><w:r><w:fldChar w:fldCharType="end"\/>/g)].map((m) => [m[1], m[3]]);
    expect(document).not.toContain('<w:fldSimple');
    expect(fields).toEqual([['annex_I', 'Annex I'], ['annex_IV', 'Annex IV'], ['annex_IV', 'Annex IV'], ['annex_V', 'Annex V']]);
    for (const [name] of fields) expect(document).toMatch(new RegExp(`<w:bookmarkStart w:name="${name}" w:id="\\d+"/>`));
    expect(document).toMatch(/<w:bookmarkStart w:name="para_175" w:id="\d+"\/>/);
    expect(document).toMatch(/<w:bookmarkStart w:name="item_XV" w:id="\d+"\/>/);
  });

  it("gives each annex a header part of its own, and the body the report's running header but on its first page", () => {
    const sections = document.match(/<w:sectPr>.*?<\/w:sectPr>/g)!;
    expect(sections).toHaveLength(6);
    const rels = parts['word/_rels/document.xml.rels']!;
    const headerOf = (section: string) => {
      const id = /<w:headerReference w:type="default" r:id="(\w+)"\/>/.exec(section)![1];
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1];
      return { target, text: parts[`word/${target}`]!.replace(/<[^>]+>/g, '') };
    };
    const headers = sections.map(headerOf);
    expect(new Set(headers.map((h) => h.target)).size).toBe(6);
    // The report is itself Annex I to the covering note PC0517E1: its pages say so, as the PDF's do; the restricted
    // annex's header says it is restricted.
    expect(headers.map((h) => h.text)).toEqual([
      'Annex I to doc. PC0517E1',
      'Annex I to doc. PC0517E1aRestricted',
      ...['II', 'III', 'IV', 'V'].map((n) => `Annex ${n} to doc. PC0517E1a`),
    ]);
    expect(sections[0]).toContain('<w:titlePg/>');
    const first = /<w:headerReference w:type="first" r:id="(\w+)"\/>/.exec(sections[0]!)![1];
    expect(parts[`word/${new RegExp(`Id="${first}"[^>]*Target="([^"]+)"`).exec(rels)![1]}`]!.replace(/<[^>]+>/g, '')).toBe('');
    expect(sections[5]).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
    expect(sections.slice(0, 5).every((s) => s.includes('w:orient="portrait"'))).toBe(true);
  });

  it('writes tracked changes with author and date, and real footnotes', () => {
    expect(document).toMatch(/<w:ins w:id="\d+" w:author="PTC" w:date="2018-05-02T00:00:00Z">/);
    expect(parts['word/footnotes.xml']).toContain('Five digits of UN/LOCODE plus additional user code.');
    expect(document).toMatch(/<w:footnoteReference w:id="1"\/>/);
  });

  it('fixes the agenda table widths, repeats its header row and keeps it whole; the other rows may split', () => {
    const agenda = /<w:tbl>(?:(?!<\/w:tbl>).)*Agenda Item(?:(?!<\/w:tbl>).)*<\/w:tbl>/.exec(document)![0];
    expect(agenda).toContain('<w:tblLayout w:type="fixed"/>');
    expect(agenda).toMatch(/<w:tblGrid><w:gridCol w:w="\d+"\/><w:gridCol w:w="\d+"\/><w:gridCol w:w="\d+"\/><\/w:tblGrid>/);
    expect(agenda.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    // A tall row (Item II's sixteen sub-items) split across pages leaves no page half empty.
    expect(agenda.match(/<w:cantSplit\/>/g)).toHaveLength(1);
    expect(agenda).toMatch(/^<w:tbl>(?:(?!<w:tr>).)*<w:tr><w:trPr><w:cantSplit\/><w:tblHeader\/>/);
  });

  it('gives every table, in the annexes too, a fixed layout and explicit widths', () => {
    const tables = document.match(/<w:tbl>.*?<\/w:tbl>/g)!;
    // The cover block, the agenda, and the annexes' 13 (4 in Annex I, 1 in Annex IV, 8 in Annex V).
    expect(tables).toHaveLength(15);
    for (const table of tables) {
      expect(table).toContain('<w:tblLayout w:type="fixed"/>');
      expect(table).toMatch(/<w:tblGrid>(<w:gridCol w:w="[1-9]\d*"\/>)+<\/w:tblGrid>/);
      expect(table).not.toMatch(/<w:tcW w:type="auto"/);
    }
  });

  it('declares the styles once and uses them by id', () => {
    for (const id of ['Heading1', 'Heading2', 'NumberedParagraph', 'Decision', 'TableText', 'AnnexTitle']) {
      expect(parts['word/styles.xml']).toContain(`w:styleId="${id}"`);
    }
    expect(paragraphs.filter((p) => p.includes('<w:pStyle w:val="Heading1"/>'))).toHaveLength(22);
    expect(paragraphs.filter((p) => p.includes('<w:pStyle w:val="Decision"/>'))).toHaveLength(56);
  });

  it("sets the PDF's page rules for Word: widow control on every paragraph, headings and each phrase that opens a decision list kept with what follows", () => {
    const styles = parts['word/styles.xml']!;
    // OOXML applies no widow control where neither the paragraph nor its styles say so: the document's defaults say it.
    expect(/<w:pPrDefault>.*?<\/w:pPrDefault>/.exec(styles)![0]).toContain('<w:widowControl/>');
    expect(styles + document).not.toMatch(/<w:widowControl w:val="(0|false|off)"\/>/);
    for (const id of ['Heading1', 'Heading2', 'Heading3', 'AnnexTitle', 'TableHeading']) {
      expect({ id, keepNext: new RegExp(`<w:style w:type="paragraph" w:styleId="${id}">(?:(?!</w:style>).)*<w:keepNext/>`).test(styles) }).toEqual({ id, keepNext: true });
    }
    const leads = paragraphs.filter((p) => /In conclusions?, the PTC ?:<\/w:t>/.test(p));
    expect(leads).toHaveLength(28);
    expect(leads.filter((p) => !p.includes('<w:keepNext/>'))).toEqual([]);
  });

  it('has the title, subject and language, and nothing from the machine that built it', () => {
    const core = parts['docProps/core.xml']!;
    expect(core).toContain('<dc:title>PC0517E1a – Summary report</dc:title>');
    expect(core).toContain('<dc:subject>PC0517E1a</dc:subject>');
    expect(core).toContain('<dc:language>en-GB</dc:language>');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2018-05-02T00:00:00Z</dcterms:created>');
    const everything = Object.values(parts).join('\n');
    for (const local of [homedir(), flagship.folder, process.cwd(), `>${userInfo().username}<`]) expect(everything).not.toContain(local);
  });
});

describe('the French meeting', async () => {
  const fr = await sharedBuild('meetings/exemple-fr');
  const parts = await docxParts(path.join(fr.folder, 'PI0231F1a.docx'));
  const document = parts['word/document.xml']!;

  it('refers to paragraphs by number, to sub-items as item and letter', () => {
    const field = (instruction: string, result: string) =>
      `<w:instrText xml:space="preserve"> ${instruction} </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t xml:space="preserve">${result}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`;
    expect(document).toContain(field('REF para_14 \\n \\h', '14'));
    expect(document).toContain(`${field('REF item_II \\h', 'Point II')}<w:r><w:t xml:space="preserve"> </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r>${field('REF item_II_c \\h', '(c)')}`);
  });

  it('marks restricted paragraphs and spans with their styles in the full edition only', async () => {
    expect(document).toContain('<w:pStyle w:val="NumberedParagraphRestricted"/>');
    expect(document).toContain('<w:rStyle w:val="RestrictedText"/>');
    const pub = (await docxParts(path.join(fr.folder, 'PI0231F1a-public.docx')))['word/document.xml']!;
    expect(pub).not.toContain('Restricted"/>');
    expect(pub).not.toContain('RestrictedText');
  });

  it('numbers the numbered annex on a list of its own, starting at 1', () => {
    const numbering = parts['word/numbering.xml']!;
    // Annex III of the French meeting is `numbered: true` with 8 paragraphs: one list, theirs alone.
    const start = document.indexOf('w:name="annex_III"');
    const ids = [...document.slice(start).matchAll(/<w:pStyle w:val="NumberedParagraph"\/><w:numPr><w:ilvl w:val="0"\/><w:numId w:val="(\d+)"\/><\/w:numPr>/g)].map((m) => m[1]);
    expect(ids).toHaveLength(8);
    expect(new Set(ids).size).toBe(1);
    expect(document.slice(0, start)).not.toContain(`<w:numId w:val="${ids[0]}"/>`);
    const num = new RegExp(`<w:num w:numId="${ids[0]}"[^>]*>.*?</w:num>`).exec(numbering)![0];
    const abstractId = /<w:abstractNumId w:val="(\d+)"\/>/.exec(num)![1];
    expect(numbering).toMatch(new RegExp(`<w:abstractNum w:abstractNumId="${abstractId}"[^>]*>.*?<w:start w:val="1"/>.*?<w:lvlText w:val="%1."/>`));
  });
});

describe('--accept-changes', () => {
  it('writes the clean text with no tracked change, under a name of its own', async () => {
    const clean = await buildTo('meetings/ptc-219-220', ['docx'], { acceptChanges: true, documents: false, annexFiles: false });
    // Never the marked-up edition's name: a clean copy is not mistaken for the one with the changes to decide.
    expect(clean.written.map((f) => path.basename(f)).sort()).toEqual(['PC0517E1a-accepted.docx', 'PC0517E1a-public.docx']);
    const document = (await docxParts(path.join(clean.folder, 'PC0517E1a-accepted.docx')))['word/document.xml']!;
    expect(document).not.toMatch(/<w:(ins|del) /);
    expect(document).toContain('Performance Measurement');
  });
});
