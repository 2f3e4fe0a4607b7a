/**
 * The archive of immutable, verifiable versions: the API the CLI and the build use. (rebuild.ts,
 * which runs a whole build, is imported on its own: the rest never loads the pipeline.)
 */
export { type ArchiveOptions, type ArchiveResult, archiveWeek } from './archive.js';
export type { BlobStore } from './blobs.js';
export { builtWeekOf } from './built.js';
export type { Database } from './db.js';
export { diffVersions, type FileChange, type VersionDiff } from './diff.js';
export type { FigureChange, TextChange } from './diff-week.js';
export { EXPORTED_MANIFEST, type ExportResult, exportVersion } from './export.js';
export { readVersionFiles, type StoredFile, type StoredVersion, storedPdf } from './files.js';
export { findVersion, readBlobChecked } from './lookup.js';
export { isWeekFile, type VersionManifest } from './manifest.js';
export { listVersions, showVersion, type VersionDetails, withArchive } from './read.js';
export { selectFiles } from './records.js';
export { type Archive, INDEX_FILE, openArchive } from './root.js';
export { SCHEMA_VERSION } from './schema.js';
export type * from './types.js';
export { type VerifyReport, verifyArchive } from './verify.js';
