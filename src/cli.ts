#!/usr/bin/env node
// Wires the commands of src/commands/ to commander: the only module that touches argv, the console,
// signals and exit codes.

import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Terminal } from './commands/terminal.js';
import { formatDiagnostic, useColor, type Diagnostic } from './diagnostics.js';
import { classifyError, exitCodeOf, type Failure, type Outcome } from './errors.js';
import { DEFAULT_AGENDA_FORMATS, DEFAULT_FORMATS, DOCUMENT_FORMATS, FORMATS, type Format } from './formats.js';
import { LANGUAGES, type Language } from './i18n/labels.js';
import { DECISION_FORMATS, type DecisionFormat } from './render/decisions/format-decisions.js';
import packageJson from '../package.json' with { type: 'json' };

// Each command is loaded when it runs: `--help` and `--version` stay instant.
const commands = {
  agenda: () => import('./commands/agenda.js'),
  align: () => import('./commands/align.js'),
  build: () => import('./commands/build.js'),
  check: () => import('./commands/check.js'),
  decisions: () => import('./commands/decisions.js'),
  import: () => import('./commands/import.js'),
  init: () => import('./commands/init.js'),
  issue: () => import('./commands/issue.js'),
  referenceDocx: () => import('./commands/reference-docx.js'),
  register: () => import('./commands/register.js'),
  renumbering: () => import('./commands/renumbering.js'),
  watch: () => import('./commands/watch.js'),
};

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

const terminal: Terminal = {
  problems: printDiagnostics,
  print: (text) => void process.stdout.write(text),
  complain: (text) => void process.stderr.write(text),
  bug: (e) => printFailure(classifyError(e)),
  status: (text) => {
    if (process.stderr.isTTY) process.stderr.write(`\r\u001b[K${text ?? ''}`);
  },
  interrupted: () =>
    new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    }),
};

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('expected a port number from 0 to 65535');
  return port;
}

/** A comma-separated list of formats, each one of `allowed`. */
function formatsParser(allowed: readonly Format[]): (value: string) => Format[] {
  return (value) => {
    const formats = value.split(',').map((f) => f.trim()).filter(Boolean);
    for (const f of formats) {
      if (!(allowed as readonly string[]).includes(f)) {
        throw new InvalidArgumentError(`unknown format \`${f}\`, expected ${allowed.join(', ')}`);
      }
    }
    return formats as Format[];
  };
}

const parseFormats = formatsParser(FORMATS);

/** `--out`, its default shown as a user types it (commander would print it in quotes). */
function outOption(): Option {
  return new Option('-o, --out <dir>', 'output folder').default('output', 'output');
}

/** Where an action says how its command ended: `main` turns it into the exit code. */
type SetOutcome = (outcome: Outcome) => void;

/** The options commander reads for `acta build`. */
interface BuildFlags {
  readonly out: string;
  readonly format: Format[];
  readonly public?: boolean;
  readonly publicOnly?: boolean;
  readonly full?: boolean;
  readonly annexFiles: boolean;
  readonly documents: boolean;
  readonly cache: boolean;
  readonly acceptChanges?: boolean;
  readonly templates?: string;
  readonly referenceDocx?: string;
  readonly summary?: boolean;
}

/** `acta build`'s flags as the build command's options. */
function buildOptionsOf(opts: BuildFlags) {
  const publicOnly = opts.public === true || opts.publicOnly === true;
  // Every run says what it wrote, on a terminal or a pipe alike: a script's log needs the line as much as a person.
  const summary = true;
  return {
    out: opts.out,
    formats: opts.format,
    publicOnly,
    fullOnly: opts.full === true,
    annexFiles: opts.annexFiles,
    documents: opts.documents,
    cache: opts.cache,
    acceptChanges: opts.acceptChanges === true,
    templates: opts.templates,
    ...(opts.referenceDocx !== undefined ? { referenceDocx: opts.referenceDocx } : {}),
    summary,
  };
}

