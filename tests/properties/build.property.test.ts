// Property-based tests: for random meetings, with arbitrary text, a build never throws.

import fc from 'fast-check';
import { describe, it } from 'vitest';
import { renderMeeting } from '../../src/pipeline.js';
import { run } from '../helpers.js';
import { meetingSpec, writeMeeting } from './meeting-arbitrary.js';
import { env, RUNS, TIMEOUT } from './run-spec.js';

describe('properties', () => {
  it(`build never throws, whatever the text (${RUNS} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(meetingSpec(true), async (spec) => {
        const r = run(writeMeeting(spec).files);
        if (r.numbered) await renderMeeting(r.numbered, { formats: ['docx', 'html', 'json'], publicOnly: false, acceptChanges: false }, env, async () => undefined);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);
});
