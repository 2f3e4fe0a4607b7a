/**
 * One error base class for the whole pipeline, with a subclass per stage. Every stage boundary
 * wraps what goes wrong as "Could not <verb> <what> (<file>)" and keeps the cause; only the CLI
 * turns errors into exit codes (see EXIT_CODES).
 */

/** Exit codes of the `capex-report` command (documented in `--help` and the README). */
export const EXIT_CODES = {
  ok: 0,
  invalidInput: 1,
  usage: 2,
  environment: 3,
  failure: 4,
  interrupted: 130,
} as const;
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

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

/** Invalid input (data, locale or template): exit code 1, every problem listed at once. */
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

/** The machine lacks something the build needs (a browser, a font file): exit code 3. */
export class EnvironmentError extends CapexReportError {
  override readonly exitCode = EXIT_CODES.environment;
}

/** Wrong command-line use: exit code 2. */
export class UsageError extends CapexReportError {
  override readonly exitCode = EXIT_CODES.usage;
}

/** The user stopped the command (Ctrl-C, SIGTERM): exit code 130, nothing half-written. */
export class InterruptedError extends CapexReportError {
  override readonly exitCode = EXIT_CODES.interrupted;
}

/** The whole chain of messages, outermost first, for one-line-per-cause printing. */
export function describeError(error: unknown): string[] {
  const lines: string[] = [];
  let current: unknown = error;
  while (current !== undefined && current !== null && lines.length < 10) {
    lines.push(current instanceof Error ? current.message : String(current));
    current = current instanceof Error ? current.cause : undefined;
  }
  return lines;
}