/** `acta build <dir...>`: each meeting folder into its outputs. */
function addBuild(program: Command, setOutcome: SetOutcome): void {
  program
    .command('build')
    .description('build each meeting folder into OUT/<folder>/ (docx, html and json unless --format says otherwise)')
    .argument('<dir...>', 'meeting folders')
    .addOption(outOption())
    .addOption(new Option('-f, --format <list>', `comma-separated formats of ${FORMATS.join(',')} (pdf needs Chromium or Chrome)`).argParser(parseFormats).default([...DEFAULT_FORMATS], DEFAULT_FORMATS.join(',')))
    .addOption(new Option('--public', 'build only the public editions').conflicts('full'))
    .addOption(new Option('--public-only', 'the same as --public').conflicts('full'))
    .option('--full', 'build only the full editions')
    .option('--no-annex-files', 'write no annexes/ files (each annex alone); the annexes stay in the report')
    .option('--no-documents', 'write no documents/ files: the report alone (the working documents are still checked)')
    .option('--no-cache', 'read every file again, and build even when nothing changed')
    .option('--accept-changes', 'write the full edition with its tracked changes accepted and no comments, as {symbol}-accepted.* (public editions always are)')
    .option('--templates <dir>', 'a copy of the templates/ folder to lay out the HTML')
    .option('--reference-docx <file>', 'a Word document whose styles the DOCX takes (see acta reference-docx)')
    // The summary line is always printed; `--summary`, which asked for it, is accepted and changes nothing.
    .addOption(new Option('--summary').hideHelp())
    .action(async (dirs: string[], opts: BuildFlags) => {
      const { buildCommand } = await commands.build();
      setOutcome(await buildCommand(dirs, buildOptionsOf(opts), terminal));
    });
}

/** `acta check <dir...>`: every problem printed, nothing written. */
function addCheck(program: Command, setOutcome: SetOutcome): void {
  program
    .command('check')
    .description('validate meeting folders and print every problem; writes nothing')
    .argument('<dir...>', 'meeting folders')
    .action(async (dirs: string[]) => {
      const { checkCommand } = await commands.check();
      setOutcome(await checkCommand(dirs, terminal));
    });
}

/** `acta init <dir>`: a new meeting folder that builds as it is. */
function addInit(program: Command, setOutcome: SetOutcome): void {
  program
    .command('init')
    .description('create a new meeting folder that builds as it is')
    .argument('<dir>', 'the folder to create (new or empty)')
    .option('--committee <name>', 'the committee, as on the cover')
    .option('--short <name>', 'its short name, as in "In conclusion, the PTC:"')
    .option('--symbol <code>', 'the document code')
    .option('--session <text>', 'the session, as on the cover')
    .option('--place <city>', 'where the meeting is held')
    .addOption(new Option('--language <code>', 'the report language (the options above default to examples in it)').choices(LANGUAGES).default('en', 'en'))
    .action(async (dir: string, opts: { committee?: string; short?: string; symbol?: string; session?: string; place?: string; language: Language }) => {
      const { initCommand } = await commands.init();
      const { actaCommand } = await import('./commands/invocation.js');
      setOutcome(await initCommand(dir, { ...opts, runAs: actaCommand(process.argv[1], process.env.PATH, process.cwd()) }, terminal));
    });
}

/** `acta issue <dir>`: the numbering recorded as issued. */
function addIssue(program: Command, setOutcome: SetOutcome): void {
  program
    .command('issue')
    .description("record the report's numbering as issued (numbering.lock.yaml): from then on every build keeps each number")
    .argument('<dir>', 'meeting folder')
    .action(async (dir: string) => {
      const { issueCommand } = await commands.issue();
      setOutcome(await issueCommand(dir, terminal));
    });
}

/** `acta renumbering <dir> --since <ref>`: what moved since an earlier state. */
function addRenumbering(program: Command, setOutcome: SetOutcome): void {
  program
    .command('renumbering')
    .description('what moved since REF (an older copy of the folder, a git revision, or an earlier build\'s JSON): paragraph numbers, references, agenda ranges, decision ids; printed and written to OUT/<folder>/renumbering.md and .json')
    .argument('<dir>', 'meeting folder')
    .requiredOption('--since <ref>', 'an older copy of the meeting folder, a git revision, or an earlier build\'s {symbol}.json')
    .addOption(outOption())
    .action(async (dir: string, opts: { since: string; out: string }) => {
      const { renumberingCommand } = await commands.renumbering();
      setOutcome(await renumberingCommand(dir, { since: opts.since, out: opts.out }, terminal));
    });
}

