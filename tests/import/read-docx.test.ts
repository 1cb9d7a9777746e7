// Reading the XML of a DOCX that came back: what XML cannot hold is a refusal that says why, never a crash
// or a character that ends up in the Markdown.

import { describe, expect, it } from 'vitest';
import { parseXml, RefusedDocx } from '../../src/import/read-docx.js';
import { decodeXmlText } from '../../src/xml.js';
import { LIMITS } from '../../src/limits.js';
import { acta, editedDocx, meetingWithDocx, snapshot } from './import-helpers.js';

const document = (text: string) => `<w:document><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`;
const refusal = (xml: string): string => {
  try {
    parseXml('word/document.xml', xml);
  } catch (e) {
    expect(e).toBeInstanceOf(RefusedDocx);
    return (e as Error).message;
  }
  return '';
};

describe('parseXml', () => {
  it("decodes XML's five entities and the references to characters XML allows", () => {
    expect(refusal(document('a &amp; b &lt;&gt;&quot;&apos; &#233;&#xE9; &#x1F600;'))).toBe('');
    expect(decodeXmlText('a &amp; b &#233;&#xE9; &#x1F600;')).toBe('a & b éé 😀');
  });

  it('refuses an entity that is not one of the five, and a bare ampersand', () => {
    expect(refusal(document('Japan &foo; Kenya'))).toBe("the part word/document.xml holds `&foo;`, which is not one of XML's five entities nor a reference to a character XML allows");
    expect(refusal(document('AT&T'))).toMatch(/holds `&T`/);
  });

  it('refuses a reference to no character: past U+10FFFF, half a surrogate pair', () => {
    for (const reference of ['&#x110000;', '&#1114112;', '&#xD800;']) expect(refusal(document(reference)), reference).toContain(`holds \`${reference}\``);
  });

  it('reads a control character, written as it is or as a reference, for the import to leave out with a warning', () => {
    for (const text of ['a\u0001b', '&#1;', '&#xFFFE;', '&#x0;']) expect(refusal(document(text)), text).toBe('');
    expect(decodeXmlText('a&#1;b')).toBe('a\u0001b');
  });

  it(`reads elements nested ${LIMITS.xmlDepth} deep and refuses ${LIMITS.xmlDepth + 1}`, () => {
    const nested = (n: number) => `${'<w:sdt>'.repeat(n - 1)}<w:p></w:p>${'</w:sdt>'.repeat(n - 1)}`;
    expect(refusal(nested(LIMITS.xmlDepth))).toBe('');
    expect(refusal(nested(LIMITS.xmlDepth + 1))).toBe(`the part word/document.xml has elements nested more than ${LIMITS.xmlDepth} deep, which Word never writes`);
  });
});

describe('acta import of a DOCX whose XML holds what XML cannot hold', () => {
  it.each([
    ['an undefined entity', '&foo;'],
    ['a reference beyond U+10FFFF', '&#x110000;'],
  ])('refuses %s: exit 1, one line, nothing written', async (_, reference) => {
    const { dir, docx } = await meetingWithDocx('meetings/exemple-fr', 'PI0231F1a');
    const edited = await editedDocx(docx, { 'word/document.xml': [['a salué les progrès', `a salué ${reference} les progrès`]] }, 'xml.docx');
    const before = await snapshot(dir);
    const run = acta('import', edited, '--into', dir);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([`${edited}:1:1: error: Unexpected file: the part word/document.xml holds \`${reference}\`, which is not one of XML's five entities nor a reference to a character XML allows [import-refused]`]);
    expect(await snapshot(dir)).toEqual(before);
  });
});
