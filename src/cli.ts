#!/usr/bin/env node
// The only module that touches argv, the console and exit codes.

import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { error, formatDiagnostic, useColor, type Diagnostic } from './diagnostics.js';
import { LANGUAGES, type Language } from './i18n/labels.js';
import { DECISION_FORMATS, type DecisionFormat, type MeetingDecisions } from './render/decisions/format-decisions.js';
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { FORMATS, type Format } from './formats.js';

/** The pipeline, loaded when a command needs it: `--help` and `--version` stay instant. */
const pipeline = () => import('./pipeline.js');
import { writeOutputs } from './write/write-outputs.js';
import { classifyError, exitCodeOf, type Failure } from './errors.js';
import packageJson from '../package.json' with { type: 'json' };

const EXIT = { ok: exitCodeOf('ok'), input: exitCodeOf('input'), usage: exitCodeOf('usage'), bug: exitCodeOf('bug') } as const;
const BUG_LINE = 'acta: this is a bug in acta, not in your meeting; please report it with the lines above.';

const color = useColor(process.env, process.stderr.isTTY === true);

function printDiagnostics(diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) process.stderr.write(`${formatDiagnostic(d, color)}\n`);
}

/** Says what went wrong, in the words each kind of failure needs. */
function printFailure(failure: Failure): void {
  switch (failure.kind) {
    case 'input':
      return printDiagnostics([failure.diagnostic]);
    case 'refused-write':
      process.stderr.write(`acta: ${failure.message}\n`);
      return;
    case 'usage':
      return; // commander has printed it, with a suggestion
    case 'bug':
      process.stderr.write(`${failure.stack}\n${BUG_LINE}\n`);
  }
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('expected a port number from 0 to 65535');
  return port;
}

function parseFormats(value: string): Format[] {
  const formats = value.split(',').map((f) => f.trim()).filter(Boolean);
  for (const f of formats) {
    if (!(FORMATS as readonly string[]).includes(f)) {
      throw new InvalidArgumentError(`unknown format \`${f}\`, expected ${FORMATS.join(', ')}`);
    }
  }
  return formats as Format[];
}

