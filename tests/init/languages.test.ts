import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { docxParts } from '../readers.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const acta = (...args: string[]) => spawnSync(process.execPath, [path.join(root, 'dist', 'acta.js'), ...args], { cwd: root, encoding: 'utf8' });

/** `acta init` stamps today's date; fixed dates make the printed ones known. */
async function initMeeting(name: string, args: readonly string[], dates: { start: string; end: string; issued: string }): Promise<{ dir: string; meeting: string }> {
  const dir = path.join(await mkdtemp(path.join(tmpdir(), 'acta-init-lang-')), name);
  const init = acta('init', dir, ...args);
  expect(init.stderr).toBe('');
  expect(init.status).toBe(0);
  const file = path.join(dir, 'meeting.md');
  let meeting = await readFile(file, 'utf8');
  for (const [key, value] of Object.entries(dates)) meeting = meeting.replace(new RegExp(`^${key}: .*$`, 'm'), `${key}: ${value}`);
  await writeFile(file, meeting);
  return { dir, meeting };
}

function buildMeeting(dir: string): string {
  const out = path.join(dir, '..', 'out');
  const build = acta('build', dir, '--out', out);
  expect(build.stderr).toBe('');
  expect(build.status).toBe(0);
  return path.join(out, path.basename(dir));
}

/** The text Word shows: the runs of a part, one space between paragraphs. */
function wordText(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<\/w:p>/g)].map((m) => m[1] ?? ' ').join('').replace(/&amp;/g, '&').replace(/\s+/g, ' ');
}

interface HtmlNode {
  readonly nodeName: string;
  readonly value?: string;
  readonly childNodes?: readonly HtmlNode[];
  readonly attrs?: readonly { name: string; value: string }[];
}

/** The root element's lang and the text a reader sees (no style sheet), whitespace collapsed. */
async function htmlText(file: string): Promise<{ lang: string | undefined; text: string }> {
  const document = parse(await readFile(file, 'utf8')) as unknown as HtmlNode;
  const htmlElement = document.childNodes!.find((n) => n.nodeName === 'html')!;
  const parts: string[] = [];
  const walk = (node: HtmlNode) => {
    if (node.nodeName === 'style' || node.nodeName === 'script') return;
    if (node.nodeName === '#text') parts.push(node.value!);
    else parts.push(' ');
    for (const child of node.childNodes ?? []) walk(child);
  };
  walk(htmlElement);
  return { lang: htmlElement.attrs?.find((a) => a.name === 'lang')?.value, text: parts.join('').replace(/\s+/g, ' ') };
}

const ENGLISH = ['Item', 'Annex', 'Paragraph', 'Public Version', 'In conclusion', 'Summary report', 'April', 'May', 'Brussels', 'Session'];

