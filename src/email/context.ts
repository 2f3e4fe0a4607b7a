/** The options of a send run and what it has read before sending: shared by its three modes. */
import type { Archive } from '../archive/index.js';
import type { Config } from '../config/index.js';
import type { Client } from './clients.js';
import type { ComposedMessage, Composer, Recipient, Sender } from './compose.js';
import type { RetryPolicy } from './deliver.js';
import type { Signer } from './dkim.js';
import type { Edition } from './edition.js';
import { type ClientResult, countResults, type SendSummary } from './results.js';
import type { Env } from './transport.js';

export type ProgressEvent =
  | { type: 'start'; total: number }
  | { type: 'result'; result: ClientResult; done: number; total: number };

export interface SendWeekOptions {
  config: Config;
  week: string;
  /** Default: the week's latest version. */
  version?: number | undefined;
  /** Default: config.paths.clients. */
  clientsFile?: string | undefined;
  only?: readonly string[] | undefined;
  tag?: readonly string[] | undefined;
  dryRun?: boolean | undefined;
  /** Send one message per language to this address; record nothing. */
  test?: string | undefined;
  resendUnknown?: boolean | undefined;
  /** A correction goes to every selected client, not only those who received an earlier version. */
  all?: boolean | undefined;
  onProgress?: ((event: ProgressEvent) => void) | undefined;
  /** Where the password variable is read (default: process.env). */
  env?: Env | undefined;
  retry?: RetryPolicy | undefined;
  now?: (() => Date) | undefined;
  /** Stops taking new messages (Ctrl-C); messages in flight are still recorded. */
  signal?: AbortSignal | undefined;
}

export interface SendContext extends SendWeekOptions {
  archive: Archive;
  edition: Edition;
  sender: Sender;
  sign: Signer | undefined;
  /** The client list (empty for `--test`). */
  clients: Client[];
  composer: Composer;
}

export const nowOf = (ctx: Pick<SendWeekOptions, 'now'>): Date => ctx.now?.() ?? new Date();

export function composeFor(
  ctx: SendContext,
  recipient: Recipient,
  messageId: string,
  test = false,
): Promise<ComposedMessage> {
  return ctx.composer({ recipient, messageId, date: nowOf(ctx), ...(test ? { test: true } : {}) });
}

/** Calls onProgress for each result as it comes, counting. */
export function progressOf(ctx: SendWeekOptions, total: number): (result: ClientResult) => void {
  let done = 0;
  ctx.onProgress?.({ type: 'start', total });
  return (result) => {
    done += 1;
    ctx.onProgress?.({ type: 'result', result, done, total });
  };
}

export function summaryOf(ctx: SendContext, results: ClientResult[]): SendSummary {
  const { record } = ctx.edition;
  return {
    week: record.week,
    version: record.version,
    edition: record.edition,
    mode: ctx.test !== undefined ? 'test' : ctx.dryRun ? 'dry-run' : 'send',
    counts: countResults(results),
    results,
  };
}
