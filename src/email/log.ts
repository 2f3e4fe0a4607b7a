/**
 * The delivery log: the archive index's `deliveries` table, one row per (client, week, version).
 * Every SQL the e-mail module runs on it is here. A row moves
 *
 *   pending → sending → sent | failed | unknown        (failed → sending on a rerun;
 *                       ↘ pending (a 4xx, retried)       unknown → sending with --resend-unknown)
 *
 * and every move is one immediate transaction that checks the state it moves from, so two
 * processes can never both take a row to `sending`. `attempts` is the fencing token: an outcome
 * is recorded only by the attempt that claimed the row.
 */
import type { Database } from '../archive/index.js';
import type { MessageLanguage } from './compose.js';

export const DELIVERY_STATES = ['pending', 'sending', 'sent', 'failed', 'unknown'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export interface DeliveryKey {
  clientId: string;
  week: string;
  version: number;
}

export interface DeliveryRecord extends DeliveryKey {
  address: string;
  language: MessageLanguage;
  messageId: string;
  state: DeliveryState;
  attempts: number;
  lastReplyCode: number | null;
  lastReply: string | null;
  createdAt: string;
  updatedAt: string;
  sentAt: string | null;
}

interface DeliveryRow extends Record<string, unknown> {
  client_id: string;
  week: string;
  version: number;
  address: string;
  language: MessageLanguage;
  message_id: string;
  state: DeliveryState;
  attempts: number;
  last_reply_code: number | null;
  last_reply: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
}

const toRecord = (row: DeliveryRow): DeliveryRecord => ({
  clientId: row.client_id,
  week: row.week,
  version: row.version,
  address: row.address,
  language: row.language,
  messageId: row.message_id,
  state: row.state,
  attempts: row.attempts,
  lastReplyCode: row.last_reply_code,
  lastReply: row.last_reply,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  sentAt: row.sent_at,
});

const KEY = 'client_id = ? AND week = ? AND version = ?';
const keyOf = (k: DeliveryKey) => [k.clientId, k.week, k.version] as const;

export function selectDelivery(db: Database, key: DeliveryKey): DeliveryRecord | undefined {
  const row = db.get<DeliveryRow>(`SELECT * FROM deliveries WHERE ${KEY}`, ...keyOf(key));
  return row && toRecord(row);
}

/** A week's rows (one version's, or all), by version then client. */
export function selectDeliveries(db: Database, week: string, version?: number): DeliveryRecord[] {
  const rows =
    version === undefined
      ? db.all<DeliveryRow>(
          'SELECT * FROM deliveries WHERE week = ? ORDER BY version, client_id',
          week,
        )
      : db.all<DeliveryRow>(
          'SELECT * FROM deliveries WHERE week = ? AND version = ? ORDER BY client_id',
          week,
          version,
        );
  return rows.map(toRecord);
}

/** Clients who received (or may have received) an earlier version of the week. */
export function selectEarlierRecipients(db: Database, week: string, version: number): Set<string> {
  const rows = db.all<{ client_id: string }>(
    `SELECT DISTINCT client_id FROM deliveries
     WHERE week = ? AND version < ? AND state IN ('sent', 'unknown', 'sending')`,
    week,
    version,
  );
  return new Set(rows.map((r) => r.client_id));
}

export interface NewDelivery extends DeliveryKey {
  address: string;
  language: MessageLanguage;
  messageId: string;
}

/** The rows of a send, created `pending` where missing (existing rows are left as they are). */
export function ensureDeliveries(
  db: Database,
  deliveries: readonly NewDelivery[],
  now: string,
): DeliveryRecord[] {
  return db.immediate(() =>
    deliveries.map((d) => {
      db.run(
        `INSERT OR IGNORE INTO deliveries (client_id, week, version, address, language,
           message_id, state, attempts, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?)`,
        ...keyOf(d),
        d.address,
        d.language,
        d.messageId,
        now,
        now,
      );
      return selectDelivery(db, d) as DeliveryRecord;
    }),
  );
}

/**
 * Takes a row to `sending` if it is still in one of `from`; returns the attempt number (the
 * fencing token for recording the outcome) or undefined when another run moved it first. The
 * address and language are the ones this attempt sends to.
 */
export function claimDelivery(
  db: Database,
  key: DeliveryKey,
  from: readonly DeliveryState[],
  target: { address: string; language: MessageLanguage },
  now: string,
): number | undefined {
  const states = from.map(() => '?').join(', ');
  const row = db.immediate(() =>
    db.get<{ attempts: number }>(
      `UPDATE deliveries SET state = 'sending', attempts = attempts + 1, address = ?,
         language = ?, updated_at = ? WHERE ${KEY} AND state IN (${states})
       RETURNING attempts`,
      target.address,
      target.language,
      now,
      ...keyOf(key),
      ...from,
    ),
  );
  return row?.attempts;
}

export interface Outcome {
  state: Exclude<DeliveryState, 'sending'>;
  replyCode: number | null;
  reply: string | null;
}

/**
 * Records what the server answered to `attempt`. Only that attempt's own row moves (a row another
 * run has since turned `unknown` still learns the real answer); returns false when the row is no
 * longer this attempt's.
 */
export function recordOutcome(
  db: Database,
  key: DeliveryKey,
  attempt: number,
  outcome: Outcome,
  now: string,
): boolean {
  const { changes } = db.run(
    `UPDATE deliveries SET state = ?, last_reply_code = ?, last_reply = ?, updated_at = ?,
       sent_at = CASE WHEN ? = 'sent' THEN ? ELSE sent_at END
     WHERE ${KEY} AND attempts = ? AND state IN ('sending', 'unknown')`,
    outcome.state,
    outcome.replyCode,
    outcome.reply,
    now,
    outcome.state,
    now,
    ...keyOf(key),
    attempt,
  );
  return changes === 1;
}

/**
 * Rows left `sending` by a run that ended without recording the server's answer (killed,
 * crashed, power lost): the message may have gone out, so they become `unknown` and are not
 * resent unless asked. Call only while holding the week's send lease (no live run is sending).
 */
export function markInterrupted(db: Database, week: string, now: string): number {
  return db.immediate(
    () =>
      db.run(
        `UPDATE deliveries SET state = 'unknown', updated_at = ?
         WHERE week = ? AND state = 'sending'`,
        now,
        week,
      ).changes,
  );
}
