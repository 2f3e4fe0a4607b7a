/** Finding a week's version in the index and reading its blobs, checked against their names. */
import { IntegrityError, InvalidInputError } from '../errors.js';
import { msg } from '../messages/index.js';
import { hashBytes } from './hash.js';
import { selectLatestVersion, selectVersion, selectWeeks } from './records.js';
import type { Archive } from './root.js';
import type { VersionRecord } from './types.js';

/** The week's version (default: its latest); a week not archived or a missing version is refused. */
export function findVersion(archive: Archive, week: string, version?: number): VersionRecord {
  const latest = selectLatestVersion(archive.db, week);
  if (!latest) {
    throw new InvalidInputError(msg.archive.weekNotArchived(week, archive.root), [
      {
        file: archive.root,
        path: week,
        ...msg.archive.weekNotArchivedProblem(selectWeeks(archive.db)),
      },
    ]);
  }
  if (version === undefined) return latest;
  const record = selectVersion(archive.db, week, version);
  if (!record) {
    throw new InvalidInputError(msg.archive.noSuchVersion(week, version), [
      {
        file: archive.root,
        path: `${week} v${version}`,
        ...msg.archive.noSuchVersionProblem(latest.version),
      },
    ]);
  }
  return record;
}

/** A blob's bytes, refused unless they still hash to its name. */
export async function readBlobChecked(
  archive: Archive,
  sha256: string,
  name: string,
): Promise<Uint8Array> {
  const bytes = await archive.blobs.get(sha256);
  const actual = bytes && hashBytes(bytes);
  if (bytes && actual === sha256) return bytes;
  const problem = actual
    ? msg.archive.blobModified(sha256, actual)
    : msg.archive.blobMissing(sha256);
  throw new IntegrityError(msg.archive.damagedBlob(name, sha256), [
    { file: archive.blobs.where(sha256), path: name, ...problem },
  ]);
}
