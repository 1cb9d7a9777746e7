// acta watch keeps running when a rebuild fails for a reason outside the Markdown, and never shows the
// error of a file caught half-written.

import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { prepareRenderEnv } from '../../src/pipeline.js';
import { watchMeeting, type Watching } from '../../src/watch/watch-meeting.js';

interface Shown {
  readonly ok: boolean;
  /** The rule ids of the build's errors (and of a template's failure, which is one). */
  readonly rules: string[];
  readonly failure: string | null;
}

/** A copy of the restricted fixture watched in this process: what each shown build said, and the bugs reported. */
async function watched(prefix: string, setUp: (work: string) => Promise<{ templates?: string; out?: string }> = async () => ({})) {
  const work = await mkdtemp(path.join(tmpdir(), prefix));
  const dir = path.join(work, 'meeting');
  await cp('tests/fixtures/restricted', dir, { recursive: true });
  const { templates, out } = await setUp(work);
  const shown: Shown[] = [];
  const bugs: unknown[] = [];
  const watching: Watching = await watchMeeting({
    dir,
    out: out ?? path.join(work, 'out'),
    port: 0,
    public: false,
    env: (await prepareRenderEnv(templates)).env!,
    onBug: (e) => bugs.push(e),
    onBuilt: ({ ok, diagnostics, failure }) => shown.push({ ok, rules: diagnostics.filter((d: Diagnostic) => d.severity === 'error').map((d) => d.ruleId), failure }),
  });
  const meeting = path.join(dir, 'meeting.md');
  /** Writes meeting.md, and waits for the builds it starts to be over. */
  const save = async (text: string) => {
    await writeFile(meeting, text);
    await new Promise((r) => setTimeout(r, 1000));
    await watching.settled();
  };
  return { watching, shown, bugs, meeting, save };
}

describe('acta watch, when a rebuild fails', () => {
  it('reports a template failing at run time as a problem, and builds again on the next save', async () => {
    const { watching, shown, bugs, meeting, save } = await watched('acta-watch-fail-', async (work) => {
      const templates = path.join(work, 'templates');
      await mkdir(path.join(templates, 'partials'), { recursive: true });
      await writeFile(path.join(templates, 'partials', 'cover.hbs'), '<header>{{shout committee}}</header>\n');
      return { templates };
    });
    try {
      const failing = { ok: false, rules: ['template'], failure: null };
      expect(shown).toEqual([failing]);
      await save(`${await readFile(meeting, 'utf8')}\n`);
      // One save, one build shown, failing the same way and reported the same way.
      expect(shown).toEqual([failing, failing]);
      expect(bugs).toEqual([]);
    } finally {
      await watching.close();
    }
  }, 30_000);

  it('does not show the error of a file caught half-written: an emptied meeting.md filled again soon after shows the report, with no problem', async () => {
    const { watching, shown, bugs, meeting, save } = await watched('acta-watch-half-');
    try {
      expect(shown).toEqual([{ ok: true, rules: [], failure: null }]);
      const text = await readFile(meeting, 'utf8');
      // As an editor saves: the file emptied (a build starts on that event and finds no frontmatter), then written.
      await writeFile(meeting, '');
      await new Promise((r) => setTimeout(r, 30));
      await save(`${text}\nOne more line.\n`);
      expect(shown.length).toBeGreaterThanOrEqual(2);
      expect(shown.every((b) => b.ok)).toBe(true);
      expect(bugs).toEqual([]);
      // Emptied for good, it is an error, and shown.
      await save('');
      expect(shown.at(-1)).toEqual({ ok: false, rules: ['missing-frontmatter', 'no-items'], failure: null });
    } finally {
      await watching.close();
    }
  }, 30_000);

  it('shows an output it cannot write as a problem, after the page is told, and keeps watching', async () => {
    const { watching, shown, bugs, meeting, save } = await watched('acta-watch-unwritable-', async (work) => {
      // The output folder is a file: the preview cannot be written into it.
      const out = path.join(work, 'out');
      await writeFile(out, 'not a folder');
      return { out };
    });
    try {
      expect(shown).toHaveLength(1);
      expect(shown[0]!.ok).toBe(false);
      expect(shown[0]!.failure).toMatch(/^acta: cannot write .*out\/meeting/);
      await save(`${await readFile(meeting, 'utf8')}\n`);
      expect(shown).toHaveLength(2);
      expect(shown[1]!.failure).toMatch(/^acta: cannot write /);
      expect(bugs).toEqual([]);
    } finally {
      await watching.close();
    }
  }, 30_000);
});
