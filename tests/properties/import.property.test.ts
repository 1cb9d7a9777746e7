// Properties of the Word round trip: an unedited DOCX imports as no change; and for random meetings and random edits
// made to their DOCX as Word stores them (words inserted and deleted, paragraphs inserted and deleted, with tracking on
// or off, comments), importing into the unchanged sources and building again gives a DOCX whose text, changes
// accepted, is the edited one's, with the same comments.

import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseXml } from '../../src/import/read-docx.js';
import { readComments, readParagraphs } from '../../src/import/read-parts.js';
import { buildTo } from '../build-helpers.js';
import { importInProcess } from '../import/import-helpers.js';
import { meetingSpec, writeMeeting } from './meeting-arbitrary.js';
import { RUNS, TIMEOUT } from './run-spec.js';

/** A spec written into a meeting folder of its own. */
async function meetingFolder(files: Readonly<Record<string, string>>): Promise<string> {
  const dir = path.join(await mkdtemp(path.join(tmpdir(), 'acta-import-property-')), 'meeting');
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  return dir;
}

const fullDocx = async (dir: string) => {
  const built = await buildTo(dir, ['docx'], { publicOnly: false, fullOnly: true, annexFiles: false, documents: false });
  return path.join(built.folder, 'PROP1.docx');
};

describe('properties', () => {
  it(`an unedited DOCX imports as no change, no warning (${RUNS} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(meetingSpec(), async (spec) => {
        const dir = await meetingFolder(writeMeeting(spec).files);
        const result = await importInProcess(dir, await fullDocx(dir));
        expect([...result.files.keys()]).toEqual([]);
        expect(result.warnings).toEqual([]);
        expect(result.conflicts).toEqual([]);
        expect(result.counts).toEqual({ changed: 0, inserted: 0, deleted: 0, tracked: 0, comments: 0 });
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it(`a DOCX edited as Word stores edits, imported and built again, reads as the edited one (${RUNS} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(meetingSpec(), fc.array(editOf, { minLength: 1, maxLength: 6 }), async (spec, edits) => {
        const dir = await meetingFolder(writeMeeting(spec).files);
        const docx = await fullDocx(dir);
        const parts = unzipSync(new Uint8Array(await readFile(docx)));
        let xml = strFromU8(parts['word/document.xml']!);
        const comments: string[] = [];
        for (const e of edits) xml = applyEdit(xml, e, comments);
        fc.pre(xml !== strFromU8(parts['word/document.xml']!));
        parts['word/document.xml'] = strToU8(xml);
        if (comments.length) addComments(parts, comments);
        const edited = path.join(path.dirname(docx), 'edited.docx');
        await writeFile(edited, zipSync(parts));

        const result = await importInProcess(dir, edited);
        expect(result.conflicts).toEqual([]);
        // A paragraph deleted while still cited: the import says the next build stops there (tested in round-trip.test.ts).
        fc.pre(!result.warnings.some((w) => w.message.startsWith('After this import, `acta build` stops here')));
        for (const [file, { after }] of result.files) await writeFile(file, after);
        const rebuilt = await fullDocx(dir);
        const [want, got] = await Promise.all([readable(edited), readable(rebuilt)]);
        expect(got.text).toEqual(want.text);
        expect(got.comments).toEqual(want.comments);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);
});

// ---- edits as Word stores them ------------------------------------------------------------------------------------

type Edit =
  | { readonly op: 'append'; readonly n: number; readonly word: string; readonly tracked: boolean }
  | { readonly op: 'drop-word'; readonly n: number; readonly tracked: boolean }
  | { readonly op: 'insert-paragraph'; readonly n: number; readonly words: string; readonly tracked: boolean }
  | { readonly op: 'delete-paragraph'; readonly n: number; readonly tracked: boolean }
  | { readonly op: 'comment'; readonly n: number; readonly text: string };

const WORDS = ['revised', 'notably', 'Members’', 'e-commerce', '(2027)', 'Japan', 'tariffs', '#hash', '*star*', '[x]', 'a_b', '<tag>', '10:30', '~tilde~'];
const editOf: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constant('append' as const), n: fc.nat(30), word: fc.constantFrom(...WORDS), tracked: fc.boolean() }),
  fc.record({ op: fc.constant('drop-word' as const), n: fc.nat(30), tracked: fc.boolean() }),
  fc.record({ op: fc.constant('insert-paragraph' as const), n: fc.nat(30), words: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 5 }).map((w) => `${w.join(' ')}.`), tracked: fc.boolean() }),
  fc.record({ op: fc.constant('delete-paragraph' as const), n: fc.nat(30), tracked: fc.boolean() }),
  fc.record({ op: fc.constant('comment' as const), n: fc.nat(30), text: fc.constantFrom('Please check.', 'Why “this”?', 'Agreed & noted.') }),
);

