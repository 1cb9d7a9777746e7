// The Akoma Ntoso export of every example meeting: valid against the OASIS schema, and read back with an XML parser
// to the same paragraphs, decisions and agenda ranges as the report's JSON.

import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkMeeting } from '../../../src/pipeline.js';
import { filterPublic } from '../../../src/public/filter-public.js';
import { decisionWid } from '../../../src/render/akn/akn-ids.js';
import { renderAkn } from '../../../src/render/akn/render-akn.js';
import { buildTo, type BuiltTo } from '../../build-helpers.js';
import { runBody } from '../../helpers.js';
import { tool } from '../../external-tools.js';

const run = promisify(execFile);
const SCHEMA = path.resolve('tests/schemas/akn/akomantoso30.xsd');
const MEETINGS = ['meetings/ptc-217-218', 'meetings/ptc-219-220', 'meetings/ptc-221-222', 'meetings/exemple-fr', 'meetings/example-en'];

// ---- reading the XML back -------------------------------------------------------------------------------------------

type XmlTree = Record<string, unknown>[];
interface Found {
  readonly tag: string;
  readonly attributes: Record<string, string>;
  readonly children: XmlTree;
}

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, parseAttributeValue: false, trimValues: false });

function nodesOf(tree: XmlTree): Found[] {
  return tree.flatMap((node) => {
    const tag = Object.keys(node).find((k) => k !== ':@');
    if (!tag || tag === '#text') return [];
    return [{ tag, attributes: (node[':@'] ?? {}) as Record<string, string>, children: node[tag] as XmlTree }];
  });
}

/** Every element named `tag` under `tree`, in document order. */
function findAll(tree: XmlTree, tag: string): Found[] {
  return nodesOf(tree).flatMap((n) => [...(n.tag === tag ? [n] : []), ...findAll(n.children, tag)]);
}

function textOf(tree: XmlTree): string {
  return tree.map((node) => (typeof node['#text'] === 'string' ? node['#text'] : nodesOf([node]).map((n) => textOf(n.children)).join(''))).join('');
}

interface ReportJson {
  readonly paragraphs: readonly { number: number; restricted: boolean }[];
  readonly items: readonly { numeral: string; range: string; first: number | null; last: number | null }[];
  readonly annexes: readonly unknown[];
}
interface DecisionsJson {
  readonly decisions: readonly { stable_id: string; links: readonly { relation: string; target: string }[] }[];
}

// ---- the example meetings ---------------------------------------------------------------------------------------------

const built = new Map<string, BuiltTo>();
beforeAll(async () => {
  for (const meeting of MEETINGS) built.set(meeting, await buildTo(meeting, ['json', 'akn']));
});

async function outputsOf(meeting: string, edition: 'full' | 'public') {
  const b = built.get(meeting)!;
  const suffix = edition === 'public' ? '-public' : '';
  const symbol = b.report!.meta.symbol;
  const read = (name: string) => readFile(path.join(b.folder, name), 'utf8');
  return {
    file: path.join(b.folder, `${symbol}${suffix}.xml`),
    xml: await read(`${symbol}${suffix}.xml`),
    json: JSON.parse(await read(`${symbol}${suffix}.json`)) as ReportJson,
    decisions: JSON.parse(await read(`decisions${suffix}.json`)) as DecisionsJson,
  };
}

