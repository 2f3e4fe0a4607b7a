/**
 * Every error class of capex-report, in one place: one base class, a class per kind of failure
 * the command line tells apart by its exit code, and a small subclass per stage. Each stage wraps
 * what goes wrong at its boundary ("Could not <verb> <what> (<file>)", from the message catalog)
 * and keeps the cause; only the CLI turns errors into exit codes.
 */

/** Exit codes of the `capex-report` command; what each means is in the catalog (messages/cli). */
export const EXIT_CODES = {
  ok: 0,
  invalidInput: 1,
  usage: 2,
  environment: 3,
  failure: 4,
  weeklyValidate: 11,
  weeklyBuild: 12,
  weeklyArchive: 13,
  weeklySend: 14,
  busy: 75,
  interrupted: 130,
} as const;
export type ExitName = keyof typeof EXIT_CODES;
export type ExitCode = (typeof EXIT_CODES)[ExitName];

export class CapexReportError extends Error {
  /** The exit code the CLI uses when this error ends a command. */
  readonly exitCode: ExitCode = EXIT_CODES.failure;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** What a catalog entry says of one problem: what was expected, what was found, a hint. */
export interface ProblemText {
  expected: string;
  found?: string;
  hint?: string;
}

/** One located problem in an input file (data, config, template, locale, client list). */
export interface Problem extends ProblemText {
  file: string;
  /** Data path such as `companies[1].capex.2026.value`; empty for the file as a whole. */
  path: string;
  line?: number;
  column?: number;
}

export function formatProblem(p: Problem): string {
  const where = [
    p.file,
    p.line === undefined ? '' : `:${p.line}`,
    p.column === undefined ? '' : `:${p.column}`,
  ].join('');
  const at = p.path ? ` at ${p.path}` : '';
  const found = p.found === undefined ? '' : `, found ${p.found}`;
  const hint = p.hint ? ` (${p.hint})` : '';
  return `${where}${at}: expected ${p.expected}${found}${hint}`;
}

/** Invalid input (data, config, locale, template, clients): exit 1, every problem listed. */
export class InvalidInputError extends CapexReportError {
  override readonly exitCode = EXIT_CODES.invalidInput;
  readonly problems: readonly Problem[];

  constructor(summary: string, problems: readonly Problem[], options?: { cause?: unknown }) {
    super([summary, ...problems.map((p) => `  - ${formatProblem(p)}`)].join('\n'), options);
    this.problems = problems;
  }
}

/**
 * The archive's blobs or index no longer match what was archived (`archive verify`, or a damaged
 * file met while reading): exit code 1, every problem listed like invalid input.
 */
export class IntegrityError extends InvalidInputError {}

/** `archive rebuild` gave PDFs other than the archived ones: exit 4, the report says why. */
export class RebuildDiffersError extends CapexReportError {}

/**
 * A send that left some client without a certain delivery (refused, retries exhausted, or the
 * answer lost after the data): exit 1, after the summary naming each.
 */
export class DeliveryError extends CapexReportError {
  override readonly exitCode = EXIT_CODES.invalidInput;
}

export type WeeklyStep = 'validate' | 'build' | 'archive' | 'send';

const STEP_CODES: Record<WeeklyStep, ExitCode> = {
  validate: EXIT_CODES.weeklyValidate,
  build: EXIT_CODES.weeklyBuild,
  archive: EXIT_CODES.weeklyArchive,
  send: EXIT_CODES.weeklySend,
};

/**
 * A step of `weekly` failed: its exit code says which (an interrupt stays 130), and the step's
 * own error is the cause, printed in full (an invalid input's problems too).
 */
export class WeeklyStepError extends CapexReportError {
  override readonly exitCode: ExitCode;
  readonly step: WeeklyStep;

  constructor(step: WeeklyStep, cause: unknown) {
    const interrupted = cause instanceof InterruptedError || cause instanceof BuildAbortedError;
    super(cause instanceof Error ? `${step}: ${cause.message}` : `${step}: ${String(cause)}`, {
      cause: cause instanceof Error ? cause.cause : undefined,
    });
    this.step = step;
    this.exitCode = interrupted ? EXIT_CODES.interrupted : STEP_CODES[step];
  }
}

/** Another run holds the job (`weekly` of the same week): exit 75, try again later. */
export class WeeklyBusyError extends CapexReportError {
  override readonly exitCode = EXIT_CODES.busy;
}

/** The machine lacks something the command needs (a browser, a writable folder): exit 3. */
export class EnvironmentError extends CapexReportError {
  override readonly exitCode = EXIT_CODES.environment;
}

/** No browser found where one was looked for; the message says how to get one. */
export class BrowserNotFoundError extends EnvironmentError {
  readonly tried: readonly { path: string; source: string }[];

  constructor(message: string, tried: readonly { path: string; source: string }[]) {
    super(message);
    this.tried = tried;
  }
}

/**
 * A browser that was found and can run, but crashed, was killed or timed out while starting:
 * a failure (exit 4), not the environment's (exit 3 is for a browser that cannot start at all).
 */
export class BrowserFailedError extends CapexReportError {}

/** Wrong command-line use: exit 2. */
export class UsageError extends CapexReportError {
  override readonly exitCode = EXIT_CODES.usage;
}

/** The user stopped the command (Ctrl-C, SIGTERM): exit 130, nothing half-written. */
export class InterruptedError extends CapexReportError {
  override readonly exitCode = EXIT_CODES.interrupted;
}

/** A build stopped by its abort signal; the CLI reports it as InterruptedError. */
export class BuildAbortedError extends CapexReportError {}

/** A file or folder could not be written (the cause says why: EROFS, ENOSPC, EACCES...). */
export class WriteError extends CapexReportError {}

/** A chart spec that Vega-Lite or Vega rejects, or a render that fails. */
export class ChartError extends CapexReportError {
  readonly chart: string;
  readonly reason: string;

  constructor(message: string, chart: string, reason: string, options?: { cause?: unknown }) {
    super(message, options);
    this.chart = chart;
    this.reason = reason;
  }
}

/** A value the formatter cannot print honestly (NaN, Infinity, a malformed date or week id). */
export class FormatError extends CapexReportError {}

/** Chromium could not print a page (after one retry for a crash or a time-out). */
export class PrintError extends CapexReportError {}

/**
 * A page wider than its paper's content (Chromium would shrink every page to fit it): the texts
 * that reach past it, for the print stage to name at their data paths as invalid input.
 */
export class PageTooWideError extends CapexReportError {
  readonly locale: string;
  readonly overflows: readonly { text: string; figure?: string; reachesMm: number }[];

  constructor(
    message: string,
    locale: string,
    overflows: readonly { text: string; figure?: string; reachesMm: number }[],
  ) {
    super(message);
    this.locale = locale;
    this.overflows = overflows;
  }
}

/** A printed PDF could not be finalized (metadata, /Lang, /ID). */
export class FinalizeError extends CapexReportError {}

/** A PDF that is not in the shape Chromium writes; finalizing falls back to pdf-lib. */
export class UnsupportedPdfError extends CapexReportError {}

/** The whole chain of messages, outermost first, for one-line-per-cause printing. */
export function describeError(error: unknown): string[] {
  const lines: string[] = [];
  let current: unknown = error;
  while (current !== undefined && current !== null && lines.length < 10) {
    const text = current instanceof Error ? current.message : String(current);
    // An empty message (some of Puppeteer's errors) says nothing: its class name does.
    lines.push(text.trim() === '' && current instanceof Error ? current.name : text);
    current = current instanceof Error ? current.cause : undefined;
  }
  return lines;
}