/** `acta agenda <dir>`: the cover block and agenda table alone. */
function addAgenda(program: Command, setOutcome: SetOutcome): void {
  program
    .command('agenda')
    .description('write the cover block and agenda table alone, DOCX and HTML, into OUT/<folder>/')
    .argument('<dir>', 'meeting folder')
    .addOption(outOption())
    .option('--public', 'the public edition of the agenda')
    .addOption(new Option('-f, --format <list>', `comma-separated formats of ${DOCUMENT_FORMATS.join(',')}`).argParser(formatsParser(DOCUMENT_FORMATS)).default(DEFAULT_AGENDA_FORMATS, DEFAULT_AGENDA_FORMATS.join(',')))
    .option('--templates <dir>', 'a copy of the templates/ folder to lay out the HTML')
    .option('--reference-docx <file>', 'a Word document whose styles the DOCX takes (see acta reference-docx)')
    .action(async (dir: string, opts: { out: string; public?: boolean; format: Format[]; templates?: string; referenceDocx?: string }) => {
      const { agendaCommand } = await commands.agenda();
      const reference = opts.referenceDocx !== undefined ? { referenceDocx: opts.referenceDocx } : {};
      setOutcome(await agendaCommand(dir, { out: opts.out, public: opts.public === true, formats: opts.format, templates: opts.templates, ...reference }, terminal));
    });
}

/** `acta reference-docx <file>`: acta's own reference document, to restyle in Word. */
function addReferenceDocx(program: Command, setOutcome: SetOutcome): void {
  program
    .command('reference-docx')
    .description("write acta's own reference document: a paragraph in each of its styles, to restyle in Word and pass to --reference-docx")
    .argument('<file>', 'the .docx file to write')
    .addOption(new Option('--language <code>', 'the language of its proofing tags').choices(LANGUAGES).default('en', 'en'))
    .action(async (file: string, opts: { language: Language }) => {
      const { referenceDocxCommand } = await commands.referenceDocx();
      setOutcome(await referenceDocxCommand(file, opts.language, terminal));
    });
}

/** `acta align <original> <translation>`: the two side by side. */
function addAlign(program: Command, setOutcome: SetOutcome): void {
  program
    .command('align')
    .description('compare a translation with its original and write both side by side ({symbol}-aligned.html) into OUT/<translation folder>/')
    .argument('<original>', 'the original meeting folder')
    .argument('<translation>', 'the translation meeting folder')
    .addOption(outOption())
    .action(async (original: string, translation: string, opts: { out: string }) => {
      const { alignCommand } = await commands.align();
      setOutcome(await alignCommand(original, translation, { out: opts.out }, terminal));
    });
}

/** `acta watch <dir>`: rebuild on save, serve with live reload. */
function addWatch(program: Command, setOutcome: SetOutcome): void {
  program
    .command('watch')
    .description('rebuild on every save and serve the HTML with live reload on 127.0.0.1')
    .argument('<dir>', 'meeting folder')
    .option('-p, --port <n>', 'the port to serve on (0: any free port)', parsePort, 4000)
    .addOption(outOption())
    .option('--public', 'preview the public edition')
    .option('--templates <dir>', 'a copy of the templates/ folder to lay out the HTML')
    .action(async (dir: string, opts: { port: number; out: string; public?: boolean; templates?: string }) => {
      const { watchCommand } = await commands.watch();
      setOutcome(await watchCommand(dir, { port: opts.port, out: opts.out, public: opts.public === true, templates: opts.templates }, terminal));
    });
}

