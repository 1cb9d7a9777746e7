// The public filter, proven on random meetings: restricted spans and blocks holding random Markdown
// (brackets, code, comments, links, changes, footnotes, other directives) never reach a public file,
// in any format. Either acta reads the text as written and withholds it, or it refuses the meeting.

import { spawn } from 'node:child_process';
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { FORMATS, renderMeeting, type Format, type RenderEnv } from '../../src/pipeline.js';
import { sharedPrinter } from '../build-helpers.js';
import { run } from '../helpers.js';
import { restrictedSpec, writeRestricted, type RestrictedSpec } from './restricted-arbitrary.js';
import { env, RUNS, TIMEOUT } from './run-spec.js';
import { tool } from '../external-tools.js';

/** PDF is printed by a browser, about a second a case: one case in eight is printed too. */
const PDF_EVERY = 8;

/** The text a reader gets out of a PDF, as pdftotext gives it. */
function pdfText(pdf: Uint8Array): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool('pdftotext'), ['-', '-']);
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.on('error', reject).on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`pdftotext exited ${code}`))));
    child.stdin.end(pdf);
  });
}

/** Every text of every public file of a meeting: DOCX parts, HTML, JSON, and the PDF's text when asked for. */
async function publicTexts(files: Record<string, string>, withPdf: boolean): Promise<{ texts: string[]; full: string } | null> {
  const r = run(files);
  if (!r.numbered) return null;
  const formats: Format[] = FORMATS.filter((f) => f !== 'pdf' || withPdf);
  let shown: RenderEnv = env;
  if (withPdf) {
    // The worker's browser, which the other test files that print share: a start of Chromium costs about a second.
    shown = { ...env, pdf: await sharedPrinter() };
  }
  const texts: string[] = [];
  // An annex alone is printed from the same public edition as the report, which holds the annex: not printed again.
  await renderMeeting(r.numbered, { formats, publicOnly: true, acceptChanges: false, annexFiles: false }, shown, async ({ path, content }) => {
    if (path.endsWith('.docx')) texts.push(...Object.entries(unzipSync(content as Uint8Array)).map(([name, part]) => `${name}\n${strFromU8(part)}`));
    else if (path.endsWith('.pdf')) texts.push(await pdfText(content as Uint8Array));
    else texts.push(typeof content === 'string' ? content : strFromU8(content));
  });
  return { texts, full: JSON.stringify(r.numbered) };
}

/** The restricted markers a meeting's public files hold (none), and those its full edition lacks (none: the check is not vacuous). */
async function check(spec: RestrictedSpec, n: number): Promise<{ built: boolean; leaks: string[]; missing: string[]; errors: string[] }> {
  const written = writeRestricted(spec);
  const r = run(written.files);
  const errors = r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`);
  if (errors.length > 0) return { built: false, leaks: [], missing: [], errors };
  const found = (await publicTexts(written.files, n % PDF_EVERY === 0))!;
  const all = found.texts.join('\n');
  const leaks = written.markers.filter((m) => all.includes(m));
  // Nor the syntax itself: a marker that reached the text as typed.
  if (/:restricted\[|:::restricted/.test(all)) leaks.push('restricted syntax');
  const missing = written.kept.filter((m) => !found.full.includes(m));
  return { built: true, leaks, missing, errors };
}

describe('properties of restricted text', () => {
  it(`well-formed restricted text is read as written and reaches no public file, in any format (${RUNS} cases)`, async () => {
    let n = 0;
    let built = 0;
    await fc.assert(
      fc.asyncProperty(restrictedSpec(false), async (spec) => {
        const result = await check(spec, n++);
        // Brackets in pairs, code, comments, links: nothing here is for the restricted checks to refuse.
        expect(result.errors.filter((e) => / restricted-/.test(e)), JSON.stringify(writeRestricted(spec).files)).toEqual([]);
        if (result.built) built++;
        expect(result.leaks, JSON.stringify(writeRestricted(spec).files)).toEqual([]);
        expect(result.missing, JSON.stringify(writeRestricted(spec).files)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
    // Most meetings build (the others have an unrelated error, as a change that straddles emphasis): the property is not vacuous.
    expect(built).toBeGreaterThan(RUNS / 2);
  }, TIMEOUT);

  it(`restricted text with a lone bracket, backtick or marker is refused or still withheld (${RUNS} cases)`, async () => {
    let n = 1;
    await fc.assert(
      fc.asyncProperty(restrictedSpec(true), async (spec) => {
        const result = await check(spec, n++);
        expect(result.leaks, JSON.stringify(writeRestricted(spec).files)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);
});
