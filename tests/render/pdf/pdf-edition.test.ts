// The PDF edition as real readers see it: poppler (pdftotext, pdfinfo) and mupdf (mutool). One full flagship build (the
// report, its two working documents and their DOCX, which LibreOffice prints for the same page rules) serves every
// flagship assertion; the French example (its public edition and annexes), the leak fixture and the agenda alone (printed
// twice, to compare the bytes) serve the rest.

import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPaged, type PageRules } from '../../pages.js';
import { buildTo, sharedPrinter } from '../../build-helpers.js';
import { emptyFractions, pdfLines, pdfOrientations, pdfPages, sofficeToPdfs } from '../../readers.js';
import { tool } from '../../external-tools.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const run = promisify(execFile);
const acta = (args: string[], env: NodeJS.ProcessEnv = process.env) =>
  spawnSync(process.execPath, [path.join(root, 'dist', 'acta.js'), ...args], { cwd: root, encoding: 'utf8', env });

/** The machine is shared: a build of PDFs may take minutes when others use the cores. */
const SLOW = 600_000;

interface Bookmark {
  readonly depth: number;
  readonly title: string;
  readonly page: number;
}

/** The outline as mupdf reads it: one line a bookmark, indented by tabs, with its page. */
async function outline(pdf: string): Promise<Bookmark[]> {
  const { stdout } = await run(tool('mutool'), ['show', pdf, 'outline']);
  return stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const m = /^[-+|](\t+)"(.*)"\t#page=(\d+)/.exec(line);
      if (!m) throw new Error(`unexpected outline line: ${line}`);
      return { depth: m[1]!.length, title: m[2]!, page: Number(m[3]) };
    });
}

async function pdfinfo(pdf: string): Promise<Record<string, string>> {
  const { stdout } = await run(tool('pdfinfo'), ['-isodates', pdf]);
  return Object.fromEntries(stdout.split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]));
}

async function mutoolShow(pdf: string, what: string): Promise<string> {
  return (await run(tool('mutool'), ['show', pdf, what])).stdout.trim();
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  // The build's manifest (.acta-manifest.json) is acta's own record, not an output.
  return entries.filter((e) => e.isFile() && !e.name.startsWith('.')).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
}

/** The last line with text on a page: where the page number is printed. */
const footer = (page: string) => page.split('\n').filter((l) => l.trim()).at(-1)?.trim();

/** The agenda table's "Paragraph" column: a range at the end of a line, page numbers left out. */
const agendaRanges = (pages: readonly string[]) =>
  pages.flatMap((page) => {
    const lines = page.split('\n').filter((l) => l.trim());
    return [...lines.slice(0, -1).join('\n').matchAll(/\s{3,}(\d{2,3}(?: - \d{2,3})?)[ \t]*$/gm)].map((m) => m[1]);
  });

/**
 * The page rules of a document printed by acta or by LibreOffice, read off its outline: the running header of its body
 * (page 1 aside) and of each annex, the annex a page belongs to, and the phrases that open a list.
 */
async function rulesOf(pdf: string, bodyHeader: string, symbol: string): Promise<PageRules> {
  const starts = (await outline(pdf)).filter((b) => /^Annex [IVX]+\b/.test(b.title)).map((b) => ({ numeral: /^Annex ([IVX]+)/.exec(b.title)![1]!, page: b.page - 1 }));
  const annexOf = (page: number) => starts.filter((s) => s.page <= page).at(-1);
  return {
    header: (page) => (page === 0 ? null : annexOf(page) ? `Annex ${annexOf(page)!.numeral} to doc. ${symbol}` : bodyHeader),
    part: (page) => annexOf(page)?.numeral ?? 'body',
    leads: /(In conclusions?, the PTC ?:|The PTC is invited to ?:)$/,
  };
}

type Data = {
  items: { numeral: string; title: string; range: string; subitems: { letter: string; title: string }[] }[];
  paragraphs: { number: number }[];
  annexes: { numeral: string; title: string }[];
};

