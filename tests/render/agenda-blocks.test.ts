// The flagship's agenda as seed 001 publishes it, in every format: the DISRUPTIVE TECHNOLOGIES banner above Item XIV,
// Day III's timetable after the items, and Annex II's table of contents.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedBuild } from '../build-helpers.js';
import { docxParts, pandocBlocks, pandocText } from '../readers.js';

const built = await sharedBuild('meetings/ptc-219-220');
const file = (name: string) => path.join(built.folder, name);

/** Day III as the seed's agenda table gives it: the time, and the sub-item of Item XIV or the words of each line. */
const DAY_III = [
  ['9.30 – 10.00', 'XIV', 'a', 'Study Report on Disruptive Technologies'],
  ['10.00 – 10.30', null, null, 'Coffee break'],
  ['10.30 – 13.00', 'XIV', 'b', 'Workshops on disruptive technologies'],
  ['13.00 – 15.00', null, null, 'Lunch break'],
  ['15.00 – 16.30', null, null, ''],
  ['16.30 – 17.00', null, null, 'Coffee break'],
  ['17.00 – 18.00', 'XIV', 'c', 'Plenary discussion – to conclude on the Study Report on Disruptive Technologies'],
];

/** The published Annex II's table of contents: its sections, their chapters and, in Part IV, their numbered parts. */
const TOC_FIRST = ['I. Introduction', '1. Characteristics of Cross-Border E-Commerce', '2. Current and emerging landscape', 'II. Objectives, principles and legislation'];

describe('the data', async () => {
  const data = JSON.parse(await readFile(file('PC0517E1a.json'), 'utf8')) as {
    items: { numeral: string; banner?: { title: string; note: string } }[];
    days: { title: string; entries: { time: string; item: string | null; subitem: string | null; text: string; detail: string[] }[] }[];
  };

  it('holds the banner on Item XIV and Day III, line by line', () => {
    expect(data.items.filter((i) => i.banner).map((i) => [i.numeral, i.banner!.title])).toEqual([['XIV', 'DISRUPTIVE TECHNOLOGIES']]);
    expect(data.items.find((i) => i.banner)!.banner!.note).toMatch(/^After extensive discussions .* a whole day devoted to disruptive technologies$/);
    expect(data.days.map((d) => d.title)).toEqual(['DAY III (Disruptive Technologies)']);
    expect(data.days[0]!.entries.map((e) => [e.time, e.item, e.subitem, e.text])).toEqual(DAY_III);
    expect(data.days[0]!.entries[2]!.detail.join(' ')).toMatch(/Session I \(Kyoto A, English and French\): Blockchain technology.*Session II \(Kyoto B, English only\)/);
  });
});

describe('the HTML', async () => {
  const html = await readFile(file('PC0517E1a.html'), 'utf8');
  const agenda = html.slice(html.indexOf('<table class="agenda">'), html.indexOf('</table>', html.indexOf('<table class="agenda">')));

  it('prints the banner across the table right above Item XIV, and Day III after the items', () => {
    const rows = [...agenda.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => m[0]);
    const banner = rows.findIndex((r) => r.includes('DISRUPTIVE TECHNOLOGIES'));
    expect(rows[banner]).toMatch(/^<tr class="banner"><td colspan="3"><p class="banner-title">DISRUPTIVE TECHNOLOGIES<\/p><p class="banner-note"><em>After extensive/);
    expect(rows[banner + 1]).toContain('id="agenda-XIV"');
    const day = rows.findIndex((r) => r.includes('DAY III'));
    expect(day).toBeGreaterThan(rows.findIndex((r) => r.includes('id="agenda-XXII"')));
    const times = rows.slice(day + 1).map((r) => /<span class="time">([^<]*)<\/span>/.exec(r)?.[1]);
    expect(times).toEqual(DAY_III.map(([time]) => time));
    // A line for a sub-item prints it as its agenda row does, and links to it.
    expect(rows[day + 1]).toContain('<span class="numeral">XIV</span>');
    expect(rows[day + 1]).toContain('<span class="label">a)</span><a class="ref" href="#item-XIV-a">Study Report on Disruptive Technologies</a> <em class="purpose">(For discussion and guidance)</em>');
  });

  it("lists Annex II's headings in its table of contents, each a link to its heading", () => {
    const toc = /<nav class="toc"[^>]*>([\s\S]*?)<\/nav>/.exec(html)![1]!;
    expect(toc).toContain('<p class="toc-title">Table of Content</p>');
    const entries = [...toc.matchAll(/<li class="toc-level-(\d)"><a href="#([^"]+)">([^<]*)<\/a><\/li>/g)].map((m) => ({ level: Number(m[1]), anchor: m[2]!, text: m[3]! }));
    expect(entries.slice(0, 4).map((e) => e.text)).toEqual(TOC_FIRST);
    expect(entries.map((e) => e.level)).toContain(3);
    expect(entries).toHaveLength(36);
    for (const e of entries) expect(html).toMatch(new RegExp(`<h\\d [^>]*id="${e.anchor}"`));
    expect(entries.map((e) => e.text)).not.toContain('Foreword by Secretary General of the World Customs Organization');
  });
});

describe('the DOCX', async () => {
  const parts = await docxParts(file('PC0517E1a.docx'));
  const document = parts['word/document.xml']!;

  it('prints the banner and Day III in the agenda table, as pandoc reads it', async () => {
    // pandoc's text runs the cells of a row together.
    const text = pandocText(await pandocBlocks(file('PC0517E1a.docx')));
    expect(text).toMatch(/Customs-Police Handbook84 - 88DISRUPTIVE TECHNOLOGIESAfter extensive discussions .* devoted to disruptive technologiesXIVDisruptive technologies/);
    expect(text).toMatch(/DAY III \(Disruptive Technologies\)XIV 9\.30 – 10\.00a\) Study Report on Disruptive Technologies \(For discussion and guidance\)As agreed/);
    expect(text).toMatch(/16\.30 – 17\.00Coffee breakXIV 17\.00 – 18\.00c\) Plenary discussion/);
    // The banner and the day's title span the table's three columns.
    expect(document.match(/<w:gridSpan w:val="3"\/>/g)).toHaveLength(2);
  });

  it("writes Annex II's table of contents as Word's TOC field over the annex alone, filled in with its entries", () => {
    expect(document).toContain('TOC \\b &quot;_Toc_annex_II&quot; \\h \\o &quot;3-5&quot;');
    // The bookmark that scopes it opens at its title and closes at the annex's end mark, before Annex III.
    const id = /<w:bookmarkStart w:name="_Toc_annex_II" w:id="(\d+)"\/>/.exec(document)![1];
    const end = document.indexOf(`<w:bookmarkEnd w:id="${id}"/>`);
    expect(end).toBeGreaterThan(document.indexOf('Leveraging Transformative Technologies'));
    expect(end).toBeLessThan(document.indexOf('Draft Resolution of the Customs Co-operation Council'));
    const entries = [...document.matchAll(/<w:pStyle w:val="TOC(\d)"\/>/g)].map((m) => Number(m[1]));
    expect(entries).toHaveLength(36);
    expect(new Set(entries)).toEqual(new Set([1, 2, 3]));
  });
});