describe('the Akoma Ntoso files of the example meetings', () => {
  it('are written for the report of each edition, and nothing else', () => {
    for (const meeting of MEETINGS) {
      const written = built.get(meeting)!.written.map((f) => path.basename(f)).filter((f) => f.endsWith('.xml'));
      expect(written.sort(), meeting).toHaveLength(2);
    }
  });

  it('all validate against the OASIS akomantoso30.xsd', async () => {
    const files = (await Promise.all(MEETINGS.flatMap((m) => (['full', 'public'] as const).map((e) => outputsOf(m, e))))).map((o) => o.file);
    expect(files).toHaveLength(10);
    const result = await run(tool('xmllint'), ['--noout', '--schema', SCHEMA, ...files]).catch((e: { stderr: string }) => ({ stderr: e.stderr }));
    expect(result.stderr.trim().split('\n').filter((l) => !l.endsWith(' validates'))).toEqual([]);
  });

  for (const meeting of MEETINGS) {
    for (const edition of ['full', 'public'] as const) {
      it(`${meeting}, ${edition}: reads back to the JSON's paragraphs, decisions and agenda ranges`, async () => {
        const { xml, json, decisions } = await outputsOf(meeting, edition);
        const tree = parser.parse(xml) as XmlTree;
        const body = findAll(tree, 'mainBody')[0]!;
        // Paragraph numbers: the numbered paragraphs of the report, restricted ones only in the full edition.
        const paragraphs = findAll(body.children, 'paragraph');
        // A paragraph left unnumbered (the seed's conclusion after paragraph 49) is named after the one before it.
        let last = 'para_0';
        let unnumbered = 0;
        // An inserted number's eId drops its space: "12 bis" is para_12bis.
        const eIds = json.paragraphs.map((p) => (p.number === null ? `${last}__unnumbered_${++unnumbered}` : ((unnumbered = 0), (last = `para_${String(p.number).replace(/\s+/g, '')}`))));
        expect(paragraphs.map((p) => p.attributes.eId)).toEqual(eIds);
        expect(paragraphs.map((p) => textOf(findAll(p.children, 'num')[0]?.children ?? []))).toEqual(json.paragraphs.map((p) => (p.number === null ? '' : `${p.number}.`)));
        // Decisions: as many, in order, each named by its stable id.
        const items = findAll(body.children, 'blockList')
          .filter((l) => l.attributes.class === 'decisions')
          .flatMap((l) => nodesOf(l.children).filter((n) => n.tag === 'item'));
        expect(items.map((i) => i.attributes.wId)).toEqual(decisions.decisions.map((d) => decisionWid(d.stable_id)));
        // The agenda's ranges: the same first and last paragraphs, and the same printed range.
        const rows = findAll(findAll(tree, 'preface')[0]!.children, 'tr').slice(1);
        expect(rows).toHaveLength(json.items.length);
        rows.forEach((row, i) => {
          const item = json.items[i]!;
          const range = [...findAll(row.children, 'rref'), ...findAll(row.children, 'ref')][0];
          if (item.first === null) return expect(range).toBeUndefined();
          const first = (range!.attributes.from ?? range!.attributes.href)!;
          const last = range!.attributes.upTo ?? first;
          expect([first, last, textOf(range!.children)]).toEqual([`#para_${item.first}`, `#para_${item.last}`, item.range]);
        });
        // Every link of a decision is an active modification of the decision it points at.
        const modifications = nodesOf(findAll(tree, 'activeModifications')[0]?.children ?? []);
        const links = decisions.decisions.flatMap((d) => d.links.map((l) => `${l.relation} ${decisionWid(l.target)}`));
        expect(modifications.map((m) => `${m.attributes.refersTo!.replace('#relation-', '')} ${findAll(m.children, 'destination')[0]!.attributes.href!.split('#')[1]}`)).toEqual(links);
        expect(findAll(tree, 'attachment')).toHaveLength(json.annexes.length);
      });
    }
  }

  it('names each decision by a wId made from its stable id', async () => {
    const { xml } = await outputsOf('meetings/ptc-219-220', 'full');
    expect(xml).toContain('<item eId="para_49__unnumbered_1__list_1__item_1" wId="dec_VIII-a_1">');
    const earlier = await outputsOf('meetings/ptc-217-218', 'full');
    expect(earlier.xml).toContain('wId="dec_iscm-two-phases"');
  });

  it('points each link at the earlier session by its identifiers, read from the meeting next to it', async () => {
    const { xml } = await outputsOf('meetings/ptc-221-222', 'full');
    expect(xml).toContain('<destination href="/akn/wco/debateReport/ptc/2018-04-16/PC0517E1a/!main#dec_VIII-a_1"/>');
    expect(xml).toContain('<destination href="/akn/wco/debateReport/ptc/2017-10-16/PC0490E1a/!main#dec_VI_1"/>');
    expect(xml).toContain('<FRBRthis value="/akn/wco/debateReport/ptc/2018-10-08/PC0530E1a/eng@2018-10-26/!main"/>');
  });

  it('leaves restricted text, restricted decisions and their links out of the public edition', async () => {
    const full = await outputsOf('meetings/ptc-221-222', 'full');
    const pub = await outputsOf('meetings/ptc-221-222', 'public');
    expect(full.xml).toContain('closed session');
    expect(pub.xml).not.toContain('closed session');
    expect(full.xml).toContain('#dec_IX-a_2');
    expect(pub.xml).not.toContain('#dec_IX-a_2');
    const flagship = await outputsOf('meetings/ptc-219-220', 'public');
    // Annex I (the participants) is restricted: its numeral stays, with the line saying it is not included.
    expect(flagship.xml).toContain('Annex I is not included in the public version.');
    expect(flagship.xml).not.toContain('Mr. Rob Van Kuik</p>');
  });
});

