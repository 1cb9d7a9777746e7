// Odd but valid input builds: what authors paste from Word and what real meetings grow to.

import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTo } from './build-helpers.js';
import { docxParts } from './readers.js';
import { FRONTMATTER } from './helpers.js';

async function meeting(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'acta-odd-'));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  return dir;
}

async function buildAll(files: Record<string, string>) {
  const built = await buildTo(await meeting(files), ['docx', 'html', 'json']);
  expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const data = JSON.parse(await readFile(path.join(built.folder, 'PC0517E1a.json'), 'utf8')) as {
    items: { numeral: string; title: string; range: string }[];
    paragraphs: { number: number; text: string; decisions: string[] }[];
  };
  const html = await readFile(path.join(built.folder, 'PC0517E1a.html'), 'utf8');
  const docx = (await docxParts(path.join(built.folder, 'PC0517E1a.docx')))['word/document.xml']!;
  return { built, data, html, docx };
}

const decide = '\n\nIn conclusion, the PTC:\n\n- took note.\n';

describe('odd but valid input', () => {
  it('reads a byte-order mark, CRLF line ends and tabs', async () => {
    const text = `\ufeff${FRONTMATTER}# Opening {#opening}\n\n*(For decision)*\n\nThe\tChairperson opened the session:\n\n-\tfirst point;\n\t-\tnested point.\n${decide}`.replace(/\n/g, '\r\n');
    const { built, data } = await buildAll({ 'meeting.md': text });
    expect(built.diagnostics).toEqual([]);
    expect(data.items[0]).toMatchObject({ numeral: 'I', title: 'Opening', range: '01 - 02' });
    expect(data.paragraphs.map((p) => p.decisions)).toEqual([[], ['took note.']]);
  });

  it('reports positions right in a CRLF file', async () => {
    const dir = await meeting({ 'meeting.md': `${FRONTMATTER}# Opening\n\nSee [](#nowhere).${decide}`.replace(/\n/g, '\r\n') });
    const built = await buildTo(dir, ['json']);
    expect(built.diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId}`)).toEqual(['13:5 unknown-id']);
  });

  it('tolerates non-breaking spaces and smart quotes in the conclusion phrase', async () => {
    const fm = FRONTMATTER.replace('symbol:', 'conclusion: "In conclusion, the Committee’s members:"\nsymbol:');
    const { data } = await buildAll({
      'meeting.md': `${fm}# Opening\n\nText.\n\nIn\u00a0conclusion,\u00a0the Committee's members\u00a0:\n\n- took note.\n\n# Next\n\nText.\n\nIn conclusion, the Committee’s members:\n\n- agreed.\n`,
    });
    expect(data.paragraphs.flatMap((p) => p.decisions)).toEqual(['took note.', 'agreed.']);
  });

  it('builds a 50 KB paragraph', async () => {
    const long = `${'The delegate of a Member recalled the long history of the matter, '.repeat(760)}and concluded.`;
    expect(long.length).toBeGreaterThan(50_000);
    const { data, html, docx } = await buildAll({ 'meeting.md': `${FRONTMATTER}# Opening\n\n${long}${decide}` });
    expect(data.paragraphs[0]!.text).toHaveLength(long.trimEnd().length);
    expect(html).toContain('and concluded.');
    expect(docx).toContain('and concluded.');
  });

  it('builds lists nested 20 deep', async () => {
    const nested = Array.from({ length: 20 }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n');
    const { html, docx } = await buildAll({ 'meeting.md': `${FRONTMATTER}# Opening\n\nThe points were:\n\n${nested}\n${decide}` });
    // "level 20" sits inside 20 open lists.
    const upTo20 = html.slice(0, html.indexOf('level 20'));
    expect((upTo20.match(/<ul>/g) ?? []).length - (upTo20.match(/<\/ul>/g) ?? []).length).toBe(20);
    expect(html).toContain('level 20');
    expect(docx).toContain('level 20');
    expect(docx).toMatch(/<w:ilvl w:val="8"\/>/); // Word has nine list levels: deeper ones stay at the last
  });

  it('builds 300 items, numbered to CCC, with the agenda ranges', async () => {
    const items = Array.from({ length: 300 }, (_, i) => `# Item number ${i + 1}\n\nText of item ${i + 1}.${decide}`).join('\n');
    const { data, html } = await buildAll({ 'meeting.md': FRONTMATTER + items });
    expect(data.items).toHaveLength(300);
    expect(data.items[299]).toMatchObject({ numeral: 'CCC', range: '599 - 600' });
    expect(data.items[3]).toMatchObject({ numeral: 'IV', range: '07 - 08' });
    expect(html.match(/<tr id="agenda-/g)).toHaveLength(300);
  }, 60_000);

  it('builds an item with no paragraphs, with an empty range', async () => {
    const { data, html } = await buildAll({ 'meeting.md': `${FRONTMATTER}# Opening\n\nText.${decide}\n# Closing\n` });
    expect(data.items.map((i) => i.range)).toEqual(['01 - 02', '']);
    expect(html).toContain('<span class="item-label">Item II</span> – Closing');
  });

  it('builds Arabic, Chinese and emoji titles and ids', async () => {
    const { data, html, docx } = await buildAll({
      'meeting.md': `${FRONTMATTER}# الجمارك والتجارة الإلكترونية {#عربي}\n\nنص الفقرة.${decide}\n# 海关与电子商务 {#中文}\n\n见[](#عربي)。${decide}\n# Trade facilitation 🚢📦 {#emoji-🚢}\n\nSee [](#中文).${decide}`,
    });
    expect(data.items.map((i) => i.title)).toEqual(['الجمارك والتجارة الإلكترونية', '海关与电子商务', 'Trade facilitation 🚢📦']);
    expect(data.paragraphs[2]!.text).toBe('见Item I。');
    expect(data.paragraphs[4]!.text).toBe('See Item II.');
    for (const title of ['الجمارك والتجارة الإلكترونية', '海关与电子商务', '🚢📦']) {
      expect(html).toContain(title);
      expect(docx).toContain(title);
    }
  });
});
