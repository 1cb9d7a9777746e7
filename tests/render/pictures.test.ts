// Pictures: `![description](images/file)` from the meeting's images/ folder, in DOCX (read back by pandoc and by
// acta's own import), HTML and JSON; every mistake said at its place; a figure takes no paragraph number.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { PICTURE_MAX_WIDTH, pictureSize } from '../../src/render/docx/pictures.js';
import { validateDocxParts } from '../docx-schema.js';
import { acta, editedDocx, root } from '../import/import-helpers.js';
import { tool } from '../external-tools.js';
import { docxParts, pandocBlocks, pandocNodes } from '../readers.js';

const FIXTURE = 'tests/fixtures/pictures';

const out = await mkdtemp(path.join(tmpdir(), 'acta-pictures-'));
const build = acta('build', FIXTURE, '--out', out, '--format', 'docx,html,json');
const folder = path.join(out, 'pictures');
const read = (file: string) => readFile(path.join(folder, file));
const fixture = (name: string) => readFile(path.join(root, FIXTURE, 'images', name));

/** The drawings of a DOCX's body: the file each names, its description and its size in pixels. */
function drawings(xml: string): { name: string; descr: string; width: number; height: number }[] {
  return [...xml.matchAll(/<wp:inline\b[\s\S]*?<wp:extent cx="(\d+)" cy="(\d+)"\/>[\s\S]*?<wp:docPr [^>]*name="([^"]*)" descr="([^"]*)"/g)].map((m) => ({
    name: m[3]!,
    descr: m[4]!,
    width: Number(m[1]) / 9525,
    height: Number(m[2]) / 9525,
  }));
}

