// The layers of docs/architecture.md hold: no import cycle in src/, and no module importing one of a higher layer.

import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe("src/'s import graph", () => {
  it('has no cycle and no arrow back up a layer', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'tests/tools/import-graph.ts'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^\d{3} modules, \d+ imports between them\n/);
    expect(run.stdout).toContain('\n0 cycles\n');
    expect(run.stdout).toContain('\n0 arrows back up a layer\n');
    expect(run.status).toBe(0);
  });
});