/** The flagship's output folder, and its report in PDF. */
let flagship: string;
let full: string;
const DOCUMENTS = ['PC0497E1a', 'PC0499E1a'] as const;
let data: Data;
let pages: string[];
let bookmarks: Bookmark[];
/** LibreOffice's print of each DOCX: the report's and the two documents'. */
let printedDocx: string[];

beforeAll(async () => {
  // The full edition of the report and of its working documents, in PDF, and in DOCX for LibreOffice to print; the
  // annexes alone and the public edition are the French example's to test, below. Built in-process, as `acta build
  // --format pdf,json,docx --full --no-annex-files` builds it, with the worker's browser.
  const built = await buildTo('meetings/ptc-219-220', ['pdf', 'json', 'docx'], { fullOnly: true, annexFiles: false }, await sharedPrinter());
  expect(built.diagnostics.map((d) => d.ruleId)).not.toContain('ref-to-restricted');
  expect(built.report).not.toBeNull();
  flagship = built.folder;
  full = path.join(flagship, 'PC0517E1a.pdf');
  [data, pages, bookmarks, printedDocx] = await Promise.all([
    readFile(path.join(flagship, 'PC0517E1a.json'), 'utf8').then((t) => JSON.parse(t) as Data),
    pdfPages(full),
    outline(full),
    sofficeToPdfs([path.join(flagship, 'PC0517E1a.docx'), ...DOCUMENTS.map((d) => path.join(flagship, 'documents', `${d}.docx`))]),
  ]);
}, SLOW);