describe('a meeting with pictures', () => {
  it('builds without a warning', () => {
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);
    expect(build.stdout).toContain('0 warnings');
  });

  it('gives a picture alone in its paragraph no number: it belongs to the paragraph before it, as a table does', async () => {
    const data = JSON.parse((await read('PC0910E1a.json')).toString('utf8')) as { paragraphs: { number: number; text: string; detail: string[] }[] };
    expect(data.paragraphs.map((p) => [p.number, p.text.split(' ').slice(0, 3).join(' ')])).toEqual([
      [1, 'The Secretariat presented'],
      [2, 'Delegates discussed the'],
      [3, 'In conclusion, the'],
      [4, 'The Secretariat presented'],
      [5, 'The Secretariat showed'],
    ]);
    // Data says what the picture shows: its description.
    expect(data.paragraphs[0]!.detail).toEqual(['The three transit corridors of the region, meeting at the border post']);
  });

  it('embeds each picture in the DOCX with its description as alt text, at its own size, an SVG with a PNG beside it', async () => {
    const parts = unzipSync(new Uint8Array(await read('PC0910E1a.docx')));
    const xml = Buffer.from(parts['word/document.xml']!).toString('utf8');
    expect(drawings(xml)).toEqual([
      { name: 'images/corridors.svg', descr: 'The three transit corridors of the region, meeting at the border post', width: 300, height: 150 },
      { name: 'images/route.jpg', descr: 'The draft route of the restricted study', width: 120, height: 60 },
      { name: 'images/organigram.png', descr: 'The organigram of the Secretariat: a Director, two Heads of Division', width: 80, height: 40 },
    ]);
    const media = Object.keys(parts).filter((p) => p.startsWith('word/media/')).sort();
    expect(media.map((m) => path.extname(m)).sort()).toEqual(['.jpg', '.png', '.png', '.svg']);
    // The files' bytes, unchanged; the SVG's PNG is drawn at twice its width for Word processors without SVG.
    const bytesOf = (ext: string) => media.filter((m) => m.endsWith(ext)).map((m) => Buffer.from(parts[m]!));
    expect(bytesOf('.jpg')[0]!.equals(await fixture('route.jpg'))).toBe(true);
    expect(bytesOf('.svg')[0]!.equals(await fixture('corridors.svg'))).toBe(true);
    const pngs = bytesOf('.png');
    const organigram = await fixture('organigram.png');
    expect(pngs.filter((b) => b.equals(organigram))).toHaveLength(1);
    const widths = pngs.map((b) => b.readUInt32BE(16)).sort((a, b) => a - b);
    expect(widths).toEqual([80, 600]);
    expect(xml).toContain('<asvg:svgBlip');
  });

  it('tracks a picture inside a tracked change with the words around it', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'acta-pictures-tracked-'));
    const copy = path.join(work, 'pictures');
    await cp(path.join(root, FIXTURE), copy, { recursive: true });
    const meeting = path.join(copy, 'meeting.md');
    await writeFile(meeting, (await readFile(meeting, 'utf8')).replace('Delegates discussed the route of the second corridor.', 'Delegates discussed the route {--on the old map ![The old map](images/organigram.png)--}{++on the new map ![The new map](images/route.jpg)++}.'));
    expect(acta('build', copy, '--out', path.join(work, 'out'), '--format', 'docx', '--full').status).toBe(0);
    const xml = Buffer.from(unzipSync(new Uint8Array(await readFile(path.join(work, 'out', 'pictures', 'PC0910E1a.docx'))))['word/document.xml']!).toString('utf8');
    // Each drawing inside the change's own w:del or w:ins, so Accept All and Reject All take it with its words.
    expect(xml).toMatch(/<w:del [^>]*>(?:(?!<\/w:del>)[\s\S])*name="images\/organigram\.png"/);
    expect(xml).toMatch(/<w:ins [^>]*>(?:(?!<\/w:ins>)[\s\S])*name="images\/route\.jpg"/);
  });

  it('sets a picture wider than the text at the text width, keeping its proportions, and never enlarges one', () => {
    expect(PICTURE_MAX_WIDTH).toBe(585);
    expect(pictureSize(3000, 1500)).toEqual({ width: 585, height: 293 });
    expect(pictureSize(80, 40)).toEqual({ width: 80, height: 40 });
    // A very tall one fits four fifths of the page's text height (14,344 twips, 765 pixels).
    expect(pictureSize(100, 5000)).toEqual({ width: 15, height: 765 });
  });

  it('is a DOCX the schemas accept, and pandoc reads each picture with its description', async () => {
    const docx = path.join(folder, 'PC0910E1a.docx');
    expect((await validateDocxParts({ pictures: await docxParts(docx) })).errors).toEqual([]);
    const images = pandocNodes(await pandocBlocks(docx)).filter((n) => n.t === 'Image');
    expect(images).toHaveLength(3);
    expect(JSON.stringify(images)).toContain('The organigram of the Secretariat');
  });

  it('writes a self-contained HTML page: each picture a data address with its alt text and size', async () => {
    const html = (await read('PC0910E1a.html')).toString('utf8');
    const imgs = [...html.matchAll(/<img src="data:(image\/[\w+]+);base64,([^"]+)" alt="([^"]*)" width="(\d+)" height="(\d+)"/g)];
    expect(imgs.map((m) => [m[1], m[3], m[4], m[5]])).toEqual([
      ['image/svg+xml', 'The three transit corridors of the region, meeting at the border post', '300', '150'],
      ['image/jpeg', 'The draft route of the restricted study', '120', '60'],
      ['image/png', 'The organigram of the Secretariat: a Director, two Heads of Division', '80', '40'],
    ]);
    expect(Buffer.from(imgs[1]![2]!, 'base64').equals(await fixture('route.jpg'))).toBe(true);
    // The page's own policy lets it show them, and nothing else.
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    // The annex alone carries the annex's picture.
    expect((await read('annexes/annex-I.html')).toString('utf8')).toContain('alt="The organigram of the Secretariat');
  });

  it('shows a picture in a working document, its address read from the folder of the document', async () => {
    const xml = Buffer.from(unzipSync(new Uint8Array(await read('documents/PC0911E1a.docx')))['word/document.xml']!).toString('utf8');
    expect(drawings(xml)).toEqual([{ name: 'images/corridors.svg', descr: 'The three transit corridors of the region, meeting at the border post', width: 300, height: 150 }]);
    expect((await read('documents/PC0911E1a.html')).toString('utf8')).toContain('<img src="data:image/svg+xml;base64,');
  });

  it('keeps the restricted picture out of the public edition', async () => {
    const html = (await read('PC0910E1a-public.html')).toString('utf8');
    expect(html).not.toContain('data:image/jpeg');
    expect(html).not.toContain('draft route');
    const media = Object.keys(unzipSync(new Uint8Array(await read('PC0910E1a-public.docx')))).filter((p) => p.startsWith('word/media/'));
    expect(media.map((m) => path.extname(m)).sort()).toEqual(['.png', '.png', '.svg']);
  });

  it('names each picture in Akoma Ntoso, valid against its schema, the restricted one in the full edition only', async () => {
    const akn = path.join(await mkdtemp(path.join(tmpdir(), 'acta-pictures-akn-')), 'out');
    expect(acta('build', FIXTURE, '--out', akn, '--format', 'akn').status).toBe(0);
    const files = ['PC0910E1a.xml', 'PC0910E1a-public.xml'].map((f) => path.join(akn, 'pictures', f));
    const valid = spawnSync(tool('xmllint'), ['--noout', '--schema', path.join(root, 'tests/schemas/akn/akomantoso30.xsd'), ...files], { encoding: 'utf8' });
    expect(valid.status, valid.stderr).toBe(0);
    const sources = async (file: string) => [...(await readFile(file, 'utf8')).matchAll(/<img src="([^"]+)" alt="[^"]+"/g)].map((m) => m[1]);
    expect(await sources(files[0]!)).toEqual(['images/corridors.svg', 'images/route.jpg', 'images/organigram.png']);
    expect(await sources(files[1]!)).toEqual(['images/corridors.svg', 'images/organigram.png']);
  });

  it('comes back through acta import: a picture is read back from the drawing acta wrote, whatever its name', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'acta-pictures-import-'));
    const copy = path.join(work, 'pictures');
    await cp(path.join(root, FIXTURE), copy, { recursive: true });
    // A name with a space and brackets, as a download names a second copy.
    await cp(path.join(copy, 'images', 'route.jpg'), path.join(copy, 'images', 'route (1).jpg'));
    const meeting = path.join(copy, 'meeting.md');
    await writeFile(meeting, (await readFile(meeting, 'utf8')).replace('(images/route.jpg)', '(<images/route (1).jpg>)'));
    const built = acta('build', copy, '--out', path.join(work, 'out'), '--format', 'docx', '--full');
    expect(built.status, built.stderr).toBe(0);
    const unchanged = acta('import', path.join(work, 'out', 'pictures', 'PC0910E1a.docx'), '--into', copy);
    expect(unchanged.stderr).toBe('');
    expect(unchanged.stdout).toContain('0 files changed');
    // The reviewer types a word before the picture, in its own paragraph, untracked.
    const typed = (xml: string) => xml.replace(/<w:r>(?:(?!<w:r>)[\s\S])*?name="images\/route \(1\)\.jpg"/, (run) => `<w:r><w:t xml:space="preserve">Route: </w:t></w:r>${run}`);
    const edited = await editedDocx(path.join(work, 'out', 'pictures', 'PC0910E1a.docx'), { 'word/document.xml': [typed] }, 'edited.docx');
    const run = acta('import', edited, '--into', copy);
    expect(run.stderr).toBe('');
    const text = await readFile(meeting, 'utf8');
    // The picture comes back with the word, in the form the import writes addresses: nothing said lost.
    expect(text).toMatch(/\nRoute: !\[The draft route of the restricted study\]\((?:<images\/route \(1\)\.jpg>|images\/route%20%281%29\.jpg)\)\n/);
    expect(acta('check', copy).status).toBe(0);

    // Another picture put in its place in Word (Change Picture keeps the drawing's name): said, not taken for the file.
    const parts = unzipSync(new Uint8Array(await readFile(edited)));
    const jpeg = Object.keys(parts).find((p) => p.startsWith('word/media/') && p.endsWith('.jpg'))!;
    parts[jpeg] = new Uint8Array(await fixture('organigram.png'));
    const swapped = path.join(work, 'swapped.docx');
    await writeFile(swapped, zipSync(parts));
    const before = await readFile(meeting, 'utf8');
    const replaced = acta('import', swapped, '--into', copy);
    expect(replaced.status).toBe(0);
    expect(replaced.stderr).toMatch(/meeting\.md:\d+:\d+: warning: .*picture `images\/route \(1\)\.jpg` replaced by another in the copy/);
    expect(await readFile(meeting, 'utf8')).toBe(before);

    // A picture a reviewer pasted and deleted again (a tracked deletion inside their own insertion) was never there.
    const pastedAndDeleted = (xml: string) =>
      xml.replace(/<w:r>(?:(?!<w:r>)[\s\S])*?name="images\/route \(1\)\.jpg"[\s\S]*?<\/w:r>/, (picture) => `${picture}<w:ins w:id="901" w:author="Rev" w:date="2025-04-01T00:00:00Z"><w:del w:id="902" w:author="Rev" w:date="2025-04-01T00:00:00Z">${picture}</w:del></w:ins>`);
    const again = await editedDocx(edited, { 'word/document.xml': [pastedAndDeleted] }, 'pasted-and-deleted.docx');
    const none = acta('import', again, '--into', copy);
    expect([none.status, none.stderr]).toEqual([0, '']);
    expect(none.stdout).toContain('0 files changed');
    expect(await readFile(meeting, 'utf8')).toBe(before);
  });
});

