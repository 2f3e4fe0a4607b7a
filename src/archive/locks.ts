/**
 * A lease on a job in the archive index's `locks` table, so that two processes never do the same
 * job at once (e.g. `send:2026-W06`: two `send` runs of one week). It is taken in an immediate
 * transaction when it is free, expired, or held by a process of this machine that no longer
 * exists (a run killed with SIGKILL needs no waiting), renewed while the work goes on, and
 * released at the end. A run that fails to renew has lost the lease and must stop.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { Database } from './db.js';

export interface LeaseHolder {
  owner: string;
  acquiredAt: string;
  expiresAt: string;
}

export interface Lease {
  name: string;
  owner: string;
  /** Extends the lease; false when it was lost (expired and taken by another process). */
  renew(): boolean;
  release(): void;
}

export interface LeaseOptions {
  /** How long the lease lasts without renewal (ms). */
  durationMs: number;
  now?: () => Date;
}

interface LockRow extends Record<string, unknown> {
  owner: string;
  acquired_at: string;
  expires_at: string;
}

/** `host:pid:random`: the process, and which of its runs. */
export const newOwner = () => `${os.hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;

/** Takes the lease, or returns who holds it. */
export function acquireLease(
  db: Database,
  name: string,
  options: LeaseOptions,
): Lease | LeaseHolder {
  const now = options.now ?? (() => new Date());
  const owner = newOwner();
  const until = (at: Date) => new Date(at.getTime() + options.durationMs).toISOString();
  const holder = db.immediate((): LeaseHolder | undefined => {
    const row = db.get<LockRow>('SELECT * FROM locks WHERE name = ?', name);
    const at = now();
    if (row && !isStale(row, at)) {
      return { owner: row.owner, acquiredAt: row.acquired_at, expiresAt: row.expires_at };
    }
    db.run(
      `INSERT INTO locks (name, owner, acquired_at, expires_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET owner = excluded.owner,
         acquired_at = excluded.acquired_at, expires_at = excluded.expires_at`,
      name,
      owner,
      at.toISOString(),
      until(at),
    );
    return undefined;
  });
  if (holder) return holder;
  return {
    name,
    owner,
    renew: () =>
      db.run(
        'UPDATE locks SET expires_at = ? WHERE name = ? AND owner = ?',
        until(now()),
        name,
        owner,
      ).changes === 1,
    release: () => {
      db.run('DELETE FROM locks WHERE name = ? AND owner = ?', name, owner);
    },
  };
}

export const isLease = (value: Lease | LeaseHolder): value is Lease => 'renew' in value;

function isStale(row: LockRow, now: Date): boolean {
  if (Date.parse(row.expires_at) <= now.getTime()) return true;
  const [host, pid] = row.owner.split(':');
  return host === os.hostname() && !isAlive(Number(pid));
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return true; // not ours to judge
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
