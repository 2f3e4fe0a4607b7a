/**
 * `send --test ADDRESS`: one message of each kind a client can get (zh-TW, en, both) to one
 * address, so the analyst sees exactly what clients will see before they do. The subjects say
 * "test", the Message-IDs are new each time (a mail program must never fold a client's real
 * message into a test), and nothing is recorded in the delivery log.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { MessageLanguage, Recipient } from './compose.js';
import { testMessageId } from './compose.js';
import { composeFor, progressOf, type SendContext, summaryOf } from './context.js';
import { DEFAULT_RETRY } from './deliver.js';
import type { ClientResult, SendSummary } from './results.js';
import { openTransport } from './transport.js';

const LANGUAGES: readonly MessageLanguage[] = ['zh-TW', 'en', 'both'];

export async function sendTestMessages(ctx: SendContext, address: string): Promise<SendSummary> {
  const transport = openTransport(ctx.config, ctx.env);
  const report = progressOf(ctx, LANGUAGES.length);
  const retry = ctx.retry ?? DEFAULT_RETRY;
  const results: ClientResult[] = [];
  try {
    for (const language of LANGUAGES) {
      const recipient: Recipient = {
        id: `test-${language}`,
        name: '',
        email: address,
        cc: [],
        language,
      };
      const messageId = testMessageId(ctx.edition, language, ctx.sender.from.address);
      const message = await composeFor(ctx, recipient, messageId, true);
      let delivery = await transport.deliver(message.raw, message.envelope);
      for (let tries = 1; delivery.kind === 'deferred' && tries < retry.attempts; tries++) {
        await sleep(retry.baseDelayMs * 2 ** (tries - 1));
        delivery = await transport.deliver(message.raw, message.envelope);
      }
      const outcome =
        delivery.kind === 'accepted' ? 'sent' : delivery.kind === 'unknown' ? 'unknown' : 'failed';
      const result: ClientResult = {
        client: recipient.id,
        address,
        cc: [],
        language,
        outcome,
        messageId,
        replyCode: delivery.code,
        reply: delivery.reply,
      };
      results.push(result);
      report(result);
    }
  } finally {
    transport.close();
  }
  return summaryOf(ctx, results);
}
