/**
 * `capex-report send W`, for the commander program to call: typed options onto sendWeek, progress
 * on stderr, the summary on stdout (text, or one JSON document with `json`), and a DeliveryError
 * (exit 1) when some client was not delivered for certain. Ctrl-C stops taking new messages; the
 * ones in flight are still recorded.
 */
import path from 'node:path';
import { loadConfig } from '../config/index.js';
import { isIncomplete, type SendSummary } from '../email/results.js';
import { outboxOf, sendWeek } from '../email/send.js';
import { DeliveryError } from '../errors.js';
import { msg } from '../messages/index.js';
import type { Output } from './archive.js';
import { jsonDocument } from './json.js';
import { createProgress, verbosityOf } from './progress.js';

export interface SendCommandOptions {
  week: string;
  /** `--version v2`: default the week's latest. */
  version?: number | undefined;
  /** `--clients FILE`: default the config's paths.clients. */
  clients?: string | undefined;
  only?: string[] | undefined;
  tag?: string[] | undefined;
  dryRun?: boolean | undefined;
  test?: string | undefined;
  resendUnknown?: boolean | undefined;
  all?: boolean | undefined;
  json?: boolean | undefined;
  quiet?: boolean | undefined;
  verbose?: boolean | undefined;
  /** `--config FILE`. */
  config?: string | undefined;
}

export interface CommandIo {
  stdout: Output;
  stderr: Output;
  env?: Readonly<Record<string, string | undefined>>;
  cwd?: string;
}
const STD_IO: CommandIo = { stdout: process.stdout, stderr: process.stderr };

export async function runSend(options: SendCommandOptions, io: CommandIo = STD_IO): Promise<void> {
  const env = io.env ?? process.env;
  const { config } = await loadConfig({
    ...(io.cwd === undefined ? {} : { cwd: io.cwd }),
    configFile: options.config,
    env,
  });
  const progress = await createProgress({
    verbosity: verbosityOf(options),
    label: msg.email.sending,
    stream: io.stderr as NodeJS.WriteStream,
  });
  const controller = new AbortController();
  const interrupt = () => controller.abort();
  process.once('SIGINT', interrupt);
  let summary: SendSummary;
  try {
    summary = await sendWeek({
      config,
      week: options.week,
      version: options.version,
      clientsFile:
        options.clients === undefined
          ? undefined
          : path.resolve(io.cwd ?? process.cwd(), options.clients),
      only: options.only,
      tag: options.tag,
      dryRun: options.dryRun,
      test: options.test,
      resendUnknown: options.resendUnknown,
      all: options.all,
      env,
      signal: controller.signal,
      onProgress: (event) => {
        if (event.type !== 'result') return;
        const { done, total, result } = event;
        progress.count(msg.email.sending, done, total);
        if (options.verbose)
          progress.info(msg.email.progress(done, total, result.outcome, result.client));
      },
    });
  } finally {
    progress.done();
    process.removeListener('SIGINT', interrupt);
  }
  io.stdout.write(
    options.json
      ? jsonDocument(summary)
      : formatSummary(summary, outboxOf(config, options.week), options.test),
  );
  if (isIncomplete(summary)) {
    throw new DeliveryError(
      msg.email.notAllDelivered(summary.week, summary.version, summary.counts),
    );
  }
}

export function formatSummary(summary: SendSummary, outbox: string, test?: string): string {
  const { week, version, edition, counts } = summary;
  const title =
    summary.mode === 'dry-run'
      ? msg.email.dryRunTitle(week, version, counts.written, outbox)
      : summary.mode === 'test'
        ? msg.email.testTitle(week, version, test ?? '')
        : counts.sent + counts.failed + counts.unknown === 0
          ? msg.email.nothingToSend(week, version)
          : msg.email.sendTitle(week, version, edition, msg.email.counts(counts));
  const width = Math.max(0, ...summary.results.map((r) => r.client.length));
  const rows = summary.results.map((r) => {
    const detail = [r.reply ?? '', r.reason ? `(${msg.email.reason(r.reason)})` : '', r.file ?? '']
      .filter(Boolean)
      .join(' ');
    return `  ${r.outcome.padEnd(7)}  ${r.client.padEnd(width)}  ${r.address}  ${r.language}  ${detail}`.trimEnd();
  });
  return `${[title, ...rows].join('\n')}\n`;
}
