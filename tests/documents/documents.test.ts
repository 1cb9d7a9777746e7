// Working documents (docs/format.md): sections, paragraphs, the agenda reference, actions, frontmatter
// errors at their lines and references across the meeting folder, on small hand-written meetings.

import { describe, expect, it } from 'vitest';
import type { NumberedReport } from '../../src/model.js';
import { filterPublic } from '../../src/public/filter-public.js';
import { FRONTMATTER, run } from '../helpers.js';

const AGENDA = `# Opening {#opening}

The Chairperson opened the session. See [](#wp) and [](#wp-p2).

In conclusion, the PTC:

- opened the session.

# Work {#work}

## Programme {#programme}

## Plan {#work-plan}

The Secretariat presented [the plan](#plan).

In conclusion, the PTC:

- took note.

# Closing {#closing}

## Closing remarks {#closing-remarks}

The Chairperson closed the session.

In conclusion, the PTC:

- closed the session.
`;

const doc = (front: string, body: string) => `---\n${front}\n---\n${body}`;

const WP = doc(
  'symbol: PC0499E1a\ntitle: PTC Work Programme\nitem: programme\nissued: 2016-09-09\nheading: MANAGING THE PTC',
  `# Introduction

The PTC held a strategic discussion.

It agreed to establish a Correspondence Group.

## A plain heading

The programme is in line with the Strategic Plan.

# Draft Work Programme

The new draft is in [](#wp-annex); see also [](#wp-p2) and [](#plan-p1). {#wp-p2}

# Actions required from the PTC {#wp-actions}

The PTC is invited to:

- share its findings; and
- examine the Draft Work Programme.
`,
);

const PLAN = doc(
  'symbol: PC0509E1a\ntitle: Digital Customs Work Plan follow-up\nitem: closing-remarks\nissued: 2016-09-09',
  `# Introduction

The Work Plan aims to consolidate the topics. {#plan-p1}

As said in [](#wp-p2) and in [](#wp):

- a list that belongs to the paragraph.

# Action expected from the PTC

The PTC is invited to:

- take note of the Work Plan.
`,
);

const ANNEX = `---\ntitle: PTC Work Programme 2016-2019\nid: wp-annex\n---\n| Topic | Tasks |\n| --- | --- |\n| ECP | • Review<br>• Revise |\n`;

function meeting(more: Record<string, string> = {}, front = FRONTMATTER) {
  return run({ 'meeting.md': front + AGENDA, 'documents/wp/document.md': WP, 'documents/wp/annexes/01-programme.md': ANNEX, 'documents/plan.md': PLAN, ...more });
}

const paragraphsOf = (tree: NumberedReport) =>
  tree.items.flatMap((section) => section.body.flatMap((n) => (n.type === 'paragraph' ? [`${section.label} ${n.marker}`] : [])));

describe('a working document', () => {
  const r = meeting();
  const [plan, wp] = r.numbered?.documents ?? [];

  it('builds with the report, in file-name order, with no problem', () => {
    expect(r.problems).toEqual([]);
    expect(r.numbered!.documents.map((d) => d.meta.symbol)).toEqual(['PC0509E1a', 'PC0499E1a']);
  });

  it('numbers its sections I., II., III. from `#` and its paragraphs 1..N through the document', () => {
    expect(wp!.items.map((s) => s.label)).toEqual(['I.', 'II.', 'III.']);
    expect(paragraphsOf(wp!)).toEqual(['I. 1.', 'I. 2.', 'I. 3.', 'II. 4.', 'III. 5.']);
    // `##` is a plain heading in a document, not a sub-item
    expect(wp!.items[0]!.body.map((n) => n.type)).toEqual(['paragraph', 'paragraph', 'heading', 'paragraph']);
    expect(paragraphsOf(plan!)).toEqual(['I. 1.', 'I. 2.', 'II. 3.']);
    // the report's own numbering is untouched
    expect(r.numbered!.paragraphCount).toBe(6);
  });

  it('opens its action list with the action phrase', () => {
    const actions = wp!.decisions.map((d) => d.decision.content.map((c) => ('value' in c ? c.value : '')).join(''));
    expect(actions).toEqual(['share its findings; and', 'examine the Draft Work Programme.']);
    expect(wp!.decisions.map((d) => d.paragraph)).toEqual([5, 5]);
  });

  it('computes the agenda reference from the numbered agenda, a lone sub-item reading as its item', () => {
    expect(wp!.facts.subtitle).toBe('(Item II (a) on the Agenda)');
    expect(plan!.facts.subtitle).toBe('(Item III on the Agenda)');
    expect(wp!.facts.coverTitle).toBe('PTC WORK PROGRAMME');
    expect(wp!.document!.heading).toBe('MANAGING THE PTC');
  });

  it('resolves references from the report into a document and between documents', () => {
    const report = r.numbered!;
    expect(report.targets['wp']).toMatchObject({ label: 'Doc. PC0499E1a', kind: 'document', elsewhere: { symbol: 'PC0499E1a', kind: 'document' } });
    expect(report.targets['wp-p2']).toMatchObject({ label: 'paragraph 4 of Doc. PC0499E1a', number: 4 });
    // within the same document: the number alone
    expect(wp!.targets['wp-p2']).toMatchObject({ label: '4' });
    expect(wp!.targets['wp-p2']).not.toHaveProperty('elsewhere');
    expect(wp!.targets['plan-p1']).toMatchObject({ label: 'paragraph 1 of Doc. PC0509E1a' });
    expect(plan!.targets['wp-p2']!.label).toBe('paragraph 4 of Doc. PC0499E1a');
    // a section of another document, and a document's annex, its own ("Annex I") within it
    expect(plan!.targets['wp-actions']).toMatchObject({ label: 'Section III of Doc. PC0499E1a', kind: 'item' });
    expect(wp!.targets['wp-annex']!.label).toBe('Annex I');
    expect(wp!.annexes[0]!.header).toBe('Annex I to doc. PC0499E1a');
  });
});

