// Public editions never leak, keep every number, and each annex and the agenda stand on their own.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { useChromium } from '../browser.js';
import { pdfPages, sofficeToPdfs } from '../readers.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const acta = (...args: string[]) => spawnSync(process.execPath, [path.join(root, 'dist', 'acta.js'), ...args], { cwd: root, encoding: 'utf8' });

const MARKERS = [
  'ZQLEAK-ITEMTITLE', 'ZQLEAK-SPAN', 'ZQLEAK-BRACKETS', 'ZQLEAK-CODESPAN', 'ZQLEAK-LINKSPAN', 'ZQLEAK-HTMLNOTESPAN', 'ZQLEAK-HEADING', 'ZQLEAK-PARAGRAPH', 'ZQLEAK-BLOCKTABLE', 'ZQLEAK-DECISION', 'ZQLEAK-FOOTNOTE',
  'ZQLEAK-ANNEXTITLE', 'ZQLEAK-ANNEXBODY', 'ZQLEAK-ANNEXTABLE', 'ZQLEAK-ANNEXNOTE', 'ZQLEAK-ANNEXBLOCK', 'zqleak-id', 'zqleak-annex',
  // A CriticMarkup comment's author and text: the full DOCX and HTML only.
  'ZQLEAK-AUTHOR', 'ZQLEAK-COMMENT',
  // A restricted working document (symbol, title, heading, section, text, action, id) and the restricted
  // text of a public one (span, block, action in a block, a restricted annex, a span in a public annex).
  'ZQLEAK-DOCSYMBOL', 'ZQLEAK-DOCTITLE', 'ZQLEAK-DOCHEADING', 'ZQLEAK-DOCSECTION', 'ZQLEAK-DOCBODY', 'ZQLEAK-DOCACTION', 'zqleak-doc',
  'ZQLEAK-DOCSPAN', 'ZQLEAK-DOCBLOCK', 'ZQLEAK-DOCRESTRICTEDACTION', 'ZQLEAK-DOCANNEXTITLE', 'ZQLEAK-DOCANNEXBODY', 'ZQLEAK-DOCANNEXSPAN',
  // Text deleted by a tracked change (a deletion, the old words of a substitution), in a paragraph, a decision, a
  // table cell, a footnote, an annex and a working document: public editions accept every change, whatever the options.
  'ZQLEAK-DELETED', 'ZQLEAK-SUBSTOLD', 'ZQLEAK-DELDECISION', 'ZQLEAK-DELCELL', 'ZQLEAK-DELNOTE', 'ZQLEAK-DELANNEX', 'ZQLEAK-DELDOC',
  // Restricted pictures (a figure in a restricted block, one in a restricted span, one in the restricted annex): their
  // descriptions, their file names and the text inside the SVG. Their bytes are looked for below.
  'ZQLEAK-PICTUREALT', 'ZQLEAK-PICTURESVG', 'zqleak-picture', 'zqleak-route',
];

