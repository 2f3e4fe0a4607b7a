/**
 * Who a run sends to: the active clients, narrowed by `--only` and `--tag`; for a correction
 * (v2 and later) only those who received, or may have received, an earlier version of the week,
 * unless `--all`. Then, per client, what the delivery log says: already sent (skipped), unknown
 * (not resent unless `--resend-unknown`), or to send.
 */
import { UsageError } from '../errors.js';
import { msg } from '../messages/index.js';
import type { Client } from './clients.js';
import { type Recipient, stableMessageId } from './compose.js';
import type { SendContext } from './context.js';
import {
  type DeliveryRecord,
  type DeliveryState,
  selectDeliveries,
  selectEarlierRecipients,
} from './log.js';
import type { ClientResult } from './results.js';

export interface Selection {
  only?: readonly string[] | undefined;
  tag?: readonly string[] | undefined;
}

/** The active clients the options name; an unknown id or tag is a usage error. */
export function selectClients(clients: readonly Client[], selection: Selection): Client[] {
  const only = selection.only ?? [];
  const tags = selection.tag ?? [];
  const unknownIds = only.filter((id) => !clients.some((c) => c.id === id));
  if (unknownIds.length > 0) throw new UsageError(msg.email.unknownClients(unknownIds));
  const unknownTags = tags.filter((tag) => !clients.some((c) => c.tags.includes(tag)));
  if (unknownTags.length > 0) throw new UsageError(msg.email.unknownTags(unknownTags));
  return clients.filter(
    (c) =>
      c.active &&
      (only.length === 0 || only.includes(c.id)) &&
      (tags.length === 0 || tags.some((tag) => c.tags.includes(tag))),
  );
}

export const recipientOf = (client: Client): Recipient => ({
  id: client.id,
  name: client.name,
  email: client.email,
  cc: client.cc ?? [],
  language: client.language,
});

export interface Target {
  recipient: Recipient;
  messageId: string;
  /** The states its log row may be claimed from. */
  claimFrom: readonly DeliveryState[];
}

export interface Plan {
  targets: Target[];
  /** Clients not sent to, with why. */
  settled: ClientResult[];
}

export interface PlanInput {
  clients: readonly Client[];
  /** Clients who received an earlier version; undefined: not a correction, or `--all`. */
  earlierRecipients: ReadonlySet<string> | undefined;
  /** The log's rows of this version, by client id. */
  rows: ReadonlyMap<string, DeliveryRecord>;
  messageIdOf(client: Client): string;
  resendUnknown: boolean;
}

export function planDeliveries(input: PlanInput): Plan {
  const plan: Plan = { targets: [], settled: [] };
  const claimFrom: DeliveryState[] = input.resendUnknown
    ? ['pending', 'failed', 'unknown']
    : ['pending', 'failed'];
  for (const client of input.clients) {
    const recipient = recipientOf(client);
    const row = input.rows.get(client.id);
    const messageId = row?.messageId ?? input.messageIdOf(client);
    const settle = (outcome: ClientResult['outcome'], reason: ClientResult['reason']) =>
      plan.settled.push(settledResult(recipient, messageId, outcome, reason, row));
    if (input.earlierRecipients && !input.earlierRecipients.has(client.id) && !row) {
      settle('skipped', 'not-an-earlier-recipient');
    } else if (row?.state === 'sent') {
      settle('skipped', 'already-sent');
    } else if ((row?.state === 'unknown' || row?.state === 'sending') && !input.resendUnknown) {
      settle('unknown', 'earlier-run');
    } else {
      plan.targets.push({ recipient, messageId, claimFrom });
    }
  }
  return plan;
}

function settledResult(
  recipient: Recipient,
  messageId: string,
  outcome: ClientResult['outcome'],
  reason: ClientResult['reason'],
  row: DeliveryRecord | undefined,
): ClientResult {
  const result: ClientResult = {
    client: recipient.id,
    address: row?.address ?? recipient.email,
    cc: [...recipient.cc],
    language: recipient.language,
    outcome,
    messageId,
  };
  if (reason) result.reason = reason;
  if (row) {
    Object.assign(result, {
      state: row.state,
      attempts: row.attempts,
      replyCode: row.lastReplyCode,
      reply: row.lastReply,
    });
  }
  return result;
}

/** The plan of a run (real or dry): the selected clients against this version's log rows. */
export function planRun(ctx: SendContext): Plan & { selected: Client[] } {
  const { db } = ctx.archive;
  const { week, version } = ctx.edition.record;
  const selected = selectClients(ctx.clients, ctx);
  const plan = planDeliveries({
    clients: selected,
    earlierRecipients:
      version > 1 && !ctx.all ? selectEarlierRecipients(db, week, version) : undefined,
    rows: new Map(selectDeliveries(db, week, version).map((r) => [r.clientId, r])),
    messageIdOf: (c) => stableMessageId(ctx.edition, c.id, ctx.sender.from.address),
    resendUnknown: ctx.resendUnknown === true,
  });
  return { ...plan, selected };
}

/** Results in the client list's order. */
export function inListOrder(clients: readonly Client[], results: ClientResult[]): ClientResult[] {
  const order = new Map(clients.map((c, i) => [c.id, i]));
  return results.sort((a, b) => (order.get(a.client) ?? 0) - (order.get(b.client) ?? 0));
}
