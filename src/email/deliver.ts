/**
 * The real send: each target's message goes out once, with its log row moved before and after.
 *
 *   compose → claim the row (`sending`) → sync the log → SMTP → record the answer
 *
 * `concurrency` messages are in flight at once. A 4xx or a connection lost before the data is
 * retried with exponential backoff up to `retry.attempts` tries; a 5xx is recorded `failed`; an
 * answer lost after the data is recorded `unknown` and never retried here. When the server cannot
 * be reached at all, the run stops taking new messages (they stay `pending` for the next run).
 */

import { setTimeout as sleep } from 'node:timers/promises';
import type { Database } from '../archive/index.js';
import { pauseForTest } from '../io/test-pause.js';
import type { ComposedMessage } from './compose.js';
import { claimDelivery, type DeliveryKey, type Outcome, recordOutcome } from './log.js';
import type { Delivery, DeliveryKind } from './outcome.js';
import type { Target } from './plan.js';
import type { ClientResult, ResultReason } from './results.js';
import type { Transport } from './transport.js';

export interface RetryPolicy {
  /** Tries per message for a temporary failure, the first included. */
  attempts: number;
  /** The wait before the second try; doubled before each next one. */
  baseDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 2_000 };

export interface DeliverContext {
  db: Database;
  week: string;
  version: number;
  transport: Transport;
  compose(target: Target): Promise<ComposedMessage>;
  /** Resolves once the log's commits so far are on the disk (see durable.ts). */
  flush(): Promise<void>;
  retry: RetryPolicy;
  concurrency: number;
  now(): Date;
  /** True once the run must take no new message (lease lost, interrupted, server unreachable). */
  stopped(): boolean;
  stop(): void;
  onResult(result: ClientResult): void;
}

export async function deliverAll(targets: readonly Target[], ctx: DeliverContext) {
  const results: ClientResult[] = [];
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    for (let i = next++; i < targets.length; i = next++) {
      const target = targets[i] as Target;
      let result = baseResult(target, 'failed', 'not-attempted');
      try {
        if (!ctx.stopped() && !failure) result = await deliverOne(target, ctx);
      } catch (error) {
        // A fault of ours (composing, the log): no new message, the others in flight finish.
        failure ??= { error };
      }
      results.push(result);
      ctx.onResult(result);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, ctx.concurrency) }, worker));
  if (failure) throw failure.error;
  return results;
}

const STATE_OF: Record<DeliveryKind, Outcome['state']> = {
  accepted: 'sent',
  refused: 'failed',
  unknown: 'unknown',
  deferred: 'pending',
  unreachable: 'pending',
};

async function deliverOne(target: Target, ctx: DeliverContext): Promise<ClientResult> {
  const key: DeliveryKey = { clientId: target.recipient.id, week: ctx.week, version: ctx.version };
  const message = await ctx.compose(target);
  const to = { address: target.recipient.email, language: target.recipient.language };
  for (let tries = 1; ; tries++) {
    const attempt = claimDelivery(ctx.db, key, target.claimFrom, to, ctx.now().toISOString());
    if (attempt === undefined) return baseResult(target, 'skipped', 'taken-by-another-run');
    try {
      await ctx.flush(); // `sending` is on the disk before a byte of the message goes out
    } catch (error) {
      // Nothing went out: the row goes back to pending rather than become unknown.
      const back: Outcome = { state: 'pending', replyCode: null, reply: null };
      recordOutcome(ctx.db, key, attempt, back, ctx.now().toISOString());
      throw error;
    }
    const delivery = await ctx.transport.deliver(message.raw, message.envelope);
    if (delivery.kind === 'accepted') await pauseForTest('AFTER_ACCEPT');
    const retry = isTemporary(delivery) && tries < ctx.retry.attempts && !ctx.stopped();
    const state = retry ? 'pending' : final(delivery.kind);
    const outcome: Outcome = { state, replyCode: delivery.code, reply: delivery.reply };
    recordOutcome(ctx.db, key, attempt, outcome, ctx.now().toISOString());
    if (retry) {
      await sleep(ctx.retry.baseDelayMs * 2 ** (tries - 1));
      continue;
    }
    if (delivery.kind === 'unreachable') ctx.stop();
    return resultOf(target, delivery, attempt);
  }
}

/** Worth another try: a 4xx, a connection lost before the data; not a login refused (535). */
const isTemporary = (d: Delivery) =>
  d.kind === 'deferred' || (d.kind === 'unreachable' && (d.code === null || d.code < 500));

/** A temporary failure out of tries is a failure. */
const final = (kind: DeliveryKind): Outcome['state'] =>
  kind === 'deferred' || kind === 'unreachable' ? 'failed' : STATE_OF[kind];

const REASONS: Record<DeliveryKind, ResultReason | undefined> = {
  accepted: undefined,
  refused: 'refused',
  deferred: 'retries-exhausted',
  unreachable: 'server-unreachable',
  unknown: 'answer-lost',
};

function resultOf(target: Target, delivery: Delivery, attempts: number): ClientResult {
  const state = final(delivery.kind);
  const outcome = state === 'sent' ? 'sent' : state === 'unknown' ? 'unknown' : 'failed';
  return {
    ...baseResult(target, outcome, REASONS[delivery.kind]),
    state,
    attempts,
    replyCode: delivery.code,
    reply: delivery.reply,
  };
}

function baseResult(
  target: Target,
  outcome: ClientResult['outcome'],
  reason: ResultReason | undefined,
): ClientResult {
  const { recipient } = target;
  return {
    client: recipient.id,
    address: recipient.email,
    cc: [...recipient.cc],
    language: recipient.language,
    outcome,
    ...(reason ? { reason } : {}),
    messageId: target.messageId,
  };
}