const REV = 'w:author="Delegate of Japan" w:date="2026-11-02T09:30:00Z"';
let id = 5000;
const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The `<w:p>` of numbered paragraph n (by acta's bookmark), or null when the edits before removed it. */
function paragraphOf(xml: string, n: number): { start: number; end: number } | null {
  const at = xml.indexOf(`w:name="para_${n}"`);
  if (at < 0) return null;
  const start = Math.max(xml.lastIndexOf('<w:p>', at), xml.lastIndexOf('<w:p ', at));
  const end = xml.indexOf('</w:p>', at) + '</w:p>'.length;
  return { start, end };
}

/** The last plain run of a paragraph (no field, change, hyperlink or character style around or in it). */
function lastPlainRun(p: string): { index: number; run: string; rPr: string; text: string } | null {
  let depth = 0;
  let found: { index: number; run: string; rPr: string; text: string } | null = null;
  const token = /<w:(ins|del|hyperlink)\b[^>]*>|<\/w:(ins|del|hyperlink)>|<w:fldChar w:fldCharType="(begin|end)"\/>|<w:r>(<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?<w:t xml:space="preserve">([^<]*)<\/w:t><\/w:r>/g;
  for (const m of p.matchAll(token)) {
    if (m[1] || m[3] === 'begin') depth++;
    else if (m[2] || m[3] === 'end') depth--;
    else if (depth === 0 && !(m[4] ?? '').includes('rStyle') && /\S\s*$/.test(m[5]!)) found = { index: m.index, run: m[0], rPr: m[4] ?? '', text: m[5]! };
  }
  return found;
}

function applyEdit(xml: string, e: Edit, comments: string[]): string {
  const where = paragraphOf(xml, e.n + 1);
  if (!where) return xml;
  const p = xml.slice(where.start, where.end);
  const replace = (q: string) => xml.slice(0, where.start) + q + xml.slice(where.end);
  const run = (text: string, rPr = '', tag = 'w:t') => `<w:r>${rPr}<${tag} xml:space="preserve">${escapeXml(text)}</${tag}></w:r>`;
  switch (e.op) {
    case 'append':
    case 'drop-word': {
      const last = lastPlainRun(p);
      if (!last) return xml;
      let made: string;
      if (e.op === 'append') {
        const added = run(` ${e.word}`, last.rPr);
        made = last.run + (e.tracked ? `<w:ins w:id="${++id}" ${REV}>${added}</w:ins>` : added);
      } else {
        const m = /^(.*?)(\s*\S+)(\s*)$/s.exec(last.text)!;
        const kept = run(m[1]!, last.rPr);
        const dropped = e.tracked ? `<w:del w:id="${++id}" ${REV}>${run(m[2]!, last.rPr, 'w:delText')}</w:del>` : '';
        made = kept + dropped + (m[3] ? run(m[3], last.rPr) : '');
      }
      return replace(p.slice(0, last.index) + made + p.slice(last.index + last.run.length));
    }
    case 'insert-paragraph': {
      // Between a paragraph and what belongs to it (decisions, a list, table, quote or code) a paragraph cannot stand in
      // Markdown: the import puts it after them, and says so.
      if (/^(<w:tbl>|<w:p><w:pPr><w:pStyle w:val="(Decision|ListItem|BodyText|Quote|Code)"\/>)/.test(xml.slice(where.end))) return xml;
      const mark = e.tracked ? `<w:rPr><w:ins w:id="${++id}" ${REV}/></w:rPr>` : '';
      const body = e.tracked ? `<w:ins w:id="${++id}" ${REV}>${run(e.words)}</w:ins>` : run(e.words);
      return replace(`${p}<w:p><w:pPr><w:pStyle w:val="NumberedParagraph"/>${mark}</w:pPr>${body}</w:p>`);
    }
    case 'delete-paragraph': {
      if (!e.tracked) return replace('');
      // Every run of the paragraph deleted, and its mark.
      const deleted = p
        .replace('</w:pPr>', `<w:rPr><w:del w:id="${++id}" ${REV}/></w:rPr></w:pPr>`)
        .replace(/<w:r>(<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?<w:t xml:space="preserve">([^<]*)<\/w:t><\/w:r>/g, (_, rPr: string | undefined, text: string) => `<w:del w:id="${++id}" ${REV}><w:r>${rPr ?? ''}<w:delText xml:space="preserve">${text}</w:delText></w:r></w:del>`);
      // A paragraph with fields or changes of its own is left as it is (Word would delete those as revisions too).
      return /<w:fldChar|<w:ins |<w:hyperlink|<w:footnoteReference|<w:commentRange/.test(p) ? xml : replace(deleted);
    }
    case 'comment': {
      const c = comments.length;
      comments.push(e.text);
      return replace(p.replace(/<\/w:p>$/, `<w:commentRangeStart w:id="${c}"/><w:commentRangeEnd w:id="${c}"/><w:r><w:commentReference w:id="${c}"/></w:r></w:p>`));
    }
  }
}

function addComments(parts: Record<string, Uint8Array>, comments: readonly string[]): void {
  const body = comments.map((text, i) => `<w:comment w:id="${i}" w:author="Delegate of Japan" w:date="2026-11-02T09:30:00Z"><w:p><w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p></w:comment>`).join('');
  if (parts['word/comments.xml']) {
    // acta's own comments keep their ids; Word numbers a new one after them.
    const existing = strFromU8(parts['word/comments.xml']);
    const offset = (existing.match(/<w:comment /g) ?? []).length;
    throw new Error(`the spec had ${offset} comments already: the generator makes none`);
  }
  parts['word/comments.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${body}</w:comments>`);
  const rels = 'word/_rels/document.xml.rels';
  parts[rels] = strToU8(strFromU8(parts[rels]!).replace('</Relationships>', '<Relationship Id="rIdC1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>'));
  const types = '[Content_Types].xml';
  parts[types] = strToU8(strFromU8(parts[types]!).replace('</Types>', '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>'));
}

// ---- what a reader gets out of a DOCX, its changes accepted -------------------------------------------------------

/**
 * The body's text paragraph by paragraph, changes accepted, from the first item heading on (the agenda's ranges are
 * Word's to update), references by what they point at (their printed numbers move when paragraphs do), empty
 * paragraphs left out (a reference's number moves when paragraphs do); and the comments' texts in the order of their anchors.
 */
async function readable(file: string): Promise<{ text: string[]; comments: string[] }> {
  const parts = unzipSync(new Uint8Array(await readFile(file)));
  const paragraphs = readParagraphs(parseXml('word/document.xml', strFromU8(parts['word/document.xml']!)));
  const first = paragraphs.findIndex((p) => p.style === 'Heading1');
  const text = paragraphs
    .slice(first)
    .map((p) =>
      p.tokens
        .map((t) => (t.type === 'text' ? (t.change?.kind === 'del' || t.style === 'RestrictedLabel' ? '' : t.text) : t.type === 'field' ? (t.change?.kind === 'del' ? '' : `{${t.instruction.split(/\s+/)[0]}}`) : ''))
        .join('')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter(Boolean);
  const comments = parts['word/comments.xml'] ? [...readComments(parseXml('word/comments.xml', strFromU8(parts['word/comments.xml']))).values()] : [];
  const order = paragraphs.flatMap((p) => p.tokens.flatMap((t) => (t.type === 'comment-start' ? [t.id] : [])));
  const byId = new Map(comments.map((c) => [c.id, c.text]));
  return { text, comments: order.map((i) => byId.get(i) ?? '') };
}
