// Shared by the property tests: how many cases, the render environment, a spec run through parse and number.

import { prepareRenderEnv, type RenderEnv } from '../../src/pipeline.js';
import { run } from '../helpers.js';
import { writeMeeting, type MeetingSpec } from './meeting-arbitrary.js';

/**
 * ACTA_PROPERTY_RUNS sets the cases per property: 12 by default, so `npm test` stays short;
 * `ACTA_PROPERTY_RUNS=2000 npm test` (or `npm run test:properties`) for a thorough run, whose time limit grows with
 * the cases asked for (a case that builds every format takes up to a few seconds on a loaded machine).
 */
export const RUNS = runs(process.env.ACTA_PROPERTY_RUNS);
export const TIMEOUT = Math.max(15 * 60_000, RUNS * 5_000);
export const env: RenderEnv = (await prepareRenderEnv()).env!;

/** A spec written and run through parse and number; structured specs never have errors. */
export function numbered(spec: MeetingSpec) {
  const written = writeMeeting(spec);
  const r = run(written.files);
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length || !r.numbered) throw new Error(`unexpected errors: ${JSON.stringify(errors)}\n${JSON.stringify(written.files)}`);
  return { written, report: r.numbered };
}

function runs(value: string | undefined): number {
  if (value === undefined || value === '') return 12;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`ACTA_PROPERTY_RUNS must be a whole number of cases, 1 or more, not ${JSON.stringify(value)}`);
  return n;
}
