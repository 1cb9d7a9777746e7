// A bug in acta (not in the meeting) prints its stack and asks to be reported, with its own exit code.

import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('../src/pipeline.js', async (original) => ({
  ...(await original<typeof import('../src/pipeline.js')>()),
  checkMeeting: () => {
    throw new TypeError('something acta did wrong');
  },
}));

describe('a bug', () => {
  afterEach(() => vi.restoreAllMocks());

  it('prints the stack, asks for a report and exits 70', async () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    const { main } = await import('../src/cli.js');
    expect(await main(['node', 'acta', 'check', 'meetings/ptc-219-220'])).toBe(70);
    const stderr = written.join('');
    expect(stderr).toContain('TypeError: something acta did wrong');
    expect(stderr).toMatch(/\n\s+at /);
    expect(stderr).toContain('acta: this is a bug in acta, not in your meeting; please report it with the lines above.');
  });
});
