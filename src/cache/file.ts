/**
 * Cache files that say whether they are whole. Cache files are written without fsync (see
 * writeCacheFile), and a cache folder may be copied between machines or CI runs: a file that was
 * cut short or damaged but still reads back must never be taken for a good one, as some hold
 * figures (a chart's labels). Each file starts with one line
 * holding the SHA-256 of the rest; a file whose rest does not match is treated as missing.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { tempPathFor } from '../io/atomic.js';

const PREFIX = 'capex-report-cache sha256:';
/** The prefix, 64 hex digits and a newline. */
const HEADER_BYTES = PREFIX.length + 64 + 1;

const digest = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Writes `content` after its checksum line (temp file and rename; never throws). */
export async function writeCheckedCacheFile(
  target: string,
  content: Uint8Array | string,
): Promise<void> {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  await writeCacheFile(target, Buffer.concat([Buffer.from(`${PREFIX}${digest(bytes)}\n`), bytes]));
}

/** The content of a whole cache file, or undefined: missing, unreadable or not whole. */
export async function readCheckedCacheFile(target: string): Promise<Buffer | undefined> {
  let file: Buffer;
  try {
    file = await readFile(target);
  } catch {
    return undefined;
  }
  const header = file.subarray(0, HEADER_BYTES).toString('latin1');
  if (!header.startsWith(PREFIX) || header[HEADER_BYTES - 1] !== '\n') return undefined;
  const content = file.subarray(HEADER_BYTES);
  return digest(content) === header.slice(PREFIX.length, -1) ? content : undefined;
}

/**
 * For caches: the same temp-and-rename (a reader never sees half a file) without the fsyncs,
 * which cost more than the cached work on some disks; losing a cache entry to a power cut is
 * harmless. Never throws: a cache that cannot be written only costs the next build time.
 */
async function writeCacheFile(target: string, bytes: Uint8Array | string): Promise<void> {
  const temp = tempPathFor(target);
  try {
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(temp, bytes);
    await rename(temp, target);
  } catch {
    await rm(temp, { force: true }).catch(() => {});
  }
}
