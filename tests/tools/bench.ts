// `npm run bench`: acta against pandoc on the same report, at 1×, 10× and 100× the flagship.
//
// Each build is a whole `node dist/acta.js build` process (all formats, both editions, the annexes
// alone, the JSON), timed over several runs after a warm-up; pandoc converts the same Markdown (the
// meeting's files concatenated) to DOCX, alternating with acta. Peak memory is the process's maximum
// resident set, as GNU time reports it. Options: --sizes 1,10,100  --runs N (per size, after warm-up).
// Then, apart, the flagship's PDF edition (`--format pdf`: both editions and each annex alone, 11
// files, one browser), when a browser is found: --pdf-runs N (3 by default, after a warm-up).

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const flagship = path.join(root, 'meetings', 'ptc-219-220');
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : process.argv[i + 1]!;
};
const sizes = arg('sizes', '1,10,100').split(',').map(Number);
const runsFor = (size: number) => Number(arg('runs', size >= 100 ? '2' : size >= 10 ? '3' : '5'));

interface Sample {
  readonly seconds: number;
  readonly peakMB: number;
}

/** Runs a command under GNU time: wall seconds and maximum resident set. */
function measure(command: string, args: readonly string[]): Sample {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', command, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${r.stderr.slice(-2000)}`);
  const [seconds, kb] = r.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  return { seconds: seconds!, peakMB: kb! / 1024 };
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** The flagship with its items repeated `times` times, every id made unique per copy; annexes once. */
async function synthesize(times: number, into: string): Promise<string> {
  const dir = path.join(into, `ptc-x${times}`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.join(dir, 'items'), { recursive: true });
  await cp(path.join(flagship, 'meeting.md'), path.join(dir, 'meeting.md'));
  await cp(path.join(flagship, 'annexes'), path.join(dir, 'annexes'), { recursive: true });
  const names = (await readdir(path.join(flagship, 'items'))).sort();
  const texts = await Promise.all(names.map((n) => readFile(path.join(flagship, 'items', n), 'utf8')));
  const itemIds = new Set(texts.flatMap((t) => [...t.matchAll(/\{#([^\s{}]+)\}/g)].map((m) => m[1]!)));
  const width = String(times).length;
  for (let copy = 1; copy <= times; copy++) {
    const suffix = times === 1 ? '' : `-c${copy}`;
    for (const [i, text] of texts.entries()) {
      const unique = text
        .replace(/\{#([^\s{}]+)\}/g, (_, id: string) => `{#${id}${suffix}}`)
        .replace(/\]\(#([^)\s]+)\)/g, (whole, id: string) => (itemIds.has(id) ? `](#${id}${suffix})` : whole));
      await writeFile(path.join(dir, 'items', `${String(copy).padStart(width, '0')}-${names[i]}`), unique);
    }
  }
  return dir;
}

/** The same Markdown for pandoc: the meeting's files concatenated. */
async function concatenate(dir: string, into: string): Promise<string> {
  const files = [path.join(dir, 'meeting.md')];
  for (const sub of ['items', 'annexes']) for (const n of (await readdir(path.join(dir, sub))).sort()) files.push(path.join(dir, sub, n));
  const out = path.join(into, `${path.basename(dir)}.md`);
  await writeFile(out, (await Promise.all(files.map((f) => readFile(f, 'utf8')))).join('\n\n'));
  return out;
}

async function main(): Promise<void> {
  if (!existsSync('/usr/bin/time')) throw new Error('the benchmark needs GNU time (/usr/bin/time, Debian package "time")');
  if (!existsSync(path.join(root, 'dist', 'acta.js'))) throw new Error('run `npm run build` first');
  const hasPandoc = spawnSync('pandoc', ['--version']).status === 0;
  const work = await mkdtemp(path.join(tmpdir(), 'acta-bench-'));
  const acta = path.join(root, 'dist', 'acta.js');
  const summary: string[] = [];
  console.log(`node ${process.version}, ${hasPandoc ? execFileSync('pandoc', ['--version'], { encoding: 'utf8' }).split('\n')[0] : 'no pandoc'}`);
  for (const size of sizes) {
    const dir = size === 1 ? flagship : await synthesize(size, work);
    const markdown = await concatenate(dir, work);
    const out = path.join(work, `out-x${size}`);
    const buildActa = () => measure(process.execPath, [acta, 'build', dir, '--out', out]);
    const buildPandoc = () => measure('pandoc', [markdown, '-o', path.join(work, `x${size}.docx`)]);
    buildActa();
    if (hasPandoc) buildPandoc();
    const a: Sample[] = [];
    const p: Sample[] = [];
    for (let run = 0; run < runsFor(size); run++) {
      a.push(buildActa());
      if (hasPandoc) p.push(buildPandoc());
    }
    const actaS = median(a.map((s) => s.seconds));
    const pandocS = hasPandoc ? median(p.map((s) => s.seconds)) : NaN;
    const peak = Math.max(...a.map((s) => s.peakMB));
    const mb = ((await readFile(markdown)).length / 1e6).toFixed(2);
    console.log(`${size}× (${mb} MB Markdown): acta ${a.map((s) => s.seconds.toFixed(2)).join(' ')} s; pandoc ${p.map((s) => s.seconds.toFixed(2)).join(' ')} s`);
    summary.push(`${size}x, ${actaS.toFixed(2)}, ${hasPandoc ? pandocS.toFixed(2) : '-'}, ${hasPandoc ? (actaS / pandocS).toFixed(2) : '-'}, ${Math.round(peak)}`);
  }
  console.log('\nsize, acta median s, pandoc median s, ratio, acta peak MB');
  for (const line of summary) console.log(line);
  benchPdf(acta, work);
  await rm(work, { recursive: true, force: true });
}

/** The flagship's PDF files alone, timed apart: the browser's start and printing are another cost. */
function benchPdf(acta: string, work: string): void {
  const out = path.join(work, 'out-pdf');
  const args = [acta, 'build', flagship, '--out', out, '--format', 'pdf'];
  const warm = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (warm.status !== 0) {
    console.log(`\nPDF: not measured (${warm.stderr.trim().split('\n').pop()})`);
    return;
  }
  const samples: Sample[] = [];
  for (let run = 0; run < Number(arg('pdf-runs', '3')); run++) samples.push(measure(process.execPath, args));
  const files = spawnSync('find', [out, '-name', '*.pdf'], { encoding: 'utf8' }).stdout.trim().split('\n').length;
  console.log(`\nPDF edition of the flagship (${files} files, one browser): ${samples.map((s) => s.seconds.toFixed(2)).join(' ')} s`);
  console.log(`pdf, median ${median(samples.map((s) => s.seconds)).toFixed(2)} s, acta's process peak ${Math.round(Math.max(...samples.map((s) => s.peakMB)))} MB (the browser's own memory not counted)`);
}

await main();
