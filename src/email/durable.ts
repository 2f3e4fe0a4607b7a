/**
 * Group commit for the delivery log. With `synchronous = FULL` every commit waits for the disk
 * inside libsql's synchronous call, and the whole process (every SMTP connection with it) stops
 * meanwhile: two fsyncs per message, most of a send's time. So the send's connection commits
 * with `synchronous = NORMAL` (in WAL mode: written to the write-ahead log, not yet synced), and
 * a claim is made durable before its message goes out by syncing the write-ahead log file in
 * libuv's thread pool: the event loop keeps running and the claims of several messages share one
 * trip to the disk. A checkpoint in NORMAL mode syncs the log before and the database after, so a
 * commit is durable once the log is synced, wherever its frames have gone since.
 *
 * Outcomes (sent, failed) are not waited for: lost in a power cut, the row is `sending` again,
 * which the next run treats as `unknown`: never resent unless asked. The run's end syncs them.
 */
import { type FileHandle, open } from 'node:fs/promises';
import path from 'node:path';
import { type Archive, INDEX_FILE } from '../archive/index.js';

export interface Durability {
  /** Resolves once every commit so far is on the disk. */
  flush(): Promise<void>;
  /** Syncs the last commits and puts the connection back to FULL. */
  close(): Promise<void>;
}

export function deferDurability(archive: Archive): Durability {
  const wal = `${path.join(archive.root, INDEX_FILE)}-wal`;
  let handle: Promise<FileHandle> | undefined;
  archive.db.exec('PRAGMA synchronous = NORMAL');
  // Opened at the first flush: the log exists once this connection has committed.
  const sync = async () => {
    handle ??= open(wal, 'r+');
    await (await handle).datasync();
  };
  // A sync already under way may have started before the caller's commit: the caller waits for
  // the next one, which every caller arriving meanwhile shares.
  let running: Promise<void> | undefined;
  let next: Promise<void> | undefined;
  const flush = (): Promise<void> => {
    if (!running) {
      running = sync().finally(() => {
        running = undefined;
      });
      return running;
    }
    next ??= running
      .catch(() => {})
      .then(() => {
        next = undefined;
        return flush();
      });
    return next;
  };
  return {
    flush,
    close: async () => {
      try {
        await flush();
      } finally {
        archive.db.exec('PRAGMA synchronous = FULL');
        await (await handle)?.close();
      }
    },
  };
}
