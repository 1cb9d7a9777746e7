// Property: importing the DOCX acta writes for any meeting brings back no change at all.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importDocx } from '../../src/import/import-docx.js';
import { renderDocx } from '../../src/render/docx/render-docx.js';
import { meetingSpec } from './meeting-arbitrary.js';
import { numbered, RUNS, TIMEOUT } from './run-spec.js';

describe('properties', () => {
  it(`an unedited DOCX imports as no change, no warning (${RUNS} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(meetingSpec(), async (spec) => {
        const { report } = numbered(spec);
        const result = await importDocx(await renderDocx(report), report);
        expect([...result.files.keys()]).toEqual([]);
        expect(result.warnings).toEqual([]);
        expect(result.counts).toEqual({ changed: 0, inserted: 0, deleted: 0, tracked: 0, comments: 0 });
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);
});
