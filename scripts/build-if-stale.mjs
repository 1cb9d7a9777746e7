// Builds acta (`npm run build`) only when a source is newer than dist/: `npm start` then finds acta unchanged
// and the meetings' build cache holds, instead of every meeting being built again because acta was.

import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The modification times of a file, or of every file under a folder. */
function times(where) {
  const full = path.join(root, where);
  let info;
  try {
    info = statSync(full);
  } catch {
    return [];
  }
  if (!info.isDirectory()) return [info.mtimeMs];
  return readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => statSync(path.join(e.parentPath, e.name)).mtimeMs);
}

const built = times('dist');
const sources = ['src', 'package.json', 'package-lock.json', 'tsconfig.json'].flatMap(times);
if (built.length === 0 || Math.max(...sources) > Math.min(...built)) {
  const run = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  process.exit(run.status ?? 1);
}
