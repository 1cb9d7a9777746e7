// --reference-docx: the look of acta's styles taken from a Word document the user provides, as pandoc's
// --reference-doc does. Each of acta's styles keeps its id, its name, what it is based on and acta's numbering;
// its paragraph and run properties (fonts, sizes, spacing, colours, alignment) become those of the style of the
// same name in the reference. A style the reference lacks stays acta's. The reference's document defaults replace
// acta's. Works on the styles part's text alone, so it runs after packing like the other steps of pack-docx.

const STYLE = /<w:style\b[^>]*>[\s\S]*?<\/w:style>/g;

interface StyleEntry {
  readonly xml: string;
  readonly type: string;
  readonly id: string;
  readonly name: string;
}

function stylesOf(xml: string): StyleEntry[] {
  return [...xml.matchAll(STYLE)].map((m) => ({
    xml: m[0],
    type: /w:type="([^"]+)"/.exec(m[0])?.[1] ?? 'paragraph',
    id: /w:styleId="([^"]+)"/.exec(m[0])?.[1] ?? '',
    name: (/<w:name w:val="([^"]*)"\/>/.exec(m[0])?.[1] ?? '').toLowerCase(),
  }));
}

/** An element of a style (`w:pPr`, `w:rPr`, `w:numPr`…), whole, or null. */
function element(xml: string, name: string): string | null {
  const empty = new RegExp(`<${name}\\/>|<${name}(?:\\s[^>]*)?\\/>`).exec(xml);
  const full = new RegExp(`<${name}(?:\\s[^>]*)?>[\\s\\S]*?<\\/${name}>`).exec(xml);
  if (full && (!empty || full.index <= empty.index)) return full[0];
  return empty ? empty[0] : null;
}

/** The paragraph properties whose children come before w:numPr in the schema's sequence. */
const BEFORE_NUMPR = ['w:pStyle', 'w:keepNext', 'w:keepLines', 'w:pageBreakBefore', 'w:framePr', 'w:widowControl'];

/** The reference's paragraph properties, with acta's numbering (the reference's list ids mean nothing in acta's numbering part). */
function paragraphProperties(reference: string | null, own: string | null): string | null {
  const numbering = own ? element(own, 'w:numPr') : null;
  let pPr = reference ? reference.replace(/<w:numPr>[\s\S]*?<\/w:numPr>|<w:numPr\/>/, '') : null;
  if (!numbering) return pPr;
  if (!pPr || /^<w:pPr\s*\/>$/.test(pPr)) return `<w:pPr>${numbering}</w:pPr>`;
  let at = pPr.indexOf('>') + 1;
  for (const name of BEFORE_NUMPR) {
    const found = element(pPr, name);
    if (found) at = Math.max(at, pPr.indexOf(found) + found.length);
  }
  pPr = pPr.slice(0, at) + numbering + pPr.slice(at);
  return pPr;
}

/** acta's style with the reference style's paragraph and run properties in place of its own. */
function restyle(own: StyleEntry, reference: StyleEntry): string {
  const pPr = paragraphProperties(element(reference.xml, 'w:pPr'), element(own.xml, 'w:pPr'));
  const rPr = element(reference.xml, 'w:rPr');
  let xml = own.xml;
  for (const name of ['w:pPr', 'w:rPr']) {
    const found = element(xml, name);
    if (found) xml = xml.replace(found, '');
  }
  // After the style's header elements (name, basedOn, next, link, uiPriority, qFormat…), before table properties.
  const tail = /<w:(?:tblPr|trPr|tcPr|tblStylePr)\b|<\/w:style>/.exec(xml)!;
  return xml.slice(0, tail.index) + (pPr ?? '') + (rPr ?? '') + xml.slice(tail.index);
}

export interface ReferenceResult {
  readonly styles: string;
  /** The ids of acta's styles that took the reference's look. */
  readonly restyled: readonly string[];
}

/** acta's styles part with the look of the reference's styles part (`word/styles.xml` of the user's document). */
export function applyReferenceStyles(own: string, reference: string): ReferenceResult {
  const references = stylesOf(reference);
  const restyled: string[] = [];
  let styles = own.replace(STYLE, (xml) => {
    const entry = stylesOf(xml)[0]!;
    const match =
      references.find((r) => r.type === entry.type && r.name !== '' && r.name === entry.name) ?? references.find((r) => r.type === entry.type && r.id === entry.id);
    if (!match) return xml;
    restyled.push(entry.id);
    return restyle(entry, match);
  });
  const defaults = element(reference, 'w:docDefaults');
  const ownDefaults = element(styles, 'w:docDefaults');
  if (defaults && ownDefaults) styles = styles.replace(ownDefaults, defaults);
  return { styles, restyled };
}
