// `npm run bench:inputs`: each pathological construct of tests/tools/pathological.ts scaled by 2 up to its limit and
// one step past it, each step a whole `node dist/acta.js build` under GNU time (wall and CPU seconds, peak memory)
// with a time limit; then a meeting of 10 MB. Prints one table a construct, with the growth from the step before.
// Options: --only NAME,NAME (names contain these words), --timeout S (120), --max-steps N (14).

import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONSTRUCTS, paragraphs, type Construct, type MeetingFiles } from './pathological.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const acta = path.join(root, 'dist', 'acta.js');
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : process.argv[i + 1]!;
};
const only = arg('only', '').split(',').filter(Boolean);
const TIMEOUT = Number(arg('timeout', '120'));
const MAX_STEPS = Number(arg('max-steps', '14'));

interface Step {
  readonly n: number;
  readonly bytes: number;
  readonly wall: number;
  readonly cpu: number;
  readonly peakMB: number;
  /** The exit status, or 'timeout'. */
  readonly status: number | 'timeout';
  /** The first problem printed, if any. */
  readonly said: string;
}

async function write(files: MeetingFiles, dir: string): Promise<number> {
  await rm(dir, { recursive: true, force: true });
  let bytes = 0;
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
    bytes += Buffer.byteLength(text);
  }
  return bytes;
}

/** One whole build under GNU time, stopped at the time limit. */
function build(dir: string, out: string): Omit<Step, 'n' | 'bytes'> {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', 'timeout', String(TIMEOUT), process.execPath, acta, 'build', dir, '--out', out, '--no-cache'], {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1' },
  });
  const lines = r.stderr.trim().split('\n');
  const [wall, user, system, kb] = lines.pop()!.split(' ').map(Number);
  const status = /^Command exited with non-zero status (\d+)/.exec(lines.at(-1) ?? '');
  if (status) lines.pop();
  const code = status ? Number(status[1]) : 0;
  return {
    wall: wall!,
    cpu: user! + system!,
    peakMB: kb! / 1024,
    status: code === 124 ? 'timeout' : code,
    said: (lines.find((l) => /: (error|warning): /.test(l)) ?? lines[0] ?? '').replace(/^.*?: (error|warning): /, '$1: ').slice(0, 90),
  };
}

const sizes = (c: Construct): number[] => {
  const out: number[] = [];
  for (let n = c.start; out.length < MAX_STEPS; n *= 2) {
    if (c.limit !== null && n >= c.limit) {
      out.push(c.limit, c.limit * 2);
      break;
    }
    out.push(n);
  }
  return out;
};

const show = (n: number) => (Number.isInteger(n) ? n.toLocaleString('en-US') : n.toFixed(3).replace(/0+$/, ''));
const ratio = (a: number, b: number) => (b > 0.05 ? `×${(a / b).toFixed(2)}` : '');

async function run(c: Construct, work: string): Promise<void> {
  console.log(`\n## ${c.name} (n: ${c.unit}; limit: ${c.limit === null ? 'the meeting size' : show(c.limit)})\n`);
  console.log('| n | input | wall s | CPU s | CPU growth | peak MB | exit | first message |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  let previous: Step | null = null;
  for (const n of sizes(c)) {
    const dir = path.join(work, 'meeting');
    const bytes = await write(c.make(n), dir);
    const step: Step = { n, bytes, ...build(dir, path.join(work, 'out')) };
    const growth = previous && previous.status === 0 && step.status === 0 ? ratio(step.cpu, previous.cpu) : '';
    console.log(`| ${show(n)} | ${(bytes / 1024).toFixed(0)} KB | ${step.wall.toFixed(2)} | ${step.cpu.toFixed(2)} | ${growth} | ${step.peakMB.toFixed(0)} | ${step.status} | ${step.said.replace(/\|/g, '\\|')} |`);
    previous = step;
    if (step.status === 'timeout') break;
  }
}

const work = await mkdtemp(path.join(tmpdir(), 'acta-bench-inputs-'));
console.log(`# acta on pathological input (node ${process.version}, ${new Date().toISOString().slice(0, 10)}, time limit ${TIMEOUT} s)`);
for (const c of CONSTRUCTS) {
  if (only.length > 0 && !only.some((word) => c.name.includes(word))) continue;
  await run(c, work);
}
if (only.length === 0 || only.includes('10 MB')) {
  console.log('\n## a meeting of 10 MB (ten item files of 1 MB)\n');
  const files: Record<string, string> = { 'meeting.md': CONSTRUCTS[0]!.make(1)['meeting.md']! };
  for (let i = 1; i <= 10; i++) files[`items/${String(i).padStart(2, '0')}.md`] = `# Item ${i}\n\n${paragraphs(1024 * 1024)}\nIn conclusion, the PTC:\n\n- took note.\n`;
  const dir = path.join(work, 'meeting');
  const bytes = await write(files, dir);
  const step = build(dir, path.join(work, 'out'));
  console.log(`${(bytes / 1024 / 1024).toFixed(1)} MB: ${step.wall.toFixed(2)} s wall, ${step.cpu.toFixed(2)} s CPU, ${step.peakMB.toFixed(0)} MB peak, exit ${step.status}: ${step.said}`);
}
await rm(work, { recursive: true, force: true });
