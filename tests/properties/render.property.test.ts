// Property-based tests: the public edition never leaks, the DOCX is well-formed XML, the HTML parses.

import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { XMLValidator } from 'fast-xml-parser';
import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { filterPublic } from '../../src/public/filter-public.js';
import { renderDocx } from '../../src/render/docx/render-docx.js';
import { renderHtml } from '../../src/render/html/render-html.js';
import { decisionRecords, reportData } from '../../src/render/json/render-json.js';
import { run } from '../helpers.js';
import { meetingSpec, writeMeeting } from './meeting-arbitrary.js';
import { env, numbered, RUNS, TIMEOUT } from './run-spec.js';

describe('properties', () => {
  it(`the public edition holds no restricted marker, in data, HTML or DOCX (${RUNS} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(meetingSpec(), async (spec) => {
        const { written, report } = numbered(spec);
        const pub = filterPublic(report);
        const docx = unzipSync(await renderDocx(pub));
        const everything = [JSON.stringify(reportData(pub)), JSON.stringify(decisionRecords(pub)), renderHtml(pub, env.html), ...Object.values(docx).map((d) => strFromU8(d))].join('\n');
        for (const marker of written.expected.restrictedMarkers) expect(everything).not.toContain(marker);
        // And the full edition does carry them, so the check is not vacuous.
        const full = JSON.stringify(report);
        for (const marker of written.expected.restrictedMarkers) expect(full).toContain(marker);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it(`the DOCX opens as a zip whose XML parts are well-formed (${RUNS} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(meetingSpec(true), fc.boolean(), async (spec, publicEdition) => {
        const r = run(writeMeeting(spec).files);
        if (!r.numbered) return;
        const parts = unzipSync(await renderDocx(publicEdition ? filterPublic(r.numbered) : r.numbered));
        expect(Object.keys(parts)).toContain('word/document.xml');
        for (const [name, data] of Object.entries(parts)) {
          if (!/\.(xml|rels)$/.test(name)) continue;
          const xml = strFromU8(data);
          const valid = XMLValidator.validate(xml);
          expect(valid, `${name}: ${JSON.stringify(valid)}`).toBe(true);
          // XML 1.0 characters only: the validator does not look at them, Word does.
          expect(xml).not.toMatch(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u);
        }
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it(`the HTML parses without a single parse error (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(meetingSpec(true), fc.boolean(), (spec, publicEdition) => {
        const r = run(writeMeeting(spec).files);
        if (!r.numbered) return;
        const html = renderHtml(publicEdition ? filterPublic(r.numbered) : r.numbered, env.html);
        const errors: string[] = [];
        parse(html, { onParseError: (e) => errors.push(`${e.code} at ${e.startLine}:${e.startCol}`) });
        expect(errors).toEqual([]);
        expect(html).not.toMatch(/<script|javascript:/i);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);
});
