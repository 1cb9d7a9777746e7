#!/usr/bin/env node
// The only module that touches argv, the console and exit codes.

import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { formatDiagnostic, useColor, type Diagnostic } from './diagnostics.js';
import { filterPublic } from './public/filter-public.js';
import { DECISION_FORMATS, formatDecisions, type DecisionFormat, type MeetingDecisions } from './render/decisions/format-decisions.js';
import { decisionRecords } from './render/json/render-json.js';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildMeeting, checkMeeting, FORMATS, meetingName, prepareRenderEnv, renderAgenda, type Format } from './pipeline.js';
import { TemplateFailed } from './render/html/render-html.js';
import { UnsafeOutputPath, WriteFailed, writeOutputs } from './write/write-outputs.js';
import packageJson from '../package.json' with { type: 'json' };

const EXIT = { ok: 0, input: 1, usage: 2, bug: 70 } as const;

const color = useColor(process.env, process.stderr.isTTY === true);

function printDiagnostics(diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) process.stderr.write(`${formatDiagnostic(d, color)}\n`);
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
      const prepared = await prepareRenderEnv(opts.templates);
      printDiagnostics(prepared.diagnostics);
      if (!prepared.env) return setExit(EXIT.input);
      let failed = false;
      for (const dir of dirs) {
        const options = { formats: opts.format, publicOnly: opts.publicOnly === true, acceptChanges: opts.acceptChanges === true };
        const built = await buildMeeting(dir, opts.out, options, prepared.env);
        printDiagnostics(built.diagnostics);
        if (!built.report) failed = true;
      }
      setExit(failed ? EXIT.input : EXIT.ok);
    });

  program
    .command('check')
    .description('validate meeting folders and print every problem; writes nothing')
    .argument('<dir...>', 'meeting folders')
    .action(async (dirs: string[]) => {
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
    .command('agenda')
    .description('write the cover block and agenda table alone, DOCX and HTML, into OUT/<folder>/')
    .argument('<dir>', 'meeting folder')
    .option('-o, --out <dir>', 'output folder', 'output')
    .option('--public', 'the public edition of the agenda')
    .option('--templates <dir>', 'a copy of the templates/ folder to lay out the HTML')
    .action(async (dir: string, opts: { out: string; public?: boolean; templates?: string }) => {
      const prepared = await prepareRenderEnv(opts.templates);
      printDiagnostics(prepared.diagnostics);
      if (!prepared.env) return setExit(EXIT.input);
      const checked = await checkMeeting(dir);
      printDiagnostics(checked.diagnostics);
      if (!checked.report) return setExit(EXIT.input);
      const files = await renderAgenda(checked.report, { public: opts.public === true }, prepared.env);
      await writeOutputs(path.join(opts.out, meetingName(dir)), files);
      setExit(EXIT.ok);
    });

  program
    .command('decisions')
    .description('print the decisions register of one or many meetings on stdout')
    .argument('<dir...>', 'meeting folders')
    .addOption(new Option('-f, --format <format>', 'output format').choices(DECISION_FORMATS).default('json'))
    .option('--public', 'the register of the public editions')
    .action(async (dirs: string[], opts: { format: DecisionFormat; public?: boolean }) => {
      const meetings: MeetingDecisions[] = [];
      let failed = false;
      for (const dir of dirs) {
        const checked = await checkMeeting(dir);
        printDiagnostics(checked.diagnostics);
        if (!checked.report) {
          failed = true;
          continue;
        }
        const edition = opts.public ? filterPublic(checked.report) : checked.report;
        meetings.push({ symbol: edition.meta.symbol, decisions: decisionRecords(edition) });
      }
      if (failed) return setExit(EXIT.input);
      process.stdout.write(formatDecisions(meetings, opts.format));
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
    if (e instanceof CommanderError) {
      // --help and --version end here with exit code 0; anything else is wrong usage.
      return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (e instanceof UnsafeOutputPath || e instanceof WriteFailed) {
      // Nothing half-written: every output is the previous file or a whole new one.
      process.stderr.write(`acta: ${e.message}\n`);
      return EXIT.input;
    }
    if (e instanceof TemplateFailed) {
      printDiagnostics([e.diagnostic]);
      return EXIT.input;
    }
    const stack = e instanceof Error ? (e.stack ?? e.message) : String(e);
    process.stderr.write(`${stack}\nacta: this is a bug in acta, not in your meeting; please report it with the lines above.\n`);
    return EXIT.bug;
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
