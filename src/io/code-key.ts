/**
 * A hash of the code in some folders, for cache keys: a changed line of the code that made a
 * cached result must not be answered from the cache. Reads the compiled .js files (dist/) or the
 * .ts sources (tests run those), never declaration files.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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
