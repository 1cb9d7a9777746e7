// Packs a docx Document reproducibly: the same report gives the same bytes.
//
// The docx library stamps the current time into docProps/core.xml and the zip entries, gives
// external hyperlinks random relationship ids, and numbers bookmarks from a counter that lives as
// long as the process; those are pinned here after packing.

import { Packer, type Document } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

export interface PackOptions {
  /** ISO date (YYYY-MM-DD) written as the document's created and modified dates. */
  readonly date: string;
  /** BCP 47 tag written as the document's language. */
  readonly language: string;
}

type Parts = Record<string, Uint8Array>;

/**
 * The document's parts before zipping. docx's Packer zips them itself; its compiler gives them
 * unzipped, which saves inflating and deflating every part again here. The compiler is not part of
 * docx's typed API, so the public way (zip, then unzip) stays as the fallback.
 */
async function partsOf(doc: Document): Promise<Parts> {
  const compiler = (Packer as unknown as { compiler?: { compile?: (file: Document) => Map<string, string | Uint8Array> } }).compiler;
  if (typeof compiler?.compile === 'function') {
    const parts: Parts = {};
    for (const [name, data] of compiler.compile(doc)) parts[name] = typeof data === 'string' ? strToU8(data) : new Uint8Array(data);
    if (parts['word/document.xml']) return parts;
  }
  return unzipSync(new Uint8Array(await Packer.toBuffer(doc)));
}

export async function packDocx(doc: Document, options: PackOptions): Promise<Uint8Array> {
  const packed = await partsOf(doc);
  const names = Object.keys(packed);
  const stamp = `${options.date}T00:00:00Z`;

  // Random relationship ids (rId + 21 characters of nanoid), renamed in order of first appearance.
  const renamed = new Map<string, string>();
  const rename = (xml: string) =>
    xml.replace(/"(rId[A-Za-z0-9_-]{21})"/g, (_, id: string) => {
      if (!renamed.has(id)) renamed.set(id, `rIdLink${renamed.size + 1}`);
      return `"${renamed.get(id)}"`;
    });

  // Bookmark ids, renumbered from 1 in order of appearance (a start and its end share one).
  const bookmarkIds = new Map<string, number>();
  const renumber = (xml: string) =>
    xml.replace(/(<w:bookmark(?:Start|End)\b[^>]*? w:id=")(\d+)"/g, (_, head: string, id: string) => {
      if (!bookmarkIds.has(id)) bookmarkIds.set(id, bookmarkIds.size + 1);
      return `${head}${bookmarkIds.get(id)}"`;
    });

  const files: Zippable = {};
  for (const name of names) {
    let data = packed[name]!;
    if (/\.(xml|rels)$/.test(name)) {
      let xml = renumber(rename(strFromU8(data)));
      if (name === 'docProps/core.xml') {
        xml = xml
          .replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${stamp}$3`)
          .replace('</cp:coreProperties>', `<dc:language>${options.language}</dc:language></cp:coreProperties>`);
      }
      data = strToU8(xml);
    }
    files[name] = [data, { mtime: new Date(`${options.date}T12:00:00Z`) }];
  }
  return zipSync(files, { level: 6 });
}
