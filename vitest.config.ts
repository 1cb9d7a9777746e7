// The test suite on a 2-core machine: two workers, and test files that share one module cache per worker
// (loading acta, docx, unified and playwright again for each of 50 files cost about a minute and a half).
// The files that replace a module (`vi.mock`) or the clock keep a module cache of their own.

import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const OWN_MODULES = ['tests/write/write-outputs.test.ts', 'tests/cli-bug.test.ts', 'tests/render/docx/pack-docx.test.ts'];

/**
 * Seconds each of the longest files takes, whole (collection and hooks included), measured on the 2-core machine.
 * Without vitest's cache of durations (a fresh checkout, as on CI), vitest starts the largest files first, and a long
 * file that is short in bytes (axe: 4 kB, 8 s) could start last and keep one core busy while the other waits.
 */
const ESTIMATED_SECONDS: Record<string, number> = {
  'tests/render/pdf/pdf-edition.test.ts': 40,
  'tests/import/import.test.ts': 33,
  'tests/cache/render-key.test.ts': 23,
  'tests/authoring-cli.test.ts': 21,
  'tests/cli.test.ts': 19,
  'tests/cache/build-cache.test.ts': 18,
  'tests/import/libreoffice-edits.test.ts': 14,
  'tests/render/pictures.test.ts': 12,
  'tests/workers/identical-builds.test.ts': 11,
  'tests/write/output-safety.test.ts': 10,
  'tests/limits.test.ts': 8,
  'tests/a11y/axe.test.ts': 8,
  'tests/align/align-cli.test.ts': 8,
  'tests/import/round-trip.test.ts': 7,
  'tests/load/read-zip.test.ts': 7,
  'tests/properties/import.property.test.ts': 7,
  'tests/public/editions.test.ts': 7,
  'tests/render/docx/docx-readers.test.ts': 7,
  'tests/documents/documents-render.test.ts': 6,
  'tests/properties/restricted.property.test.ts': 6,
  'tests/render/html/html-browser.test.ts': 6,
  'tests/write/write-outputs.test.ts': 5,
  'tests/a11y/html-structure.test.ts': 5,
  'tests/cache/tree-cache.test.ts': 5,
  'tests/watch/init.test.ts': 5,
};

/** Longest first: by the duration vitest's cache holds for a file, else by the estimate above; failed files first, as vitest does. */
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const projects = [...new Set(sorted.map((f) => f.project.name))];
    const weight = (f: TestSpecification) => {
      const file = path.relative(this.ctx.config.root, f.moduleId).split(path.sep).join('/');
      const cached = this.ctx.cache.getFileTestResults(`${f.project.name}:${file}`);
      if (cached?.failed) return Infinity;
      return cached?.duration ?? (ESTIMATED_SECONDS[file] ?? -1) * 1000;
    };
    return sorted
      .map((f, i) => ({ f, i, project: projects.indexOf(f.project.name), weight: weight(f) }))
      .sort((a, b) => a.project - b.project || b.weight - a.weight || a.i - b.i)
      .map(({ f }) => f);
  }
}

export default defineConfig({
  test: {
    // acta keeps copies in the user's cache folder: a test run keeps its own, never the developer's.
    env: { ACTA_CACHE_DIR: path.join(tmpdir(), `acta-test-cache-${process.pid}`) },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
    sequence: { sequencer: LongestFirst },
    projects: [
      { extends: true, test: { name: 'own-modules', include: OWN_MODULES } },
      { extends: true, test: { name: 'shared-modules', include: ['tests/**/*.test.ts'], exclude: OWN_MODULES, isolate: false } },
    ],
  },
});
