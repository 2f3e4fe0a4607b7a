/**
 * The one module that knows the SQLite library. It is `libsql` (better-sqlite3's synchronous API,
 * with prebuilt binaries) while Node 20 is supported; Node's own `node:sqlite` can replace it
 * behind this interface once Node 20 is dropped.
 */
import Libsql from 'libsql';

export type SqlValue = string | number | bigint | null | Uint8Array;
export type Row = Record<string, unknown>;

export interface Database {
  exec(sql: string): void;
  run(sql: string, ...params: SqlValue[]): { changes: number };
  get<T extends Row>(sql: string, ...params: SqlValue[]): T | undefined;
  all<T extends Row>(sql: string, ...params: SqlValue[]): T[];
  /** Runs `work` in BEGIN IMMEDIATE … COMMIT (rolled back when it throws). */
  immediate<T>(work: () => T): T;
  close(): void;
}

export interface OpenOptions {
  /** How long to wait for another process's write lock (ms). */
  busyTimeoutMs: number;
}

type Statement = Libsql.Statement<SqlValue[]>;

export function openDatabase(file: string, options: OpenOptions): Database {
  const db = new Libsql(file);
  const statements = new Map<string, Statement>();
  const prepare = (sql: string): Statement => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare<SqlValue[]>(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  try {
    // The busy timeout first: switching to WAL waits for a lock too.
    db.exec(`PRAGMA busy_timeout = ${Math.round(options.busyTimeoutMs)}`);
    db.exec('PRAGMA journal_mode = WAL');
    // FULL: a committed version survives a power cut, not only a crash of the process.
    db.exec('PRAGMA synchronous = FULL');
    db.exec('PRAGMA foreign_keys = ON');
  } catch (error) {
    db.close();
    throw error;
  }
  return {
    exec: (sql) => void db.exec(sql),
    run: (sql, ...params) => ({ changes: prepare(sql).run(...params).changes }),
    get: <T extends Row>(sql: string, ...params: SqlValue[]) => {
      const row = prepare(sql).get(...params);
      return row === undefined ? undefined : (withoutMetadata(row) as T);
    },
    all: <T extends Row>(sql: string, ...params: SqlValue[]) =>
      prepare(sql)
        .all(...params)
        .map((row) => withoutMetadata(row) as T),
    immediate: (work) => runImmediate(db, work),
    close: () => {
      statements.clear();
      db.close();
    },
  };
}

function runImmediate<T>(db: Libsql.Database, work: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

/** libsql adds `_metadata` (timings) to each row it returns; no caller wants it. */
function withoutMetadata(row: unknown): Row {
  const { _metadata, ...rest } = row as Row;
  return rest;
}