export function createProgram(setExit: (code: number) => void): Command {
  const program = new Command('acta')
    .description('Turns a committee meeting written in Markdown into its official summary report.')
    .version(packageJson.version, '-v, --version')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });

  program
    .command('build')
    .description('build each meeting folder into OUT/<folder>/ (all formats unless --format narrows them)')
    .argument('<dir...>', 'meeting folders')
    .option('-o, --out <dir>', 'output folder', 'output')
    .option('-f, --format <list>', `comma-separated formats: ${FORMATS.join(',')}`, parseFormats, [...FORMATS])
    .option('--public-only', 'build only the public editions')
    .option('--accept-changes', 'write the clean text: tracked changes accepted')
    .option('--templates <dir>', 'a copy of the templates/ folder to lay out the HTML')
    .action(async (dirs: string[], opts: { out: string; format: Format[]; publicOnly?: boolean; acceptChanges?: boolean; templates?: string }) => {
      const { buildMeeting, prepareRenderEnv } = await pipeline();
      const { buildInThreads } = await import('./workers/threads.js');
      const options = { formats: opts.format, publicOnly: opts.publicOnly === true, acceptChanges: opts.acceptChanges === true, templates: opts.templates };
      const prepared = await prepareRenderEnv(opts.templates);
      printDiagnostics(prepared.diagnostics);
      if (!prepared.env) return setExit(EXIT.input);
      let failed = false;
      const progress = (n: number) => {
        if (process.stderr.isTTY && dirs.length > 1) process.stderr.write(`\r\u001b[Kbuilt ${n} of ${dirs.length} meetings`);
      };
      const report = (result: { diagnostics: readonly Diagnostic[]; ok: boolean }, index: number) => {
        if (process.stderr.isTTY && dirs.length > 1) process.stderr.write('\r\u001b[K');
        printDiagnostics(result.diagnostics);
        if (!result.ok) failed = true;
        progress(index + 1);
      };
      const threads = Math.max(1, Math.min(availableParallelism(), dirs.length));
      // Several meetings: a thread a meeting, on every core. One meeting is built here: a second
      // thread would start cold and cost what it saves (measured: see README, Speed).
      const pooled = dirs.length > 1 ? buildInThreads(dirs, opts.out, options, threads, report) : null;
      if (pooled) await pooled;
      else {
        for (const [index, dir] of dirs.entries()) {
          const built = await buildMeeting(dir, opts.out, options, prepared.env);
          report({ diagnostics: built.diagnostics, ok: built.report !== null }, index);
        }
      }
      if (process.stderr.isTTY && dirs.length > 1) process.stderr.write('\r\u001b[K');
      setExit(failed ? EXIT.input : EXIT.ok);
    });

  program
    .command('check')
    .description('validate meeting folders and print every problem; writes nothing')
    .argument('<dir...>', 'meeting folders')
    .action(async (dirs: string[]) => {
      const { checkMeeting } = await pipeline();
      let failed = false;
      for (const dir of dirs) {
        const checked = await checkMeeting(dir);
        printDiagnostics(checked.diagnostics);
        if (!checked.report) failed = true;
        else {
          const r = checked.report;
          process.stdout.write(`${dir}: ${r.items.length} items, ${r.paragraphCount} paragraphs, ${r.annexes.length} annexes, ${r.decisions.length} decisions\n`);
        }
      }
      setExit(failed ? EXIT.input : EXIT.ok);
    });

  program
    .command('init')
    .description('create a new meeting folder that builds as it is')
    .argument('<dir>', 'the folder to create (new or empty)')
    .option('--committee <name>', 'the committee, as on the cover', 'Permanent Technical Committee')
    .option('--short <name>', 'its short name, as in "In conclusion, the PTC:"', 'PTC')
    .option('--symbol <code>', 'the document code', 'PC0000E1a')
    .option('--session <text>', 'the session, as on the cover', '1st Session')
    .option('--place <city>', 'where the meeting is held', 'Brussels')
    .addOption(new Option('--language <code>', 'the report language').choices(LANGUAGES).default('en'))
    .action(async (dir: string, opts: { committee: string; short: string; symbol: string; session: string; place: string; language: Language }) => {
      const here = { file: dir, line: 1, column: 1 };
      if (existsSync(dir) && readdirSync(dir).length > 0) {
        printDiagnostics([error(here, 'folder-not-empty', 'Unexpected folder that is not empty, expected a new or empty folder (acta init never overwrites)')]);
        return setExit(EXIT.input);
      }
      if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(opts.symbol) || opts.symbol.includes('..')) {
        printDiagnostics([error(here, 'bad-symbol', `Unexpected symbol \`${opts.symbol}\`, expected letters, digits, \`.\`, \`_\` or \`-\``)]);
        return setExit(EXIT.usage);
      }
      const today = new Date();
      const date = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
      const { newMeetingFiles } = await import('./init/new-meeting.js');
      const { loadNewMeetingTemplates } = await import('./load/load-templates.js');
      const files = newMeetingFiles(await loadNewMeetingTemplates(opts.language), { ...opts, date });
      await writeOutputs(dir, files);
      process.stdout.write(`Created ${dir}: ${files.map((f) => f.path).join(', ')}\nNext: acta watch ${dir}\n`);
      setExit(EXIT.ok);
    });

  program
    .command('agenda')
    .description('write the cover block and agenda table alone, DOCX and HTML, into OUT/<folder>/')
    .argument('<dir>', 'meeting folder')
    .option('-o, --out <dir>', 'output folder', 'output')
    .option('--public', 'the public edition of the agenda')
    .option('--templates <dir>', 'a copy of the templates/ folder to lay out the HTML')
    .action(async (dir: string, opts: { out: string; public?: boolean; templates?: string }) => {
      const { buildAgenda, prepareRenderEnv } = await pipeline();
      const prepared = await prepareRenderEnv(opts.templates);
      printDiagnostics(prepared.diagnostics);
      if (!prepared.env) return setExit(EXIT.input);
      const built = await buildAgenda(dir, opts.out, opts.public ? 'public' : 'full', prepared.env);
      printDiagnostics(built.diagnostics);
      setExit(built.report ? EXIT.ok : EXIT.input);
    });

  program
    .command('watch')
    .description('rebuild on every save and serve the HTML with live reload on 127.0.0.1')
    .argument('<dir>', 'meeting folder')
    .option('-p, --port <n>', 'the port to serve on (0: any free port)', parsePort, 4000)
    .option('-o, --out <dir>', 'output folder', 'output')
    .option('--public', 'preview the public edition')
    .option('--templates <dir>', 'a copy of the templates/ folder to lay out the HTML')
    .action(async (dir: string, opts: { port: number; out: string; public?: boolean; templates?: string }) => {
      const { prepareRenderEnv } = await pipeline();
      const prepared = await prepareRenderEnv(opts.templates);
      printDiagnostics(prepared.diagnostics);
      if (!prepared.env) return setExit(EXIT.input);
      const { watchMeeting } = await import('./watch/watch-meeting.js');
      let watching;
      try {
        watching = await watchMeeting({
          dir,
          out: opts.out,
          port: opts.port,
          public: opts.public === true,
          env: prepared.env,
          onBuilt: ({ diagnostics, failure, ok, ms }) => {
            printDiagnostics(diagnostics);
            if (failure) process.stderr.write(`${failure}\n`);
            process.stdout.write(ok ? `built in ${Math.round(ms)} ms\n` : 'not built: see the problems above\n');
          },
          onBug: (e) => printFailure(classifyError(e)),
        });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') {
          process.stderr.write(`acta: port ${opts.port} is in use; choose another with --port\n`);
          return setExit(EXIT.usage);
        }
        throw e;
      }
      process.stdout.write(`Serving ${watching.url} (Ctrl-C to stop)\n`);
      // Stop cleanly on Ctrl-C or a termination request: watcher and server closed, exit 0.
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await watching.close();
      process.stdout.write('Stopped.\n');
      setExit(EXIT.ok);
    });

  program
    .command('decisions')
    .description('print the decisions register of one or many meetings on stdout')
    .argument('<dir...>', 'meeting folders')
    .addOption(new Option('-f, --format <format>', 'output format').choices(DECISION_FORMATS).default('json'))
    .option('--public', 'the register of the public editions')
    .action(async (dirs: string[], opts: { format: DecisionFormat; public?: boolean }) => {
      const { meetingDecisions, renderDecisions } = await pipeline();
      const meetings: MeetingDecisions[] = [];
      let failed = false;
      for (const dir of dirs) {
        const checked = await meetingDecisions(dir, opts.public ? 'public' : 'full');
        printDiagnostics(checked.diagnostics);
        if (checked.register) meetings.push(checked.register);
        else failed = true;
      }
      if (failed) return setExit(EXIT.input);
      process.stdout.write(renderDecisions(meetings, opts.format));
      setExit(EXIT.ok);
    });

  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  let code: number = EXIT.ok;
  const program = createProgram((c) => {
    code = c;
  });
  try {
    if (argv.length <= 2) {
      program.outputHelp();
      return EXIT.usage;
    }
    await program.parseAsync([...argv]);
    return code;
  } catch (e) {
    // commander ends --help and --version by throwing too: they are not failures.
    if (e instanceof CommanderError && e.exitCode === 0) return EXIT.ok;
    const failure = classifyError(e);
    printFailure(failure);
    return exitCodeOf(failure.kind);
  }
}

// Run when this file is the program (dist/acta.js), not when a test imports it.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  main(process.argv).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.exitCode = EXIT.bug;
    },
  );
}
