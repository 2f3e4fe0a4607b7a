import { chmod, link, mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { WriteError } from '../errors.js';
import { syncFolder, writeSyncedTemp } from '../io/atomic.js';
import { msg } from '../messages/index.js';
import { hashBytes, hashFile } from './hash.js';

export interface BlobStore {
  /** Stores the bytes durably (once) and returns their SHA-256. */
  put(bytes: Uint8Array): Promise<string>;
  get(sha256: string): Promise<Uint8Array | undefined>;
  has(sha256: string): Promise<boolean>;
  /** Every stored blob's name. */
  list(): AsyncIterable<string>;
  /** The SHA-256 of the stored bytes, computed again (undefined when missing): for `verify`. */
  rehash(sha256: string): Promise<string | undefined>;
  /** Where the blob is (a path, a URL), for messages. */
  where(sha256: string): string;
}

const SHA256 = /^[0-9a-f]{64}$/;

export function isSha256(text: string): boolean {
  return SHA256.test(text);
}

/** `<root>/blobs/ab/cdef…`: 256 folders keep every folder small. */
export function openFileBlobStore(root: string): BlobStore {
  const dir = path.join(root, 'blobs');
  const fileOf = (sha256: string) => {
    if (!isSha256(sha256)) throw new TypeError(`Not a SHA-256: ${sha256}`);
    return path.join(dir, sha256.slice(0, 2), sha256.slice(2));
  };
  return {
    async put(bytes) {
      const sha256 = hashBytes(bytes);
      const file = fileOf(sha256);
      if (!(await exists(file))) await writeBlob(file, bytes);
      return sha256;
    },
    async get(sha256) {
      return readFile(fileOf(sha256)).then(
        (b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength),
        orUndefined,
      );
    },
    has: (sha256) => exists(fileOf(sha256)),
    list: () => listBlobs(dir),
    rehash: (sha256) => hashFile(fileOf(sha256)).catch(orUndefined),
    where: fileOf,
  };
}

function orUndefined(error: unknown): undefined {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
  throw error;
}

async function exists(file: string): Promise<boolean> {
  return stat(file)
    .then(() => true, orUndefined)
    .then(Boolean);
}

/**
 * Temp name in the blob's own folder, write, fsync, then a hard link to the final name: unlike a
 * rename, a link never replaces a blob another process wrote meanwhile. Then the folder is
 * synced, so the name survives a power cut before the index ever points at it.
 */
async function writeBlob(file: string, bytes: Uint8Array): Promise<void> {
  const folder = path.dirname(file);
  await ensureFolder(folder);
  let temp: string | undefined;
  try {
    temp = await writeSyncedTemp(file, bytes, 0o444);
    await chmod(temp, 0o444); // whatever the umask left
    await placeBlob(temp, file);
    await syncFolder(folder);
  } catch (cause) {
    throw new WriteError(msg.archive.couldNotStore(file), { cause });
  } finally {
    if (temp) await rm(temp, { force: true });
  }
}

async function placeBlob(temp: string, file: string): Promise<void> {
  try {
    await link(temp, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return; // the same bytes, stored by another process
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
    await rename(temp, file); // a file system without hard links
  }
}

/** Creates the folder (and `blobs/`) if needed, syncing each parent whose entries changed. */
async function ensureFolder(folder: string): Promise<void> {
  if (await exists(folder)) return;
  const parent = path.dirname(folder);
  await ensureFolder(parent);
  await mkdir(folder, { recursive: true });
  await syncFolder(parent);
}

async function* listBlobs(dir: string): AsyncIterable<string> {
  const prefixes = await readdir(dir).catch((error: unknown) => orUndefined(error) ?? []);
  for (const prefix of prefixes.sort()) {
    if (!/^[0-9a-f]{2}$/.test(prefix)) continue;
    const names = await readdir(path.join(dir, prefix)).catch(() => [] as string[]);
    for (const name of names.sort()) {
      if (isSha256(prefix + name)) yield prefix + name; // temp files of a killed write are skipped
    }
  }
}
