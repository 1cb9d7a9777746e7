// A reference document restyles fonts, sizes, colours and spacing: a style that hides text, makes it
// white or tiny is refused, since text in acta's styles would be printed yet unreadable.

import { spawnSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/limits.js';
import { loadReferenceStyles } from '../../src/load/load-reference-docx.js';
import { renderReferenceDocx } from '../../src/render/docx/reference-docx.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const styles = (rPr: string, where: 'style' | 'defaults' = 'style') =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles ${W}>` +
  (where === 'defaults' ? `<w:docDefaults><w:rPrDefault><w:rPr>${rPr}</w:rPr></w:rPrDefault></w:docDefaults>` : '') +
  `<w:style w:type="paragraph" w:styleId="NumberedParagraph"><w:name w:val="Numbered Paragraph"/>${where === 'style' ? `<w:rPr>${rPr}</w:rPr>` : ''}</w:style></w:styles>`;

async function reference(xml: string): Promise<string> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'acta-ref-')), 'house.docx');
  await writeFile(file, zipSync({ 'word/styles.xml': strToU8(xml) }));
  return file;
}

describe('a reference document', () => {
  it.each([
    ['hidden text', '<w:vanish/>', 'style `Numbered Paragraph`', 'hidden'],
    ['hidden text marked so with a value', '<w:specVanish w:val="true"/>', 'style `Numbered Paragraph`', 'hidden'],
    ['white text', '<w:color w:val="FFFFFF"/>', 'style `Numbered Paragraph`', 'white (colour FFFFFF)'],
    ['near-white text', '<w:color w:val="F5F8FA"/>', 'style `Numbered Paragraph`', 'white (colour F5F8FA)'],
    ['1 pt text', '<w:sz w:val="2"/>', 'style `Numbered Paragraph`', 'tiny (1 pt)'],
  ])('with %s is refused, naming the style', async (_, rPr, style, how) => {
    const r = await loadReferenceStyles(await reference(styles(rPr)));
    expect(r.value).toBeNull();
    expect(r.diagnostics.map((d) => [d.ruleId, d.message])).toEqual([['bad-reference-docx', expect.stringContaining(`Unexpected ${style} in the reference document, which makes text ${how}`)]]);
  });

  it('with hidden text in its document defaults is refused', async () => {
    const r = await loadReferenceStyles(await reference(styles('<w:vanish/>', 'defaults')));
    expect(r.diagnostics[0]?.message).toContain('Unexpected document defaults in the reference document, which makes text hidden');
  });

  it.each([
    ['a font, a size, a colour', '<w:rFonts w:ascii="Arial"/><w:color w:val="1F3864"/><w:sz w:val="22"/>'],
    ['hidden turned off', '<w:vanish w:val="0"/>'],
    ['the automatic colour and 6 pt', '<w:color w:val="auto"/><w:sz w:val="12"/>'],
  ])('with %s is taken', async (_, rPr) => {
    const r = await loadReferenceStyles(await reference(styles(rPr)));
    expect(r.diagnostics).toEqual([]);
    expect(r.value).toContain('Numbered Paragraph');
  });

  it('as acta writes it is taken', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'acta-ref-')), 'acta.docx');
    await writeFile(file, await renderReferenceDocx('en'));
    expect((await loadReferenceStyles(file)).diagnostics).toEqual([]);
  });

  it('that is a named pipe is refused at once, never waited for', async () => {
    const pipe = path.join(await mkdtemp(path.join(tmpdir(), 'acta-ref-')), 'house.docx');
    expect(spawnSync('mkfifo', [pipe]).status).toBe(0);
    const r = await loadReferenceStyles(pipe);
    expect(r.diagnostics.map((d) => d.ruleId)).toEqual(['no-reference-docx']);
    expect(r.diagnostics[0]!.message).toContain('it is not a regular file (a device, pipe or socket)');
  });

  it(`with a styles part nested ${LIMITS.xmlDepth} deep is read, and one nested 1,000 deep refused when it is loaded`, async () => {
    const nested = (depth: number) => `<w:styles ${W}><w:style w:styleId="Deep">${'<w:x>'.repeat(depth - 2)}${'</w:x>'.repeat(depth - 2)}</w:style></w:styles>`;
    expect((await loadReferenceStyles(await reference(nested(LIMITS.xmlDepth)))).diagnostics).toEqual([]);
    expect((await loadReferenceStyles(await reference(nested(1000)))).diagnostics.map((d) => d.message)).toEqual([
      `Unexpected reference document whose styles part (word/styles.xml) has elements nested more than ${LIMITS.xmlDepth} deep, which Word never writes, expected a Word document (.docx) as Word saves it`,
    ]);
  });
});
