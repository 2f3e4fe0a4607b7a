/** Rows of the index ↔ the archive's records: every SQL the archive runs on versions and files. */
import type { Locale } from '../data/schema.js';
import type { Database } from './db.js';
import type { ArchivedFile, FileRole, VersionRecord } from './types.js';

interface VersionRow extends Record<string, unknown> {
  week: string;
  number: number;
  edition: number;
  created_at: string;
  inputs_hash: string;
  manifest_sha256: string;
  previous_manifest_sha256: string | null;
  correction_zh: string | null;
  correction_en: string | null;
  tool_version: string;
  node_version: string;
  browser_version: string | null;
}

interface FileRow extends Record<string, unknown> {
  name: string;
  role: FileRole;
  sha256: string;
  bytes: number;
  media_type: string;
  locale: Locale | null;
}

function toVersion(row: VersionRow): VersionRecord {
  return {
    week: row.week,
    version: row.number,
    edition: row.edition,
    createdAt: row.created_at,
    inputsHash: row.inputs_hash,
    manifestSha256: row.manifest_sha256,
    previousManifestSha256: row.previous_manifest_sha256,
    correction:
      row.correction_zh === null || row.correction_en === null
        ? null
        : { 'zh-TW': row.correction_zh, en: row.correction_en },
    tool: row.tool_version,
    node: row.node_version,
    browser: row.browser_version,
  };
}

function toFile(row: FileRow): ArchivedFile {
  const file: ArchivedFile = {
    name: row.name,
    role: row.role,
    sha256: row.sha256,
    bytes: row.bytes,
    mediaType: row.media_type,
  };
  if (row.locale) file.locale = row.locale;
  return file;
}

export function selectWeeks(db: Database): string[] {
  return db.all<{ week: string }>('SELECT week FROM weeks ORDER BY week').map((r) => r.week);
}

/** Versions by week, then number; one week's or all. */
export function selectVersions(db: Database, week?: string): VersionRecord[] {
  const rows =
    week === undefined
      ? db.all<VersionRow>('SELECT * FROM versions ORDER BY week, number')
      : db.all<VersionRow>('SELECT * FROM versions WHERE week = ? ORDER BY number', week);
  return rows.map(toVersion);
}

export function selectLatestVersion(db: Database, week: string): VersionRecord | undefined {
  const row = db.get<VersionRow>(
    'SELECT * FROM versions WHERE week = ? ORDER BY number DESC LIMIT 1',
    week,
  );
  return row && toVersion(row);
}

export function selectVersion(
  db: Database,
  week: string,
  version: number,
): VersionRecord | undefined {
  const row = db.get<VersionRow>(
    'SELECT * FROM versions WHERE week = ? AND number = ?',
    week,
    version,
  );
  return row && toVersion(row);
}

/** A version's files: inputs, then outputs, each by name (the manifest's order). */
export function selectFiles(db: Database, week: string, version: number): ArchivedFile[] {
  return db
    .all<FileRow>(
      `SELECT name, role, sha256, bytes, media_type, locale FROM files
       WHERE week = ? AND version = ? ORDER BY role, name`,
      week,
      version,
    )
    .map(toFile);
}

/** Every blob the index refers to: the files' and the manifests'. */
export function selectReferencedBlobs(db: Database): Set<string> {
  const rows = db.all<{ sha256: string }>(
    'SELECT sha256 FROM files UNION SELECT manifest_sha256 FROM versions',
  );
  return new Set(rows.map((r) => r.sha256));
}

/** Inserts one version and its files; call inside an immediate transaction. */
export function insertVersion(
  db: Database,
  v: VersionRecord,
  files: readonly ArchivedFile[],
): void {
  db.run('INSERT OR IGNORE INTO weeks (week, created_at) VALUES (?, ?)', v.week, v.createdAt);
  db.run(
    `INSERT INTO versions (week, number, edition, created_at, inputs_hash, manifest_sha256,
       previous_manifest_sha256, correction_zh, correction_en, tool_version, node_version,
       browser_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    v.week,
    v.version,
    v.edition,
    v.createdAt,
    v.inputsHash,
    v.manifestSha256,
    v.previousManifestSha256,
    v.correction?.['zh-TW'] ?? null,
    v.correction?.en ?? null,
    v.tool,
    v.node,
    v.browser,
  );
  for (const f of files) {
    db.run(
      `INSERT INTO files (week, version, name, role, sha256, bytes, media_type, locale)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      v.week,
      v.version,
      f.name,
      f.role,
      f.sha256,
      f.bytes,
      f.mediaType,
      f.locale ?? null,
    );
  }
}
