// Property: importing the DOCX acta writes for any meeting brings back no change at all.

import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
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

describe('properties', () => {
  it(`an unedited DOCX imports as no change, no warning (${RUNS} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(meetingSpec(), async (spec) => {
        const dir = await meetingFolder(writeMeeting(spec).files);
        const built = await buildTo(dir, ['docx'], { publicOnly: false, fullOnly: true, annexFiles: false, documents: false });
        const result = await importInProcess(dir, path.join(built.folder, 'PROP1.docx'));
        expect([...result.files.keys()]).toEqual([]);
        expect(result.warnings).toEqual([]);
        expect(result.conflicts).toEqual([]);
        expect(result.counts).toEqual({ changed: 0, inserted: 0, deleted: 0, tracked: 0, comments: 0 });
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);
});