describe('the agenda reference in each language', () => {
  const front = (language: string) => FRONTMATTER.replace('symbol: PC0517E1a', `symbol: PC0517E1a\nlanguage: ${language}`);
  const phrases: Record<string, string> = { en: 'The PTC is invited to:', fr: 'Le PTC est invité à :', es: 'Se invita al PTC a:' };
  const conclusions: Record<string, string> = { en: 'In conclusion, the PTC:', fr: 'En conclusion, le PTC :', es: 'En conclusión, el PTC:' };
  it.each([
    ['en', '(Item II (a) on the Agenda)', '(Item III on the Agenda)'],
    ['fr', "(Point II a) de l'ordre du jour)", "(Point III de l'ordre du jour)"],
    ['es', '(Punto II a) del orden del día)', '(Punto III del orden del día)'],
  ])('%s: %s, and %s for a lone sub-item', (language, sub, lone) => {
    const body = (text: string) => text.replaceAll('In conclusion, the PTC:', conclusions[language]!).replaceAll('The PTC is invited to:', phrases[language]!);
    const r = run({ 'meeting.md': front(language) + body(AGENDA), 'documents/wp.md': body(WP).replace('[](#wp-annex)', 'Annex I'), 'documents/plan.md': body(PLAN) });
    expect(r.problems).toEqual([]);
    const [plan, wp] = r.numbered!.documents;
    expect(wp!.facts.subtitle).toBe(sub);
    expect(plan!.facts.subtitle).toBe(lone);
    expect(wp!.decisions).toHaveLength(2);
  });
});

