/**
 * The archive root: `archive.db` (the index) and `blobs/` (the files). Archiving starts an archive
 * only in an empty or missing folder; a folder holding other things and no index is refused, so a
 * wrong path never fills someone's folder with blobs. Reading needs an existing index.
 */
import { mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { CapexReportError, InvalidInputError } from '../errors.js';
import { msg } from '../messages/index.js';
import { type BlobStore, openFileBlobStore } from './blobs.js';
import { type Database, openDatabase } from './db.js';
import { migrate } from './schema.js';

export const INDEX_FILE = 'archive.db';
/** Long enough to wait out another process's whole archive transaction. */
const BUSY_TIMEOUT_MS = 30_000;

export interface Archive {
  root: string;
  db: Database;
  blobs: BlobStore;
  close(): void;
}

export interface OpenArchiveOptions {
  /** Start an archive in an empty or missing folder (archiving); reading never creates one. */
  create: boolean;
}

export async function openArchive(root: string, options: OpenArchiveOptions): Promise<Archive> {
  const file = path.join(root, INDEX_FILE);
  const entries = await listFolder(root);
  if (!entries.includes(INDEX_FILE)) {
    if (!options.create)
      refuse(msg.archive.noArchive(root), msg.archive.noArchiveProblem, root, entries);
    if (entries.length > 0) {
      refuse(msg.archive.notAnArchive(root), msg.archive.notAnArchiveProblem, root, entries);
    }
    await mkdir(root, { recursive: true });
  }
  const db = openIndex(file);
  try {
    migrate(db, file);
  } catch (error) {
    db.close();
    throw error;
  }
  return { root, db, blobs: openFileBlobStore(root), close: () => db.close() };
}

function openIndex(file: string): Database {
  try {
    return openDatabase(file, { busyTimeoutMs: BUSY_TIMEOUT_MS });
  } catch (cause) {
    throw new CapexReportError(msg.archive.couldNotOpenIndex(file), { cause });
  }
}

/** The folder's entries; [] for a missing folder. */
async function listFolder(root: string): Promise<string[]> {
  const info = await stat(root).catch(() => undefined);
  if (!info) return [];
  if (!info.isDirectory()) {
    refuse(msg.archive.notAnArchive(root), msg.archive.notAnArchiveProblem, root, null);
  }
  return readdir(root);
}

function refuse(
  summary: string,
  problem: (found: string) => { expected: string; found?: string; hint?: string },
  root: string,
  entries: readonly string[] | null,
): never {
  const found =
    entries === null
      ? 'a file, not a folder'
      : entries.length === 0
        ? 'no archive.db (an empty or missing folder)'
        : `no archive.db, and other files (${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', …' : ''})`;
  throw new InvalidInputError(summary, [{ file: root, path: '', ...problem(found) }]);
}
