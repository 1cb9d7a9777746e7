// acta's own reference document (`acta reference-docx FILE`): one paragraph in each of acta's styles, named after it,
// for a user to restyle in Word and pass back with --reference-docx.

import { Document, Paragraph, TextRun } from 'docx';
import { catalogFor, type Language } from '../../i18n/labels.js';
import { packDocx } from './pack-docx.js';
import { stylesFor, STYLE } from './styles.js';

/** The styles docx declares as its defaults, which acta sets too (stylesFor's `default`), by id and name. */
const DEFAULT_STYLES: readonly (readonly [string, string])[] = [
  [STYLE.normal, 'Normal'],
  [STYLE.title, 'Title'],
  [STYLE.item, 'Heading 1'],
  [STYLE.subitem, 'Heading 2'],
  [STYLE.heading3, 'Heading 3'],
  [STYLE.heading4, 'Heading 4'],
  [STYLE.heading5, 'Heading 5'],
  [STYLE.heading6, 'Heading 6'],
  [STYLE.footnote, 'footnote text'],
];

export async function renderReferenceDocx(language: Language): Promise<Uint8Array> {
  const catalog = catalogFor(language);
  const styles = stylesFor(catalog.tags.word);
  const paragraphs = [
    ...DEFAULT_STYLES.map(([id, name]) => new Paragraph({ style: id, children: [new TextRun(name)] })),
    ...(styles.paragraphStyles ?? []).map((s) => new Paragraph({ style: s.id, children: [new TextRun(s.name ?? s.id)] })),
    ...(styles.characterStyles ?? []).map((s) => new Paragraph({ style: STYLE.body, children: [new TextRun({ text: s.name ?? s.id, style: s.id })] })),
  ];
  const doc = new Document({ styles, sections: [{ children: paragraphs }] });
  return packDocx(doc, {
    // A fixed date: the same acta writes the same reference document.
    date: '2000-01-01',
    language: catalog.tags.word,
    properties: { title: 'acta reference document', subject: 'styles', creator: 'acta', lastModifiedBy: 'acta', description: 'Restyle it in Word and pass it to acta build --reference-docx', revision: 1 },
  });
}
