/**
 * `send --dry-run`: what a real send would send now, written as .eml files under
 * `<output>/<week>/outbox/` (each atomically: a reader never sees half a file), built by the very
 * code that builds the messages sent. Nothing is sent and nothing is recorded: the delivery log
 * is only read, to skip who already has this version, as a real send would.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../io/atomic.js';
import { composeFor, progressOf, type SendContext, summaryOf } from './context.js';
import { inListOrder, planRun } from './plan.js';
import type { ClientResult, SendSummary } from './results.js';

/** `2026-W06.v1.acme-capital.eml` */
export const emlName = (week: string, version: number, clientId: string) =>
  `${week}.v${version}.${clientId}.eml`;

export async function writeOutbox(ctx: SendContext, outbox: string): Promise<SendSummary> {
  const { week, version } = ctx.edition.record;
  const plan = planRun(ctx);
  const report = progressOf(ctx, plan.selected.length);
  plan.settled.forEach(report);
  await mkdir(outbox, { recursive: true });
  const written: ClientResult[] = [];
  for (const { recipient, messageId } of plan.targets) {
    const message = await composeFor(ctx, recipient, messageId);
    const file = path.join(outbox, emlName(week, version, recipient.id));
    await writeFileAtomic(file, message.raw);
    const result: ClientResult = {
      client: recipient.id,
      address: recipient.email,
      cc: [...recipient.cc],
      language: recipient.language,
      outcome: 'written',
      messageId,
      file,
    };
    written.push(result);
    report(result);
  }
  return summaryOf(ctx, inListOrder(plan.selected, [...plan.settled, ...written]));
}
