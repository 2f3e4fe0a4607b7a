/**
 * The `capex-report` command: a thin layer over the library API. Only this file exits the
 * process, with the codes of EXIT_CODES (src/errors.ts, worded in the catalog).
 */
import { CommanderError } from 'commander';
import {
  CapexReportError,
  describeError,
  EXIT_CODES,
  InterruptedError,
  InvalidInputError,
} from '../errors.js';
import { msg } from '../messages/index.js';
import { errorJson, jsonPrinted, printJson } from './json.js';
import { createProgram, type RunContext } from './program.js';

async function main(argv: string[]): Promise<number> {
  // --json is known before parsing for a usage error, which fails before any action runs.
  const context: RunContext = { json: false };
  try {
    await createProgram(context).parseAsync(argv);
    return EXIT_CODES.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return EXIT_CODES.ok;
      if (argv.includes('--json')) printJson(errorJson(error));
      return EXIT_CODES.usage;
    }
    const [first, ...causes] = describeError(error);
    process.stderr.write(`${msg.cli.failed(first ?? '')}\n`);
    // Invalid input lists its problems in full; the underlying I/O error would only repeat them.
    // An interrupt's causes are what stopping did to the work in flight (a print cut off).
    if (!(error instanceof InvalidInputError || error instanceof InterruptedError)) {
      for (const cause of causes) process.stderr.write(`${msg.cli.causedBy(cause)}\n`);
    }
    if (context.json && !jsonPrinted()) printJson(errorJson(error));
    return error instanceof CapexReportError ? error.exitCode : EXIT_CODES.failure;
  }
}

process.exitCode = await main(process.argv);
