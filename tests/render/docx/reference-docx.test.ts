// --reference-docx: the DOCX takes the look of a Word document's styles, as pandoc's --reference-doc; here a reference
// made the way a user would: acta's own (acta reference-docx), one style changed in LibreOffice, saved as DOCX.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { prepareRenderEnv } from '../../../src/pipeline.js';
import { renderReferenceDocx } from '../../../src/render/docx/reference-docx.js';
import { applyReferenceStyles } from '../../../src/render/docx/reference-styles.js';
import { buildTo } from '../../build-helpers.js';
import { validateDocxParts } from '../../docx-schema.js';
import { editInLibreOffice } from '../../import/import-helpers.js';
import { docxParts } from '../../readers.js';

const work = await mkdtemp(path.join(tmpdir(), 'acta-reference-'));
const own = path.join(work, 'acta-reference.docx');
await writeFile(own, await renderReferenceDocx('en'));
const reference = await editInLibreOffice(own, [{ op: 'style-font', style: 'Numbered Paragraph', font: 'DejaVu Sans' }]);
// A small meeting (numbered paragraphs, items, decisions, an annex): what is checked is the styles part.
const plain = await docxParts(path.join((await buildTo('tests/fixtures/restricted', ['docx'], { fullOnly: true, annexFiles: false })).folder, 'PC0600E1a.docx'));
const styled = await docxParts(path.join((await buildTo('tests/fixtures/restricted', ['docx'], { fullOnly: true, annexFiles: false, referenceDocx: reference })).folder, 'PC0600E1a.docx'));

const style = (parts: Record<string, string>, id: string) => new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(parts['word/styles.xml']!)?.[0] ?? '';
const ids = (parts: Record<string, string>) => [...parts['word/styles.xml']!.matchAll(/w:styleId="([^"]+)"/g)].map((m) => m[1]).sort();

describe('acta build --reference-docx, with acta\'s reference restyled in LibreOffice', () => {
  it("writes acta's own reference document with a paragraph in each of its styles", async () => {
    const parts = await docxParts(own);
    for (const id of ['NumberedParagraph', 'Decision', 'AgendaText', 'Heading1', 'AnnexTitle', 'TableText']) expect(parts['word/document.xml']).toContain(`<w:pStyle w:val="${id}"/>`);
  });

  it('takes the changed style: the numbered paragraphs are set in DejaVu Sans', () => {
    expect(style(plain, 'NumberedParagraph')).not.toContain('DejaVu Sans');
    expect(style(styled, 'NumberedParagraph')).toMatch(/<w:rFonts w:ascii="DejaVu Sans" w:hAnsi="DejaVu Sans"\/>/);
  });

  it("keeps acta's styles, names and numbering, and the document itself", () => {
    expect(ids(styled)).toEqual(ids(plain));
    const numbering = (parts: Record<string, string>) => /<w:numPr>[\s\S]*?<\/w:numPr>/.exec(style(parts, 'NumberedParagraph'))?.[0];
    expect(numbering(styled)).toBeDefined();
    expect(numbering(styled)).toBe(numbering(plain));
    expect(styled['word/document.xml']).toBe(plain['word/document.xml']);
    // A style the user did not touch keeps acta's look.
    expect(style(styled, 'Heading1')).toContain('<w:b/>');
    expect(style(styled, 'Heading1')).not.toContain('DejaVu');
  });

  it('stays valid against the ISO/IEC 29500 schemas', async () => {
    expect((await validateDocxParts({ styled })).errors).toEqual([]);
  });

  it("falls back to acta's own look for a style the reference lacks", () => {
    const ownStyles = plain['word/styles.xml']!;
    const reference = '<w:styles><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:rPr><w:color w:val="FF0000"/></w:rPr></w:style></w:styles>';
    const result = applyReferenceStyles(ownStyles, reference);
    expect(result.restyled).toEqual(['Heading1']);
    expect(/<w:style [^>]*w:styleId="Heading1"[\s\S]*?<\/w:style>/.exec(result.styles)![0]).toContain('<w:color w:val="FF0000"/>');
    expect(/<w:style [^>]*w:styleId="Decision"[\s\S]*?<\/w:style>/.exec(result.styles)![0]).toBe(style(plain, 'Decision'));
  });

  it('says what is wrong with a reference that is missing or not a Word document, and builds nothing', async () => {
    const missing = await prepareRenderEnv(undefined, path.join(work, 'nowhere.docx'));
    expect(missing.env).toBeNull();
    expect(missing.diagnostics.map((d) => d.ruleId)).toEqual(['no-reference-docx']);
    const text = path.join(work, 'notes.docx');
    await writeFile(text, 'not a zip');
    const bad = await prepareRenderEnv(undefined, text);
    expect(bad.diagnostics.map((d) => d.ruleId)).toEqual(['bad-reference-docx']);
    // A styles part cut short: said with its place in the part, never a stack trace from the DOCX writer.
    const broken = path.join(work, 'broken.docx');
    await writeFile(broken, zipSync({ 'word/styles.xml': strToU8('<w:styles><w:style w:styleId="Heading1"><w:rPr></w:style></w:styles>') }));
    const cut = await prepareRenderEnv(undefined, broken);
    expect(cut.env).toBeNull();
    expect(cut.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`)).toEqual([`${broken}:1:1 bad-reference-docx`]);
    expect(cut.diagnostics[0]!.message).toMatch(/styles part \(word\/styles\.xml\) is not well-formed XML \(line 1, column \d+: /);
  });

  it('is on the command line: acta reference-docx writes the document, acta build takes it, and refuses a missing one', () => {
    const acta = (...args: string[]) => spawnSync(process.execPath, ['dist/acta.js', ...args], { encoding: 'utf8' });
    const file = path.join(work, 'cli', 'house-style.docx');
    expect(acta('reference-docx', file).status).toBe(0);
    expect(existsSync(file)).toBe(true);
    const out = path.join(work, 'cli-out');
    expect(acta('build', 'tests/fixtures/restricted', '--out', out, '--format', 'docx', '--full', '--no-annex-files', '--reference-docx', file).status).toBe(0);
    expect(existsSync(path.join(out, 'restricted', 'PC0600E1a.docx'))).toBe(true);
    const missing = acta('build', 'tests/fixtures/restricted', '--out', out, '--reference-docx', path.join(work, 'nowhere.docx'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('[no-reference-docx]');
    // A folder given for the file: wrong usage, said in one line, nothing written.
    const folder = acta('reference-docx', work);
    expect(folder.status).toBe(2);
    expect(folder.stderr).toBe(`acta: ${work} is a folder; expected the path of the .docx file to write, such as ${path.join(work, 'reference.docx')}\n`);
    expect(existsSync(path.join(work, 'reference.docx'))).toBe(false);
  });
});