describe('problems in a working document', () => {
  it('reports each frontmatter problem at its line', () => {
    const bad = doc('symbol: PC 0499\ntitle: Work Programme\nitem: programe\nissued: 2016-02-30\nvisibility: secret\nlandscape: true', '# Introduction\n\nText.\n');
    const r = meeting({ 'documents/wp/document.md': bad });
    const messages = r.diagnostics.filter((d) => d.file === 'm/documents/wp/document.md').map((d) => `${d.line}:${d.column} ${d.ruleId}: ${d.message}`);
    expect(messages).toEqual([
      expect.stringMatching(/^2:9 bad-symbol: Unexpected symbol `PC 0499`/),
      expect.stringMatching(/^4:7 unknown-item: Unexpected item `programe`, expected the id of an agenda item or sub-item of the meeting \(the closest is `programme`\)/),
      expect.stringMatching(/^5:9 bad-date: Unexpected date `2016-02-30` for `issued`/),
      expect.stringMatching(/^6:13 bad-value: Unexpected `secret` for `visibility`, expected `public` or `restricted`/),
      expect.stringMatching(/^7:1 unknown-key: Unexpected key `landscape`/),
    ]);
  });

  it('reports a missing required key and a missing frontmatter', () => {
    const r = meeting({ 'documents/wp/document.md': doc('title: Work Programme\nitem: programme\nissued: 2016-09-09', '# Introduction\n\nText.\n'), 'documents/plan.md': '# Introduction\n\nText.\n' });
    expect(r.problems.filter((p) => p.includes('documents/'))).toEqual(['m/documents/plan.md:1:1 error missing-frontmatter', 'm/documents/wp/document.md:1:1 error missing-key']);
    expect(r.diagnostics.find((d) => d.ruleId === 'missing-key')!.message).toContain('`symbol`');
  });

  it('reports an action phrase with no list after it, and a near miss, in the words of actions', () => {
    const r = meeting({ 'documents/plan.md': PLAN.replace('- take note of the Work Plan.\n', 'Nothing.\n'), 'documents/wp/document.md': WP.replace('The PTC is invited to:', 'The PTC is invited to consider:') });
    const found = r.diagnostics.filter((d) => d.file.includes('documents/')).map((d) => `${d.file}:${d.line} ${d.ruleId}: ${d.message}`);
    expect(found).toEqual([
      expect.stringMatching(/^m\/documents\/plan.md:17 conclusion-without-list: Unexpected action phrase `The PTC is invited to:` with no list after it, expected a `-` list of actions/),
      expect.stringMatching(/^m\/documents\/wp\/document.md:24 conclusion-near-miss: .*expected the action phrase `The PTC is invited to:`/),
    ]);
  });

  it('keeps ids unique across the meeting folder', () => {
    const r = meeting({ 'documents/plan.md': PLAN.replace('{#plan-p1}', '{#opening}') });
    expect(r.problems).toContain('m/documents/plan.md:9:1 error duplicate-id');
    expect(r.diagnostics.find((d) => d.ruleId === 'duplicate-id')!.message).toContain('m/meeting.md:11:1');
  });

  it('reports a reference to an unknown id with the closest one', () => {
    const r = meeting({ 'documents/plan.md': PLAN.replace('[](#wp-p2)', '[](#wp-p3)') });
    expect(r.diagnostics.find((d) => d.ruleId === 'unknown-id')!.message).toContain('did you mean `wp-p2`?');
  });
});

describe('a restricted working document', () => {
  const r = meeting({ 'documents/plan.md': PLAN.replace('issued: 2016-09-09', 'issued: 2016-09-09\nvisibility: restricted') });

  it('has no public edition, and public text that points at it keeps the label without the link', () => {
    expect(r.problems).toEqual(['m/documents/wp/document.md:20:60 warning ref-to-restricted', 'm/meeting.md:25:27 warning ref-to-restricted']);
    const shown = filterPublic(r.numbered!);
    expect(shown.documents.map((d) => d.meta.symbol)).toEqual(['PC0499E1a']);
    // wp points at plan-p1, which is now restricted: the public WP has its label as text
    const wp = shown.documents[0]!;
    const texts = JSON.stringify(wp.items[1]!.body);
    expect(texts).toContain('paragraph 1 of Doc. PC0509E1a');
    expect(texts).not.toContain('"id":"plan-p1"');
  });
});

