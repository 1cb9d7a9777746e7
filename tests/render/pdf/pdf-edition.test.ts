// The PDF edition as real readers see it: poppler (pdftotext, pdfinfo) and mupdf (mutool), on one
// full flagship build (annexes alone included) and a public report reused by every assertion, a public rebuild, the French example and the leak fixture.

import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { emptyFractions, pdfLines, pdfOrientations, pdfPages } from '../../readers.js';
import { tool } from '../../external-tools.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const run = promisify(execFile);
const acta = (args: string[], env: NodeJS.ProcessEnv = process.env) =>
  spawnSync(process.execPath, [path.join(root, 'dist', 'acta.js'), ...args], { cwd: root, encoding: 'utf8', env });

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

type Data = {
  items: { numeral: string; title: string; range: string; subitems: { letter: string; title: string }[] }[];
  paragraphs: { number: number }[];
  annexes: { numeral: string; title: string }[];
};

const out = await mkdtemp(path.join(tmpdir(), 'acta-pdf-'));
const pubOut = await mkdtemp(path.join(tmpdir(), 'acta-pdf-public-'));
const again = await mkdtemp(path.join(tmpdir(), 'acta-pdf-again-'));
const flagship = path.join(out, 'ptc-219-220');
const full = path.join(flagship, 'PC0517E1a.pdf');
const pub = path.join(pubOut, 'ptc-219-220', 'PC0517E1a-public.pdf');
let data: Data;
let pages: string[];
let bookmarks: Bookmark[];

beforeAll(async () => {
  // The full edition with its annexes alone, and the public report (which holds every public annex) apart: a
  // default build's public annexes alone are printed in the leak fixture's test below.
  const built = acta(['build', 'meetings/ptc-219-220', '--out', out, '--format', 'pdf,json', '--full']);
  expect(built.stderr.match(/ref-to-restricted/g)).toHaveLength(1);
  expect(built.status).toBe(0);
  expect(acta(['build', 'meetings/ptc-219-220', '--out', pubOut, '--format', 'pdf', '--public', '--no-annex-files']).status).toBe(0);
  data = JSON.parse(await readFile(path.join(flagship, 'PC0517E1a.json'), 'utf8')) as Data;
  pages = await pdfPages(full);
  bookmarks = await outline(full);
}, 240_000);

