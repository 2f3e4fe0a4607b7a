/**
 * The `capex-report` command's definition: every command, option and exit code, for commander
 * to parse and print (`--help`) and for the README's reference (scripts/readme-reference.ts),
 * which is generated from it. Each action loads its command's module only when it runs.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { EXIT_CODES, type ExitName } from '../errors.js';
import { msg } from '../messages/index.js';
import type { GlobalOptions } from './settings.js';

export const EXIT_HELP = [
  '',
  'Exit codes:',
  ...(Object.entries(EXIT_CODES) as [ExitName, number][]).map(
    ([name, code]) => `${String(code).padStart(3)}  ${msg.cli.exitCodes[name]}`,
  ),
].join('\n');

const LOCALES = ['zh-TW', 'en'];
const PAPERS = ['A4', 'Letter'];

/** `--json` on every command: one JSON document on stdout, the messages on stderr. */
const jsonOption = () => new Option('--json', 'print one JSON document on stdout').default(false);

/** The program's options merged with the command's (commander keeps them apart). */
function withGlobals<T>(command: Command): T & GlobalOptions {
  return command.optsWithGlobals() as T & GlobalOptions;
}

/** What the program learns of the command it runs, for main.ts: whether to answer in JSON. */
export interface RunContext {
  json: boolean;
}

export function createProgram(context: RunContext = { json: false }): Command {
  const cli = new Command('capex-report')
    .description(msg.cli.description)
    .option('--config <file>', msg.cli.configOption)
    .addOption(new Option('--quiet', msg.progress.quietOption).conflicts('verbose'))
    .option('--verbose', msg.progress.verboseOption)
    .hook('preAction', (_program, action) => {
      context.json = action.opts().json === true;
    })
    .exitOverride()
    .showHelpAfterError(msg.cli.helpAfterError)
    .addHelpText('after', EXIT_HELP);
  addBuild(cli);
  addValidate(cli);
  addConfig(cli);
  addNewWeek(cli);
  addPreview(cli);
  addArchive(cli);
  addSend(cli);
  addWeekly(cli);
  for (const command of allCommands(cli)) command.addHelpText('after', EXIT_HELP);
  return cli;
}

/** Every command below `command`, depth first (the reference lists them in this order). */
export function allCommands(command: Command): Command[] {
  return command.commands.flatMap((sub) => [sub, ...allCommands(sub)]);
}

function addBuild(cli: Command): void {
  cli
    .command('build')
    .description(msg.cli.build)
    .option('--data <file>', 'the week file (default: the newest YYYY-Www.yaml in paths.data)')
    .option('--out <dir>', 'output folder (default: paths.output, "output")')
    .addOption(
      new Option('--locale <locale...>', 'languages to build (default: report.languages)').choices(
        LOCALES,
      ),
    )
    .addOption(
      new Option('--paper <size>', 'paper size (default: report.paper, A4)').choices(PAPERS),
    )
    .option('--browser <path>', msg.cli.browserOption)
    .option('--html-only', 'write the HTML and charts, skip the PDFs (no browser needed)', false)
    .option('--archive', 'then store the build in the archive as the week’s next version', false)
    .addOption(new Option('--draft', msg.cli.draftOption).default(false).conflicts('archive'))
    .option('--no-cache', msg.cli.noCacheOption)
    .addOption(jsonOption())
    .action(async (_options, command: Command) =>
      (await import('./build.js')).runBuild(withGlobals(command)),
    );
}

function addValidate(cli: Command): void {
  cli
    .command('validate')
    .description(msg.cli.validate)
    .argument('<file>', 'the week file, e.g. data/2026-W06.yaml')
    .addOption(jsonOption())
    .action(async (file: string, _options, command: Command) =>
      (await import('./validate.js')).runValidate(file, withGlobals(command)),
    );
}

function addConfig(cli: Command): void {
  cli
    .command('config')
    .description(msg.cli.config)
    .addOption(jsonOption())
    .action(async (_options, command: Command) =>
      (await import('./config.js')).runConfig(withGlobals(command)),
    );
}

function addNewWeek(cli: Command): void {
  cli
    .command('new-week')
    .description(msg.review.newWeek)
    .argument('[week]', msg.review.newWeekArgument)
    .addOption(jsonOption())
    .action(async (week: string | undefined, _options, command: Command) =>
      (await import('./new-week.js')).runNewWeek(week, withGlobals(command)),
    );
}

function addPreview(cli: Command): void {
  cli
    .command('preview')
    .description(msg.preview.command)
    .addOption(
      new Option('--port <port>', msg.preview.portOption).argParser(parsePort).default(4173),
    )
    .addOption(new Option('--week <week>', msg.preview.weekOption).conflicts('data'))
    .option('--data <file>', msg.preview.dataOption)
    .option('--browser <path>', msg.cli.browserOption)
    .addOption(jsonOption())
    .action(async (_options, command: Command) =>
      (await import('./preview.js')).runPreview(withGlobals(command)),
    );
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d{1,5}$/.test(text) || port > 65535) {
    throw new InvalidArgumentError(msg.preview.badPort);
  }
  return port;
}

