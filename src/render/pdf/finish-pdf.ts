// Makes Chromium's PDF acta's: dates pinned to `issued`, acta's document properties, and bookmark
// titles as the report prints them. An incremental update appended to the file: Chromium's bytes stay.

/** What acta writes over Chromium's PDF. */
export interface PdfFinish {
  readonly title: string;
  readonly author: string;
  readonly subject: string;
  /** ISO date (YYYY-MM-DD): the creation and modification dates, so two builds are byte-identical. */
  readonly issued: string;
  /**
   * The title of every bookmark, in the order of Chromium's outline (its headings in document order).
   * Chromium takes a bookmark's title from the painted text and drops the space at each line break
   * ("WTO TradeFacilitation"); these are the headings' own words.
   */
  readonly bookmarks: readonly string[];
}

/** Thrown when Chromium's PDF is not laid out as this module reads it: a bug to report, with the reason. */
export class UnexpectedPdf extends Error {
  override readonly name = 'UnexpectedPdf';
}

const latin1 = new TextDecoder('latin1');

/** `D:20180502000000+00'00'`: the length of Chromium's own date strings, so they can be overwritten in place. */
export function pdfDate(issued: string): string {
  const [y, m, d] = issued.split('-');
  return `D:${y}${m}${d}000000+00'00'`;
}

/** A PDF text string: UTF-16BE with its byte-order mark, in hex, so any language fits. */
export function pdfText(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return `<${hex}>`;
}

/** Reads a PDF text string as Chromium writes them: `<FEFF…>` hex, or a literal `(…)` with backslash escapes. */
export function readPdfText(token: string): string {
  if (token.startsWith('<')) {
    const hex = token.slice(1, -1).replace(/\s+/g, '');
    if (!/^feff/i.test(hex)) return hex.match(/../g)?.map((h) => String.fromCharCode(parseInt(h, 16))).join('') ?? '';
    let out = '';
    for (let i = 4; i + 4 <= hex.length; i += 4) out += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
    return out;
  }
  return token
    .slice(1, -1)
    .replace(/\\([0-7]{1,3}|[\s\S])/g, (_, c: string) => {
      if (/^[0-7]/.test(c)) return String.fromCharCode(parseInt(c, 8));
      return ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[c] ?? c;
    });
}

const TEXT = String.raw`(<[0-9A-Fa-f\s]*>|\((?:\\[\s\S]|[^\\()])*\))`;

class PdfFile {
  readonly text: string;
  readonly offsets = new Map<number, number>();
  readonly trailer: string;
  readonly startxref: number;

  constructor(readonly bytes: Uint8Array) {
    this.text = latin1.decode(bytes);
    const tail = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(this.text);
    if (!tail) throw new UnexpectedPdf('no startxref at the end of the file');
    this.startxref = Number(tail[1]);
    const xref = /xref\s+/y;
    xref.lastIndex = this.startxref;
    if (!xref.test(this.text)) throw new UnexpectedPdf('no cross-reference table (a compressed one is not read)');
    let at = xref.lastIndex;
    for (;;) {
      const head = /(\d+) (\d+)\s+/y;
      head.lastIndex = at;
      const m = head.exec(this.text);
      if (!m) break;
      const first = Number(m[1]);
      const count = Number(m[2]);
      at = head.lastIndex;
      for (let i = 0; i < count; i++, at += 20) {
        const entry = this.text.slice(at, at + 18);
        if (entry.endsWith('n')) this.offsets.set(first + i, Number(entry.slice(0, 10)));
      }
    }
    const trailer = /trailer\s*(<<[\s\S]*?>>)\s*startxref/y;
    trailer.lastIndex = at;
    const t = trailer.exec(this.text);
    if (!t) throw new UnexpectedPdf('no trailer after the cross-reference table');
    this.trailer = t[1]!;
  }

  object(n: number): { readonly start: number; readonly body: string } {
    const offset = this.offsets.get(n);
    if (offset === undefined) throw new UnexpectedPdf(`object ${n} is not in the cross-reference table`);
    const head = new RegExp(String.raw`${n} 0 obj\s*`, 'y');
    head.lastIndex = offset;
    if (!head.test(this.text)) throw new UnexpectedPdf(`object ${n} is not where the table says`);
    const end = this.text.indexOf('endobj', head.lastIndex);
    return { start: head.lastIndex, body: this.text.slice(head.lastIndex, end).trimEnd() };
  }
}

function ref(dict: string, key: string): number | null {
  const m = new RegExp(String.raw`/${key}\s+(\d+)\s+0\s+R`).exec(dict);
  return m ? Number(m[1]) : null;
}