/** `acta decisions <dir...>`: the decisions register on stdout. */
function addDecisions(program: Command, setOutcome: SetOutcome): void {
  program
    .command('decisions')
    .description('print the decisions register of one or many meetings on stdout')
    .argument('<dir...>', 'meeting folders')
    .addOption(new Option('-f, --format <format>', 'output format').choices(DECISION_FORMATS).default('json', 'json'))
    .option('--public', 'the register of the public editions')
    .option('--actions', 'the actions the working documents expect from the committee, instead of the decisions')
    .action(async (dirs: string[], opts: { format: DecisionFormat; public?: boolean; actions?: boolean }) => {
      const { decisionsCommand } = await commands.decisions();
      setOutcome(await decisionsCommand(dirs, { format: opts.format, public: opts.public === true, actions: opts.actions === true }, terminal));
    });
}

/** `acta register <archive...>`: one register of decisions across sessions. */
function addRegister(program: Command, setOutcome: SetOutcome): void {
  program
    .command('register')
    .description('write one register of decisions across sessions, with their links and status (register.html, .json, .csv) into OUT/')
    .argument('<archive...>', 'folders of meeting folders, or meeting folders')
    .addOption(outOption())
    .option('--public', 'the public register: restricted decisions left out')
    // The summary line is always printed; `--summary`, which asked for it, is accepted and changes nothing.
    .addOption(new Option('--summary').hideHelp())
    .action(async (paths: string[], opts: { out: string; public?: boolean; summary?: boolean }) => {
      const { registerCommand } = await commands.register();
      setOutcome(await registerCommand(paths, { out: opts.out, public: opts.public === true, summary: true }, terminal));
    });
}

/** `acta import <file> --into <dir>`: Word's edits back into the Markdown. */
function addImport(program: Command, setOutcome: SetOutcome): void {
  program
    .command('import')
    .description('bring the edits made in Word to a DOCX acta built back into the meeting\'s Markdown')
    .usage('<file> --into <dir> [options]')
    .argument('<file>', 'the edited full-edition DOCX')
    .requiredOption('--into <dir>', 'the meeting folder it was built from')
    .option('--dry-run', 'print the unified diff of the Markdown and write nothing')
    .addOption(new Option('--conflicts <how>', 'where the Markdown and the copy changed the same words: stop (write nothing) or mark (write both as CriticMarkup)').choices(['stop', 'mark']).default('stop', 'stop'))
    .option('--base-is-current', 'the Markdown has not changed since the file was built: use it as the base when the file no longer carries its own')
    .action(async (file: string, opts: { into: string; dryRun?: boolean; conflicts: 'stop' | 'mark'; baseIsCurrent?: boolean }) => {
      const { importCommand } = await commands.import();
      setOutcome(await importCommand(file, { into: opts.into, dryRun: opts.dryRun === true, conflicts: opts.conflicts, baseIsCurrent: opts.baseIsCurrent === true }, terminal));
    });
}

/** The commands in the order `acta --help` lists them. */
const COMMANDS: readonly ((program: Command, setOutcome: SetOutcome) => void)[] = [
  addBuild,
  addCheck,
  addInit,
  addIssue,
  addRenumbering,
  addAgenda,
  addReferenceDocx,
  addAlign,
  addWatch,
  addDecisions,
  addRegister,
  addImport,
];

/** The acta program: its name, version and output, and each command added in turn. */
export function createProgram(setOutcome: SetOutcome): Command {
  const program = new Command('acta')
    .description('Turns a committee meeting written in Markdown into its official summary report.')
    .version(packageJson.version, '-v, --version')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });
  for (const add of COMMANDS) add(program, setOutcome);
  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  let outcome: Outcome = 'ok';
  const program = createProgram((o) => {
    outcome = o;
  });
  try {
    if (argv.length <= 2) {
      program.outputHelp();
      return exitCodeOf('usage');
    }
    await program.parseAsync([...argv]);
    return exitCodeOf(outcome);
  } catch (e) {
    // commander ends --help and --version by throwing too: they are not failures.
    if (e instanceof CommanderError && e.exitCode === 0) return exitCodeOf('ok');
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
      process.exitCode = exitCodeOf('bug');
    },
  );
}
