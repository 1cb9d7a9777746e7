// One build at a time into an output folder: two builds of one meeting at once (two terminals, a
// script and `npm start`) would otherwise rename each other's files and half-replace each other's
// manifest. The lock is a folder `.acta-lock` inside the output folder, held while the build writes,
// by proper-lockfile (made for this: atomic `mkdir`, refreshed while held, taken over when stale,
// so a killed build never blocks the next one for long).

import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { WriteFailed } from './write-outputs.js';

export const LOCK = '.acta-lock';

/** How long a build waits for another one writing into the same folder, in seconds (`ACTA_LOCK_WAIT` to change it). */
const DEFAULT_WAIT = 120;
const POLL_MS = 250;

/** Another build held the folder for longer than this build would wait. */
export class OutputBusy extends WriteFailed {}

/** Takes the output folder (made if need be) for this build; resolves to the function that gives it back. */
export async function lockOutputFolder(folder: string, env: NodeJS.ProcessEnv = process.env): Promise<() => Promise<void>> {
  const shown = path.relative(process.cwd(), folder) || folder;
  await mkdir(folder, { recursive: true }).catch((e: unknown) => {
    throw WriteFailed.of(shown, e);
  });
  const wait = Number(env.ACTA_LOCK_WAIT ?? DEFAULT_WAIT);
  const seconds = Number.isFinite(wait) && wait >= 0 ? wait : DEFAULT_WAIT;
  try {
    const release = await lockfile.lock(folder, {
      lockfilePath: path.join(folder, LOCK),
      realpath: false,
      stale: 20_000,
      update: 5_000,
      retries: { retries: Math.ceil((seconds * 1000) / POLL_MS), factor: 1, minTimeout: POLL_MS, maxTimeout: POLL_MS },
      // A lock taken over while held (its holder stalled past `stale`): this build finishes its write all the same.
      onCompromised: () => undefined,
    });
    return () => release().catch(() => undefined);
  } catch (e) {
    if ((e as { code?: string }).code === 'ELOCKED') {
      throw new OutputBusy(`another acta build is writing into ${shown}/ and did not finish within ${seconds} s; run this build again when it has (if none is running, its lock ${path.join(shown, LOCK)} goes stale within 20 s)`);
    }
    throw WriteFailed.of(shown, e);
  }
}
