/**
 * `archive verify`: proves the archive still holds what was archived, both ways.
 *
 *   1. index → blobs: every blob a version refers to exists and re-hashes to its name;
 *   2. each version's manifest (immutable, hashed) against its index rows: fields and files;
 *   3. the chain per week: versions numbered from 1 without gaps, and each manifest's previous
 *      manifest hash is the manifest of the version before (a removed or rewritten version
 *      breaks the next one's link, as in git's history);
 *   4. blobs → index: blobs no version refers to are orphans (left by an interrupted or a
 *      concurrent archive), reported and kept, not problems.
 *
 * Like git, a chain cannot tell on its own that its newest link was dropped whole: that needs a
 * record kept outside the archive (a delivery, an export, a client's copy of the manifest hash).
 */
import type { Problem } from '../errors.js';
import { msg } from '../messages/index.js';
import { HASH_CONCURRENCY, mapLimit } from './hash.js';
import { findVersion } from './lookup.js';
import { parseManifest, type VersionManifest } from './manifest.js';
import { withArchive } from './read.js';
import { selectFiles, selectReferencedBlobs, selectVersions } from './records.js';
import type { Archive } from './root.js';
import type { VersionRecord } from './types.js';
import { checkChains, compareWithManifest } from './verify-manifest.js';

export interface VerifyReport {
  versions: number;
  /** Distinct blobs re-hashed. */
  blobs: number;
  problems: Problem[];
  /** Blobs no version refers to (only when the whole archive is verified). */
  orphans: string[];
}

type BlobState = { ok: true } | { ok: false; problem: ReturnType<typeof msg.archive.blobMissing> };

export async function verifyArchive(root: string, week?: string): Promise<VerifyReport> {
  return withArchive(root, async (archive) => {
    if (week !== undefined) findVersion(archive, week);
    const versions = selectVersions(archive.db, week);
    const uses = blobUses(archive, versions);
    // The blob folders are listed while the blobs are hashed.
    const [states, orphans] = await Promise.all([
      rehashAll(archive, [...uses.keys()]),
      week === undefined ? findOrphans(archive) : [],
    ]);
    const problems = blobProblems(archive, states, uses);
    const manifests = new Map<VersionRecord, VersionManifest | undefined>();
    for (const record of versions) {
      const manifest = await readIntactManifest(archive, record, states, problems);
      manifests.set(record, manifest);
      const rows = selectFiles(archive.db, record.week, record.version);
      if (manifest) problems.push(...compareWithManifest(archive, record, manifest, rows));
    }
    problems.push(...checkChains(archive, manifests));
    return { versions: versions.length, blobs: states.size, problems, orphans };
  });
}

/** Blob → the first place it is used ("2026-W06 v2 report.en.pdf"), for messages. */
function blobUses(archive: Archive, versions: readonly VersionRecord[]): Map<string, string> {
  const uses = new Map<string, string>();
  for (const v of versions) {
    const label = msg.archive.versionLabel(v.week, v.version);
    if (!uses.has(v.manifestSha256)) uses.set(v.manifestSha256, `${label} manifest`);
    for (const f of selectFiles(archive.db, v.week, v.version)) {
      if (!uses.has(f.sha256)) uses.set(f.sha256, `${label} ${f.name}`);
    }
  }
  return uses;
}

async function rehashAll(
  archive: Archive,
  blobs: readonly string[],
): Promise<Map<string, BlobState>> {
  const states = await mapLimit(blobs, HASH_CONCURRENCY, async (sha256): Promise<BlobState> => {
    const actual = await archive.blobs.rehash(sha256);
    if (actual === sha256) return { ok: true };
    return {
      ok: false,
      problem: actual ? msg.archive.blobModified(sha256, actual) : msg.archive.blobMissing(sha256),
    };
  });
  return new Map(blobs.map((sha256, i) => [sha256, states[i] as BlobState]));
}

function blobProblems(
  archive: Archive,
  states: ReadonlyMap<string, BlobState>,
  uses: ReadonlyMap<string, string>,
): Problem[] {
  return [...states].flatMap(([sha256, state]) =>
    state.ok
      ? []
      : [{ file: archive.blobs.where(sha256), path: uses.get(sha256) ?? '', ...state.problem }],
  );
}

/** The version's manifest when its blob is intact and parses; otherwise the problem is noted. */
async function readIntactManifest(
  archive: Archive,
  record: VersionRecord,
  states: ReadonlyMap<string, BlobState>,
  problems: Problem[],
): Promise<VersionManifest | undefined> {
  if (!states.get(record.manifestSha256)?.ok) return undefined; // reported as missing or modified
  try {
    return parseManifest((await archive.blobs.get(record.manifestSha256)) ?? new Uint8Array());
  } catch (error) {
    problems.push({
      file: archive.blobs.where(record.manifestSha256),
      path: `${msg.archive.versionLabel(record.week, record.version)} manifest`,
      ...msg.archive.manifestUnreadable((error as Error).message),
    });
    return undefined;
  }
}

async function findOrphans(archive: Archive): Promise<string[]> {
  const referenced = selectReferencedBlobs(archive.db);
  const orphans: string[] = [];
  for await (const sha256 of archive.blobs.list())
    if (!referenced.has(sha256)) orphans.push(sha256);
  return orphans;
}
