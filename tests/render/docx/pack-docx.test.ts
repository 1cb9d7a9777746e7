// The contract between acta and the docx library: what pack-docx relies on, pinned on a small hand-made document,
// so that a docx release that changes it fails here rather than in a user's build.

import { Document, ExternalHyperlink, FootnoteReferenceRun, Packer, Paragraph, TextRun } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bookmarked } from '../../../src/render/docx/blocks.js';
import { packDocx, type PackOptions } from '../../../src/render/docx/pack-docx.js';
import type { WriterState } from '../../../src/render/docx/writer.js';
import { originLog } from '../../../src/render/docx/origins.js';

const OPTIONS: PackOptions = {
  date: '2018-05-02',
  language: 'fr-FR',
  properties: { title: "L'ordre du jour & <annexes>", subject: 'PC0517E1a', creator: 'WCO', lastModifiedBy: 'WCO', description: 'Sessions', revision: 1 },
};

/** A new Document each time, as each build makes one: anything docx numbers per process would differ between two. */
function handMade(): Document {
  const state: WriterState = { footnotes: new Map(), nextChangeId: 1, nextBookmarkId: 1, nextDrawingId: 1, nextListInstance: 1, citedFootnotes: new Set(), comments: [], log: originLog() };
  const note = new Paragraph({ children: [new TextRun('See '), new ExternalHyperlink({ link: 'https://example.org/note', children: [new TextRun('the note')] })] });
  return new Document({
    footnotes: { 1: { children: [note] } },
    sections: [
      {
        children: [
          new Paragraph({
            children: [
              ...bookmarked(state, 'first', [new TextRun('One')]),
              new TextRun(' and '),
              ...bookmarked(state, 'second', [new TextRun('two')]),
              new TextRun(', '),
              new ExternalHyperlink({ link: 'https://example.org/?a=1&b=2', children: [new TextRun('a link')] }),
              new FootnoteReferenceRun(1),
            ],
          }),
        ],
      },
    ],
  });
}

/** Packs under a given clock and time zone: neither may reach the bytes. */
async function packAt(now: string, timeZone: string): Promise<Uint8Array> {
  const zone = process.env.TZ;
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(now));
  process.env.TZ = timeZone;
  try {
    return await packDocx(handMade(), OPTIONS);
  } finally {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
    vi.useRealTimers();
  }
}

const first = await packAt('2031-07-15T09:30:00Z', 'UTC');
const second = await packAt('1999-12-31T23:59:58Z', 'Pacific/Kiritimati');
const parts = Object.fromEntries(Object.entries(unzipSync(first)).map(([name, data]) => [name, strFromU8(data)]));

/** A package's parts as text. */
const partsOf = (zip: Uint8Array): Record<string, string> => Object.fromEntries(Object.entries(unzipSync(zip)).map(([name, data]) => [name, strFromU8(data)]));

/** Each entry's name and DOS date and time, from the zip's central directory. */
function zipEntryTimes(zip: Uint8Array): string[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  while (view.getUint32(end, true) !== 0x06054b50) end--;
  const two = (n: number) => String(n).padStart(2, '0');
  const out: string[] = [];
  for (let i = 0, at = view.getUint32(end + 16, true); i < view.getUint16(end + 10, true); i++) {
    const time = view.getUint16(at + 12, true);
    const date = view.getUint16(at + 14, true);
    const nameLength = view.getUint16(at + 28, true);
    const name = strFromU8(zip.subarray(at + 46, at + 46 + nameLength));
    out.push(`${name} ${1980 + (date >> 9)}-${two((date >> 5) & 15)}-${two(date & 31)} ${two(time >> 11)}:${two((time >> 5) & 63)}:${two((time & 31) * 2)}`);
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}

/** [Id, Type's last segment, Target] of each relationship of a `.rels` part. */
function relationships(name: string): string[][] {
  return [...parts[name]!.matchAll(/<Relationship Id="([^"]+)" Type="[^"]*\/([^"/]+)" Target="([^"]+)"/g)].map((m) => [m[1]!, m[2]!, m[3]!]);
}