describe('acta init --language es, then acta build', () => {
  it('writes a Spanish meeting that builds with no problem into Spanish DOCX and HTML', async () => {
    const { dir, meeting } = await initMeeting('reunion', ['--language', 'es'], { start: '2018-04-30', end: '2018-05-02', issued: '2018-05-02' });
    expect(meeting).toContain('committee: "Comité Técnico Permanente"');
    expect(meeting).toContain('session: "1.ª reunión"');
    expect(meeting).toContain('place: "Bruselas"');
    expect(meeting).toContain('language: es\n');
    expect(meeting).toContain('# Uno de los códigos en, fr, es: todas las palabras fijas que imprime acta.');
    const folder = buildMeeting(dir);

    const decisions = JSON.parse(await readFile(path.join(folder, 'decisions.json'), 'utf8')) as { decisions: { id: string }[] };
    expect(decisions.decisions.map((d) => d.id)).toEqual(['I-a-1', 'I-b-1', 'II-1', 'II-2']);

    const spanish = [
      'Punto n.º', 'Punto del orden del día', 'Párrafo', 'Informe resumido', '1.ª reunión del Comité Técnico Permanente',
      '30 de abril – 2 de mayo de 2018', 'Bruselas, 2 de mayo de 2018.', 'Punto I – Apertura de la reunión', 'En conclusión, el CTP:',
      'en el marco del Punto I (b)', 'figura en el Anexo II',
    ];
    const docx = await docxParts(path.join(folder, 'PC0000S1a.docx'));
    // Spanish throughout, but for the cover's second-language line ("World Customs Organization"), marked English.
    expect([...new Set([...Object.values(docx).join('').matchAll(/<w:lang w:val="([^"]+)"/g)].map((m) => m[1]))].sort()).toEqual(['en-GB', 'es-ES']);
    expect(docx['word/document.xml']!.match(/<w:lang w:val="en-GB"\/><\/w:rPr><w:t[^>]*>World Customs Organization</g)).toHaveLength(1);
    expect(docx['word/document.xml']!.match(/<w:lang w:val="en-GB"/g)).toHaveLength(1);
    expect(docx['word/styles.xml']).toMatch(/<w:rPrDefault><w:rPr>(?:(?!<\/w:rPr>).)*<w:lang w:val="es-ES"\/>/s);
    expect(docx['docProps/core.xml']).toContain('<dc:language>es-ES</dc:language>');
    const document = wordText(docx['word/document.xml']!);
    for (const words of spanish) expect(document).toContain(words);
    for (const words of ENGLISH) expect(document).not.toContain(words);
    const headers = Object.entries(docx).filter(([name]) => /^word\/header\d+\.xml$/.test(name)).map(([, xml]) => wordText(xml)).join('|');
    expect(headers).toContain('Anexo I al doc. PC0000S1a');
    expect(headers).toContain('Anexo II al doc. PC0000S1a');

    const publicDocx = await docxParts(path.join(folder, 'PC0000S1a-public.docx'));
    expect(Object.entries(publicDocx).filter(([name]) => name.startsWith('word/header')).map(([, xml]) => wordText(xml)).join('|')).toContain('Versión pública');
    expect(wordText(publicDocx['word/document.xml']!)).toContain('El anexo I no se incluye en la versión pública.');

    const html = await htmlText(path.join(folder, 'PC0000S1a.html'));
    expect(html.lang).toBe('es');
    for (const words of spanish) expect(html.text).toContain(words);
    for (const words of ENGLISH) expect(html.text).not.toContain(words);
    const publicHtml = await htmlText(path.join(folder, 'PC0000S1a-public.html'));
    expect(publicHtml.lang).toBe('es');
    expect(publicHtml.text).toContain('Versión pública');
    expect(publicHtml.text).toContain('El anexo I no se incluye en la versión pública.');
    expect((await htmlText(path.join(folder, 'annexes', 'annex-II.html'))).text).toContain('Anexo II al doc. PC0000S1a');
  });
});

describe('acta init defaults', () => {
  it.each([
    ['en', ['committee: "Permanent Technical Committee"', 'committee_short: "PTC"', 'session: "1st Session"', 'place: "Brussels"', 'symbol: "PC0000E1a"']],
    ['fr', ['committee: "Comité technique permanent"', 'committee_short: "CTP"', 'session: "1re session"', 'place: "Bruxelles"', 'symbol: "PC0000F1a"']],
    ['es', ['committee: "Comité Técnico Permanente"', 'committee_short: "CTP"', 'session: "1.ª reunión"', 'place: "Bruselas"', 'symbol: "PC0000S1a"']],
  ])('are in the meeting language for --language %s', async (language, lines) => {
    const { meeting } = await initMeeting('m', ['--language', language], { start: '2018-04-30', end: '2018-05-02', issued: '2018-05-02' });
    for (const line of lines) expect(meeting).toContain(`\n${line}\n`);
  });

  it('give way to the options typed', async () => {
    const { meeting } = await initMeeting('m', ['--language', 'fr', '--place', 'Genève', '--session', '85e réunion'], { start: '2018-04-30', end: '2018-05-02', issued: '2018-05-02' });
    expect(meeting).toContain('\nplace: "Genève"\n');
    expect(meeting).toContain('\nsession: "85e réunion"\n');
    expect(meeting).toContain('\ncommittee: "Comité technique permanent"\n');
  });

  it('make a French meeting that builds with no problem and prints French dates', async () => {
    const { dir } = await initMeeting('reunion', ['--language', 'fr'], { start: '2018-05-01', end: '2018-05-03', issued: '2018-06-01' });
    const html = await htmlText(path.join(buildMeeting(dir), 'PC0000F1a.html'));
    expect(html.lang).toBe('fr');
    for (const words of ['1re session du Comité technique permanent', '1er – 3 mai 2018', 'Bruxelles, le 1er juin 2018.']) expect(html.text).toContain(words);
  });
});

describe('a new meeting of another committee', () => {
  it('takes the committee’s letters for the report’s and the working document’s symbols', async () => {
    const dir = path.join(await mkdtemp(path.join(tmpdir(), 'acta-init-ec-')), 'ec');
    expect(acta('init', dir, '--short', 'EC').status).toBe(0);
    expect(await readFile(path.join(dir, 'meeting.md'), 'utf8')).toMatch(/^symbol: "EC0000E1a"$/m);
    expect(await readFile(path.join(dir, 'documents', 'pc0001.md'), 'utf8')).toMatch(/^symbol: "EC0001E1a"$/m);
    const check = acta('check', dir);
    expect(check.stderr).toBe('');
    expect(check.stdout).toMatch(/: 2 items, 8 paragraphs, 2 annexes, 4 decisions, 1 working document\n$/);
  });
});
