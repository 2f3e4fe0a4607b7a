/**
 * Archiving a built week as its next version.
 *
 *   check the build → decide (no-op, next version, refused) → store every file as a blob →
 *   store the version's manifest → one immediate transaction: decide again, insert the version
 *
 * A version enters the index only after all its blobs are durably written, in one transaction:
 * a crash at any point leaves the old index (and at worst blobs no version refers to, which
 * `verify` reports as orphans) or the whole new version. The manifest names its version number
 * and the previous manifest, so it is written before the transaction from the latest version
 * read then; the transaction takes the number only if that is still the latest, and otherwise
 * decides again against the new latest (a concurrent archive won the number).
 */

import { CapexReportError } from '../errors.js';
import { pauseForTest } from '../io/test-pause.js';
import { msg } from '../messages/index.js';
import { hashBytes, mapLimit } from './hash.js';
import { archivedFilesOf, buildVersionManifest, serializeManifest } from './manifest.js';
import { insertVersion, selectLatestVersion } from './records.js';
import { type Archive, openArchive } from './root.js';
import { decideVersion, type VersionDecision } from './rules.js';
import type { ArchivedFile, BuiltWeek, VersionRecord } from './types.js';

export interface ArchiveOptions {
  root: string;
  /** The version's time (default: now). */
  now?: Date;
}

export interface ArchiveResult {
  version: number;
  /** False when the same inputs were already archived: `version` is the one holding them. */
  created: boolean;
  manifestSha256: string;
}

/** Blobs written at once: enough to overlap the fsyncs, few enough for any disk. */
const WRITE_CONCURRENCY = 8;
/** A concurrent archive of the same week can take the number at most this often in a row. */
const MAX_ATTEMPTS = 10;

export async function archiveWeek(
  built: BuiltWeek,
  options: ArchiveOptions,
): Promise<ArchiveResult> {
  checkBuild(built);
  const archive = await openArchive(options.root, { create: true });
  try {
    let decision = decideVersion(built, selectLatestVersion(archive.db, built.week));
    if (decision.kind === 'same') return unchangedResult(decision.latest);
    await storeFiles(archive, built);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const record = await storeManifest(archive, built, decision, options.now ?? new Date());
      if (attempt === 1) await pauseForTest('BEFORE_INDEX');
      const outcome = commitVersion(archive, record, decision.latest, archivedFilesOf(built));
      if (outcome === record) {
        return { version: record.version, created: true, manifestSha256: record.manifestSha256 };
      }
      decision = decideVersion(built, outcome); // refuses when the build no longer fits
      if (decision.kind === 'same') return unchangedResult(decision.latest);
    }
    throw new CapexReportError(msg.archive.tooBusy(built.week, MAX_ATTEMPTS));
  } finally {
    archive.close();
  }
}

/**
 * One immediate transaction: the version goes in only if the latest version is still the one its
 * manifest links to. Returns the record when it went in, else the week's latest version now.
 */
function commitVersion(
  archive: Archive,
  record: VersionRecord,
  basedOn: VersionRecord | undefined,
  files: readonly ArchivedFile[],
): VersionRecord | undefined {
  try {
    return archive.db.immediate(() => {
      const latest = selectLatestVersion(archive.db, record.week);
      if (latest?.manifestSha256 !== basedOn?.manifestSha256) return latest;
      insertVersion(archive.db, record, files);
      return record;
    });
  } catch (cause) {
    const label = msg.archive.versionLabel(record.week, record.version);
    throw new CapexReportError(msg.archive.couldNotRecord(label, archive.root), { cause });
  }
}

function unchangedResult(latest: VersionRecord): ArchiveResult {
  return { version: latest.version, created: false, manifestSha256: latest.manifestSha256 };
}

/** A build that names a file twice or whose hashes do not match its bytes is a bug upstream. */
function checkBuild(built: BuiltWeek): void {
  const seen = new Set<string>();
  for (const file of [...built.inputs, ...built.artifacts]) {
    if (seen.has(file.name)) throw new CapexReportError(msg.archive.duplicateFileName(file.name));
    seen.add(file.name);
    if (hashBytes(file.bytes) !== file.sha256) {
      throw new CapexReportError(msg.archive.hashMismatch(file.name));
    }
  }
}

async function storeFiles(archive: Archive, built: BuiltWeek): Promise<void> {
  const unique = new Map<string, Uint8Array>();
  for (const file of [...built.inputs, ...built.artifacts]) unique.set(file.sha256, file.bytes);
  await mapLimit([...unique.values()], WRITE_CONCURRENCY, (bytes) => archive.blobs.put(bytes));
}

async function storeManifest(
  archive: Archive,
  built: BuiltWeek,
  decision: Extract<VersionDecision, { kind: 'next' }>,
  now: Date,
): Promise<VersionRecord> {
  const createdAt = now.toISOString();
  const previousManifestSha256 = decision.latest?.manifestSha256 ?? null;
  const manifest = buildVersionManifest(built, {
    version: decision.version,
    createdAt,
    previousManifestSha256,
  });
  const manifestSha256 = await archive.blobs.put(serializeManifest(manifest));
  return {
    week: built.week,
    version: decision.version,
    edition: built.edition,
    createdAt,
    inputsHash: built.inputsHash,
    manifestSha256,
    previousManifestSha256,
    correction: built.correction ?? null,
    tool: built.versions.tool,
    node: built.versions.node,
    browser: built.versions.browser,
  };
}
