/**
 * `capex-report weekly`: the analyst's Friday in one command, fit for cron or a systemd timer.
 *
 *   1 validate → 2 build → 3 archive → 4 send
 *
 * Idempotent: each step asks first whether its work is already done, and does only what is left.
 * The week's inputs already archived (the same files, byte for byte) skip build and archive; an
 * output folder already built from them skips the build; `send` sends only to clients not yet
 * delivered. A rerun after success does nothing and says so; after a failure or a kill it resumes
 * where it stopped, nothing sent twice and no duplicate version. Two runs of one week at once:
 * the second refuses at once (the `weekly:<week>` job lease in the archive's index).
 */
import path from 'node:path';
import { readBuiltOutput } from '../archive/from-output.js';
import {
  archiveWeek,
  builtWeekOf,
  listVersions,
  openArchive,
  showVersion,
} from '../archive/index.js';
import { acquireLease, isLease, type Lease } from '../archive/locks.js';
import type { BuiltWeek } from '../archive/types.js';
import { buildReport } from '../build.js';
import { openCache } from '../cache/index.js';
import { checkWeekFile } from '../check.js';
import type { Config } from '../config/index.js';
import type { SendSummary } from '../email/results.js';
import { sendWeek } from '../email/send.js';
import { WeeklyBusyError, type WeeklyStep, WeeklyStepError } from '../errors.js';
import { inputHashes } from '../inputs/hash.js';
import { type InputPaths, loadInputs } from '../inputs/load.js';
import { pauseForTest } from '../io/test-pause.js';
import { msg } from '../messages/index.js';
import type { BrowserLease } from '../pdf/lease.js';

export interface WeeklyOptions {
  config: Config;
  /** The week file (cli/weeks.ts finds the newest one when none is named). */
  dataFile: string;
  /** How the build reads its inputs (the firm's identity with it). */
  inputs: Omit<InputPaths, 'dataFile'>;
  /** The client list (default: config.paths.clients). */
  clientsFile?: string | undefined;
  /** Write the messages as .eml files instead of sending them. */
  dryRun?: boolean | undefined;
  browser?: BrowserLease | undefined;
  signal?: AbortSignal | undefined;
  onStep?: (step: WeeklyStep, detail: string) => void;
  onSendProgress?: Parameters<typeof sendWeek>[0]['onProgress'];
}

export interface WeeklyResult {
  week: string;
  /** What each step did: `done`, or why it had nothing to do. */
  steps: Record<WeeklyStep, string>;
  version: number;
  send: SendSummary;
  /** True when no step had anything to do: the week was archived and delivered already. */
  nothingToDo: boolean;
}

const LEASE_MS = 120_000;

export async function runWeekly(options: WeeklyOptions): Promise<WeeklyResult> {
  const { config } = options;
  const steps = {} as Record<WeeklyStep, string>;
  let worked = false; // a step did something (a build, a version, a message)
  const note = (step: WeeklyStep, what: string, did = true) => {
    steps[step] = what;
    worked ||= did;
    options.onStep?.(step, what);
  };
  // 1. validate: the week file as build would read it, every problem at once
  const { week } = await inStep('validate', () => checkWeekFile(options.dataFile));
  const weekId = week.meta.week;
  note('validate', msg.weekly.valid, false);
  const lease = await takeLease(config.paths.archive, weekId);
  try {
    // 2-3. build and archive, unless the archive already holds these very inputs
    const inputs = { ...options.inputs, dataFile: options.dataFile };
    let version = await inStep('archive', () => archivedVersionOf(config, weekId, inputs));
    if (version !== undefined) {
      note('build', msg.weekly.alreadyArchived(version), false);
      note('archive', msg.weekly.alreadyArchived(version), false);
    } else {
      const built = await inStep('build', () => buildOrReuse(options, weekId, note));
      await pauseForTest('AFTER_BUILD');
      const archived = await inStep('archive', () =>
        archiveWeek(built, { root: config.paths.archive }),
      );
      version = archived.version;
      const said = archived.created
        ? msg.weekly.archived(version)
        : msg.weekly.alreadyArchived(version);
      note('archive', said, archived.created);
      await pauseForTest('AFTER_ARCHIVE');
    }
    lease.renew();
    // 4. send: only to the clients not yet delivered this version
    const send = await inStep('send', () =>
      sendWeek({
        config,
        week: weekId,
        version,
        clientsFile: options.clientsFile,
        dryRun: options.dryRun,
        signal: options.signal,
        onProgress: options.onSendProgress,
      }),
    );
    const { sent, written, failed, unknown } = send.counts;
    note('send', msg.weekly.sent(send.counts), sent + written + failed + unknown > 0);
    return { week: weekId, steps, version, send, nothingToDo: !worked };
  } finally {
    lease.release();
  }
}

/** The built week: the output folder when it holds a build of these inputs, else a new build. */
async function buildOrReuse(
  options: WeeklyOptions,
  week: string,
  note: (step: WeeklyStep, what: string, did?: boolean) => void,
): Promise<BuiltWeek> {
  const { config } = options;
  const dir = path.join(config.paths.output, week);
  const inputs = { ...options.inputs, dataFile: options.dataFile };
  const existing = await readBuiltOutput(dir, inputs).catch(() => undefined);
  if (existing) {
    note('build', msg.weekly.alreadyBuilt(shown(dir)), false);
    return existing;
  }
  const result = await buildReport({
    ...inputs,
    outDir: config.paths.output,
    locales: config.report.languages,
    paper: config.report.paper,
    browser: options.browser,
    cache: openCache(config.paths.cache),
    signal: options.signal,
  });
  note('build', msg.weekly.built(shown(dir)));
  return builtWeekOf(result);
}

/** The week's archived version whose input files are exactly these, if any. */
async function archivedVersionOf(
  config: Config,
  week: string,
  paths: InputPaths,
): Promise<number | undefined> {
  const archived = await listVersions(config.paths.archive).catch(() => []);
  const latest = archived.filter((v) => v.week === week).at(-1);
  if (!latest) return undefined;
  const { files } = await showVersion(config.paths.archive, week, latest.version);
  const stored = Object.fromEntries(
    files.filter((f) => f.role === 'input').map((f) => [f.name, f.sha256]),
  );
  const now = inputHashes(await loadInputs(paths));
  const same =
    Object.keys(now).length === Object.keys(stored).length &&
    Object.entries(now).every(([name, sha]) => stored[name] === sha);
  return same ? latest.version : undefined;
}

async function takeLease(root: string, week: string): Promise<Lease> {
  const archive = await openArchive(root, { create: true });
  const lease = acquireLease(archive.db, `weekly:${week}`, { durationMs: LEASE_MS });
  if (!isLease(lease)) {
    archive.close();
    throw new WeeklyBusyError(msg.weekly.busy(week, lease.owner, lease.expiresAt));
  }
  const timer = setInterval(() => lease.renew(), LEASE_MS / 4);
  timer.unref();
  return {
    ...lease,
    release: () => {
      clearInterval(timer);
      lease.release();
      archive.close();
    },
  };
}

/** Runs a step; its failure leaves with the step named and the exit code of that step. */
async function inStep<T>(step: WeeklyStep, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw new WeeklyStepError(step, error);
  }
}

/** A folder as a person would type it: relative to the working folder when inside it. */
function shown(dir: string): string {
  const relative = path.relative(process.cwd(), dir);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : dir;
}
