/**
 * The one cache of the pipeline: work kept between builds, by content. A stage that keeps
 * something takes a Cache as an optional dependency and asks it by (kind, key); the key is a hash
 * of everything that decides the result (the input, the code that makes it, the engine versions),
 * so an answer from the cache is always the answer the stage would compute.
 *
 * Two layers: a bounded memory of the entries last read or written (a long-lived process, such as
 * the preview server or a batch, skips even the disk), and checksummed files under `dir` (a file
 * that is cut short or damaged is a miss, see file.ts). Each kind counts its hits, misses and
 * writes, for tests and for the bench. Which stages keep what, and what each earns, is listed in
 * bench/README.md ("Speed mechanisms").
 */
import path from 'node:path';
import { BoundedMap } from './bounded-map.js';
import { readCheckedCacheFile, writeCheckedCacheFile } from './file.js';

export { cacheKey, codeKey } from './code-key.js';

/** What the stages keep: rendered chart SVGs and font subsets. */
export type CacheKind = 'charts' | 'fonts';

export interface CacheStats {
  hits: number;
  misses: number;
  writes: number;
}

export interface Cache {
  /** The folder of the disk layer; undefined for a cache that keeps nothing. */
  readonly dir: string | undefined;
  /** The bytes kept under (kind, key), whole, or undefined. */
  read(kind: CacheKind, key: string): Promise<Buffer | undefined>;
  /** Keeps `bytes` under (kind, key). Never throws: a cache that cannot be written costs time. */
  write(kind: CacheKind, key: string, bytes: Uint8Array | string): void;
  /** Resolves once every write started so far has reached the disk layer. */
  settle(): Promise<void>;
  /** Counts since the cache was opened. */
  stats(kind: CacheKind): CacheStats;
}

/** Entries kept in memory: a few weeks of both languages (a font CSS entry is ~1 MB). */
const MEMORY_ENTRIES = 64;

/** A cache whose disk layer is `dir` (created on first write). */
export function openCache(dir: string): Cache {
  return new LayeredCache(dir);
}

/** A cache that keeps nothing (`--no-cache`): every read misses, every write is dropped. */
export function noCache(): Cache {
  return new LayeredCache(undefined);
}

class LayeredCache implements Cache {
  readonly dir: string | undefined;
  private readonly memory = new BoundedMap<string, Buffer>(MEMORY_ENTRIES);
  private readonly counts = new Map<CacheKind, CacheStats>();
  private readonly pending = new Set<Promise<void>>();

  constructor(dir: string | undefined) {
    this.dir = dir;
  }

  async read(kind: CacheKind, key: string): Promise<Buffer | undefined> {
    const id = `${kind}/${key}`;
    let bytes = this.memory.get(id);
    if (!bytes && this.dir) {
      bytes = await readCheckedCacheFile(this.file(kind, key));
      if (bytes) this.memory.set(id, bytes);
    }
    this.count(kind)[bytes ? 'hits' : 'misses'] += 1;
    return bytes;
  }

  write(kind: CacheKind, key: string, content: Uint8Array | string): void {
    if (!this.dir) return;
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
    this.memory.set(`${kind}/${key}`, bytes);
    this.count(kind).writes += 1;
    const writing = writeCheckedCacheFile(this.file(kind, key), bytes);
    this.pending.add(writing);
    void writing.finally(() => this.pending.delete(writing));
  }

  async settle(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  stats(kind: CacheKind): CacheStats {
    return { ...this.count(kind) };
  }

  private file(kind: CacheKind, key: string): string {
    return path.join(this.dir ?? '', kind, key);
  }

  private count(kind: CacheKind): CacheStats {
    let stats = this.counts.get(kind);
    if (!stats) {
      stats = { hits: 0, misses: 0, writes: 0 };
      this.counts.set(kind, stats);
    }
    return stats;
  }
}
