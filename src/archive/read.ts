/** Reading the archive: its versions, and one version's files and manifest. */
import { IntegrityError } from '../errors.js';
import { msg } from '../messages/index.js';
import { findVersion, readBlobChecked } from './lookup.js';
import { parseManifest, type VersionManifest } from './manifest.js';
import { selectFiles, selectVersions } from './records.js';
import { type Archive, openArchive } from './root.js';
import type { ArchivedFile, VersionRecord } from './types.js';

export interface VersionDetails {
  record: VersionRecord;
  files: ArchivedFile[];
  manifest: VersionManifest;
}

/** Every version, by week then number; with `week`, that week's (refused when not archived). */
export async function listVersions(root: string, week?: string): Promise<VersionRecord[]> {
  return withArchive(root, async (archive) => {
    if (week !== undefined) findVersion(archive, week);
    return selectVersions(archive.db, week);
  });
}

/** One version (default: the week's latest): its record, files and manifest. */
export async function showVersion(
  root: string,
  week: string,
  version?: number,
): Promise<VersionDetails> {
  return withArchive(root, async (archive) => {
    const record = findVersion(archive, week, version);
    const manifest = await readManifest(archive, record);
    return { record, files: selectFiles(archive.db, week, record.version), manifest };
  });
}

export async function readManifest(
  archive: Archive,
  record: VersionRecord,
): Promise<VersionManifest> {
  const name = `${record.week} v${record.version} manifest`;
  const bytes = await readBlobChecked(archive, record.manifestSha256, name);
  try {
    return parseManifest(bytes);
  } catch (error) {
    throw new IntegrityError(msg.archive.damagedBlob(name, record.manifestSha256), [
      {
        file: archive.blobs.where(record.manifestSha256),
        path: name,
        ...msg.archive.manifestUnreadable(String((error as Error).message)),
      },
    ]);
  }
}

/** Opens the archive for reading, runs `work`, closes it. */
export async function withArchive<T>(
  root: string,
  work: (archive: Archive) => Promise<T>,
): Promise<T> {
  const archive = await openArchive(root, { create: false });
  try {
    return await work(archive);
  } finally {
    archive.close();
  }
}
