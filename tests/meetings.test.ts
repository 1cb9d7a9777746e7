// The real example meetings: the seed report transcribed, and the French example.

import { describe, expect, it } from 'vitest';
import { checkMeeting } from '../src/pipeline.js';
import { filterPublic } from '../src/public/filter-public.js';
import { reportData } from '../src/render/json/render-json.js';

describe('meetings/ptc-219-220 (seed 001)', async () => {
  const checked = await checkMeeting('meetings/ptc-219-220');
  const report = checked.report!;
  const data = reportData(report);

  it('checks without errors', () => {
    expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('has 22 items and 176 numbered paragraphs, numbered 1..176 in order', () => {
    expect(data.items).toHaveLength(22);
    expect(data.paragraphs.map((p) => p.number)).toEqual(Array.from({ length: 176 }, (_, i) => i + 1));
  });

  it("gives Items I–VII the seed agenda's ranges", () => {
    expect(data.items.slice(0, 7).map((i) => i.range)).toEqual(['01 - 06', '07 - 12', '13 - 18', '19 - 24', '25 - 28', '29 - 35', '36 - 43']);
  });

  it("corrects the seed's mistakes: VIII(a)'s conclusion is numbered, XV starts after XIV ends", () => {
    const byNumeral = Object.fromEntries(data.items.map((i) => [i.numeral, i]));
    expect(byNumeral.VIII!.range).toBe('44 - 53');
    expect(byNumeral.XIV!.last! + 1).toBe(byNumeral.XV!.first);
    expect(byNumeral.XV!.range).toBe('112 - 140');
    expect(byNumeral.XXII!.range).toBe('174 - 176');
  });

  it('groups the 16 sub-items of Item II over its six shared paragraphs', () => {
    const ii = data.items[1]!;
    expect(ii.subitems.map((s) => s.letter).join('')).toBe('abcdefghijklmnop');
    expect(new Set(ii.subitems.map((s) => s.range))).toEqual(new Set(['07 - 12']));
  });

  it('has the five annexes, Annex I restricted and Annex V landscape', () => {
    expect(data.annexes.map((a) => [a.numeral, a.id, a.visibility, a.orientation])).toEqual([
      ['I', 'participants', 'restricted', 'portrait'],
      ['II', 'ecommerce-fos', 'public', 'portrait'],
      ['III', 'council-resolution', 'public', 'portrait'],
      ['IV', 'work-plan', 'public', 'portrait'],
      ['V', 'work-programme', 'public', 'landscape'],
    ]);
  });

  it('carries the footnote and the tracked insertion of Annex V', () => {
    expect(report.footnotes.length).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(report.annexes[4]!.body)).toContain('"type":"ins"');
    expect(JSON.stringify(report.annexes[4]!.body)).toContain('Performance Measurement');
  });

  it('keeps the public edition numbers equal to the full ones', () => {
    const pub = reportData(filterPublic(report));
    expect(pub.items.map((i) => i.range)).toEqual(data.items.map((i) => i.range));
    expect(pub.paragraphs.map((p) => p.number)).toEqual(data.paragraphs.map((p) => p.number));
    expect(pub.annexes.map((a) => a.numeral)).toEqual(['I', 'II', 'III', 'IV', 'V']);
    expect(pub.annexes[0]!.title).toBeNull();
  });
});

describe('meetings/exemple-fr', async () => {
  const checked = await checkMeeting('meetings/exemple-fr');

  it('checks without any problem and is in French', () => {
    expect(checked.diagnostics).toEqual([]);
    expect(checked.report!.meta.language).toBe('fr');
    expect(checked.report!.items[0]!.label).toBe('Point I');
  });

  it('uses every construct: groups, restricted block and annex, landscape and numbered annexes, changes, footnote', () => {
    const r = checked.report!;
    expect(r.items.some((i) => i.body.some((b) => b.type === 'subitems' && b.subitems.length > 1))).toBe(true);
    expect(r.items.some((i) => i.body.some((b) => b.type === 'paragraph' && b.restricted))).toBe(true);
    expect(r.annexes.map((a) => [a.visibility, a.orientation, a.numbered])).toEqual([
      ['restricted', 'portrait', false],
      ['public', 'landscape', false],
      ['public', 'portrait', true],
    ]);
    const json = JSON.stringify(r);
    for (const construct of ['"type":"ins"', '"type":"del"', '"type":"restricted"', '"type":"footnote"', '"type":"ref"']) expect(json).toContain(construct);
    expect(new Set(Object.values(r.targets).map((t) => t.kind))).toEqual(new Set(['item', 'subitem', 'paragraph', 'annex']));
  });
});
