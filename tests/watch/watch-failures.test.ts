// acta watch keeps running when a rebuild fails for a reason outside the Markdown.

import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { prepareRenderEnv } from '../../src/pipeline.js';
import { watchMeeting } from '../../src/watch/watch-meeting.js';

describe('acta watch, when a rebuild fails', () => {
  it('reports a template failing at run time as a problem, and builds again on the next save', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'acta-watch-fail-'));
    const dir = path.join(work, 'meeting');
    await cp('tests/fixtures/restricted', dir, { recursive: true });
    const templates = path.join(work, 'templates');
    await mkdir(path.join(templates, 'partials'), { recursive: true });
    await writeFile(path.join(templates, 'partials', 'cover.hbs'), '<header>{{shout committee}}</header>\n');
    const env = (await prepareRenderEnv(templates)).env!;
    const builds: { ok: boolean; rules: string[] }[] = [];
    const bugs: unknown[] = [];
    const watching = await watchMeeting({
      dir,
      out: path.join(work, 'out'),
      port: 0,
      public: false,
      env,
      onBug: (e) => bugs.push(e),
      onBuilt: ({ ok, diagnostics }) => builds.push({ ok, rules: diagnostics.map((d: Diagnostic) => d.ruleId) }),
    });
    try {
      expect(builds).toEqual([{ ok: false, rules: ['template'] }]);
      await writeFile(path.join(dir, 'meeting.md'), `${await readFile(path.join(dir, 'meeting.md'), 'utf8')}\n`);
      await new Promise((r) => setTimeout(r, 1000));
      await watching.settled();
      // One save, one build (debounced), failing the same way and reported the same way.
      expect(builds).toEqual([{ ok: false, rules: ['template'] }, { ok: false, rules: ['template'] }]);
      expect(bugs).toEqual([]);
    } finally {
      await watching.close();
    }
  }, 30_000);

  it('does not show the error of a file caught half-written: an emptied meeting.md filled again soon after shows the report, with no problem', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'acta-watch-half-'));
    const dir = path.join(work, 'meeting');
    await cp('tests/fixtures/restricted', dir, { recursive: true });
    const env = (await prepareRenderEnv()).env!;
    const builds: { ok: boolean; rules: string[] }[] = [];
    const bugs: unknown[] = [];
    const watching = await watchMeeting({
      dir,
      out: path.join(work, 'out'),
      port: 0,
      public: false,
      env,
      onBug: (e) => bugs.push(e),
      onBuilt: ({ ok, diagnostics }) => builds.push({ ok, rules: diagnostics.filter((d: Diagnostic) => d.severity === 'error').map((d: Diagnostic) => d.ruleId) }),
    });
    try {
      expect(builds).toEqual([{ ok: true, rules: [] }]);
      const meeting = path.join(dir, 'meeting.md');
      const text = await readFile(meeting, 'utf8');
      // As an editor saves: the file emptied (a build starts on that event and finds no frontmatter), then written.
      await writeFile(meeting, '');
      await new Promise((r) => setTimeout(r, 30));
      await writeFile(meeting, `${text}\nOne more line.\n`);
      await new Promise((r) => setTimeout(r, 1000));
      await watching.settled();
      expect(builds.length).toBeGreaterThanOrEqual(2);
      expect(builds.every((b) => b.ok)).toBe(true);
      expect(bugs).toEqual([]);
      // Emptied for good, it is an error, and shown.
      await writeFile(meeting, '');
      await new Promise((r) => setTimeout(r, 1000));
      await watching.settled();
      expect(builds.at(-1)).toEqual({ ok: false, rules: ['missing-frontmatter', 'no-items'] });
    } finally {
      await watching.close();
    }
  }, 30_000);

  it('shows an output it cannot write as a problem, after the page is told, and keeps watching', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'acta-watch-unwritable-'));
    const dir = path.join(work, 'meeting');
    await cp('tests/fixtures/restricted', dir, { recursive: true });
    // The output folder is a file: the preview cannot be written into it.
    const out = path.join(work, 'out');
    await writeFile(out, 'not a folder');
    const failures: (string | null)[] = [];
    const bugs: unknown[] = [];
    const watching = await watchMeeting({
      dir,
      out,
      port: 0,
      public: false,
      env: (await prepareRenderEnv()).env!,
      onBug: (e) => bugs.push(e),
      onBuilt: ({ failure, ok }) => failures.push(ok ? null : failure),
    });
    try {
      expect(failures).toHaveLength(1);
      expect(failures[0]).toMatch(/^acta: cannot write .*out\/meeting/);
      await writeFile(path.join(dir, 'meeting.md'), `${await readFile(path.join(dir, 'meeting.md'), 'utf8')}\n`);
      await new Promise((r) => setTimeout(r, 1000));
      await watching.settled();
      expect(failures).toHaveLength(2);
      expect(failures[1]).toMatch(/^acta: cannot write /);
      expect(bugs).toEqual([]);
    } finally {
      await watching.close();
    }
  }, 30_000);
});
