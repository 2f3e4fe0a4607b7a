/**
 * A command's progress on stderr, a thin adapter over ora: on a terminal a spinner names the
 * current step and a bar counts (`Sending ▰▰▰▱▱ 12/40`); elsewhere (a pipe, a log, cron) plain
 * lines. `--quiet` shows nothing (errors are printed by the program), `--verbose` every step with
 * the time it took. Steps, counts and lines are what build, archive and send report; stdout stays
 * the command's result alone (one JSON document with --json).
 */
import { msg } from '../messages/index.js';

export type Verbosity = 'quiet' | 'normal' | 'verbose';

export interface Progress {
  /** A step begins (the one before it ends; with --verbose its time is printed). */
  step(name: string, detail?: string): void;
  /** `done` of `total` finished: a bar on a terminal, a line per tenth elsewhere. */
  count(label: string, done: number, total: number): void;
  /** A line to read, such as a summary (not with --quiet). */
  info(line: string): void;
  /** A warning (not with --quiet). */
  warn(line: string): void;
  /** The steps are over; the last step's time is printed with --verbose. */
  done(): void;
}

export interface ProgressOptions {
  verbosity: Verbosity;
  /** Shown before each step: "Building 2026-W07". */
  label: string;
  stream?: NodeJS.WriteStream;
  /** A terminal: default, whether the stream is one (and CI is not set). */
  interactive?: boolean;
}

/** A bar of `width` cells for `done` of `total`. */
export function bar(done: number, total: number, width = 10): string {
  const full = total > 0 ? Math.round((Math.min(done, total) / total) * width) : width;
  return '▰'.repeat(full) + '▱'.repeat(width - full);
}

export function verbosityOf(options: {
  quiet?: boolean | undefined;
  verbose?: boolean | undefined;
}): Verbosity {
  return options.quiet ? 'quiet' : options.verbose ? 'verbose' : 'normal';
}

export async function createProgress(options: ProgressOptions): Promise<Progress> {
  const stream = options.stream ?? process.stderr;
  if (options.verbosity === 'quiet') return silentProgress();
  const interactive = options.interactive ?? (Boolean(stream.isTTY) && !process.env.CI);
  return interactive ? spinnerProgress(options, stream) : lineProgress(options, stream);
}

function silentProgress(): Progress {
  const nothing = () => {};
  return { step: nothing, count: nothing, info: nothing, warn: nothing, done: nothing };
}

/** Times each step from its start to the next one's, printing it with --verbose. */
function stepTimer(verbose: boolean, print: (line: string) => void) {
  let current: { name: string; since: number } | undefined;
  return (next?: string) => {
    const now = performance.now();
    if (current && verbose) print(msg.progress.timed(current.name, now - current.since));
    current = next === undefined ? undefined : { name: next, since: now };
  };
}

function lineProgress(options: ProgressOptions, stream: NodeJS.WriteStream): Progress {
  const write = (line: string) => stream.write(`${line}\n`);
  const verbose = options.verbosity === 'verbose';
  const timer = stepTimer(verbose, write);
  let shown = -1;
  return {
    step(name, detail) {
      timer(name);
      if (!verbose) write(`  ${name}${detail ? ` ${detail}` : ''}`);
    },
    count(label, done, total) {
      const tenth = total > 0 ? Math.floor((done / total) * 10) : 10;
      if (tenth === shown && done !== total) return;
      shown = tenth;
      write(msg.progress.counted(label, bar(done, total), done, total));
    },
    info: write,
    warn: write,
    done: () => timer(),
  };
}

async function spinnerProgress(
  options: ProgressOptions,
  stream: NodeJS.WriteStream,
): Promise<Progress> {
  // ora is loaded only for a terminal: a build in a pipe or a script never pays for it.
  const { default: ora } = await import('ora');
  const spinner = ora({ stream, discardStdin: false, text: options.label });
  const persist = (line: string) => {
    const spinning = spinner.isSpinning;
    spinner.stop();
    stream.write(`${line}\n`);
    if (spinning) spinner.start();
  };
  const timer = stepTimer(options.verbosity === 'verbose', persist);
  return {
    step(name) {
      timer(name);
      spinner.start(msg.progress.step(options.label, name));
    },
    count(label, done, total) {
      spinner.start(msg.progress.counted(label, bar(done, total), done, total));
    },
    info: persist,
    warn: (line) => persist(line),
    done() {
      timer();
      spinner.stop();
    },
  };
}
