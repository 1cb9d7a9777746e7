// The DOCX writer's handlers on small models: the runs and fields each construct of the text becomes, read back as
// the WordprocessingML a one-paragraph document holds, without a build.

import { Document, Packer, Paragraph, type ParagraphChild } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { NumberedParagraph, NumberedReport } from '../../../src/model.js';
import { inlineRuns } from '../../../src/render/docx/inline.js';
import { originLog } from '../../../src/render/docx/origins.js';
import type { WriterEnv, WriterState } from '../../../src/render/docx/writer.js';
import { runBody } from '../../helpers.js';

const BODY = `# Opening {#opening}

*(For information)*

## Agenda {#agenda}

The *Agenda* was **adopted**, see [](#transit), [](#other), paragraph [](#adopted) and [the opening](#opening). {#adopted}

## Other {#other}

The PTC {--discussed--}{++approved [](#transit)++} {==the Guide==}{>>Check with the Chair<<}, :restricted[a secret ]word.[^a] Again.[^a]

# Transit {#transit}

*(For information)*

## Guide {#guide}

See [](#guide).

[^a]: A note.
`;

const report: NumberedReport = runBody(BODY).numbered!;
const paragraph = (n: number): NumberedParagraph => report.items.flatMap((i) => i.body).find((p): p is NumberedParagraph => p.type === 'paragraph' && p.number === n)!;

function writer(): { env: WriterEnv; state: WriterState } {
  return {
    env: { report, changes: { author: 'PTC', date: '2018-05-02T00:00:00Z' }, footnotes: new Map(report.footnotes.map((f) => [f.key, f])) },
    state: { footnotes: new Map(), nextChangeId: 1, nextBookmarkId: 1, nextDrawingId: 1, nextListInstance: 1, citedFootnotes: new Set(), comments: [], log: originLog() },
  };
}

/** The body of a document holding one paragraph of these runs, as docx writes it. */
async function bodyXml(runs: readonly ParagraphChild[]): Promise<string> {
  const doc = new Document({ sections: [{ children: [new Paragraph({ children: [...runs] })] }] });
  const xml = strFromU8(unzipSync(new Uint8Array(await Packer.toBuffer(doc)))['word/document.xml']!);
  return /<w:body>([\s\S]*?)<w:sectPr/.exec(xml)![1]!;
}

/** The text of a paragraph's runs, with each field as `{FIELD CODE|shown}`. */
function readable(xml: string): string {
  return xml
    .replace(/<w:r><w:fldChar w:fldCharType="begin"\/><\/w:r><w:r><w:instrText xml:space="preserve"> ([^<]*?) <\/w:instrText><\/w:r><w:r><w:fldChar w:fldCharType="separate"\/><\/w:r>/g, '{$1|')
    .replace(/<w:r><w:fldChar w:fldCharType="end"\/><\/w:r>/g, '}')
    .replace(/<[^>]+>/g, '');
}

describe('the DOCX handlers of the text', () => {
  it('writes stress and strength as run properties', async () => {
    const { env, state } = writer();
    const xml = await bodyXml(inlineRuns(env, state, paragraph(1).content));
    expect(xml).toContain('<w:r><w:rPr><w:i/><w:iCs/></w:rPr><w:t xml:space="preserve">Agenda</w:t></w:r>');
    expect(xml).toContain('<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">adopted</w:t></w:r>');
  });

  it('writes a reference as REF fields that Word keeps up to date, filled with the label', async () => {
    const { env, state } = writer();
    const text = readable(await bodyXml(inlineRuns(env, state, paragraph(1).content)));
    // An item; a sub-item as its item and its letter, each live; a paragraph by its list number (\n).
    expect(text).toContain('see {REF item_II \\h|Item II}, {REF item_I \\h|Item I} {REF item_I_b \\h|(b)}, paragraph {REF para_1 \\n \\h|1}');
  });

  it('links words given to a reference to its bookmark', async () => {
    const { env, state } = writer();
    const xml = await bodyXml(inlineRuns(env, state, paragraph(1).content));
    expect(xml).toMatch(/<w:hyperlink w:history="1" w:anchor="item_I"><w:r><w:rPr><w:rStyle w:val="Hyperlink"\/><\/w:rPr><w:t xml:space="preserve">the opening<\/w:t><\/w:r><\/w:hyperlink>/);
  });

  it('prints an only sub-item as its item', async () => {
    const { env, state } = writer();
    expect(readable(await bodyXml(inlineRuns(env, state, paragraph(3).content)))).toBe('See {REF item_II \\h|Item II}.');
  });

  it('tracks a deletion and an insertion with the next ids, a reference inside an insertion as an inserted field', async () => {
    const { env, state } = writer();
    const xml = await bodyXml(inlineRuns(env, state, paragraph(2).content));
    expect(xml).toContain('<w:del w:id="1" w:author="PTC" w:date="2018-05-02T00:00:00Z"><w:r><w:delText xml:space="preserve">discussed</w:delText></w:r></w:del>');
    expect(xml).toContain('<w:ins w:id="2" w:author="PTC" w:date="2018-05-02T00:00:00Z"><w:r><w:t xml:space="preserve">approved </w:t></w:r></w:ins>');
    // Every run of the field inside an insertion of its own, ids in order.
    const inserted = [...xml.matchAll(/<w:ins w:id="(\d+)" w:author="PTC" w:date="2018-05-02T00:00:00Z">(.*?)<\/w:ins>/g)];
    expect(inserted.map((m) => Number(m[1]))).toEqual([2, 3, 4, 5, 6, 7]);
    expect(readable(inserted.map((m) => m[2]).join(''))).toBe('approved {REF item_II \\h|Item II}');
    expect(state.nextChangeId).toBe(8);
  });

  it('anchors a comment on its words and keeps it for the comments part', async () => {
    const { env, state } = writer();
    const xml = await bodyXml(inlineRuns(env, state, paragraph(2).content));
    expect(xml).toContain('<w:commentRangeStart w:id="0"/><w:r><w:t xml:space="preserve">the Guide</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>');
    expect(state.comments.map((c) => [c.id, c.author])).toEqual([[0, 'PTC']]);
  });

  it('says where restricted words start and end, in their own character styles', async () => {
    const { env, state } = writer();
    const xml = await bodyXml(inlineRuns(env, state, paragraph(2).content));
    expect(xml).toContain(
      '<w:r><w:rPr><w:rStyle w:val="RestrictedLabel"/></w:rPr><w:t xml:space="preserve">Restricted: </w:t></w:r><w:r><w:rPr><w:rStyle w:val="RestrictedText"/></w:rPr><w:t xml:space="preserve">a secret </w:t></w:r><w:r><w:rPr><w:rStyle w:val="RestrictedLabel"/></w:rPr><w:t xml:space="preserve"> (End of restricted text)</w:t></w:r>',
    );
  });

  it('calls a footnote by its number each time, and notes it as cited once', async () => {
    const { env, state } = writer();
    const xml = await bodyXml(inlineRuns(env, state, paragraph(2).content));
    expect([...xml.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((m) => m[1])).toEqual(['1', '1']);
    expect([...state.citedFootnotes]).toEqual([1]);
  });
});
