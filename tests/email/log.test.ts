/**
 * The delivery log and the send lease on a real SQLite file, with two connections standing for two
 * processes: a row is claimed by one of them only, an outcome is recorded only by the attempt that
 * claimed the row, rows left `sending` become `unknown`, a lease is held by one process at a time.
 */
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { type Archive, openArchive } from '../../src/archive/index.js';
import { acquireLease, isLease, type Lease } from '../../src/archive/locks.js';
import { deferDurability } from '../../src/email/durable.js';
import {
  claimDelivery,
  ensureDeliveries,
  markInterrupted,
  recordOutcome,
  selectDelivery,
  selectEarlierRecipients,
} from '../../src/email/log.js';
import { tempDirs } from '../helpers/temp.js';

const newDir = tempDirs('capex-report-email-log-');
const NOW = '2026-02-06T10:00:00.000Z';
const key = { clientId: 'acme', week: '2026-W06', version: 1 };
const to = { address: 'acme@example.com', language: 'en' as const };

/** Two connections to one new archive index holding 2026-W06 v1 and v2. */
async function twoConnections(): Promise<[Archive, Archive]> {
  const root = path.join(newDir(), 'archive');
  const a = await openArchive(root, { create: true });
  a.db.run("INSERT INTO weeks VALUES ('2026-W06', ?)", NOW);
  for (const n of [1, 2]) {
    a.db.run(
      `INSERT INTO versions (week, number, edition, created_at, inputs_hash, manifest_sha256,
         tool_version, node_version) VALUES ('2026-W06', ?, ?, ?, 'x', ?, '0', '20')`,
      n,
      n,
      NOW,
      `m${n}`,
    );
  }
  ensureDeliveries(a.db, [{ ...key, ...to, messageId: '<1@example.com>' }], NOW);
  return [a, await openArchive(root, { create: false })];
}

describe('the delivery log', () => {
  test('a row is claimed by one connection only; the other gets nothing', async () => {
    const [a, b] = await twoConnections();
    expect(claimDelivery(a.db, key, ['pending'], to, NOW)).toBe(1);
    expect(claimDelivery(b.db, key, ['pending'], to, NOW)).toBeUndefined();
    expect(selectDelivery(b.db, key)).toMatchObject({ state: 'sending', attempts: 1 });
    a.close();
    b.close();
  });

  test('only the claiming attempt records the outcome', async () => {
    const [a, b] = await twoConnections();
    const attempt = claimDelivery(a.db, key, ['pending'], to, NOW) as number;
    const outcome = { state: 'sent' as const, replyCode: 250, reply: '250 OK' };
    expect(recordOutcome(b.db, key, attempt + 1, outcome, NOW)).toBe(false);
    expect(recordOutcome(b.db, key, attempt, outcome, NOW)).toBe(true);
    expect(selectDelivery(a.db, key)).toMatchObject({
      state: 'sent',
      sentAt: NOW,
      lastReplyCode: 250,
    });
    // Sent is final: nothing claims it again.
    expect(claimDelivery(a.db, key, ['pending', 'failed', 'unknown'], to, NOW)).toBeUndefined();
    a.close();
    b.close();
  });

  test('rows left `sending` become `unknown`, and an earlier version’s recipients are known', async () => {
    const [a, b] = await twoConnections();
    claimDelivery(a.db, key, ['pending'], to, NOW);
    expect(markInterrupted(b.db, '2026-W06', NOW)).toBe(1);
    expect(selectDelivery(a.db, key)?.state).toBe('unknown');
    expect([...selectEarlierRecipients(a.db, '2026-W06', 2)]).toEqual(['acme']);
    expect([...selectEarlierRecipients(a.db, '2026-W06', 1)]).toEqual([]);
    // A late answer of the interrupted attempt still lands (the row is still that attempt's).
    expect(recordOutcome(a.db, key, 1, { state: 'sent', replyCode: 250, reply: 'ok' }, NOW)).toBe(
      true,
    );
    a.close();
    b.close();
  });
});

describe('group commit', () => {
  test('the send commits without a FULL fsync, syncs the log on flush, and is FULL again after', async () => {
    const [a, b] = await twoConnections();
    const level = () => a.db.get<{ synchronous: number }>('PRAGMA synchronous')?.synchronous;
    expect(level()).toBe(2); // FULL, as the archive opens it
    const durability = deferDurability(a);
    expect(level()).toBe(1); // NORMAL
    expect(claimDelivery(a.db, key, ['pending'], to, NOW)).toBe(1);
    await durability.flush();
    expect(selectDelivery(b.db, key)?.state).toBe('sending'); // committed, visible to others
    await durability.close();
    expect(level()).toBe(2);
    a.close();
    b.close();
  });
});

describe('the send lease', () => {
  const options = { durationMs: 60_000 };

  test('one holder at a time; released, it can be taken again', async () => {
    const [a, b] = await twoConnections();
    const first = acquireLease(a.db, 'send:2026-W06', options) as Lease;
    expect(isLease(first)).toBe(true);
    const second = acquireLease(b.db, 'send:2026-W06', options);
    expect(isLease(second)).toBe(false);
    expect(second).toMatchObject({ owner: first.owner });
    expect(isLease(acquireLease(b.db, 'send:2026-W07', options))).toBe(true);
    expect(first.renew()).toBe(true);
    first.release();
    expect(isLease(acquireLease(b.db, 'send:2026-W06', options))).toBe(true);
    a.close();
    b.close();
  });

  test('an expired lease, or one of a process of this machine that is gone, is taken', async () => {
    const [a, b] = await twoConnections();
    const late = new Date(Date.now() + 120_000);
    const first = acquireLease(a.db, 'send:2026-W06', options) as Lease;
    expect(isLease(acquireLease(b.db, 'send:2026-W06', { ...options, now: () => late }))).toBe(
      true,
    );
    expect(first.renew()).toBe(false); // lost
    // A lease whose owner is a dead pid on this host.
    a.db.run(
      "UPDATE locks SET owner = ?, expires_at = '2999-01-01T00:00:00.000Z' WHERE name = 'send:2026-W06'",
      `${os.hostname()}:2147483646:dead`,
    );
    expect(isLease(acquireLease(b.db, 'send:2026-W06', options))).toBe(true);
    // One of another machine is respected until it expires.
    a.db.run(
      "UPDATE locks SET owner = 'elsewhere:1:x', expires_at = '2999-01-01T00:00:00.000Z' WHERE name = 'send:2026-W06'",
    );
    expect(isLease(acquireLease(b.db, 'send:2026-W06', options))).toBe(false);
    a.close();
    b.close();
  });
});
