/** The command line: what each exit code means, failures as printed, summaries. */
import type { ExitName } from '../errors.js';

/** What each exit code means: `--help`, the README's reference and the errors share it. */
export const exitCodes: Record<ExitName, string> = {
  ok: 'success',
  invalidInput:
    'invalid input: the week, config, client list, locale strings or templates (every problem is listed with file, line, data path, what was expected and what was found); for send, a client not delivered for certain',
  usage: 'usage error: unknown command or option, or a command that cannot run as asked',
  environment:
    'environment problem: no browser, an unusable temporary or output folder, no SMTP server configured',
  failure:
    'any other failure (a browser that crashed while starting, a crash that persisted after one retry, a disk error)',
  weeklyValidate: 'weekly: the validate step failed (the week file; its problems are listed)',
  weeklyBuild: 'weekly: the build step failed',
  weeklyArchive: 'weekly: the archive step failed (e.g. a changed week without a new edition)',
  weeklySend: 'weekly: the send step failed or left a client not delivered for certain',
  busy: 'another run holds the job (a weekly run of the same week): nothing was done; try again later',
  interrupted: 'interrupted (Ctrl-C); the browser is closed and nothing is half-written',
};

export const failed = (message: string) => `capex-report: ${message}`;
export const causedBy = (message: string) => `  caused by: ${message}`;

// The commands, as --help describes them.
export const description =
  'Build the bilingual (zh-TW / en) AI capex vs returns weekly from one YAML data file, archive it and e-mail it.';
export const configOption =
  'the config file (default: capex-report.config.yaml in the working folder, or $CAPEX_REPORT_CONFIG)';
export const helpAfterError = '(run with --help for usage)';
export const browserOption =
  "Chromium/Chrome executable (default: the config's browser, PUPPETEER_EXECUTABLE_PATH, Puppeteer's browser, an installed Chrome, Edge or Chromium)";
export const noCacheOption =
  'neither read nor write the cache of rendered charts and font subsets (paths.cache)';
export const draftOption =
  'build a week that still holds figures carried for review or texts in draft (new-week), with DRAFT across every page';
export const build = 'Validate, derive, chart, render and print both PDFs into <out>/<week>/.';
export const validate =
  'Check a week file against the schema, the cross-field rules and the locale files; print every problem.';
export const config = 'Print the effective settings and where each came from.';
export const archive =
  'Store built weeks as immutable versions; list, show, diff, verify, export, rebuild them.';
export const archiveStore =
  'Store the built week (<out>/<week>/ and the inputs it was built from) as its next version.';
export const archiveList = 'List the archived versions.';
export const archiveShow = 'Show one version: its files, hashes and manifest.';
export const archiveDiff =
  'Every figure, text and file that changed between two versions, in both languages.';
export const archiveVerify = 'Re-hash every file and check the index and the chain of versions.';
export const archiveExport = "Write a version's files under their names.";
export const archiveRebuild =
  'Render a version again from its stored inputs and say whether the PDFs are byte-identical.';
export const unknownCommand = (name: string) => `Unknown command: ${name}`;
export const missingArgument = 'A required argument is missing';
export const noReferenceMarkers =
  'README.md has no reference markers (<!-- reference: … --> … <!-- end of reference -->)';
export const send =
  "E-mail an archived version to every client in the client's language, once; a rerun sends only to those not yet delivered.";
export const deliveries = 'List who received which version of a week, and when.';
export const dryRunOption =
  'write each message as an .eml file under <output>/<week>/outbox/ and send nothing';
export const testOption = 'send one message per language to this address first, recording nothing';
export const resendUnknownOption =
  'also send again to clients whose earlier message has an unknown outcome (same Message-ID)';
export const allOption =
  'send a corrected version to every client, not only those who received the earlier one';
export const weekly =
  'Validate, build, archive and send the week in one go (for cron or a systemd timer); a rerun does only what is left.';
