// `acta build` of several meetings reads each one's build cache before building any: a meeting found up to date then
// is checked again before it is skipped, as a meeting built before it in the same command may have written into the
// same output folder (two folders of one name).

import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCommand } from '../../src/commands/build.js';
import { DEFAULT_FORMATS } from '../../src/formats.js';
import { recordingTerminal } from './terminal.js';

describe('acta build of two meetings into one folder', () => {
  it('builds the second again when the first wrote over its files, rather than say it is up to date', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'acta-same-name-'));
    cpSync('meetings/ptc-219-220', path.join(root, 'a', 'm'), { recursive: true });
    cpSync('meetings/ptc-217-218', path.join(root, 'b', 'm'), { recursive: true });
    const out = path.join(root, 'out');
    const options = { out, summary: true, formats: DEFAULT_FORMATS, publicOnly: false, acceptChanges: false, cache: true } as const;
    const first = recordingTerminal();
    expect(await buildCommand([path.join(root, 'b', 'm')], options, first.terminal)).toBe('ok');
    const both = recordingTerminal();
    expect(await buildCommand([path.join(root, 'a', 'm'), path.join(root, 'b', 'm')], options, both.terminal)).toBe('ok');
    expect(both.said).toEqual([expect.stringMatching(/^.*a\/m: 50 files written to .*out\/m\/ \(6 files of an earlier build removed\), 0 warnings\n$/), expect.stringMatching(/^.*b\/m: 8 files written to .*out\/m\/ \(48 files of an earlier build removed\), 0 warnings\n$/)]);
  });
});