describe('the flagship PDF', () => {
  it('writes the report and each working document, in each format asked for', async () => {
    expect(await filesUnder(flagship)).toEqual([
      'PC0517E1a.docx', 'PC0517E1a.json', 'PC0517E1a.pdf', 'decisions.json',
      'documents/PC0497E1a.docx', 'documents/PC0497E1a.json', 'documents/PC0497E1a.pdf',
      'documents/PC0499E1a.docx', 'documents/PC0499E1a.json', 'documents/PC0499E1a.pdf',
    ]);
  });

  it('shows paragraphs 1 to 175 in order, as the report was issued', () => {
    const annexStart = bookmarks.find((b) => b.title.startsWith('Annex I '))!.page;
    const body = pages.slice(0, annexStart - 1).join('\n');
    const numbers = [...body.matchAll(/^ ?(\d+)\.\s/gm)].map((m) => Number(m[1]));
    expect(numbers).toEqual(Array.from({ length: 175 }, (_, i) => i + 1));
    expect(data.paragraphs.flatMap((p) => (p.number === null ? [] : [p.number]))).toEqual(numbers);
  });

  it('shows the agenda ranges of the JSON, in order', () => {
    const firstItem = bookmarks.find((b) => b.title.startsWith('Item I '))!.page;
    expect(data.items.map((i) => i.range)).toHaveLength(22);
    expect(agendaRanges(pages.slice(0, firstItem))).toEqual(data.items.map((i) => i.range));
  });

  it('has an outline of the 22 items, their sub-items and the 5 annexes, in order, with their pages', () => {
    const expected = [
      ...data.items.flatMap((item) => [
        `Item ${item.numeral} – ${item.title}`,
        ...item.subitems.map((s) => (item.subitems.length === 1 ? `○ ${s.title}` : `(${s.letter}) ${s.title}`)),
      ]),
      ...data.annexes.map((a) => `Annex ${a.numeral} – ${a.title}`),
    ];
    expect([data.items.length, data.annexes.length]).toEqual([22, 5]);
    // The report's own outline: the title, each item with its sub-items, each annex (an annex's own
    // sections are bookmarks under it, left out here).
    let inItem: Bookmark | null = null;
    const top = bookmarks.filter((b) => {
      if (b.title.startsWith('Item ') || b.title.startsWith('Annex ')) inItem = b.title.startsWith('Item ') ? b : null;
      return b.title === 'Summary report' || b.title.startsWith('Item ') || b.title.startsWith('Annex ') || (inItem !== null && b.depth === inItem.depth + 1);
    });
    expect(top.map((b) => b.title)).toEqual(['Summary report', ...expected]);
    // Sub-items under their item; pages never go back.
    for (const [i, b] of bookmarks.entries()) {
      if (/^(\(|○)/.test(b.title)) expect(b.depth).toBe(bookmarks.filter((x, j) => j < i && x.title.startsWith('Item ')).at(-1)!.depth + 1);
      if (i > 0) expect(b.page).toBeGreaterThanOrEqual(bookmarks[i - 1]!.page);
    }
    const item = (n: string) => bookmarks.find((b) => b.title.startsWith(`Item ${n} – `))!.page;
    expect(pages[item('XV') - 1]).toContain('Item XV – E-Commerce');
  });

  it("prints the report's running header on its body pages and each annex's on that annex's pages; Annex V landscape", async () => {
    const starts = bookmarks.filter((b) => b.title.startsWith('Annex ')).map((b) => b.page);
    const numerals = data.annexes.map((a) => a.numeral);
    const annexOf = (page: number) => starts.findLastIndex((s) => s <= page);
    const orientations = await pdfOrientations(full);
    expect(orientations).toHaveLength(pages.length);
    for (const [i, text] of pages.entries()) {
      const k = annexOf(i + 1);
      const headers = [...text.matchAll(/Annex ([IVX]+) to doc\. PC0517E1a?\b/g)].map((m) => m[0]);
      const expected = i === 0 ? [] : k < 0 ? ['Annex I to doc. PC0517E1'] : [`Annex ${numerals[k]} to doc. PC0517E1a`];
      expect({ page: i + 1, headers }).toEqual({ page: i + 1, headers: expected });
      expect({ page: i + 1, orientation: orientations[i] }).toEqual({ page: i + 1, orientation: k === 4 ? 'landscape' : 'portrait' });
      expect(footer(text)).toBe(String(i + 1));
    }
    expect(starts.length).toBe(5);
    expect(pages.length - starts[4]! + 1).toBeGreaterThan(1);
    // The restricted annex says so in its heading block and in its page header, as the DOCX does.
    expect(pages[starts[0]! - 1]).toMatch(/Annex I to doc\. PC0517E1a\s+Restricted\s+Annex I\s+LIST OF PARTICIPANTS\s+RESTRICTED/);
  });

  it("holds the seed's agenda: the DISRUPTIVE TECHNOLOGIES banner above Item XIV, and Day III's timetable after the items", () => {
    const firstItem = bookmarks.find((b) => b.title.startsWith('Item I '))!.page;
    const agenda = pages.slice(0, firstItem).join('\n');
    expect(agenda).toMatch(/DISRUPTIVE TECHNOLOGIES\s+After extensive discussions[\s\S]*devoted to disruptive technologies\s+XIV\s+Disruptive technologies/);
    const day = agenda.slice(agenda.indexOf('DAY III (Disruptive Technologies)'));
    expect(agenda.indexOf('DAY III')).toBeGreaterThan(agenda.indexOf('Closing'));
    // The times, in order (a time wraps in its narrow column: its two ends are read one after the other).
    expect([...day.matchAll(/\b(\d{1,2}\.\d{2})\b/g)].map((m) => m[1])).toEqual(['9.30', '10.00', '10.00', '10.30', '10.30', '13.00', '13.00', '15.00', '15.00', '16.30', '16.30', '17.00', '17.00', '18.00']);
  });

  it("gives Annex II's table of contents the page of each heading", () => {
    const at = pages.findIndex((p) => p.includes('Table of Content'));
    const lines = pages.slice(at, at + 2).join('\n').split('\n').filter((l) => /\.{4,}\s*\d+\s*$/.test(l));
    const entries = lines.map((l) => /^\s*(.*?)\s*\.{4,}\s*(\d+)\s*$/.exec(l)!).map((m) => [m[1]!, Number(m[2])] as const);
    expect(entries.length).toBe(36);
    expect(entries[0]![0]).toBe('I. Introduction');
    // Each heading is on the page its line gives (a heading's words may wrap: its first words are enough).
    for (const [title, page] of entries) expect({ title, on: pages[page - 1]!.replace(/\s+/g, ' ').includes(title.slice(0, 30)) }).toEqual({ title, on: true });
  });

  it("splits Annex V's long rows across pages, under their repeated header: its pages are full", async () => {
    const start = bookmarks.find((b) => b.title.startsWith('Annex V '))!.page;
    const empty = emptyFractions((await pdfLines(full)).slice(start - 1, -1), 62.4, 62.4);
    console.log(`Annex V: ${empty.map((e) => `${Math.round(e * 100)}%`).join(' ')} of each page left empty (its last page aside)`);
    // The Chromium print kept each row whole: 3 to 20 % of its pages left blank, 12 % the median.
    expect(Math.max(...empty)).toBeLessThanOrEqual(0.2);
    expect([...empty].sort((a, b) => a - b)[Math.floor(empty.length / 2)]).toBeLessThanOrEqual(0.02);
    // Every page after the first (its introduction) carries the table's header row again.
    expect(pages.slice(start).filter((p) => !/Topic\s+Tasks\s+Type of/.test(p))).toEqual([]);
  });

  it("holds more than the agenda's first row on page 1: the tall rows may split", () => {
    const [first] = pages;
    expect(first).toContain('Opening and adoption of the Agenda');
    expect(first).toContain('Inter-sessional developments');
  });

  it('is tagged, in English, titled, dated as issued, and stamped by acta', async () => {
    const info = await pdfinfo(full);
    expect(info).toMatchObject({
      Title: 'PC0517E1a – Summary report',
      Subject: 'PC0517E1a',
      Author: 'World Customs Organization',
      Creator: 'acta',
      Tagged: 'yes',
      CreationDate: '2018-05-02T00:00:00Z',
      ModDate: '2018-05-02T00:00:00Z',
      'Page size': '595.276 x 841.89 pts (A4)',
    });
    expect(await mutoolShow(full, 'trailer/Root/Lang')).toBe('(en)');
    expect(await mutoolShow(full, 'trailer/Root/MarkInfo/Marked')).toBe('true');
  });

  it('sets each footnote at the foot of the page of its call, with the number of its call', async () => {
    const page = pages.findIndex((p) => p.includes('Five digits of UN/LOCODE plus additional user code.'));
    // The call, raised after "systems", on the same page as the note, which opens with the same number (the page rules
    // below check every note against its call by their sizes; here, by their words).
    expect(pages[page]).toMatch(/office coding systems1 as recommended/);
    expect(pages[page]).toMatch(/^\s*1?\s*Five digits of UN\/LOCODE plus additional user code\.\s*$/m);
  });
});

describe('the page rules, in the PDF and in the DOCX as LibreOffice prints it', () => {
  // Each footnote on its call's page; the running header on every page but the first; no page ending with a heading, a
  // lead phrase or a table header; no page of one or two lines in the middle of a part; ruled tables whole on the page.
  const cases: [string, string, string, string, number][] = [
    ['the report', 'PC0517E1a.pdf', 'Annex I to doc. PC0517E1', 'PC0517E1a', 0],
    ...DOCUMENTS.map((d, i): [string, string, string, string, number] => [`working document ${d}`, `documents/${d}.pdf`, d, d, i + 1]),
  ];
  it.each(cases)('holds for %s', async (_, file, bodyHeader, symbol, docx) => {
    const pdf = path.join(flagship, file);
    const [ours, theirs] = await Promise.all([
      readPaged(pdf, await rulesOf(pdf, bodyHeader, symbol)),
      readPaged(printedDocx[docx]!, await rulesOf(printedDocx[docx]!, bodyHeader, symbol)),
    ]);
    expect(ours.problems).toEqual([]);
    expect(theirs.problems).toEqual([]);
    // The editions run to about the same length, so a page number means much the same in both.
    console.log(`${file}: ${ours.pages.length} pages in PDF, ${theirs.pages.length} in the DOCX printed by LibreOffice`);
    expect(Math.abs(ours.pages.length - theirs.pages.length)).toBeLessThanOrEqual(Math.max(2, Math.round(theirs.pages.length * 0.1)));
  });
});

describe('the last action of a working document', () => {
  // Each document's last two actions: the end of the one before, the start of the last.
  const actions: Record<(typeof DOCUMENTS)[number], readonly [string, string]> = {
    PC0497E1a: ['to the document); and', 'to provide guidance and suggest ways forward'],
    PC0499E1a: ['Work Programme 2013-2016; and', 'examine the Draft Work Programme 2016-2019'],
  };
  it.each(DOCUMENTS.map((d, i) => [d, i] as const))('%s: never alone on a page, in the PDF or the DOCX as LibreOffice prints it', async (d, i) => {
    const [before, last] = actions[d];
    for (const [edition, pdf] of [['PDF', path.join(flagship, 'documents', `${d}.pdf`)], ['DOCX', printedDocx[i + 1]!]] as const) {
      const texts = (await pdfPages(pdf)).map((p) => p.replace(/\s+/g, ' '));
      const page = texts.findIndex((t) => t.includes(last));
      expect({ edition, page: page >= 0, before: texts[page]?.includes(before) }).toEqual({ edition, page: true, before: true });
    }
  });
});

describe('acta agenda --format pdf', () => {
  const printAgenda = async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'acta-pdf-agenda-'));
    expect(acta(['agenda', 'meetings/ptc-219-220', '--out', dir, '--format', 'pdf']).status).toBe(0);
    expect(await filesUnder(path.join(dir, 'ptc-219-220'))).toEqual(['PC0517E1a-agenda.pdf']);
    return path.join(dir, 'ptc-219-220', 'PC0517E1a-agenda.pdf');
  };

  let first: Promise<string> | null = null;
  const printed = () => (first ??= printAgenda());

  it('prints the cover and agenda table alone, and nothing else', async () => {
    const agendaPages = await pdfPages(await printed());
    const text = agendaPages.join('\n');
    expect(agendaRanges(agendaPages)).toEqual(data.items.map((i) => i.range));
    expect(text).not.toMatch(/^1\.\s/m);
  }, SLOW);

  it('is byte-identical when printed again, but for the ids of tagged table cells', async () => {
    const [once, twice] = await Promise.all([printed(), printAgenda()]);
    const [a, b] = await Promise.all([readFile(once), readFile(twice)]);
    expect(a.length).toBeGreaterThan(5_000);
    expect(b.length).toBe(a.length);
    // Chromium names the structure elements of tagged table cells after its DOM node numbers, which it gives out in
    // an order that can vary between runs: those ids, and the sorted id tree that lists them, are the only bytes left
    // unpinned (the agenda is a tagged table).
    const pinned = (bytes: Buffer) => bytes.toString('latin1').replace(/\(node\d{8}\)/g, '(node)').replace(/\/(Limits|Names) \[[^\]]*\]/g, '/$1 []');
    expect(a.equals(b) || pinned(a) === pinned(b)).toBe(true);
  }, SLOW);
});

