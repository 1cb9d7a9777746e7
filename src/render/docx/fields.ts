// Word fields in their long form (w:fldChar begin / w:instrText / separate / result / end), so every reader
// (pandoc, python-docx, LibreOffice) sees the computed result and Word still updates it.

import { NextAttributeComponent, TextRun, XmlComponent, BuilderElement, type IRunOptions, type ParagraphChild } from 'docx';

/** A field character: docx builds these only inside its own fields, so we declare the element through its public builder. */
const fieldChar = (type: 'begin' | 'separate' | 'end') =>
  new BuilderElement<{ type: string }>({ name: 'w:fldChar', attributes: { type: { key: 'w:fldCharType', value: type } } });

/** `<w:instrText xml:space="preserve">REF para_12 \n \h</w:instrText>`, through docx's documented subclassing. */
class FieldInstruction extends XmlComponent {
  constructor(instruction: string) {
    super('w:instrText');
    this.root.push(new NextAttributeComponent({ space: { key: 'xml:space', value: 'preserve' } }));
    this.root.push(instruction);
  }
}

/** The runs of one field: its instruction and its result, each result run formatted as `format` says. */
export function complexField(instruction: string, result: string, format: Omit<IRunOptions, 'text' | 'children'> = {}): ParagraphChild[] {
  return [
    new TextRun({ ...format, children: [fieldChar('begin')] }),
    new TextRun({ ...format, children: [new FieldInstruction(` ${instruction} `)] }),
    new TextRun({ ...format, children: [fieldChar('separate')] }),
    new TextRun({ ...format, text: result }),
    new TextRun({ ...format, children: [fieldChar('end')] }),
  ];
}