describe('packDocx and the docx library', () => {
  it('gives the same bytes for two packs, at another time and in another time zone', () => {
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });

  it('writes exactly these parts, in this order', () => {
    expect(Object.keys(parts)).toEqual([
      'word/_rels/document.xml.rels',
      'word/document.xml',
      'word/styles.xml',
      'docProps/core.xml',
      '_rels/.rels',
      'docProps/custom.xml',
      'docProps/app.xml',
      'word/footnotes.xml',
      'word/_rels/footnotes.xml.rels',
      'word/endnotes.xml',
      'word/_rels/endnotes.xml.rels',
      'word/settings.xml',
      'word/fontTable.xml',
      'word/_rels/fontTable.xml.rels',
      'word/theme/theme1.xml',
      'word/numbering.xml',
      '[Content_Types].xml',
      'word/webSettings.xml',
    ]);
  });

  it("writes the writer's bookmark ids, each start with its end, from 1 in every document", () => {
    const bookmarks = (zip: Uint8Array) => strFromU8(unzipSync(zip)['word/document.xml']!).match(/<w:bookmark(?:Start|End) [^>]*\/>/g);
    expect(bookmarks(second)).toEqual(bookmarks(first));
    expect(bookmarks(first)).toEqual([
      '<w:bookmarkStart w:name="first" w:id="1"/>',
      '<w:bookmarkEnd w:id="1"/>',
      '<w:bookmarkStart w:name="second" w:id="2"/>',
      '<w:bookmarkEnd w:id="2"/>',
    ]);
  });

  it('pins the random ids of external links, in the part that uses each', () => {
    expect(relationships('word/_rels/document.xml.rels')).toEqual([
      ['rId1', 'styles', 'styles.xml'],
      ['rId2', 'numbering', 'numbering.xml'],
      ['rId3', 'footnotes', 'footnotes.xml'],
      ['rId4', 'endnotes', 'endnotes.xml'],
      ['rId5', 'settings', 'settings.xml'],
      ['rId6', 'theme', 'theme/theme1.xml'],
      ['rIdLink1', 'hyperlink', 'https://example.org/?a=1&amp;b=2'],
      ['rId8', 'fontTable', 'fontTable.xml'],
      ['rIdWebSettings', 'webSettings', 'webSettings.xml'],
    ]);
    expect(relationships('word/_rels/footnotes.xml.rels')).toEqual([['rIdLink2', 'hyperlink', 'https://example.org/note']]);
    expect(parts['word/document.xml']!.match(/<w:hyperlink [^>]*>/g)).toEqual(['<w:hyperlink w:history="1" r:id="rIdLink1">']);
    expect(parts['word/footnotes.xml']!.match(/<w:hyperlink [^>]*>/g)).toEqual(['<w:hyperlink w:history="1" r:id="rIdLink2">']);
  });

  it('writes the core properties with the dates and the language', () => {
    expect(parts['docProps/core.xml']).toBe(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        '<dc:title>L&apos;ordre du jour &amp; &lt;annexes&gt;</dc:title><dc:subject>PC0517E1a</dc:subject><dc:creator>WCO</dc:creator>' +
        '<dc:description>Sessions</dc:description><cp:lastModifiedBy>WCO</cp:lastModifiedBy><cp:revision>1</cp:revision>' +
        '<dcterms:created xsi:type="dcterms:W3CDTF">2018-05-02T00:00:00Z</dcterms:created>' +
        '<dcterms:modified xsi:type="dcterms:W3CDTF">2018-05-02T00:00:00Z</dcterms:modified>' +
        '<dc:language>fr-FR</dc:language></cp:coreProperties>',
    );
  });

  it("writes core properties as docx's own would be, but for the dates and the language it cannot be given", async () => {
    const own = new Document({ ...OPTIONS.properties, sections: [] });
    const theirs = strFromU8(unzipSync(new Uint8Array(await Packer.toBuffer(own)))['docProps/core.xml']!);
    const withoutStamps = (xml: string) => xml.replace(/<dcterms:(created|modified)[^>]*>[^<]*<\/dcterms:\1>|<dc:language>[^<]*<\/dc:language>/g, '');
    expect(theirs).toContain('<dcterms:created');
    expect(withoutStamps(parts['docProps/core.xml']!)).toBe(withoutStamps(theirs));
  });

  it('writes the note separators as Word does: the separator alone, no note reference run', () => {
    for (const [name, note] of [['word/footnotes.xml', 'footnote'], ['word/endnotes.xml', 'endnote']] as const) {
      const separators = parts[name]!.match(new RegExp(`<w:${note} w:type="(?:separator|continuationSeparator)"[\\s\\S]*?</w:${note}>`, 'g'));
      expect(separators).toHaveLength(2);
      for (const separator of separators!) {
        expect(separator).not.toMatch(/<w:(?:footnote|endnote)Ref\/>|FootnoteReference|EndnoteReference/);
        expect(separator).toMatch(/<w:(?:continuationSeparator|separator)\/>/);
      }
    }
    // A real note keeps its reference mark.
    expect(parts['word/footnotes.xml']).toMatch(/<w:footnote w:id="1">[\s\S]*<w:footnoteRef\/>/);
  });

  it('defines DefaultParagraphFont, the style docx bases its character styles on, once, as the default', () => {
    const styles = parts['word/styles.xml']!;
    expect(styles.match(/w:styleId="DefaultParagraphFont"/g)).toHaveLength(1);
    expect(styles).toContain('<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">');
    expect(styles).toContain('<w:basedOn w:val="DefaultParagraphFont"/>');
  });

  it('adds a webSettings part with its relationship and content type', () => {
    expect(parts['word/webSettings.xml']).toContain('<w:webSettings ');
    expect(parts['[Content_Types].xml']).toContain('<Override PartName="/word/webSettings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.webSettings+xml"/>');
  });

  it('dates every zip entry at noon of the given date', () => {
    expect(zipEntryTimes(first)).toEqual(Object.keys(parts).map((name) => `${name} 2018-05-02 12:00:00`));
  });
});

