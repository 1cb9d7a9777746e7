// The sessions beside a meeting, read for the Akoma Ntoso export: a sibling's meeting.md that is not a regular file
// is skipped at once, never waited on.

import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readNeighbourMeetings } from '../../src/load/load-archive.js';
import { neighbourSessions } from '../../src/parse/sessions.js';
import { FRONTMATTER } from '../helpers.js';

describe('the sessions beside a meeting', () => {
  it('reads the sessions beside a meeting and skips a named pipe or a folder named meeting.md', async () => {
    const archive = await mkdtemp(path.join(tmpdir(), 'acta-archive-'));
    for (const name of ['a', 'b', 'c', 'd']) await mkdir(path.join(archive, name));
    await writeFile(path.join(archive, 'a', 'meeting.md'), `${FRONTMATTER}# Item\n`);
    await writeFile(path.join(archive, 'b', 'meeting.md'), `${FRONTMATTER.replace('PC0517E1a', 'PC0600E1a')}# Item\n`);
    expect(spawnSync('mkfifo', [path.join(archive, 'c', 'meeting.md')]).status).toBe(0);
    await mkdir(path.join(archive, 'd', 'meeting.md'));
    const sessions = neighbourSessions(await readNeighbourMeetings(path.join(archive, 'a')));
    expect([...sessions.keys()]).toEqual(['PC0517E1a', 'PC0600E1a']);
  }, 10_000);
});
