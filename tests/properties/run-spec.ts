// Shared by the property tests: how many cases, the render environment, a spec run through parse and number.

import { prepareRenderEnv, type RenderEnv } from '../../src/pipeline.js';
import { run } from '../helpers.js';
import { writeMeeting, type MeetingSpec } from './meeting-arbitrary.js';

/** ACTA_PROPERTY_RUNS sets the cases per property (2,000 by default, as CI runs them). */
export const RUNS = Number(process.env.ACTA_PROPERTY_RUNS ?? 2000);
export const TIMEOUT = 15 * 60_000;
export const env: RenderEnv = (await prepareRenderEnv()).env!;

/** A spec written and run through parse and number; structured specs never have errors. */
export function numbered(spec: MeetingSpec) {
  const written = writeMeeting(spec);
  const r = run(written.files);
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length || !r.numbered) throw new Error(`unexpected errors: ${JSON.stringify(errors)}\n${JSON.stringify(written.files)}`);
  return { written, report: r.numbered };
}
