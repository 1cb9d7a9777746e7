// The format a construct at a time, remark-style: each folder of tests/fixtures/constructs/ is a small meeting and
// its expected.json, what acta makes of it: the messages (place, severity, rule), the agenda (numerals, letters,
// titles, ranges), every paragraph (number, item, sub-item, text as printed, with references resolved), the
// decisions' stable ids, annexes and working documents, and what the public edition keeps. A key with nothing to say
// (no decisions, no annexes…) is left out of both. `ACTA_UPDATE_CONSTRUCTS=1` writes expected.json afresh from the
// build, for a new construct: read it through before committing it.

import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkMeeting } from '../src/pipeline.js';
import { filterPublic } from '../src/public/filter-public.js';
import { decisionRecords, reportData } from '../src/render/json/render-json.js';
import type { NumberedReport } from '../src/model.js';

const folder = path.resolve(import.meta.dirname, 'fixtures/constructs');
const constructs = readdirSync(folder, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();

type Data = ReturnType<typeof reportData>;

/** `{ key: value }` when the value says something (not empty, not null, not false), else nothing. */
const some = (key: string, value: unknown): Record<string, unknown> =>
  value === null || value === false || value === undefined || (Array.isArray(value) && value.length === 0) ? {} : { [key]: value };

const agendaOf = (data: Data) =>
  data.items.map((item) => ({
    numeral: item.numeral,
    id: item.id,
    title: item.title,
    ...some('purpose', item.purpose),
    range: item.range,
    ...some('subitems', item.subitems.map((s) => ({ letter: s.letter, id: s.id, title: s.title, range: s.range }))),
    ...some('banner', item.banner),
  }));

const paragraphsOf = (data: Data) =>
  data.paragraphs.map((p) => ({
    number: p.number,
    item: p.item,
    ...some('subitem', p.subitem),
    ...some('id', p.id),
    text: p.text,
    ...some('detail', p.detail),
    ...some('decisions', p.decisions),
    ...some('restricted', p.restricted),
  }));

/** What the public edition keeps: each paragraph's number and text, each annex's numeral and title. */
const publicOf = (report: NumberedReport) => {
  const data = reportData(filterPublic(report));
  return { paragraphs: data.paragraphs.map((p) => [p.number, p.text]), ...some('annexes', data.annexes.map((a) => [a.numeral, a.title])) };
};

/** A construct's meeting as the expected files state it. */
async function madeOf(dir: string): Promise<Record<string, unknown>> {
  const checked = await checkMeeting(dir);
  const diagnostics = checked.diagnostics.map((d) => `${path.relative(dir, d.file)}:${d.line}:${d.column} ${d.severity} ${d.ruleId}`);
  if (!checked.report) return { diagnostics };
  const data = reportData(checked.report);
  return {
    ...some('diagnostics', diagnostics),
    agenda: agendaOf(data),
    ...some('days', data.days),
    paragraphs: paragraphsOf(data),
    ...some('decisions', decisionRecords(checked.report).map((d) => ({ stable_id: d.stable_id, paragraph: d.paragraph, text: d.text }))),
    ...some('annexes', data.annexes.map((a) => ({ numeral: a.numeral, id: a.id, title: a.title, visibility: a.visibility, header: a.header }))),
    ...some('documents', (data.documents ?? []).map((d) => ({ id: d.id, symbol: d.symbol, item: d.item, ...some('actions', d.actions) }))),
    public: publicOf(checked.report),
  };
}

/** The paths in a value that hold an empty string. */
function emptyStrings(value: unknown, at = ''): string[] {
  if (value === '') return [at];
  if (Array.isArray(value)) return value.flatMap((v, i) => emptyStrings(v, `${at}[${i}]`));
  if (value instanceof Map) return [...value].flatMap(([k, v]) => emptyStrings(v, `${at}.${String(k)}`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => emptyStrings(v, `${at}.${k}`));
  return [];
}

describe('each construct of the format', () => {
  it('has its fixtures', () => {
    expect(constructs.length).toBeGreaterThanOrEqual(9);
  });

  it.each(constructs)('%s', async (name) => {
    const dir = path.join(folder, name);
    const made = await madeOf(dir);
    const expectedFile = path.join(dir, 'expected.json');
    if (process.env.ACTA_UPDATE_CONSTRUCTS === '1') writeFileSync(expectedFile, `${JSON.stringify(made, null, 2)}\n`);
    expect(existsSync(expectedFile), `${name}/expected.json`).toBe(true);
    expect(made).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
  });

  it.each([...constructs.map((name) => path.join(folder, name)), 'meetings/ptc-219-220'])('%s: the numbered model says nothing with an empty string, in either edition', async (dir) => {
    const { report } = await checkMeeting(dir);
    expect(report).not.toBeNull();
    expect(emptyStrings(report)).toEqual([]);
    expect(emptyStrings(filterPublic(report!))).toEqual([]);
  });
});
