/** A version's files with their bytes, each checked against its hash (rebuild, e-mail). */
import type { Locale } from '../data/schema.js';
import { findVersion, readBlobChecked } from './lookup.js';
import { withArchive } from './read.js';
import { selectFiles } from './records.js';
import type { ArchivedFile, VersionRecord } from './types.js';

/** An archived file with its content (`bytes` in ArchivedFile is its size). */
export interface StoredFile extends Omit<ArchivedFile, 'bytes'> {
  size: number;
  bytes: Uint8Array;
}

export interface StoredVersion {
  record: VersionRecord;
  inputs: StoredFile[];
  outputs: StoredFile[];
}

/** Every file of a version (default: the week's latest), read and checked. */
export async function readVersionFiles(
  root: string,
  week: string,
  version?: number,
): Promise<StoredVersion> {
  return withArchive(root, async (archive) => {
    const record = findVersion(archive, week, version);
    const files: StoredFile[] = [];
    for (const file of selectFiles(archive.db, week, record.version)) {
      const what = `${week} v${record.version} ${file.name}`;
      const bytes = await readBlobChecked(archive, file.sha256, what);
      files.push({ ...file, size: file.bytes, bytes });
    }
    return {
      record,
      inputs: files.filter((f) => f.role === 'input'),
      outputs: files.filter((f) => f.role === 'output'),
    };
  });
}

/** The version's PDF in one language. */
export function storedPdf(version: StoredVersion, locale: Locale): StoredFile | undefined {
  return version.outputs.find((f) => f.name === `report.${locale}.pdf`);
}