describe('a working document, rendered', async () => {
  const { strFromU8, unzipSync } = await import('fflate');
  const { renderDocx } = await import('../../src/render/docx/render-docx.js');
  const { renderHtml } = await import('../../src/render/html/render-html.js');
  const { prepareRenderEnv } = await import('../../src/pipeline.js');
  const env = (await prepareRenderEnv()).env!;
  const r = meeting();
  const report = r.numbered!;
  const wp = report.documents[1]!;
  const xml = async (tree: NumberedReport) => {
    const parts = unzipSync(await renderDocx(tree));
    return { document: strFromU8(parts['word/document.xml']!), rels: strFromU8(parts['word/_rels/document.xml.rels']!) };
  };

  it('HTML: the cover, sections "I. Introduction", and links to the other document\'s file', () => {
    const html = renderHtml(wp, env.html);
    expect(html).toContain('<p class="doc-heading">MANAGING THE PTC</p>');
    expect(html).toContain('<h1 class="title">PTC WORK PROGRAMME</h1>');
    expect(html).toContain('<p class="subtitle agenda-reference">(Item II (a) on the Agenda)</p>');
    expect(html).toMatch(/<span class="item-label">I\.<\/span> Introduction/);
    expect(html).not.toContain('class="agenda"');
    expect(html).toContain('<a href="PC0509E1a.html#para-1" class="ref">paragraph 1 of Doc. PC0509E1a</a>');
    expect(renderHtml(filterPublic(report).documents[1]!, env.html)).toContain('href="PC0509E1a-public.html#para-1"');
    const reportHtml = renderHtml(report, env.html);
    expect(reportHtml).toContain('<a href="documents/PC0499E1a.html" class="ref">Doc. PC0499E1a</a>');
    expect(reportHtml).toContain('<a href="documents/PC0499E1a.html#para-4" class="ref">paragraph 4 of Doc. PC0499E1a</a>');
  });

  it('DOCX: the cover, sections "I.", and hyperlinks to the other DOCX', async () => {
    const { document, rels } = await xml(wp);
    const text = [...document.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)].map((m) => m[1] ?? '\t').join('|');
    expect(text).toContain('MANAGING THE PTC|PTC WORK PROGRAMME|(Item II (a) on the Agenda)');
    // Sections are Word numbering of their own, I., II.: the heading holds the title, the list the numeral.
    const numbering = strFromU8(unzipSync(await renderDocx(wp))['word/numbering.xml']!);
    const sections = /<w:abstractNum [^>]*w:abstractNumId="(\d+)"[^>]*>(?:(?!<\/w:abstractNum>).)*<w:numFmt w:val="upperRoman"\/><w:lvlText w:val="%1\."\/>/s.exec(numbering);
    expect(sections).not.toBeNull();
    const numId = new RegExp(`<w:num w:numId="(\\d+)"[^>]*><w:abstractNumId w:val="${sections![1]}"/>`).exec(numbering)![1];
    const headings = [...document.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:pStyle w:val="Heading1"\/>(?:(?!<\/w:p>).)*?<\/w:p>/gs)].map((m) => m[0]);
    expect(headings.map((p) => [new RegExp(`<w:numId w:val="${numId}"/>`).test(p), /<w:t[^>]*>([^<]*)<\/w:t>/.exec(p)![1]])).toEqual([
      [true, 'Introduction'], [true, 'Draft Work Programme'], [true, 'Actions required from the PTC'],
    ]);
    // The report's items are "Item I – …" as text: no section list in its DOCX.
    expect(strFromU8(unzipSync(await renderDocx(report))['word/numbering.xml']!)).not.toContain('upperRoman');
    expect(text).not.toContain('Agenda Item');
    expect(rels).toMatch(/Target="PC0509E1a\.docx" TargetMode="External"/);
    expect((await xml(report)).rels).toMatch(/Target="documents\/PC0499E1a\.docx" TargetMode="External"/);
  });
});

describe('a document that becomes restricted', () => {
  it('leaves no public file of it from the previous build', async () => {
    const { cp, mkdtemp, readdir, readFile, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { buildMeeting, prepareRenderEnv } = await import('../../src/pipeline.js');
    const dir = path.join(await mkdtemp(path.join(tmpdir(), 'acta-doc-restricted-')), 'm');
    await cp('tests/fixtures/working-documents', dir, { recursive: true });
    const env = (await prepareRenderEnv()).env!;
    const options = { formats: ['html', 'json'] as const, publicOnly: false, acceptChanges: false };
    const out = path.join(dir, '..', 'out');
    const publicFiles = async () => (await readdir(path.join(out, 'm', 'documents'))).filter((f) => f.startsWith('PC0509E1a-public'));
    expect((await buildMeeting(dir, out, options, env)).report).not.toBeNull();
    expect(await publicFiles()).toEqual(['PC0509E1a-public.html', 'PC0509E1a-public.json']);
    const file = path.join(dir, 'documents', 'plan.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('issued: 2016-09-09', 'issued: 2016-09-09\nvisibility: restricted'));
    expect((await buildMeeting(dir, out, options, env)).report).not.toBeNull();
    expect(await publicFiles()).toEqual([]);
  });
});

describe('--no-documents', () => {
  it('builds the report alone, still checking the documents, and keeps the documents a previous build wrote', async () => {
    const { mkdtemp, readdir } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { buildMeeting, prepareRenderEnv } = await import('../../src/pipeline.js');
    const env = (await prepareRenderEnv()).env!;
    const out = await mkdtemp(path.join(tmpdir(), 'acta-no-documents-'));
    const options = { formats: ['json'] as const, publicOnly: false, acceptChanges: false };
    const alone = await buildMeeting('tests/fixtures/working-documents', out, { ...options, documents: false }, env);
    expect(alone.written.map((f) => path.relative(path.join(out, 'working-documents'), f)).sort()).toEqual(['PC0520E1a-public.json', 'PC0520E1a.json', 'decisions-public.json', 'decisions.json']);
    expect(alone.report!.documents).toHaveLength(3);
    await buildMeeting('tests/fixtures/working-documents', out, options, env);
    await buildMeeting('tests/fixtures/working-documents', out, { ...options, documents: false }, env);
    expect((await readdir(path.join(out, 'working-documents', 'documents'))).sort()).toEqual([
      'PC0499E1a-public.json', 'PC0499E1a.json', 'PC0509E1a-public.json', 'PC0509E1a.json', 'PC0510E1a.json',
    ]);
  });
});