function addArchive(cli: Command): void {
  const archive = cli.command('archive').description(msg.cli.archive);
  const run = async (name: string, command: Command, args: Record<string, unknown> = {}) => {
    const { runArchiveCommand } = await import('./archive-commands.js');
    const options = { ...withGlobals<{ json: boolean }>(command), ...args };
    await runArchiveCommand(name, options as Parameters<typeof runArchiveCommand>[1]);
  };
  archive
    .command('store', { isDefault: true })
    .description(msg.cli.archiveStore)
    .option('--week <week>', 'the week, e.g. 2026-W06 (default: the newest built week)')
    .addOption(jsonOption())
    .action((_o, command: Command) => run('store', command));
  archive
    .command('list')
    .description(msg.cli.archiveList)
    .option('--week <week>', 'only this week')
    .addOption(jsonOption())
    .action((_o, command: Command) => run('list', command));
  archive
    .command('show')
    .description(msg.cli.archiveShow)
    .argument('<week>', 'the week, e.g. 2026-W06')
    .argument('[version]', 'v1, v2, … (default: the latest)')
    .addOption(jsonOption())
    .action((week: string, version: string | undefined, _o, command: Command) =>
      run('show', command, { week, version }),
    );
  archive
    .command('diff')
    .description(msg.cli.archiveDiff)
    .argument('<week>', 'the week')
    .argument('<a>', 'the older version, e.g. v1')
    .argument('<b>', 'the newer version, e.g. v2')
    .addOption(jsonOption())
    .action((week: string, a: string, b: string, _o, command: Command) =>
      run('diff', command, { week, a, b }),
    );
  archive
    .command('verify')
    .description(msg.cli.archiveVerify)
    .option('--week <week>', 'only this week')
    .addOption(jsonOption())
    .action((_o, command: Command) => run('verify', command));
  archive
    .command('export')
    .description(msg.cli.archiveExport)
    .argument('<week>', 'the week')
    .argument('<version>', 'v1, v2, …')
    .requiredOption('--out <dir>', 'the folder to write into')
    .addOption(jsonOption())
    .action((week: string, version: string, _o, command: Command) =>
      run('export', command, { week, version }),
    );
  archive
    .command('rebuild')
    .description(msg.cli.archiveRebuild)
    .argument('<week>', 'the week')
    .argument('[version]', 'v1, v2, … (default: the latest)')
    .option('--browser <path>', msg.cli.browserOption)
    .addOption(jsonOption())
    .action((week: string, version: string | undefined, _o, command: Command) =>
      run('rebuild', command, { week, version }),
    );
}

/** `v2` or `2` as a version number (the same parser the archive commands use). */
async function versionOf(text: string | undefined): Promise<number | undefined> {
  if (text === undefined) return undefined;
  const { parseVersionArgument } = await import('./archive.js');
  return parseVersionArgument(text);
}

function addSend(cli: Command): void {
  cli
    .command('send')
    .description(msg.cli.send)
    .argument('<week>', 'the archived week, e.g. 2026-W06')
    .option('--version <version>', 'the version to send, v1, v2, … (default: the latest)')
    .option('--clients <file>', 'the client list (default: paths.clients, data/clients.yaml)')
    .option('--only <id...>', 'only these clients')
    .option('--tag <tag...>', 'only the clients with one of these tags')
    .option('--dry-run', msg.cli.dryRunOption, false)
    .option('--test <address>', msg.cli.testOption)
    .option('--resend-unknown', msg.cli.resendUnknownOption, false)
    .option('--all', msg.cli.allOption, false)
    .addOption(jsonOption())
    .action(async (week: string, _o, command: Command) => {
      const options = withGlobals<{ version?: string } & Record<string, unknown>>(command);
      const { runSend } = await import('./send.js');
      await runSend({ ...options, week, version: await versionOf(options.version) });
    });
  cli
    .command('deliveries')
    .description(msg.cli.deliveries)
    .argument('<week>', 'the week, e.g. 2026-W06')
    .option('--version <version>', 'only this version, v1, v2, …')
    .option('--csv', 'comma-separated values, one row per client and version', false)
    .addOption(jsonOption())
    .action(async (week: string, _o, command: Command) => {
      const options = withGlobals<{ version?: string; csv: boolean; json: boolean }>(command);
      const { runDeliveries } = await import('./deliveries.js');
      await runDeliveries({ ...options, week, version: await versionOf(options.version) });
    });
}

function addWeekly(cli: Command): void {
  cli
    .command('weekly')
    .description(msg.cli.weekly)
    .option(
      '--week <week>',
      'the week, e.g. 2026-W06 (default: the newest week file in paths.data)',
    )
    .option('--clients <file>', 'the client list (default: paths.clients, data/clients.yaml)')
    .option('--dry-run', msg.cli.dryRunOption, false)
    .addOption(jsonOption())
    .action(async (_options, command: Command) => {
      const { runWeeklyCommand } = await import('./weekly.js');
      await runWeeklyCommand(withGlobals(command));
    });
}
