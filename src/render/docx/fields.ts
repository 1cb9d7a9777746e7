// Word fields in their long form (w:fldChar begin / w:instrText / separate / result / end), so every reader
// (pandoc, python-docx, LibreOffice) sees the computed result and Word still updates it. A field inside a tracked change
// is that change's: inserted runs, or deleted ones with a deleted instruction (w:delInstrText), as Word writes it.

import { BuilderElement, DeletedTextRun, InsertedTextRun, NextAttributeComponent, TextRun, XmlComponent, type IRunOptions, type ParagraphChild } from 'docx';

/** A field character: docx builds these only inside its own fields, so we declare the element through its public builder. */
const fieldChar = (type: 'begin' | 'separate' | 'end') =>
  new BuilderElement<{ type: string }>({ name: 'w:fldChar', attributes: { type: { key: 'w:fldCharType', value: type } } });

/** `<w:instrText xml:space="preserve">REF para_12 \n \h</w:instrText>` (or `w:delInstrText` in a deletion), through docx's documented subclassing. */
class FieldInstruction extends XmlComponent {
  constructor(instruction: string, deleted: boolean) {
    super(deleted ? 'w:delInstrText' : 'w:instrText');
    this.root.push(new NextAttributeComponent({ space: { key: 'xml:space', value: 'preserve' } }));
    this.root.push(instruction);
  }
}

/** A tracked change a field belongs to: its kind, and the revision attributes each of its runs takes. */
export interface FieldChange {
  readonly kind: 'ins' | 'del';
  readonly author: string;
  readonly date: string;
  /** A new revision id for each run (ids are unique in a document). */
  readonly nextId: () => number;
}

/** The runs of one field: its instruction and its result, each result run formatted as `format` says. */
export function complexField(instruction: string, result: string, format: Omit<IRunOptions, 'text' | 'children'> = {}, change?: FieldChange): ParagraphChild[] {
  const parts: IRunOptions[] = [
    { ...format, children: [fieldChar('begin')] },
    { ...format, children: [new FieldInstruction(` ${instruction} `, change?.kind === 'del')] },
    { ...format, children: [fieldChar('separate')] },
    { ...format, text: result },
    { ...format, children: [fieldChar('end')] },
  ];
  if (!change) return parts.map((p) => new TextRun(p));
  const revision = () => ({ id: change.nextId(), author: change.author, date: change.date });
  return parts.map((p) => (change.kind === 'ins' ? new InsertedTextRun({ ...p, ...revision() }) : new DeletedTextRun({ ...p, ...revision() })));
}