describe('the French example, its public edition and public annexes alone', () => {
  // The public edition alone (--public): the full edition's words and page rules are the flagship's to test, an annex
  // alone in the full edition the leak fixture's.
  let folder: string;
  let pub: string;
  beforeAll(async () => {
    // As `acta build --format pdf --public` builds it.
    const built = await buildTo('meetings/exemple-fr', ['pdf'], { publicOnly: true }, await sharedPrinter());
    expect(built.report).not.toBeNull();
    folder = built.folder;
    pub = path.join(folder, 'PI0231F1a-public.pdf');
  }, SLOW);

  it('prints French labels, bookmarks and running headers', async () => {
    const marks = await outline(pub);
    const text = (await pdfPages(pub)).join('\n');
    expect(marks.filter((b) => b.depth === marks[1]!.depth).map((b) => b.title.split(' – ')[0])).toEqual([
      'Point I', 'Point II', 'Point III', 'Point IV', 'Point V', 'Point VI', 'Point VII', 'Annexe II', 'Annexe III',
    ]);
    expect(text).toContain('Annexe II au doc. PI0231F1a');
    expect(text).toContain("Point de l'ordre du jour");
    expect(await mutoolShow(pub, 'trailer/Root/Lang')).toBe('(fr)');
  });

  it('says it is the public version once on every page and leaves Annex I out, with no page of its own', async () => {
    const publicPages = await pdfPages(pub);
    expect(publicPages.filter((p) => p.match(/Version publique/g)?.length !== 1)).toEqual([]);
    // Annex I's line follows the body's last page of text, on that page.
    const line = publicPages.findIndex((p) => p.includes("L'annexe I n'est pas incluse dans la version publique."));
    expect(line).toBeGreaterThan(0);
    expect(publicPages[line]).toMatch(/^\s*\d+\.\s/m);
    expect((await pdfinfo(pub)).Title).toBe('PI0231F1a – Compte rendu (Version publique)');
  });

  it('prints an annex alone with its header, its pages landscape where asked', async () => {
    const alone = path.join(folder, 'annexes', 'annex-II-public.pdf');
    const annexPages = await pdfPages(alone);
    expect(annexPages.filter((p) => !(p.includes('Annexe II au doc. PI0231F1a') && p.includes('Version publique')))).toEqual([]);
    expect(new Set(await pdfOrientations(alone))).toEqual(new Set(['landscape']));
    // The annex is the outline's one entry (it has no headings of its own), never the report's items.
    const entries = await outline(alone);
    expect(entries.map((b) => b.title.split(' – ')[0])).toEqual(['Annexe II']);
    expect(entries[0]!.title).toMatch(/^Annexe II – Programme de travail/);
    expect(annexPages.join('\n')).not.toContain('Point I –');
    expect((await filesUnder(folder)).filter((f) => f.startsWith('annexes/'))).toEqual(['annexes/annex-II-public.pdf', 'annexes/annex-III-public.pdf']);
  });
});

