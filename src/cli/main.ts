/**
 * The `capex-report` command: a thin layer over the library API. Only this file exits the
 * process, with the codes of EXIT_CODES.
 */
import { Command, CommanderError, Option } from 'commander';
import {
  CapexReportError,
  describeError,
  EXIT_CODES,
  type ExitName,
  InvalidInputError,
} from '../errors.js';
import { msg } from '../messages/index.js';
import type { BuildCommandOptions } from './build.js';

const EXIT_HELP = [
  '',
  'Exit codes:',
  ...(Object.entries(EXIT_CODES) as [ExitName, number][]).map(
    ([name, code]) => `${String(code).padStart(3)}  ${msg.cli.exitCodes[name]}`,
  ),
].join('\n');

function program(): Command {
  const cli = new Command('capex-report')
    .description(
      'Build the bilingual (zh-TW / en) AI capex vs returns weekly from one YAML data file.',
    )
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', EXIT_HELP);

  cli
    .command('validate')
    .description(
      'Check a week file against the schema, the cross-field rules and the locale files; print every problem.',
    )
    .argument('<file>', 'the week file, e.g. data/2026-W06.yaml')
    .addHelpText('after', EXIT_HELP)
    .action(async (file: string) => (await import('./validate.js')).runValidate(file));

  cli
    .command('build')
    .description('Validate, derive, chart, render HTML and print both PDFs into <out>/<week>/.')
    .option('--data <file>', 'the week file (default: the newest data/*.yaml)')
    .option('--out <dir>', 'output folder', 'output')
    .option('--html-only', 'write the HTML and charts, skip the PDFs (no browser needed)', false)
    .addOption(
      new Option('--locale <locale...>', 'languages to build')
        .choices(['zh-TW', 'en'])
        .default(['zh-TW', 'en']),
    )
    .addOption(new Option('--paper <size>', 'paper size').choices(['A4', 'Letter']).default('A4'))
    .option(
      '--browser <path>',
      "Chromium/Chrome executable (default: PUPPETEER_EXECUTABLE_PATH, Puppeteer's browser, /usr/bin/chromium)",
    )
    .option('--quiet', 'print only the paths of the PDFs', false)
    .option(
      '--no-cache',
      'neither read nor write the cache of charts, fonts, templates and parsed weeks (node_modules/.cache/capex-report)',
    )
    .addHelpText('after', EXIT_HELP)
    .action(async (options: BuildCommandOptions) => (await import('./build.js')).runBuild(options));
  return cli;
}

async function main(argv: string[]): Promise<number> {
  try {
    await program().parseAsync(argv);
    return EXIT_CODES.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT_CODES.ok : EXIT_CODES.usage;
    }
    const [first, ...causes] = describeError(error);
    process.stderr.write(`${msg.cli.failed(first ?? '')}\n`);
    // Invalid input lists its problems in full; the underlying I/O error would only repeat them.
    if (!(error instanceof InvalidInputError)) {
      for (const cause of causes) process.stderr.write(`${msg.cli.causedBy(cause)}\n`);
    }
    return error instanceof CapexReportError ? error.exitCode : EXIT_CODES.failure;
  }
}

process.exitCode = await main(process.argv);
