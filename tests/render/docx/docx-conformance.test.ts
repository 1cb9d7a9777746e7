// Every DOCX of the example meetings (full, public, each annex alone, the agenda alone) as Word reads it: valid against
// the ISO/IEC 29500 transitional schemas, and right where the schemas cannot see (issue 17, point 12).

import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAgenda, prepareRenderEnv } from '../../../src/pipeline.js';
import { buildTo } from '../../build-helpers.js';
import { validateDocxParts } from '../../docx-schema.js';
import { docxParts } from '../../readers.js';

const MEETINGS = ['meetings/ptc-219-220', 'meetings/exemple-fr', 'meetings/example-en'];

async function docxFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true });
  return entries.filter((e) => e.endsWith('.docx')).map((e) => path.join(folder, e));
}

const files: Record<string, Record<string, string>> = {};
const { env } = await prepareRenderEnv();
for (const meeting of MEETINGS) {
  const built = await buildTo(meeting, ['docx']);
  for (const edition of ['full', 'public'] as const) await buildAgenda(meeting, path.dirname(built.folder), edition, env!, ['docx']);
  for (const file of await docxFiles(built.folder)) files[`${path.basename(meeting)}/${path.relative(built.folder, file)}`] = await docxParts(file);
}
const names = Object.keys(files).sort();

describe('every DOCX of the example meetings', () => {
  it('is built: full and public reports, annexes alone and agendas of the three meetings', () => {
    expect(names.filter((n) => n.endsWith('-agenda.docx') || n.endsWith('-agenda-public.docx'))).toHaveLength(6);
    expect(names.filter((n) => n.includes('/annexes/'))).toHaveLength(19);
    expect(names).toHaveLength(31);
  });

  it('validates against the ISO/IEC 29500 transitional schemas, after markup-compatibility processing', async () => {
    const result = await validateDocxParts(files);
    console.log(`schema: ${names.length} DOCX, ${result.parts} parts, ${result.errors.length} errors`);
    expect(result.parts).toBeGreaterThan(names.length * 10);
    expect(result.errors).toEqual([]);
  }, 60_000);

  it('has no note reference run in a footnote or endnote separator', () => {
    for (const name of names) {
      for (const [part, note] of [['word/footnotes.xml', 'footnote'], ['word/endnotes.xml', 'endnote']] as const) {
        const separators = files[name]![part]!.match(new RegExp(`<w:${note} w:type="(?:separator|continuationSeparator)"[\\s\\S]*?</w:${note}>`, 'g')) ?? [];
        expect(separators, `${name} ${part}`).toHaveLength(2);
        for (const s of separators) expect(s, `${name} ${part}`).not.toMatch(/<w:(?:footnote|endnote)Ref\/>/);
      }
    }
  });

  it('names only styles its styles part defines, as basedOn, next, link or on a paragraph, run or table', () => {
    for (const name of names) {
      const parts = files[name]!;
      const defined = new Set([...parts['word/styles.xml']!.matchAll(/<w:style [^>]*w:styleId="([^"]+)"/g)].map((m) => m[1]!));
      const used = Object.entries(parts)
        .filter(([part]) => /^word\/.*\.xml$/.test(part))
        .flatMap(([, xml]) => [...xml.matchAll(/<w:(?:basedOn|next|link|pStyle|rStyle|tblStyle) w:val="([^"]+)"\/>/g)].map((m) => m[1]!));
      expect(used.length).toBeGreaterThan(10);
      expect([...new Set(used.filter((s) => !defined.has(s)))], name).toEqual([]);
    }
  });

  it('holds no literal tab or line break in its text: <w:tab/> and <w:br/> instead', () => {
    for (const name of names) {
      for (const [part, xml] of Object.entries(files[name]!)) {
        if (!/^word\/.*\.xml$/.test(part)) continue;
        const literal = [...xml.matchAll(/<w:(t|delText|instrText)(?: [^>]*)?>([^<]*)</g)].filter((m) => /[\t\n\r]/.test(m[2]!)).map((m) => m[0]);
        expect(literal, `${name} ${part}`).toEqual([]);
      }
    }
    // The sub-item labels that used to hold them: "a)<w:tab/>" in the agenda and the sub-item headings.
    expect(files['ptc-219-220/PC0517E1a.docx']!['word/document.xml']).toMatch(/<w:t xml:space="preserve">a\)<\/w:t><w:tab\/>/);
  });

  it('carries exactly the footnotes it cites (the agenda alone, none of the report)', () => {
    for (const name of names) {
      const parts = files[name]!;
      const cited = new Set([...Object.entries(parts)].filter(([p]) => p !== 'word/footnotes.xml').flatMap(([, xml]) => [...xml.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((m) => m[1]!)));
      const carried = new Set([...parts['word/footnotes.xml']!.matchAll(/<w:footnote w:id="(\d+)">/g)].map((m) => m[1]!));
      expect([...carried].sort(), name).toEqual([...cited].sort());
    }
    expect(files['ptc-219-220/PC0517E1a-agenda.docx']!['word/footnotes.xml']).not.toMatch(/<w:footnote w:id="\d+">/);
    expect(files['ptc-219-220/PC0517E1a.docx']!['word/footnotes.xml']!.match(/<w:footnote w:id="\d+">/g)!.length).toBeGreaterThan(3);
  });

  it('has a webSettings part, with its relationship and content type', () => {
    for (const name of names) {
      const parts = files[name]!;
      expect(parts['word/webSettings.xml'], name).toContain('<w:webSettings ');
      expect(parts['word/_rels/document.xml.rels'], name).toContain('Target="webSettings.xml"');
      expect(parts['[Content_Types].xml'], name).toContain('PartName="/word/webSettings.xml"');
    }
  });
});