describe('text that looks like markup', () => {
  it('is escaped everywhere, in text and in attributes, and the file still validates', async () => {
    const r = runBody('# Items <b>&amp; "quotes"</b> {#one}\n\nThe delegate of A&B wrote `</p><script>alert(1)</script>` and ]]> and "quotes".\n\nIn conclusion, the PTC:\n\n- noted <x>. {supersedes="PC0490E1a/I/1"}\n');
    const r2 = { ...r, numbered: { ...r.numbered!, meta: { ...r.numbered!.meta, committee: 'Trade & "Facilitation" <Committee>' } } };
    const xml = renderAkn(r2.numbered);
    expect(xml).not.toContain('<script>');
    expect(xml).toContain('&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(xml).toContain('showAs="Trade &amp; &quot;Facilitation&quot; &lt;Committee&gt;"');
    expect(textOf(findAll(findAll(parser.parse(xml) as XmlTree, 'paragraph')[0]!.children, 'p')[0]!.children)).toBe('The delegate of A&B wrote </p><script>alert(1)</script> and ]]> and "quotes".');
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'acta-akn-')), 'x.xml');
    await writeFile(file, xml);
    const result = await run(tool('xmllint'), ['--noout', '--schema', SCHEMA, file]).catch((e: { stderr: string }) => ({ stderr: e.stderr }));
    expect(result.stderr.trim()).toBe(`${file} validates`);
  });

  it('names a session it was not shown by its symbol alone', () => {
    const r = runBody('# Items\n\nText.\n\nIn conclusion, the PTC:\n\n- noted. {supersedes="PC0490E1a/I/1"}\n');
    expect(renderAkn(r.numbered!)).toContain('<destination href="/akn/un/debateReport/ptc/PC0490E1a/!main#dec_I_1"/>');
  });
});

describe('comments', () => {
  it('are notes of the full edition, each called from its place, and are not in the public one', async () => {
    const checked = await checkMeeting('tests/fixtures/comments');
    const full = renderAkn(checked.report!);
    const tree = parser.parse(full) as XmlTree;
    const notes = findAll(tree, 'note').map((n) => n.attributes.eId);
    const calls = findAll(tree, 'noteRef').filter((n) => n.attributes.class === 'comment').map((n) => n.attributes.href);
    expect(notes.length).toBeGreaterThan(0);
    expect(calls).toEqual(notes.map((id) => `#${id}`));
    const pub = renderAkn(filterPublic(checked.report!));
    expect(pub).not.toContain('<note ');
    expect(pub).not.toContain('class="comment"');
  });
});

describe('decision wIds', () => {
  it.each([
    ['PC0517E1a/XIV(b)/2', 'dec_XIV-b_2'],
    ['PC0517E1a/II/3', 'dec_II_3'],
    ['PC0517E1a/adopt-fos', 'dec_adopt-fos'],
    ['PC0517E1a/a_b(c)', 'dec_a-b-c-'],
  ])('%s → %s', (id, wid) => expect(decisionWid(id)).toBe(wid));
});