describe('what is wrong with a picture is said at its place, and nothing is written', () => {
  /** The fixture with one line of its transit item replaced, checked. */
  async function checked(picture: string, files: Readonly<Record<string, string | Buffer | null>> = {}) {
    const dir = path.join(await mkdtemp(path.join(tmpdir(), 'acta-picture-')), 'pictures');
    await cp(path.join(root, FIXTURE), dir, { recursive: true });
    const meeting = path.join(dir, 'meeting.md');
    const text = (await readFile(meeting, 'utf8')).replace('![The three transit corridors of the region, meeting at the border post](images/corridors.svg)', picture);
    await writeFile(meeting, text);
    for (const [name, content] of Object.entries(files)) {
      if (content === null) await mkdir(path.join(dir, name), { recursive: true });
      else await writeFile(path.join(dir, name), content);
    }
    const built = acta('build', dir, '--out', path.join(dir, '..', 'out'), '--format', 'docx');
    return { stderr: built.stderr.replaceAll(dir, 'DIR'), status: built.status, wrote: existsSync(path.join(dir, '..', 'out')) };
  }

  it('a missing file, and one whose name differs only in capitals', async () => {
    const missing = await checked('![A map](images/map.png)');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe("DIR/meeting.md:17:1: error: Picture `images/map.png` not found, expected the file in the meeting's `images/` folder [picture-missing]\n");
    expect(missing.wrote).toBe(false);
    const capitals = await checked('![A map](images/Corridors.svg)');
    expect(capitals.stderr).toContain("(there is `images/corridors.svg`: names must match exactly, capitals included) [picture-missing]");
  });

  it('a picture outside images/, from the web, or in another format', async () => {
    const outside = await checked('![A map](map.png)', { 'map.png': await fixture('organigram.png') });
    expect(outside.stderr).toContain("meeting.md:17:1: error: Unexpected picture `map.png` outside the meeting's `images/` folder, expected it there: move it to `images/` and write `![A map](images/map.png)` [picture-missing]");
    const web = await checked('![A map](https://example.org/map.png)');
    expect(web.stderr).toContain("meeting.md:17:1: error: Unexpected picture from `https://example.org/map.png`, expected a picture in the meeting's `images/` folder: acta fetches nothing from the web");
    const gif = await checked('![A map](images/map.gif)');
    expect(gif.stderr).toContain('meeting.md:17:1: error: Unexpected picture `images/map.gif`, expected a PNG, JPEG or SVG file');
    for (const r of [outside, web, gif]) expect([r.status, r.wrote]).toEqual([1, false]);
  });

  it('a file that is not the picture its name says, and one too large', async () => {
    const text = await checked('![A map](images/notes.png)', { 'images/notes.png': 'These are notes, not a picture.\n' });
    expect(text.status).toBe(1);
    expect(text.stderr).toContain('meeting.md:17:1: error: Unexpected file `images/notes.png`: not a picture acta can read, expected a PNG, JPEG or SVG picture');
    const large = await checked('![A map](images/large.png)', { 'images/large.png': Buffer.alloc(11 * 1024 * 1024) });
    expect(large.status).toBe(1);
    // Said once, at the file: the picture that shows it is not said again.
    expect(large.stderr).toBe('DIR/images/large.png:1:1: error: Unexpected picture of 11 MB, expected at most 10 MB: save it smaller (a PNG or JPEG the width of a page is well under 1 MB) [picture-too-large]\n');
  });

  it('an SVG that draws a file outside itself, which Word, a browser or acta would read from their own disk', async () => {
    const svg = (inside: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="80" height="40">${inside}</svg>`;
    const image = await checked('![A map](images/drawn.svg)', { 'images/drawn.svg': svg('<image href="/etc/secret.png" width="80" height="40"/>') });
    expect(image.status).toBe(1);
    expect(image.stderr).toContain('meeting.md:17:1: error: Unexpected file `images/drawn.svg`: an SVG picture that draws another file (`/etc/secret.png`), which acta does not read, expected what it draws inside the SVG [picture-unreadable]');
    const styled = await checked('![A map](images/drawn.svg)', { 'images/drawn.svg': svg('<rect width="8" height="4" style="fill: url(https://example.org/f.svg#p)"/>') });
    expect(styled.stderr).toContain('draws another file (`https://example.org/f.svg#p`)');
    // Its own gradients and embedded pictures are its own.
    const own = await checked('![A map](images/drawn.svg)', { 'images/drawn.svg': svg('<defs><linearGradient id="g"/></defs><rect width="8" height="4" fill="url(#g)"/><image href="data:image/png;base64,AAAA" width="1" height="1"/>') });
    expect(own.status).toBe(0);
  });

  it('an SVG that is not well-formed, has no size, or is far longer than wide; a Windows path is read as folders', async () => {
    const broken = await checked('![A map](images/broken.svg)', { 'images/broken.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="1" height="1"></svg>' });
    expect([broken.status, broken.stderr]).toEqual([1, expect.stringContaining('meeting.md:17:1: error: Unexpected file `images/broken.svg`: an SVG picture that is not well-formed (line 1: ')]);
    const sizeless = await checked('![A map](images/sizeless.svg)', { 'images/sizeless.svg': '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>' });
    expect(sizeless.stderr).toContain('an SVG picture without a size, expected `width` and `height` on its `<svg>`, or a `viewBox` [picture-unreadable]');
    // One that is cut short says so, with the line the XML reader stopped at.
    const cut = await checked('![A map](images/cut.svg)', { 'images/cut.svg': '<svg' });
    expect(cut.stderr).toContain('an SVG picture that is not well-formed (line 1: ');
    // No SVG namespace: XML no reader draws as a picture (the SVG renderer of the DOCX stopped the build).
    const plain = await checked('![A map](images/plain.svg)', { 'images/plain.svg': '<svg width="100" height="100"><rect width="10" height="10"/></svg>' });
    expect([plain.status, plain.stderr]).toEqual([1, expect.stringContaining('meeting.md:17:1: error: Unexpected file `images/plain.svg`: an SVG picture without `xmlns="http://www.w3.org/2000/svg"` on its `<svg>`')]);
    const thin = await checked('![A map](images/thin.svg)', { 'images/thin.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1000000000"/>' });
    expect([thin.status, thin.stderr]).toEqual([1, expect.stringContaining('a picture of 1 × 1000000000 pixels, more than 1000 times longer than it is wide')]);
    const windows = await checked('![A map](images\\corridors.svg)');
    expect([windows.status, windows.stderr]).toEqual([0, '']);
    // A folder inside images/ whose name ends like a picture's is a folder, not a refused picture.
    const folder = await checked('![A map](images/corridors.svg)', { 'images/old maps.png': null, 'images/old maps.png/a.png': await fixture('organigram.png') });
    expect([folder.status, folder.stderr]).toEqual([0, '']);
  });

  it('a picture without a description is a warning, and builds', async () => {
    const bare = await checked('![](images/corridors.svg)');
    expect(bare.status).toBe(0);
    expect(bare.stderr).toContain("meeting.md:17:1: warning: Unexpected picture `images/corridors.svg` without a description, expected one between the brackets");
  });
});