describe('the flagship PDF', () => {
  it('writes the report and each annex alone, and no other format', async () => {
    expect(await filesUnder(flagship)).toEqual([
      'PC0517E1a.json', 'PC0517E1a.pdf',
      'annexes/annex-I.pdf', 'annexes/annex-II.pdf', 'annexes/annex-III.pdf', 'annexes/annex-IV.pdf', 'annexes/annex-V.pdf',
      'decisions.json',
      // The working documents' data; they are not printed (README: working documents).
      'documents/PC0497E1a.json', 'documents/PC0499E1a.json',
    ]);
    expect(await filesUnder(path.join(pubOut, 'ptc-219-220'))).toEqual(['PC0517E1a-public.pdf']);
  });

  it('shows paragraphs 1 to 176 in order, then the body footnote', () => {
    const annexStart = bookmarks.find((b) => b.title.startsWith('Annex I '))!.page;
    const body = pages.slice(0, annexStart - 1).join('\n');
    const numbers = [...body.matchAll(/^ ?(\d+)\.\s/gm)].map((m) => Number(m[1]));
    expect(numbers).toEqual([...Array.from({ length: 176 }, (_, i) => i + 1), 1]);
    expect(data.paragraphs.map((p) => p.number)).toEqual(numbers.slice(0, 176));
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

  it('prints each annex header on every page of that annex and on no body page; Annex V landscape', async () => {
    const starts = bookmarks.filter((b) => b.title.startsWith('Annex ')).map((b) => b.page);
    const numerals = data.annexes.map((a) => a.numeral);
    const annexOf = (page: number) => starts.findLastIndex((s) => s <= page);
    const orientations = await pdfOrientations(full);
    expect(orientations).toHaveLength(pages.length);
    for (const [i, text] of pages.entries()) {
      const k = annexOf(i + 1);
      const headers = [...text.matchAll(/Annex ([IVX]+) to doc\. PC0517E1a/g)].map((m) => m[1]);
      expect({ page: i + 1, headers }).toEqual({ page: i + 1, headers: k < 0 ? [] : [numerals[k]] });
      expect({ page: i + 1, orientation: orientations[i] }).toEqual({ page: i + 1, orientation: k === 4 ? 'landscape' : 'portrait' });
      expect(footer(text)).toBe(String(i + 1));
    }
    expect(starts.length).toBe(5);
    expect(pages.length - starts[4]! + 1).toBeGreaterThan(1);
  });

  it('strands no heading at a page foot, and runs to at most 70 pages', async () => {
    const lines = await pdfLines(full);
    const headings = [...data.items.flatMap((i) => [`Item ${i.numeral} – ${i.title}`, ...i.subitems.map((s) => s.title)]), ...data.annexes.map((a) => a.title)];
    // A heading's first line: bold, and the start of a heading's text (a sub-item's after its letter).
    const isHeading = (l: { text: string; bold: boolean }) => l.bold && headings.some((h) => h.replace(/\s+/g, ' ').startsWith(l.text.replace(/^\([a-z]\) ?/, '')));
    // What the page margins hold (running headers, page numbers) is not the page's text.
    const body = lines.map((p) => p.lines.filter((l) => l.top > 60 && l.bottom < p.height - 60));
    const stranded = body.flatMap((page, i) => {
      const last = page.reduce((a, b) => (b.bottom > a.bottom ? b : a), page[0]!);
      const next = body[i + 1]?.reduce((a, b) => (b.top < a.top ? b : a), body[i + 1]![0]!);
      // Sub-items that share their paragraphs (Item II's sixteen) may part between two of their headings:
      // a heading may end a page only when the next page goes on with another heading.
      return last && isHeading(last) && !(next && next.bold) ? [`page ${i + 1}: ${last.text}`] : [];
    });
    // Figures for the record: the most of a page left empty where the text goes on overleaf (a section's last page aside).
    const header = (page: string) => /Annex ([IVX]+) to doc\./.exec(page)?.[1] ?? '';
    const within = emptyFractions(lines, 62.4, 62.4).filter((_, i) => i + 1 < pages.length && header(pages[i]!) === header(pages[i + 1]!));
    console.log(`PC0517E1a.pdf (Chromium): ${lines.length} pages, at most ${Math.round(Math.max(...within) * 100)}% of a page left empty where the text goes on overleaf`);
    expect(stranded).toEqual([]);
    expect(lines.length).toBeLessThanOrEqual(70);
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
      'Page size': '594.96 x 841.92 pts (A4)',
    });
    expect(await mutoolShow(full, 'trailer/Root/Lang')).toBe('(en)');
    expect(await mutoolShow(full, 'trailer/Root/MarkInfo/Marked')).toBe('true');
  });

  it('has a public version that says so once on every page and leaves Annex I out, with no page of its own', async () => {
    const publicPages = await pdfPages(pub);
    expect(publicPages.filter((p) => p.match(/Public Version/g)?.length !== 1)).toEqual([]);
    // Annex I's line follows the body's last page of text (its footnotes), on that page.
    const line = publicPages.findIndex((p) => p.includes('Annex I is not included in the public version.'));
    expect(publicPages[line]).toMatch(/Five digits of UN\/LOCODE/);
    const text = publicPages.join('\n');
    expect(text).toContain('Annex I is not included in the public version.');
    expect((await pdfinfo(pub)).Title).toBe('PC0517E1a – Summary report (Public Version)');
    expect((await outline(pub)).filter((b) => b.title.startsWith('Annex ')).map((b) => b.title.split(' – ')[0])).toEqual(['Annex II', 'Annex III', 'Annex IV', 'Annex V']);
  });

  it('prints an annex alone with its header, its pages landscape where asked', async () => {
    const alone = path.join(flagship, 'annexes', 'annex-V.pdf');
    const annexPages = await pdfPages(alone);
    expect(annexPages.every((p) => p.includes('Annex V to doc. PC0517E1a') && !p.includes('Public Version'))).toBe(true);
    expect(new Set(await pdfOrientations(alone))).toEqual(new Set(['landscape']));
    // The annex is the outline's top entry; its own sections (now real headings) come under it.
    const entries = await outline(alone);
    expect(entries[0]!.title).toBe('Annex V – PTC Work Programme 2016-2019, including progress');
    expect(entries.slice(1).map((b) => b.title)).toEqual(['Introduction', 'Work Programme 2016-2019', ...Array.from({ length: 8 }, (_, i) => expect.stringMatching(new RegExp(`^${i + 1}\\. `)))]);
    expect(entries.slice(1).every((b) => b.depth > entries[0]!.depth)).toBe(true);
    expect(annexPages.join('\n')).not.toContain('Item I – Opening');
  });

  it('is byte-identical when built again (here the public report, built alone: it holds every public annex), but for the ids of tagged table cells', async () => {
    const rebuilt = acta(['build', 'meetings/ptc-219-220', '--out', again, '--format', 'pdf', '--public', '--no-annex-files']);
    expect(rebuilt.status).toBe(0);
    const files = await filesUnder(path.join(again, 'ptc-219-220'));
    expect(files).toEqual(['PC0517E1a-public.pdf']);
    for (const file of files) {
      const [a, b] = await Promise.all([readFile(path.join(pubOut, 'ptc-219-220', file)), readFile(path.join(again, 'ptc-219-220', file))]);
      expect({ file, size: b.length === a.length && b.length > 10_000 }).toEqual({ file, size: true });
      // Chromium names the structure elements of tagged table cells after its DOM node numbers, which
      // it gives out in an order that can vary between runs (seen on Annex IV's header cells): those
      // ids, and the sorted id tree that lists them, are the only bytes left unpinned.
      const pinned = (bytes: Buffer) => bytes.toString('latin1').replace(/\(node\d{8}\)/g, '(node)').replace(/\/(Limits|Names) \[[^\]]*\]/g, '/$1 []');
      expect({ file, same: a.equals(b) || pinned(a) === pinned(b) }).toEqual({ file, same: true });
    }
  }, 240_000);
});