describe('without a browser', () => {
  it('says how to get one, exits 1 and writes nothing, not even the other formats', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'acta-pdf-none-'));
    await writeFile(path.join(dir, 'keep.txt'), 'a file of a previous build');
    const before = await stat(path.join(dir, 'keep.txt'));
    const r = acta(['build', 'meetings/ptc-219-220', '--out', dir, '--format', 'docx,html,json,pdf'], { ...process.env, ACTA_CHROME: '/nonexistent' });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'acta: cannot make the PDF edition: ACTA_CHROME is set to /nonexistent, which does not exist. The PDF edition is printed by Chromium or Google Chrome. ' +
        'Install one (Debian or Ubuntu: `apt-get install chromium`; macOS and Windows: install Google Chrome), or set ACTA_CHROME to the path of its program.\n',
    );
    expect(await filesUnder(dir)).toEqual(['keep.txt']);
    expect((await stat(path.join(dir, 'keep.txt'))).mtimeMs).toBe(before.mtimeMs);
  });
});

describe('the leak fixture as PDF', () => {
  const MARKERS = ['ZQLEAK-ITEMTITLE', 'ZQLEAK-SPAN', 'ZQLEAK-BRACKETS', 'ZQLEAK-CODESPAN', 'ZQLEAK-LINKSPAN', 'ZQLEAK-HTMLNOTESPAN', 'ZQLEAK-HEADING', 'ZQLEAK-PARAGRAPH', 'ZQLEAK-BLOCKTABLE', 'ZQLEAK-DECISION', 'ZQLEAK-FOOTNOTE', 'ZQLEAK-ANNEXTITLE', 'ZQLEAK-ANNEXBODY', 'ZQLEAK-ANNEXTABLE', 'ZQLEAK-ANNEXNOTE', 'ZQLEAK-ANNEXBLOCK',
    // Deleted text: the full edition shows it, a public one never.
    'ZQLEAK-DELETED', 'ZQLEAK-SUBSTOLD', 'ZQLEAK-DELDECISION', 'ZQLEAK-DELCELL', 'ZQLEAK-DELNOTE', 'ZQLEAK-DELANNEX',
    // The words drawn inside a restricted SVG picture: Chromium sets them as text.
    'ZQLEAK-PICTURESVG'];
  /** What a reader can get out of a PDF: its text (a word broken at its hyphen across lines made whole), its properties and its bookmarks. */
  const readable = async (pdf: string) =>
    [(await pdfPages(pdf)).join('\n').replace(/-\n\s*/g, '-'), JSON.stringify(await pdfinfo(pdf)), (await outline(pdf)).map((b) => b.title).join('\n')].join('\n');
  let folder: string;
  beforeAll(async () => {
    // As `acta build --format pdf` builds it: both editions, the annexes alone and the working documents.
    const built = await buildTo('tests/fixtures/leak', ['pdf'], {}, await sharedPrinter());
    expect(built.report).not.toBeNull();
    folder = built.folder;
  }, SLOW);

  it('holds every marker in the full edition and none in any public file, whose every page says it is public', async () => {
    const files = await filesUnder(folder);
    expect(files.filter((f) => !f.startsWith('documents/'))).toEqual(['LEAK1-public.pdf', 'LEAK1.pdf', 'annexes/annex-I.pdf', 'annexes/annex-II-public.pdf', 'annexes/annex-II.pdf']);
    const texts = await Promise.all(files.map(async (f) => [f, (await readable(path.join(folder, f))).toUpperCase()] as const));
    const fullText = texts.filter(([f]) => !f.includes('-public')).map(([, t]) => t).join('\n');
    const leaks = texts.filter(([f]) => f.includes('-public')).flatMap(([f, t]) => MARKERS.filter((m) => t.includes(m)).map((m) => `${f}: ${m}`));
    expect(MARKERS.filter((m) => !fullText.includes(m))).toEqual([]);
    expect(leaks).toEqual([]);
    for (const file of files.filter((f) => f.includes('-public'))) {
      const publicPages = await pdfPages(path.join(folder, file));
      expect({ file, unmarked: publicPages.map((p, i) => (p.includes('Public Version') ? 0 : i + 1)).filter(Boolean) }).toEqual({ file, unmarked: [] });
    }
    // Pictures as poppler finds them (width × height): the public chart alone in the public report; the full one has the
    // restricted photograph too (the restricted SVG is drawn as lines and text, found by its words above).
    const images = (file: string) => spawnSync(tool('pdfimages'), ['-list', path.join(folder, file)], { encoding: 'utf8' }).stdout.split('\n').slice(2).filter((l) => /\bimage\b/.test(l)).map((l) => l.trim().split(/\s+/).slice(3, 5).join('×'));
    expect(images('LEAK1-public.pdf')).toEqual(['80×40']);
    // The photograph twice: in the report's restricted span and in its restricted Annex I.
    expect(images('LEAK1.pdf').sort()).toEqual(['120×60', '120×60', '80×40']);
    expect(images('annexes/annex-I.pdf')).toEqual(['120×60']);
    // A public annex alone says so on every page, under its header.
    const annexPages = await pdfPages(path.join(folder, 'annexes/annex-II-public.pdf'));
    expect(annexPages.filter((p) => !(p.includes('Annex II to doc. LEAK1') && p.includes('Public Version')))).toEqual([]);
  });
});