/** The outline's items in reading order (depth first), each with its object number and dictionary. */
function outlineItems(pdf: PdfFile, root: number): { readonly n: number; readonly body: string }[] {
  const catalog = pdf.object(root).body;
  const outlines = ref(catalog, 'Outlines');
  if (outlines === null) return [];
  const items: { n: number; body: string }[] = [];
  const seen = new Set<number>();
  const walk = (first: number | null) => {
    for (let n = first; n !== null && !seen.has(n); ) {
      seen.add(n);
      const body = pdf.object(n).body;
      items.push({ n, body });
      walk(ref(body, 'First'));
      n = ref(body, 'Next');
    }
  };
  walk(ref(pdf.object(outlines).body, 'First'));
  return items;
}

const squeeze = (s: string) => s.replace(/\s+/g, '').toLowerCase();

/** Chromium's PDF with acta's dates, properties and bookmark titles. */
export function finishPdf(bytes: Uint8Array, finish: PdfFinish): Uint8Array {
  const pdf = new PdfFile(bytes);
  const root = ref(pdf.trailer, 'Root');
  const info = ref(pdf.trailer, 'Info');
  const size = /\/Size\s+(\d+)/.exec(pdf.trailer);
  if (root === null || info === null || !size) throw new UnexpectedPdf('the trailer has no Root, Info or Size');
  const date = pdfDate(finish.issued);

  // Chromium's own dates stay in its Info object, superseded below: overwrite them in place too.
  const pinned = bytes.slice();
  const infoObject = pdf.object(info);
  for (const key of ['CreationDate', 'ModDate']) {
    const m = new RegExp(String.raw`/${key}\s*\((D:[^)]*)\)`).exec(infoObject.body);
    if (!m) continue;
    if (m[1]!.length !== date.length) throw new UnexpectedPdf(`${key} is ${m[1]}, not a date of ${date.length} characters`);
    const at = infoObject.start + m.index + m[0].indexOf('(') + 1;
    for (let i = 0; i < date.length; i++) pinned[at + i] = date.charCodeAt(i);
  }

  const producer = /\/Producer\s*(\((?:\\[\s\S]|[^\\()])*\))/.exec(infoObject.body)?.[1] ?? '(Skia/PDF)';
  const updated: { n: number; body: string }[] = [
    {
      n: info,
      body: `<</Title ${pdfText(finish.title)}\n/Author ${pdfText(finish.author)}\n/Subject ${pdfText(finish.subject)}\n/Creator (acta)\n/Producer ${producer}\n/CreationDate (${date})\n/ModDate (${date})>>`,
    },
  ];

  // Bookmark titles: only when Chromium's outline is the headings acta expects, one for one, each
  // title holding Chromium's words (spaces aside); otherwise Chromium's titles stay as they are.
  const items = outlineItems(pdf, root);
  const titleOf = (body: string) => {
    const m = new RegExp(String.raw`/Title\s*${TEXT}`).exec(body);
    return m ? readPdfText(m[1]!) : '';
  };
  const matches =
    items.length === finish.bookmarks.length && items.every((item, i) => squeeze(finish.bookmarks[i]!).includes(squeeze(titleOf(item.body))));
  if (matches) {
    items.forEach((item, i) => {
      updated.push({ n: item.n, body: item.body.replace(new RegExp(String.raw`/Title\s*${TEXT}`), () => `/Title ${pdfText(finish.bookmarks[i]!)}`) });
    });
  }

  // The update: new versions of those objects, their cross-reference section, a trailer pointing back.
  let tail = '\n';
  const offsets: { n: number; offset: number }[] = [];
  for (const object of updated) {
    offsets.push({ n: object.n, offset: bytes.length + tail.length });
    tail += `${object.n} 0 obj\n${object.body}\nendobj\n`;
  }
  const xrefAt = bytes.length + tail.length;
  tail += 'xref\n';
  offsets.sort((a, b) => a.n - b.n);
  for (let i = 0; i < offsets.length; ) {
    let j = i;
    while (j + 1 < offsets.length && offsets[j + 1]!.n === offsets[j]!.n + 1) j++;
    tail += `${offsets[i]!.n} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) tail += `${String(offsets[k]!.offset).padStart(10, '0')} 00000 n \n`;
    i = j + 1;
  }
  tail += `trailer\n<</Size ${size[1]}\n/Root ${root} 0 R\n/Info ${info} 0 R\n/Prev ${pdf.startxref}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  // Everything appended is ASCII (titles are hex), so one byte a character.
  const out = new Uint8Array(pinned.length + tail.length);
  out.set(pinned);
  for (let i = 0; i < tail.length; i++) out[pinned.length + i] = tail.charCodeAt(i);
  return out;
}
