import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { openDatabase } from '../../src/archive/db.js';
import { listVersions } from '../../src/archive/read.js';
import { openArchive } from '../../src/archive/root.js';
import { SCHEMA_VERSION } from '../../src/archive/schema.js';
import { EnvironmentError, InvalidInputError } from '../../src/errors.js';
import { msg } from '../../src/messages/index.js';
import { tempDirs } from '../helpers/temp.js';

const newDir = tempDirs('capex-report-archive-db-');

describe('the archive root', () => {
  test('a missing or empty folder becomes an archive', async () => {
    for (const root of [path.join(newDir(), 'archive'), newDir()]) {
      const archive = await openArchive(root, { create: true });
      archive.close();
      expect(existsSync(path.join(root, 'archive.db'))).toBe(true);
    }
  });

  test('a folder with other files and no archive.db is refused, and nothing is written in it', async () => {
    const root = newDir();
    writeFileSync(path.join(root, 'notes.txt'), 'mine');
    mkdirSync(path.join(root, 'photos'));
    const error = await openArchive(root, { create: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as Error).message).toContain(msg.archive.notAnArchive(root));
    expect((error as Error).message).toContain(msg.archive.notAnArchiveProblem('x').expected);
    expect(readdirSync(root).sort()).toEqual(['notes.txt', 'photos']);
  });

  test('reading never creates an archive', async () => {
    const root = path.join(newDir(), 'none');
    const error = await listVersions(root).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as Error).message).toContain(msg.archive.noArchive(root));
    expect(existsSync(root)).toBe(false);
  });
});

describe('the index', () => {
  test('is a WAL database of the current schema with foreign keys enforced', async () => {
    const root = newDir();
    const archive = await openArchive(root, { create: true });
    try {
      expect(archive.db.get('PRAGMA user_version')).toEqual({ user_version: SCHEMA_VERSION });
      expect(archive.db.get('PRAGMA journal_mode')).toEqual({ journal_mode: 'wal' });
      const tables = archive.db.all<{ name: string }>(
        "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name",
      );
      expect(tables.map((t) => t.name)).toEqual([
        'deliveries',
        'files',
        'locks',
        'versions',
        'weeks',
      ]);
      // A delivery of a version that does not exist is refused by the database itself.
      expect(() =>
        archive.db.run(
          `INSERT INTO deliveries (client_id, week, version, address, language, message_id,
             created_at, updated_at) VALUES ('c1', '2026-W06', 1, 'a@example.com', 'en', 'm1', 't', 't')`,
        ),
      ).toThrow(/FOREIGN KEY/);
    } finally {
      archive.close();
    }
  });

  test('opening it again migrates nothing and keeps its rows', async () => {
    const root = newDir();
    const first = await openArchive(root, { create: true });
    first.db.run("INSERT INTO locks VALUES ('send:2026-W06', 'me', 't0', 't1')");
    first.close();
    const second = await openArchive(root, { create: false });
    expect(second.db.all('SELECT * FROM locks')).toEqual([
      { name: 'send:2026-W06', owner: 'me', acquired_at: 't0', expires_at: 't1' },
    ]);
    second.close();
  });

  test('a database of a newer schema is refused (exit 3) and left as it is', async () => {
    const root = newDir();
    (await openArchive(root, { create: true })).close();
    const file = path.join(root, 'archive.db');
    // Through the adapter, which opens without migrating: as a newer capex-report left it.
    const newer = openDatabase(file, { busyTimeoutMs: 1000 });
    newer.exec(`PRAGMA user_version = ${SCHEMA_VERSION + 1}`);
    newer.close();
    const error = await listVersions(root).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EnvironmentError);
    expect((error as EnvironmentError).exitCode).toBe(3);
    expect((error as Error).message).toBe(
      msg.archive.newerSchema(file, SCHEMA_VERSION + 1, SCHEMA_VERSION),
    );
    const check = openDatabase(file, { busyTimeoutMs: 1000 });
    expect(check.get('PRAGMA user_version')).toEqual({ user_version: SCHEMA_VERSION + 1 });
    check.close();
  });
});
