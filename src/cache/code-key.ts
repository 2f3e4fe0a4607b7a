/**
 * Cache keys. A key is a hash of everything that decides a cached result; `codeKey` hashes the
 * code in some folders, so that a changed line of the code that made a result is never answered
 * from the cache. It reads the compiled .js files (dist/) or the .ts sources (tests run those),
 * never declaration files.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The SHA-256 (hex) of the parts, in order; strings and buffers as they are, others as JSON. */
export function cacheKey(...parts: readonly unknown[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    if (typeof part === 'string') hash.update(part);
    else if (part instanceof Uint8Array) hash.update(part);
    else hash.update(JSON.stringify(part) ?? 'undefined');
    hash.update('\u0000');
  }
  return hash.digest('hex');
}

export function codeKey(folders: readonly URL[]): string {
  const hash = createHash('sha256');
  for (const url of folders) {
    const folder = fileURLToPath(url);
    for (const name of readdirSync(folder, { recursive: true }).map(String).sort()) {
      if (/\.(js|ts)$/.test(name) && !name.endsWith('.d.ts')) {
        hash.update(name).update(readFileSync(path.join(folder, name)));
      }
    }
  }
  return hash.digest('hex');
}
