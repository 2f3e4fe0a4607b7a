/** The command line: what each exit code means, failures as printed, summaries. */
import type { ExitName } from '../errors.js';

/** What each exit code means: `--help`, the README's reference and the errors share it. */
export const exitCodes: Record<ExitName, string> = {
  ok: 'success',
  invalidInput:
    'invalid input: the week, config, client list, locale strings or templates (every problem is listed with file, line, data path, what was expected and what was found)',
  usage: 'usage error: unknown command or option, or a command that cannot run as asked',
  environment:
    'environment problem: no browser, an unusable temporary or output folder, no SMTP server configured',
  failure: 'any other failure (a browser crash that persisted after one retry, a disk error)',
  interrupted: 'interrupted (Ctrl-C); the browser is closed and nothing is half-written',
};

export const failed = (message: string) => `capex-report: ${message}`;
export const causedBy = (message: string) => `  caused by: ${message}`;