describe('packDocx when the docx library output changes', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** docx's real output, edited as a release that changed it might. */
  function changedLibrary(edit: (parts: Record<string, string>) => void, keepOverrides = true) {
    const toBuffer = Packer.toBuffer.bind(Packer);
    vi.spyOn(Packer, 'toBuffer').mockImplementation(async (doc, prettify, overrides) => {
      const packed = unzipSync(new Uint8Array(await toBuffer(doc, prettify, keepOverrides ? overrides : [])));
      const texts = Object.fromEntries(Object.entries(packed).map(([name, data]) => [name, strFromU8(data)]));
      edit(texts);
      return Buffer.from(zipSync(Object.fromEntries(Object.entries(texts).map(([name, text]) => [name, strToU8(text)]))));
    });
  }

  it('stops when the core properties override is not what gets packed', async () => {
    changedLibrary(() => {}, false);
    await expect(packDocx(handMade(), OPTIONS)).rejects.toThrow(
      "the docx library's output changed: expected the core properties acta gives Packer as an override in docProps/core.xml; acta needs an update",
    );
  });

  it('leaves a note separator that no longer holds the reference run as it is', async () => {
    changedLibrary((texts) => {
      texts['word/endnotes.xml'] = texts['word/endnotes.xml']!.replace('<w:r><w:rPr><w:rStyle w:val="EndnoteReference"/></w:rPr><w:endnoteRef/></w:r>', '');
    });
    const endnotes = partsOf(await packDocx(handMade(), OPTIONS))['word/endnotes.xml']!;
    const separators = endnotes.match(/<w:endnote w:type="(?:separator|continuationSeparator)"[\s\S]*?<\/w:endnote>/g);
    expect(separators).toHaveLength(2);
    for (const separator of separators!) expect(separator).toMatch(/^<w:endnote [^>]*><w:p>(?:<w:pPr>.*<\/w:pPr>)?<w:r><w:(?:continuationSeparator|separator)\/><\/w:r><\/w:p><\/w:endnote>$/);
  });

  it('keeps the DefaultParagraphFont of styles that define it themselves, and adds none', async () => {
    changedLibrary((texts) => {
      texts['word/styles.xml'] = texts['word/styles.xml']!.replace('</w:styles>', '<w:style w:type="character" w:styleId="DefaultParagraphFont"/></w:styles>');
    });
    const styles = partsOf(await packDocx(handMade(), OPTIONS))['word/styles.xml']!;
    expect([...styles.matchAll(/<w:style [^>]*w:styleId="DefaultParagraphFont"[^>]*>/g)].map((m) => m[0])).toEqual(['<w:style w:type="character" w:styleId="DefaultParagraphFont"/>']);
  });

  it('keeps a webSettings part the library relates to the document itself, and adds none', async () => {
    changedLibrary((texts) => {
      texts['word/webSettings.xml'] = '<w:webSettings/>';
      texts['word/_rels/document.xml.rels'] = texts['word/_rels/document.xml.rels']!.replace('</Relationships>', '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/webSettings" Target="webSettings.xml"/></Relationships>');
    });
    const parts = partsOf(await packDocx(handMade(), OPTIONS));
    expect(parts['word/webSettings.xml']).toBe('<w:webSettings/>');
    expect(parts['word/_rels/document.xml.rels']!.match(/relationships\/webSettings"/g)).toHaveLength(1);
  });

  it('stops when a webSettings part is there that the document does not relate to', async () => {
    changedLibrary((texts) => {
      texts['word/webSettings.xml'] = '<w:webSettings/>';
    });
    await expect(packDocx(handMade(), OPTIONS)).rejects.toThrow('expected no part word/webSettings.xml of its own (acta adds it) in word/webSettings.xml');
  });

  it('writes back only the parts it changes: a part it only reads stays byte for byte', async () => {
    changedLibrary((texts) => {
      texts['_rels/.rels'] = texts['_rels/.rels']!.replace('<Relationships ', '<Relationships  ');
    });
    expect(partsOf(await packDocx(handMade(), OPTIONS))['_rels/.rels']).toContain('<Relationships  ');
  });

  it('stops rather than add the base when the package gives .xml parts no content type', async () => {
    changedLibrary((texts) => {
      texts['[Content_Types].xml'] = texts['[Content_Types].xml']!.replace('<Default ContentType="application/xml" Extension="xml"/>', '');
    });
    const base = { files: { 'customXml/item1.xml': '<acta:base xmlns:acta="urn:acta:base:1"/>' }, relationship: { id: 'rIdActaBase', type: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml', target: '../customXml/item1.xml' }, contentTypes: [] };
    await expect(packDocx(handMade(), { ...OPTIONS, base })).rejects.toThrow("expected a default content type for .xml parts, which the base's item takes in [Content_Types].xml");
  });

  it('stops on a relationship id of another shape', async () => {
    changedLibrary((texts) => {
      for (const name of ['word/_rels/document.xml.rels', 'word/document.xml']) texts[name] = texts[name]!.replace(/rId[a-z0-9_-]{21}/g, 'rId3f2a9c1e-77b0-4c1d');
    });
    await expect(packDocx(handMade(), OPTIONS)).rejects.toThrow(
      "the docx library's output changed: expected relationship ids of the form rId<number> or rId<21 random characters>, not rId3f2a9c1e-77b0-4c1d in word/_rels/document.xml.rels; acta needs an update",
    );
  });

  it('stops when a random relationship id is used outside the part it belongs to', async () => {
    changedLibrary((texts) => {
      const id = /rId[a-z0-9_-]{21}/.exec(texts['word/_rels/document.xml.rels']!)![0];
      texts['word/settings.xml'] = texts['word/settings.xml']!.replace('</w:settings>', `<w:attachedTemplate r:id="${id}"/></w:settings>`);
    });
    await expect(packDocx(handMade(), OPTIONS)).rejects.toThrow(/^the docx library's output changed: expected no use of the random relationship id rId[a-z0-9_-]{21} .* in word\/settings\.xml; acta needs an update$/);
  });
});
