/**
 * SHA-256 of bytes and files. `verify` re-hashes every blob, so files are hashed off the main
 * thread: a file is read and digested in libuv's thread pool (Web Crypto's digest runs there),
 * several at a time, which uses every core where `sha256sum` uses one. A file too big to hold in
 * memory is streamed through one hash instead.
 */
import { createHash, webcrypto } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';

/** Files up to this size are read whole; bigger ones are streamed. */
const WHOLE_FILE_BYTES = 16 * 1024 * 1024;

export function hashBytes(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function hashFile(file: string): Promise<string> {
  const { size } = await stat(file);
  if (size > WHOLE_FILE_BYTES) return hashStream(file);
  const digest = await webcrypto.subtle.digest('SHA-256', await readFile(file));
  return Buffer.from(digest).toString('hex');
}

async function hashStream(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) {
    hash.update(chunk as Buffer);
  }
  return hash.digest('hex');
}

/**
 * How many files to hash at once: libuv's pool has 4 threads unless UV_THREADPOOL_SIZE says
 * otherwise; more jobs than cores would only make them wait for each other.
 */
export function hashConcurrency(): number {
  const pool = Number(process.env.UV_THREADPOOL_SIZE) || 4;
  return Math.max(2, Math.min(pool, availableParallelism() + 1));
}

/** `work` over every item, at most `limit` at a time; results in the items' order. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
