// How the user can run acta again: `acta` when the PATH leads to this very program, otherwise the
// node command that ran it. Messages that suggest a next command use it, so it always works.

import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';

export function actaCommand(script: string | undefined, searchPath: string | undefined, cwd: string): string {
  if (script === undefined) return 'acta';
  let self: string;
  try {
    self = realpathSync(script);
  } catch {
    return 'acta';
  }
  for (const dir of (searchPath ?? '').split(path.delimiter).filter(Boolean)) {
    for (const name of ['acta', 'acta.cmd']) {
      const candidate = path.join(dir, name);
      try {
        if (existsSync(candidate) && realpathSync(candidate) === self) return 'acta';
      } catch {
        // an unreadable PATH entry is not ours
      }
    }
  }
  const relative = path.relative(cwd, self);
  const shown = relative.startsWith('..') || path.isAbsolute(relative) ? self : relative;
  return `node ${/\s/.test(shown) ? JSON.stringify(shown) : shown}`;
}
