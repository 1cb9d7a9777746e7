// The house rules of docs/architecture.md: no module of src/ over 400 lines and no function over 60 lines (a table
// of handlers or words counts as a declaration, not a function). `npx tsx tests/tools/house.ts` lists any over.

import { describe, expect, it } from 'vitest';
import { houseReport, MAX_FILE_LINES, MAX_FUNCTION_LINES } from './tools/house.js';

describe('the house', () => {
  const report = houseReport();

  it(`has no file over ${MAX_FILE_LINES} lines`, () => {
    expect(report.modules).toBeGreaterThan(150);
    expect(report.files.map((f) => `${f.file}: ${f.lines} lines`)).toEqual([]);
  });

  it(`has no function over ${MAX_FUNCTION_LINES} lines`, () => {
    expect(report.functions.map((f) => `${f.file} ${f.name}: ${f.lines} lines`)).toEqual([]);
  });

  it('finds a long function in a module it is shown, and takes a table of short handlers for a declaration', async () => {
    const { longFunctionsOf } = await import('./tools/house.js');
    const body = Array.from({ length: 61 }, (_, i) => `  const a${i} = ${i};`).join('\n');
    // A table of 70 short handlers is a declaration, not a function.
    const table = `const table = {\n${Array.from({ length: 70 }, (_, i) => `  h${i}: () => ${i},`).join('\n')}\n};`;
    expect(longFunctionsOf('x.ts', `function long() {\n${body}\n}\n${table}\n`)).toEqual([{ file: 'x.ts', name: 'long', lines: 63 }]);
  });
});
