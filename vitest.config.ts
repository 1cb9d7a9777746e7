// The test suite on a 2-core machine: two workers, and test files that share one module cache per worker
// (loading acta, docx, unified and playwright again for each of 50 files cost about a minute and a half).
// The files that replace a module (`vi.mock`) or the clock keep a module cache of their own.

import { defineConfig } from 'vitest/config';

const OWN_MODULES = ['tests/write/write-outputs.test.ts', 'tests/cli-bug.test.ts', 'tests/render/docx/pack-docx.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'own-modules', include: OWN_MODULES } },
      { extends: true, test: { name: 'shared-modules', include: ['tests/**/*.test.ts'], exclude: OWN_MODULES, isolate: false } },
    ],
  },
});
