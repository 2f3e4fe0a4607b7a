/**
 * The real send of one version: under the week's lease, with every message's row in the delivery
 * log moved before and after it goes out.
 *
 *   1. take the week's lease (another run of the week: refused, nothing sent)
 *   2. rows a killed run left `sending` become `unknown`: the message may have gone out
 *   3. plan: the selected clients against the log (sent: skipped; unknown: kept unless asked)
 *   4. create the missing rows `pending`, then deliver (deliver.ts), renewing the lease
 *   5. release the lease, close the connections; the summary
 */
import type { Database } from '../archive/index.js';
import { acquireLease, isLease, type Lease } from '../archive/locks.js';
import { CapexReportError, InterruptedError } from '../errors.js';
import { msg } from '../messages/index.js';
import { composeFor, nowOf, progressOf, type SendContext, summaryOf } from './context.js';
import { DEFAULT_RETRY, deliverAll } from './deliver.js';
import { deferDurability } from './durable.js';
import { ensureDeliveries, markInterrupted } from './log.js';
import { inListOrder, planRun } from './plan.js';
import type { SendSummary } from './results.js';
import { openTransport } from './transport.js';

/** Long enough to outlast a stalled connection's renewal; a killed run's lease is taken at once. */
const LEASE_MS = 60_000;
const RENEW_MS = 15_000;

export async function runSend(ctx: SendContext): Promise<SendSummary> {
  // 1. The lease.
  const lease = takeLease(ctx.archive.db, ctx.edition.record.week, ctx);
  const renewal = keepRenewed(lease);
  try {
    return await sendUnderLease(ctx, renewal.lost);
  } finally {
    renewal.stop();
    lease.release();
  }
}

async function sendUnderLease(ctx: SendContext, lost: () => boolean): Promise<SendSummary> {
  const { db } = ctx.archive;
  const { week, version } = ctx.edition.record;
  const stamp = () => nowOf(ctx).toISOString();
  const durability = deferDurability(ctx.archive);
  const transport = openTransport(ctx.config, ctx.env);
  try {
    // 2. Rows of killed runs. 3. The plan.
    markInterrupted(db, week, stamp());
    const plan = planRun(ctx);
    // 4. The rows, then the messages.
    ensureDeliveries(
      db,
      plan.targets.map(({ recipient, messageId }) => ({
        clientId: recipient.id,
        week,
        version,
        address: recipient.email,
        language: recipient.language,
        messageId,
      })),
      stamp(),
    );
    const report = progressOf(ctx, plan.selected.length);
    plan.settled.forEach(report);
    let unreachable = false;
    const delivered = await deliverAll(plan.targets, {
      db,
      week,
      version,
      transport,
      compose: (target) => composeFor(ctx, target.recipient, target.messageId),
      flush: durability.flush,
      retry: ctx.retry ?? DEFAULT_RETRY,
      concurrency: ctx.config.smtp.pool.concurrency,
      now: () => nowOf(ctx),
      stopped: () => unreachable || lost() || ctx.signal?.aborted === true,
      stop: () => {
        unreachable = true;
      },
      onResult: report,
    });
    if (lost()) throw new CapexReportError(msg.email.leaseLost(week));
    if (ctx.signal?.aborted) throw new InterruptedError(msg.email.interrupted(week));
    // 5. The summary, in the client list's order.
    return summaryOf(ctx, inListOrder(plan.selected, [...plan.settled, ...delivered]));
  } finally {
    transport.close();
    await durability.close();
  }
}

/** Renews the lease while the run goes on; `lost` once a renewal fails. */
function keepRenewed(lease: Lease): { lost: () => boolean; stop: () => void } {
  let lost = false;
  const timer = setInterval(() => {
    try {
      if (!lease.renew()) lost = true;
    } catch {
      lost = true; // the index stayed locked past its busy timeout: stop rather than guess
    }
  }, RENEW_MS);
  timer.unref();
  return { lost: () => lost, stop: () => clearInterval(timer) };
}

function takeLease(db: Database, week: string, ctx: SendContext): Lease {
  const taken = acquireLease(db, `send:${week}`, { durationMs: LEASE_MS, now: () => nowOf(ctx) });
  if (isLease(taken)) return taken;
  throw new CapexReportError(msg.email.busy(week, taken.owner, taken.acquiredAt, taken.expiresAt));
}
