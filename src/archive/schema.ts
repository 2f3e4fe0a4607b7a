/**
 * The index's schema, versioned by `PRAGMA user_version`: MIGRATIONS[i] takes a database from
 * schema i to i + 1, inside one immediate transaction with the version bump, so two processes
 * opening a new archive at once migrate it once. A database of a newer schema than this code
 * knows is refused, never read half-understood.
 *
 * Tables (times are ISO 8601 UTC texts, hashes lower-case hex SHA-256):
 *
 * weeks      week (PK, '2026-W06'), created_at (first archived).
 * versions   (week, number) PK, number from 1 per week without gaps; edition (meta.edition);
 *            created_at; inputs_hash (the build's hash over all inputs, the tool and the browser:
 *            the same inputs again are a no-op); manifest_sha256 (the version manifest's blob);
 *            previous_manifest_sha256 (v(n-1)'s manifest_sha256, NULL for v1: the chain);
 *            correction_zh / correction_en (the correction note, NULL for an original);
 *            tool_version, node_version, browser_version (NULL: printed without a browser).
 * files      (week, version, name) PK; role 'input' | 'output'; sha256 (the blob); bytes;
 *            media_type; locale ('zh-TW' | 'en', NULL for a file of both languages).
 * deliveries One row per (client_id, week, version): the e-mail issue's log of who was sent what.
 *            client_id (the client list's id); address (where it went, as sent); language
 *            ('zh-TW' | 'en' | 'both'); message_id (stable per client and version, reused by a
 *            resend so mail clients fold a duplicate); state: 'pending' (chosen, nothing sent),
 *            'sending' (written before the message goes out), 'sent' (the server accepted it),
 *            'failed' (refused for good, or retries exhausted), 'unknown' (the answer was lost
 *            after the data went out: not resent unless asked); attempts; last_reply_code and
 *            last_reply (the server's last answer, e.g. 250 / '250 2.0.0 OK queued'); created_at,
 *            updated_at, sent_at (when the server accepted it).
 * locks      Leases that keep two processes from doing the same job at once (e.g. name
 *            'send:2026-W06'): owner (host:pid:random), acquired_at, expires_at. A process takes or
 *            renews a lease in an immediate transaction when it is free or expired, renews it
 *            while working, and deletes it when done; a killed owner's lease simply expires.
 */
import { EnvironmentError } from '../errors.js';
import { msg } from '../messages/index.js';
import type { Database } from './db.js';

const SCHEMA_1 = `
CREATE TABLE weeks (
  week TEXT PRIMARY KEY CHECK (week GLOB '[0-9][0-9][0-9][0-9]-W[0-5][0-9]'),
  created_at TEXT NOT NULL
) STRICT;
CREATE TABLE versions (
  week TEXT NOT NULL REFERENCES weeks (week),
  number INTEGER NOT NULL CHECK (number >= 1),
  edition INTEGER NOT NULL CHECK (edition >= 1),
  created_at TEXT NOT NULL,
  inputs_hash TEXT NOT NULL,
  manifest_sha256 TEXT NOT NULL,
  previous_manifest_sha256 TEXT,
  correction_zh TEXT,
  correction_en TEXT,
  tool_version TEXT NOT NULL,
  node_version TEXT NOT NULL,
  browser_version TEXT,
  PRIMARY KEY (week, number),
  CHECK ((correction_zh IS NULL) = (correction_en IS NULL))
) STRICT;
CREATE TABLE files (
  week TEXT NOT NULL,
  version INTEGER NOT NULL,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('input', 'output')),
  sha256 TEXT NOT NULL,
  bytes INTEGER NOT NULL CHECK (bytes >= 0),
  media_type TEXT NOT NULL,
  locale TEXT CHECK (locale IN ('zh-TW', 'en')),
  PRIMARY KEY (week, version, name),
  FOREIGN KEY (week, version) REFERENCES versions (week, number)
) STRICT;
CREATE INDEX files_by_sha256 ON files (sha256);
CREATE TABLE deliveries (
  client_id TEXT NOT NULL,
  week TEXT NOT NULL,
  version INTEGER NOT NULL,
  address TEXT NOT NULL,
  language TEXT NOT NULL CHECK (language IN ('zh-TW', 'en', 'both')),
  message_id TEXT NOT NULL UNIQUE,
  state TEXT NOT NULL DEFAULT 'pending'
    CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'unknown')),
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  last_reply_code INTEGER,
  last_reply TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  sent_at TEXT,
  PRIMARY KEY (client_id, week, version),
  FOREIGN KEY (week, version) REFERENCES versions (week, number)
) STRICT;
CREATE INDEX deliveries_by_version ON deliveries (week, version, state);
CREATE TABLE locks (
  name TEXT PRIMARY KEY,
  owner TEXT NOT NULL,
  acquired_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
) STRICT;
`;

/** MIGRATIONS[i]: schema i → i + 1. Append only; never edit a released one. */
export const MIGRATIONS: readonly ((db: Database) => void)[] = [(db) => db.exec(SCHEMA_1)];
export const SCHEMA_VERSION = MIGRATIONS.length;

function schemaVersionOf(db: Database): number {
  return Number(db.get<{ user_version: number }>('PRAGMA user_version')?.user_version ?? 0);
}

/** Brings the index to SCHEMA_VERSION, or refuses one newer than this code. */
export function migrate(db: Database, file: string): void {
  const refuseNewer = (found: number) => {
    if (found > SCHEMA_VERSION) {
      throw new EnvironmentError(msg.archive.newerSchema(file, found, SCHEMA_VERSION));
    }
  };
  const current = schemaVersionOf(db);
  refuseNewer(current);
  if (current === SCHEMA_VERSION) return;
  db.immediate(() => {
    const locked = schemaVersionOf(db); // another process may have migrated meanwhile
    refuseNewer(locked);
    for (let v = locked; v < SCHEMA_VERSION; v++) MIGRATIONS[v]?.(db);
    db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`);
  });
}
