// Property-based tests: the public edition never leaks; every file a build renders, whatever the text,
// is well-formed (DOCX XML, HTML, JSON) and the build renders exactly the files it must.

import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { XMLValidator } from 'fast-xml-parser';
import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { renderMeeting } from '../../src/pipeline.js';
import { filterPublic } from '../../src/public/filter-public.js';
import { renderDocx } from '../../src/render/docx/render-docx.js';
import { renderHtml } from '../../src/render/html/render-html.js';
import { decisionRecords, reportData } from '../../src/render/json/render-json.js';
import type { OutputFile } from '../../src/write/write-outputs.js';
import { run } from '../helpers.js';
import { meetingSpec, writeMeeting, type MeetingSpec } from './meeting-arbitrary.js';
import { env, numbered, RUNS, TIMEOUT } from './run-spec.js';

const NUMERALS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
const SYMBOL = 'PROP1';

/** Every file `acta build` writes for a spec: each edition's report in three formats, its register, each annex alone. */
function expectedFiles(spec: MeetingSpec, publicOnly: boolean, acceptChanges: boolean): string[] {
  const files: string[] = [];
  const full = acceptChanges ? '-accepted' : '';
  for (const suffix of publicOnly ? ['-public'] : [full, '-public']) {
    files.push(`${SYMBOL}${suffix}.docx`, `${SYMBOL}${suffix}.html`, `${SYMBOL}${suffix}.json`, `decisions${suffix}.json`);
    spec.annexes.forEach((annex, i) => {
      if (suffix === '-public' && annex.restricted) return;
      files.push(`annexes/annex-${NUMERALS[i]}${suffix}.docx`, `annexes/annex-${NUMERALS[i]}${suffix}.html`);
    });
  }
  return files.sort();
}

interface ReportJson {
  symbol: string;
  public: boolean;
  paragraph_count: number;
  items: { numeral: string }[];
  paragraphs: { number: number }[];
  annexes: { numeral: string }[];
}
interface DecisionsJson {
  symbol: string;
  public: boolean;
  decisions: { paragraph: number; text: string }[];
}

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

  it(`every file a build renders, whatever the text, is well-formed DOCX, HTML or JSON (${RUNS} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(meetingSpec(true), fc.boolean(), fc.boolean(), async (spec, publicOnly, acceptChanges) => {
        const written = writeMeeting(spec);
        const r = run(written.files);
        // The frontmatter is always valid, so arbitrary text never stops the report from being made.
        expect(r.numbered, r.problems.join('\n')).not.toBeNull();
        const files: OutputFile[] = [];
        await renderMeeting(r.numbered!, { formats: ['docx', 'html', 'json'], publicOnly, acceptChanges }, env, async (file) => {
          files.push(file);
        });
        expect(files.map((f) => f.path).sort()).toEqual(expectedFiles(spec, publicOnly, acceptChanges));

        const total = written.expected.paragraphsPerItem.reduce((a, b) => a + b, 0);
        for (const { path, content } of files) {
          const isPublic = path.includes('-public.');
          if (path.endsWith('.docx')) {
            const parts = unzipSync(content as Uint8Array);
            expect(Object.keys(parts), path).toContain('word/document.xml');
            for (const [name, data] of Object.entries(parts)) {
              if (!/\.(xml|rels)$/.test(name)) continue;
              const xml = strFromU8(data);
              const valid = XMLValidator.validate(xml);
              expect(valid, `${path} ${name}: ${JSON.stringify(valid)}`).toBe(true);
              // XML 1.0 characters only: the validator does not look at them, Word does.
              expect(xml, `${path} ${name}`).not.toMatch(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u);
              // A public or accepted edition is the text as decided: no revision, no comment.
              if (isPublic || acceptChanges) expect(xml, `${path} ${name}`).not.toMatch(/<w:(ins|del|delText|commentReference) /);
            }
          } else if (path.endsWith('.html')) {
            const html = content as string;
            const errors: string[] = [];
            parse(html, { onParseError: (e) => errors.push(`${e.code} at ${e.startLine}:${e.startCol}`) });
            expect(errors, path).toEqual([]);
            expect(html, path).not.toMatch(/<script|javascript:/i);
            if (isPublic || acceptChanges) expect(html, path).not.toMatch(/<(ins|del)[\s>]|class="comment/);
          } else if (path.startsWith('decisions')) {
            const data = JSON.parse(content as string) as DecisionsJson;
            expect([data.symbol, data.public], path).toEqual([SYMBOL, isPublic]);
            const decisions = written.expected.decisions.filter((d) => !isPublic || !d.restricted);
            expect(data.decisions.map((d) => [d.paragraph, d.text]), path).toEqual(decisions.map((d) => [d.paragraph, d.text]));
          } else {
            const data = JSON.parse(content as string) as ReportJson;
            expect([data.symbol, data.public, data.paragraph_count], path).toEqual([SYMBOL, isPublic, total]);
            expect(data.items.map((i) => i.numeral), path).toEqual(NUMERALS.slice(0, spec.items.length));
            expect(data.annexes.map((a) => a.numeral), path).toEqual(NUMERALS.slice(0, spec.annexes.length));
            const numbers = data.paragraphs.map((p) => p.number);
            if (isPublic) {
              // Restricted paragraphs leave gaps, never a shift.
              expect(numbers.every((n, i) => n >= 1 && n <= total && (i === 0 || n > numbers[i - 1]!)), `${path}: ${numbers.join(',')}`).toBe(true);
            } else {
              expect(numbers, path).toEqual(Array.from({ length: total }, (_, i) => i + 1));
            }
          }
        }
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);
});