describe('acta agenda --format pdf', () => {
  it('prints the cover and agenda table alone, and nothing else', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'acta-pdf-agenda-'));
    expect(acta(['agenda', 'meetings/ptc-219-220', '--out', dir, '--format', 'pdf']).status).toBe(0);
    expect(await filesUnder(path.join(dir, 'ptc-219-220'))).toEqual(['PC0517E1a-agenda.pdf']);
    const agendaPages = await pdfPages(path.join(dir, 'ptc-219-220', 'PC0517E1a-agenda.pdf'));
    const text = agendaPages.join('\n');
    expect(agendaRanges(agendaPages)).toEqual(data.items.map((i) => i.range));
    expect(text).not.toMatch(/^1\.\s/m);
  }, 120_000);
});

describe('the French example', () => {
  it('prints French labels, bookmarks and running headers', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'acta-pdf-fr-'));
    // The two reports alone: the annexes alone are the flagship's to test.
    expect(acta(['build', 'meetings/exemple-fr', '--out', dir, '--format', 'pdf', '--no-annex-files']).status).toBe(0);
    expect(existsSync(path.join(dir, 'exemple-fr', 'annexes'))).toBe(false);
    const pdf = path.join(dir, 'exemple-fr', 'PI0231F1a.pdf');
    const marks = await outline(pdf);
    const text = (await pdfPages(pdf)).join('\n');
    expect(marks.filter((b) => b.depth === marks[1]!.depth).map((b) => b.title.split(' – ')[0])).toEqual([
      'Point I', 'Point II', 'Point III', 'Point IV', 'Point V', 'Point VI', 'Point VII', 'Annexe I', 'Annexe II', 'Annexe III',
    ]);
    expect(text).toContain('Annexe II au doc. PI0231F1a');
    expect(text).toContain("Point de l'ordre du jour");
    expect(await mutoolShow(pdf, 'trailer/Root/Lang')).toBe('(fr)');
    const publicText = (await pdfPages(path.join(dir, 'exemple-fr', 'PI0231F1a-public.pdf'))).join('\n');
    expect(publicText).toContain('Version publique');
    expect(publicText).toContain("L'annexe I n'est pas incluse dans la version publique.");
  }, 180_000);
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
    'ZQLEAK-DELETED', 'ZQLEAK-SUBSTOLD', 'ZQLEAK-DELDECISION', 'ZQLEAK-DELCELL', 'ZQLEAK-DELNOTE', 'ZQLEAK-DELANNEX'];
  /** What a reader can get out of a PDF: its text, its properties and its bookmarks. */
  const readable = async (pdf: string) =>
    [(await pdfPages(pdf)).join('\n'), JSON.stringify(await pdfinfo(pdf)), (await outline(pdf)).map((b) => b.title).join('\n')].join('\n');

  it('holds every marker in the full edition and none in any public file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'acta-pdf-leak-'));
    expect(acta(['build', 'tests/fixtures/leak', '--out', dir, '--format', 'pdf']).status).toBe(0);
    const folder = path.join(dir, 'leak');
    const files = await filesUnder(folder);
    expect(files).toEqual(['LEAK1-public.pdf', 'LEAK1.pdf', 'annexes/annex-I.pdf', 'annexes/annex-II-public.pdf', 'annexes/annex-II.pdf']);
    const texts = await Promise.all(files.map(async (f) => [f, (await readable(path.join(folder, f))).toUpperCase()] as const));
    const fullText = texts.filter(([f]) => !f.includes('-public')).map(([, t]) => t).join('\n');
    const leaks = texts.filter(([f]) => f.includes('-public')).flatMap(([f, t]) => MARKERS.filter((m) => t.includes(m)).map((m) => `${f}: ${m}`));
    expect(MARKERS.filter((m) => !fullText.includes(m))).toEqual([]);
    expect(leaks).toEqual([]);
    expect(texts.find(([f]) => f === 'LEAK1-public.pdf')![1]).toContain('PUBLIC VERSION');
    // A public annex alone says so on every page, under its header.
    const annexPages = await pdfPages(path.join(folder, 'annexes/annex-II-public.pdf'));
    expect(annexPages.length).toBeGreaterThan(0);
    expect(annexPages.filter((p) => !(p.includes('Annex II to doc. LEAK1') && p.includes('Public Version')))).toEqual([]);
  }, 180_000);
});