/** Every text a file holds: for a DOCX, the name and XML of every part in the zip. */
async function contents(file: string): Promise<string> {
  const bytes = await readFile(file);
  if (!file.endsWith('.docx')) return bytes.toString('utf8');
  const parts = unzipSync(new Uint8Array(bytes));
  return Object.entries(parts).map(([name, data]) => `${name}\n${strFromU8(data)}`).join('\n');
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

const out = await mkdtemp(path.join(tmpdir(), 'acta-editions-'));
const build = acta('build', 'tests/fixtures/leak', '--out', out);
const agenda = acta('agenda', 'tests/fixtures/leak', '--out', out, '--public');
const decisionsPublic = acta('decisions', 'tests/fixtures/leak', '--public');
const actionsPublic = acta('decisions', 'tests/fixtures/leak', '--public', '--actions');
const folder = path.join(out, 'leak');
// The flagship's agenda alone, and one LibreOffice process for both DOCX files it is asked to render.
const agendaOut = await mkdtemp(path.join(tmpdir(), 'acta-agenda-'));
const flagshipAgenda = acta('agenda', 'meetings/ptc-219-220', '--out', agendaOut);
let converted: Promise<string[]> | undefined;
const libreOffice = () => (converted ??= sofficeToPdfs([path.join(folder, 'LEAK1-public.docx'), path.join(agendaOut, 'ptc-219-220', 'PC0517E1a-agenda.docx')]));
const all = await filesUnder(folder);
const isPublic = (f: string) => /-public\.(docx|html|json)$/.test(f);

describe('the leak fixture', () => {
  it('builds with the expected warnings and writes every edition', () => {
    expect(build.status).toBe(0);
    expect(agenda.status).toBe(0);
    expect(build.stderr.match(/ref-to-restricted/g)).toHaveLength(1);
    expect(all.map((f) => path.relative(folder, f)).sort()).toEqual([
      '.acta-manifest.json', 'LEAK1-agenda-public.docx', 'LEAK1-agenda-public.html',
      'LEAK1-public.docx', 'LEAK1-public.html', 'LEAK1-public.json', 'LEAK1.docx', 'LEAK1.html', 'LEAK1.json',
      'annexes/annex-I.docx', 'annexes/annex-I.html',
      'annexes/annex-II-public.docx', 'annexes/annex-II-public.html', 'annexes/annex-II.docx', 'annexes/annex-II.html',
      'decisions-public.json', 'decisions.json',
      // The public document has both editions; the restricted one only its full edition, as a restricted annex.
      'documents/LEAK1-DOC-public.docx', 'documents/LEAK1-DOC-public.html', 'documents/LEAK1-DOC-public.json',
      'documents/LEAK1-DOC.docx', 'documents/LEAK1-DOC.html', 'documents/LEAK1-DOC.json',
      'documents/ZQLEAK-DOCSYMBOL.docx', 'documents/ZQLEAK-DOCSYMBOL.html', 'documents/ZQLEAK-DOCSYMBOL.json',
      'documents/annexes/LEAK1-DOC-annex-I.docx', 'documents/annexes/LEAK1-DOC-annex-I.html',
      'documents/annexes/LEAK1-DOC-annex-II-public.docx', 'documents/annexes/LEAK1-DOC-annex-II-public.html',
      'documents/annexes/LEAK1-DOC-annex-II.docx', 'documents/annexes/LEAK1-DOC-annex-II.html',
    ]);
  });
});

describe('no public output holds any restricted marker, in any form', async () => {
  const publicFiles = all.filter(isPublic);
  const texts = await Promise.all(publicFiles.map(async (f) => [path.relative(folder, f), (await contents(f)).toLowerCase()] as const));
  texts.push(['acta decisions --public', decisionsPublic.stdout.toLowerCase()]);
  texts.push(['acta decisions --public --actions', actionsPublic.stdout.toLowerCase()]);

  it('still lists the public document and its public action', () => {
    expect(actionsPublic.status).toBe(0);
    expect(JSON.parse(actionsPublic.stdout)).toEqual({ actions: [{ symbol: 'LEAK1-DOC', id: 'II-1', paragraph: 5, text: 'adopt the programme.', section: 'II' }] });
    const agendaText = texts.find(([name]) => name === 'LEAK1-agenda-public.html')![1];
    expect(agendaText).toContain('doc. leak1-doc');
  });

  it.each(MARKERS)('%s', (marker) => {
    const found = texts.filter(([, text]) => text.includes(marker.toLowerCase())).map(([name]) => name);
    expect(found).toEqual([]);
  });

  it('holds no tracked-change or comment markup: no Word revision, no <ins>/<del>, no margin note', () => {
    for (const [name, text] of texts) {
      if (name.endsWith('.docx')) expect(text, name).not.toMatch(/<w:(ins|del|moveFrom|moveTo|delText|commentRangeStart|commentReference) /);
      if (name.endsWith('.html')) expect(text, name).not.toMatch(/<(ins|del)[\s>]|class="comment/);
    }
    // The accepted text is what is published: the inserted words of a substitution, and what a deletion leaves.
    const data = texts.find(([name]) => name === 'LEAK1-public.json')![1];
    expect(data).toContain('the ptc noted the revised dates.');
    expect(data).toContain('adopted the programme.');
  });

  it('publishes the public picture and none of the restricted ones, found by their bytes in every DOCX part and HTML data address', async () => {
    const digest = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
    const pictures = async (file: string): Promise<string[]> => {
      const bytes = new Uint8Array(await readFile(file));
      if (file.endsWith('.docx')) return Object.entries(unzipSync(bytes)).filter(([name]) => name.startsWith('word/media/')).map(([, data]) => digest(data));
      return [...Buffer.from(bytes).toString('utf8').matchAll(/data:image\/[\w+]+;base64,([A-Za-z0-9+/=]+)/g)].map((m) => digest(Buffer.from(m[1]!, 'base64')));
    };
    const picture = async (name: string) => digest(new Uint8Array(await readFile(path.join(root, 'tests/fixtures/leak/images', name))));
    const chart = await picture('public-chart.png');
    const restricted = [await picture('zqleak-picture.svg'), await picture('zqleak-route.jpg')];
    for (const file of publicFiles.filter((f) => /\.(docx|html)$/.test(f))) {
      expect((await pictures(file)).filter((p) => p !== chart), path.relative(folder, file)).toEqual([]);
    }
    // Nor in any other part of a public DOCX, whatever its name.
    for (const file of publicFiles.filter((f) => f.endsWith('.docx'))) {
      const parts = Object.values(unzipSync(new Uint8Array(await readFile(file)))).map(digest);
      expect(parts.filter((p) => restricted.includes(p)), path.relative(folder, file)).toEqual([]);
    }
    expect(await pictures(path.join(folder, 'LEAK1-public.docx'))).toEqual([chart]);
    expect(await pictures(path.join(folder, 'LEAK1-public.html'))).toEqual([chart]);
    // The full edition shows all three (the SVG's PNG drawn for Word beside it).
    const full = await pictures(path.join(folder, 'LEAK1.html'));
    expect(restricted.every((p) => full.includes(p)) && full.includes(chart)).toBe(true);
    expect(await pictures(path.join(folder, 'LEAK1.docx'))).toEqual(expect.arrayContaining([...restricted, chart]));
  });

  it('looked into every part: document, headers, footers, footnotes, numbering, properties, relationships', async () => {
    const parts = Object.keys(unzipSync(new Uint8Array(await readFile(path.join(folder, 'LEAK1-public.docx')))));
    for (const part of ['word/document.xml', 'word/header1.xml', 'word/footer1.xml', 'word/footnotes.xml', 'word/numbering.xml', 'docProps/core.xml', 'docProps/app.xml', 'word/_rels/document.xml.rels']) {
      expect(parts).toContain(part);
    }
  });
});

describe('the full edition holds every marker', async () => {
  const full = (await Promise.all(all.filter((f) => !isPublic(f)).map(contents))).join('\n').toLowerCase();
  it.each(MARKERS)('%s', (marker) => {
    expect(full).toContain(marker.toLowerCase());
  });
});

describe('numbers never shift', async () => {
  type Data = { items: { numeral: string; range: string }[]; paragraphs: { number: number }[]; annexes: { numeral: string; title: string | null }[] };
  const full = JSON.parse(await readFile(path.join(folder, 'LEAK1.json'), 'utf8')) as Data;
  const pub = JSON.parse(await readFile(path.join(folder, 'LEAK1-public.json'), 'utf8')) as Data;

  it('keeps paragraph, item and annex numbers in the data', () => {
    expect(full.paragraphs.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(pub.paragraphs.map((p) => p.number)).toEqual([1, 4, 5, 6, 7, 8, 9]);
    const numbering = (d: Data) => d.items.map((i) => [i.numeral, i.range]);
    expect(numbering(pub)).toEqual(numbering(full));
    expect(pub.annexes.map((a) => a.numeral)).toEqual(full.annexes.map((a) => a.numeral));
    expect(pub.annexes[0]!.title).toBeNull();
  });

  it('keeps them in a public working document: its restricted paragraphs leave gaps', async () => {
    const numbers = async (file: string) => (JSON.parse(await readFile(path.join(folder, 'documents', file), 'utf8')) as Data).paragraphs.map((p) => p.number);
    expect(await numbers('LEAK1-DOC.json')).toEqual([1, 2, 3, 4, 5]);
    expect(await numbers('LEAK1-DOC-public.json')).toEqual([1, 4, 5]);
  });

  it('keeps them in the HTML: the same anchors, less the restricted ones', async () => {
    const anchors = async (file: string) => [...(await readFile(path.join(folder, file), 'utf8')).matchAll(/id="((?:para|item|annex)-[\w-]+)"/g)].map((m) => m[1]);
    const fullAnchors = await anchors('LEAK1.html');
    const pubAnchors = await anchors('LEAK1-public.html');
    expect(pubAnchors.filter((a) => a!.startsWith('para-'))).toEqual(['para-1', 'para-4', 'para-5', 'para-6', 'para-7', 'para-8', 'para-9']);
    expect(pubAnchors.every((a) => fullAnchors.includes(a))).toBe(true);
    const itemsAndAnnexes = (anchors: (string | undefined)[]) => anchors.filter((a) => /^(item|annex)-[IVXLCDM]+(-[a-z]+)?$/.test(a!));
    expect(itemsAndAnnexes(pubAnchors)).toEqual(itemsAndAnnexes(fullAnchors));
    expect(itemsAndAnnexes(pubAnchors)).toEqual(['item-I', 'item-I-a', 'item-II', 'annex-I', 'annex-II']);
  });

  it('keeps them in the DOCX as LibreOffice renders it, the numbered annex included', async () => {
    const pages = await pdfPages((await libreOffice())[0]!);
    const body = pages.filter((p) => !p.includes('to doc. LEAK1')).join('\n');
    expect([...body.matchAll(/^\s*(\d+)\.\s/gm)].map((m) => Number(m[1]))).toEqual([1, 4, 5, 6, 7, 8, 9]);
    const annexII = pages.filter((p) => p.includes('Annex II to doc. LEAK1')).join('\n');
    expect([...annexII.matchAll(/^\s*(\d+)\.\s/gm)].map((m) => Number(m[1]))).toEqual([1, 3]);
    expect(pages.every((p) => p.includes('Public Version'))).toBe(true);
    expect(pages.join('\n')).toContain('Annex I is not included in the public version.');
    // The text a reader of the DOCX gets, as well as its XML (checked above).
    expect(MARKERS.filter((m) => pages.join('\n').toLowerCase().includes(m.toLowerCase()))).toEqual([]);
  }, 180_000);
});

describe('each annex alone', async () => {
  it('carries its own header, tables and footnotes, and nothing of the rest of the report', async () => {
    const html = await readFile(path.join(folder, 'annexes', 'annex-II-public.html'), 'utf8');
    expect(html).toContain('Annex II to doc. LEAK1');
    expect(html).toContain('A public note of the annex.');
    expect(html).not.toContain('Enforcement matters');
    expect(html).not.toContain('Statistics as of 1 March 2030');
    expect(html).not.toContain('class="agenda"');
    const docx = await contents(path.join(folder, 'annexes', 'annex-II-public.docx'));
    expect(docx).toContain('Annex II to doc. LEAK1');
    expect(docx).toContain('A public note of the annex.');
    expect(docx).not.toContain('Enforcement matters');
    expect(docx).not.toContain('Statistics as of 1 March 2030');
    expect(docx).toMatch(/<w:footnote w:id="1"[^>]*>.*A public note of the annex\./);
  });

  it('has no public file for a restricted annex, and removes the one a previous build wrote when it was public', async () => {
    expect(all.some((f) => f.endsWith('annex-I-public.html') || f.endsWith('annex-I-public.docx'))).toBe(false);
    const copy = path.join(await mkdtemp(path.join(tmpdir(), 'acta-became-restricted-')), 'leak');
    await cp(path.join(root, 'tests/fixtures/leak'), copy, { recursive: true });
    const annex = path.join(copy, 'annexes', '01-zqleak-annex.md');
    const restricted = await readFile(annex, 'utf8');
    await writeFile(annex, restricted.replace('visibility: restricted\n', ''));
    expect(acta('build', copy, '--out', out).status).toBe(0);
    expect(await readdir(path.join(out, 'leak', 'annexes'))).toContain('annex-I-public.html');
    await writeFile(annex, restricted);
    expect(acta('build', copy, '--out', out).status).toBe(0);
    const annexes = await readdir(path.join(out, 'leak', 'annexes'));
    expect(annexes.filter((f) => f.startsWith('annex-I-public') || f.startsWith('annex-I.'))).toEqual(['annex-I.docx', 'annex-I.html']);
  });
});

describe('acta agenda on the flagship', () => {
  let browser: Browser;
  let release: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    ({ browser, release } = await useChromium());
    expect(flagshipAgenda.status).toBe(0);
  });
  afterAll(async () => release?.());

  it('shows the 22 items with their ranges in Chromium', async () => {
    const page = await browser.newPage();
    await page.goto(`file://${path.join(agendaOut, 'ptc-219-220', 'PC0517E1a-agenda.html')}`);
    const rows = await page.$$eval('table.agenda tbody tr[id^="agenda-"]', (trs) => trs.map((tr) => [tr.querySelector('.col-no')!.textContent!.trim(), tr.querySelector('.col-range')!.textContent!.trim()]));
    expect(rows).toHaveLength(22);
    expect(rows[0]).toEqual(['I', '01 - 06']);
    expect(rows[14]).toEqual(['XV', '110 - 139']);
    expect(await page.$$eval('.item, .annex', (els) => els.length)).toBe(0);
    await page.close();
  });

  it('shows the 22 items with their ranges in LibreOffice', async () => {
    const pages = await pdfPages((await libreOffice())[1]!);
    const text = pages.join('\n');
    const ranges = [...text.matchAll(/\s{3,}(\d{2,3}(?: - \d{2,3})?)[ \t]*$/gm)].map((m) => m[1]);
    expect(ranges).toHaveLength(22);
    expect(ranges[0]).toBe('01 - 06');
    expect(ranges[21]).toBe('173 - 175');
    expect(text).not.toContain('Item I – Opening');
  }, 180_000);

  it('has no Paragraph column before the session, while the body has no paragraphs', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'acta-before-'));
    await cp(path.join(root, 'tests/fixtures/leak/meeting.md'), path.join(dir, 'meeting.md'));
    await writeFile(path.join(dir, 'meeting.md'), (await readFile(path.join(dir, 'meeting.md'), 'utf8')).replace(/\n# Enforcement[\s\S]*$/, '\n# Opening {#opening}\n\n*(For decision)*\n\n## Adoption of the agenda\n\n# Closing\n'));
    // Outputs go outside the meeting folder (one inside it is refused).
    const beforeOut = await mkdtemp(path.join(tmpdir(), 'acta-before-out-'));
    expect(acta('agenda', dir, '--out', beforeOut).status).toBe(0);
    const html = await readFile(path.join(beforeOut, path.basename(dir), 'LEAK1-agenda.html'), 'utf8');
    expect(html).toContain('<th class="col-item" scope="col">Agenda Item</th>');
    expect(html).not.toContain('<th class="col-range"');
    expect(html).not.toContain('<td class="col-range">');
    const docx = await contents(path.join(beforeOut, path.basename(dir), 'LEAK1-agenda.docx'));
    expect(docx).not.toContain('>Paragraph<');
    expect(docx).toMatch(/<w:tblGrid><w:gridCol w:w="\d+"\/><w:gridCol w:w="\d+"\/><\/w:tblGrid>/);
  });
});
