import { createHash } from 'node:crypto';
import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { openFileBlobStore } from '../../src/archive/blobs.js';
import { hashFile } from '../../src/archive/hash.js';
import { tempDirs } from '../helpers/temp.js';

const newDir = tempDirs('capex-report-blobs-');
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const bytesOf = (text: string) => new TextEncoder().encode(text);

async function collect(iterable: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe('the file-system blob store', () => {
  test('stores bytes under their SHA-256, read-only, and reads them back', async () => {
    const root = newDir();
    const store = openFileBlobStore(root);
    const bytes = bytesOf('%PDF-1.7 a report');
    const name = await store.put(bytes);
    expect(name).toBe(sha256(bytes));
    const file = path.join(root, 'blobs', name.slice(0, 2), name.slice(2));
    expect(readFileSync(file)).toEqual(Buffer.from(bytes));
    expect(statSync(file).mode & 0o777).toBe(0o444);
    expect(await store.get(name)).toEqual(bytes);
    expect(await store.has(name)).toBe(true);
    expect(await store.rehash(name)).toBe(name);
    expect(store.where(name)).toBe(file);
  });

  test('the same bytes are stored once, and no temp file is left', async () => {
    const root = newDir();
    const store = openFileBlobStore(root);
    const bytes = bytesOf('the same chart');
    const [a, b] = await Promise.all([store.put(bytes), store.put(bytes)]);
    const again = await store.put(bytes);
    expect(new Set([a, b, again]).size).toBe(1);
    expect(readdirSync(path.join(root, 'blobs', a.slice(0, 2)))).toEqual([a.slice(2)]);
    expect(await collect(store.list())).toEqual([a]);
  });

  test('an existing blob is never rewritten; rehash tells its content changed', async () => {
    const root = newDir();
    const store = openFileBlobStore(root);
    const bytes = bytesOf('original');
    const name = await store.put(bytes);
    const file = store.where(name);
    chmodSync(file, 0o644);
    writeFileSync(file, 'tampered');
    expect(await store.put(bytes)).toBe(name);
    expect(readFileSync(file, 'utf8')).toBe('tampered');
    expect(await store.rehash(name)).toBe(sha256(bytesOf('tampered')));
  });

  test('a missing blob is undefined, not an error; list skips stray files', async () => {
    const root = newDir();
    const store = openFileBlobStore(root);
    const missing = sha256(bytesOf('never stored'));
    expect(await store.get(missing)).toBeUndefined();
    expect(await store.has(missing)).toBe(false);
    expect(await store.rehash(missing)).toBeUndefined();
    expect(await collect(store.list())).toEqual([]);
    const name = await store.put(bytesOf('kept'));
    writeFileSync(path.join(path.dirname(store.where(name)), '.half-written.tmp'), 'x');
    expect(await collect(store.list())).toEqual([name]);
  });
});

describe('hashFile', () => {
  test('hashes files bigger than one read, and of exactly a multiple of it, as sha256 does', async () => {
    const dir = newDir();
    for (const size of [0, 1, 2 * 1024 * 1024, 4 * 1024 * 1024, 5 * 1024 * 1024 + 7]) {
      const bytes = new Uint8Array(size).map((_, i) => (i * 31 + size) % 251);
      const file = path.join(dir, `f${size}`);
      writeFileSync(file, bytes);
      expect(await hashFile(file), `${size} bytes`).toBe(sha256(bytes));
    }
  });
});
