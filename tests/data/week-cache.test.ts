import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/build.js';
import { type Cache, noCache, openCache } from '../../src/cache/index.js';
import { type LoadedWeek, parseWeek } from '../../src/data/load.js';
import { validateWeek } from '../../src/data/validate.js';
import { InvalidInputError } from '../../src/errors.js';
import { readWeekFile } from '../../src/inputs/load.js';
import { tempDirs } from '../helpers/temp.js';

const SAMPLE = new URL('../../data/2026-W06.yaml', import.meta.url);
const tempDir = tempDirs('capex-report-weeks-');

/** How the cache's weeks were loaded: parsed (a miss) or taken from it (a hit). */
function loads(cache: Cache): { parsed: number; fromCache: number } {
  const { hits, misses } = cache.stats('weeks');
  return { parsed: misses, fromCache: hits };
}

async function loadWeek(file: string, cache: Cache): Promise<LoadedWeek> {
  return parseWeek(await readWeekFile(file), cache);
}

/** A copy of the sample week (or of `text`) in a temp folder. */
function weekFile(text = readFileSync(SAMPLE, 'utf8')): string {
  const file = path.join(tempDir(), '2026-W06.yaml');
  writeFileSync(file, text);
  return file;
}

describe('parsed weeks kept in the cache', () => {
  it('answers an unchanged text from the cache, with what parsing it gives', async () => {
    const file = weekFile();
    const cacheDir = tempDir();
    const cache = openCache(cacheDir);
    const before = loads(cache);
    const parsed = await loadWeek(file, cache);
    const cached = await loadWeek(file, cache);
    expect(loads(cache)).toEqual({ parsed: before.parsed + 1, fromCache: before.fromCache + 1 });
    expect(cached.data).toEqual(parsed.data);
    expect([...cached.writtenDecimals]).toEqual([...parsed.writtenDecimals]);
    expect(cached.writtenDecimals.size).toBeGreaterThan(0); // the sample writes `2.10`-like figures
    expect(cached.data).not.toBe(parsed.data); // a fresh copy: a later stage cannot change the cache
    expect(validateWeek(cached)).toEqual(validateWeek(parsed));
  });

  it('parses a changed text again', async () => {
    const cacheDir = tempDir();
    const cache = openCache(cacheDir);
    const text = readFileSync(SAMPLE, 'utf8');
    const first = await loadWeek(weekFile(text), cache);
    const changed = text.replace('  edition: 1\n', '  edition: 2\n');
    expect(changed).not.toBe(text);
    const before = loads(cache);
    const second = await loadWeek(weekFile(changed), cache);
    expect(loads(cache).parsed).toBe(before.parsed + 1);
    expect(second.data).not.toEqual(first.data);
  });

  it('locates a data path in a week answered from the cache, as in a parsed one', async () => {
    const file = weekFile();
    const cacheDir = tempDir();
    const cache = openCache(cacheDir);
    const parsed = await loadWeek(file, cache);
    const cached = await loadWeek(file, cache);
    for (const at of [
      ['meta', 'week'],
      ['companies', 1, 'capex'],
      ['nope', 'missing'],
    ]) {
      expect(cached.locate(at)).toEqual(parsed.locate(at));
    }
    expect(parsed.locate(['companies', 1, 'capex'])?.line).toBeGreaterThan(1);
  });

  it('keeps values JSON would lose', async () => {
    const cacheDir = tempDir();
    const cache = openCache(cacheDir);
    const file = weekFile('a: .nan\nb: -0\nc: -.inf\nd: 2.10\n');
    const parsed = await loadWeek(file, cache);
    const before = loads(cache);
    const cached = await loadWeek(file, cache);
    expect(loads(cache).fromCache).toBe(before.fromCache + 1);
    expect(cached.data).toEqual({ a: Number.NaN, b: -0, c: Number.NEGATIVE_INFINITY, d: 2.1 });
    expect(Object.is((cached.data as { b: number }).b, -0)).toBe(true);
    expect([...cached.writtenDecimals]).toEqual([...parsed.writtenDecimals]);
  });

  it('parses again when the kept file is damaged', async () => {
    const file = weekFile();
    const cacheDir = tempDir();
    const cache = openCache(cacheDir);
    const parsed = await loadWeek(file, cache);
    await cache.settle();
    const [entry] = readdirSync(path.join(cacheDir, 'weeks'));
    writeFileSync(path.join(cacheDir, 'weeks', entry as string), 'not V8 data');
    const fresh = openCache(cacheDir); // a new process: nothing in memory
    const before = loads(fresh);
    const again = await loadWeek(file, fresh);
    expect(loads(fresh).parsed).toBe(before.parsed + 1);
    expect(again.data).toEqual(parsed.data);
  });

  it('never uses a kept week that is not whole, even one that still reads back', async () => {
    const file = weekFile();
    const cacheDir = tempDir();
    const cache = openCache(cacheDir);
    const parsed = await loadWeek(file, cache);
    await cache.settle();
    const [entry] = readdirSync(path.join(cacheDir, 'weeks'));
    const kept = path.join(cacheDir, 'weeks', entry as string);
    const whole = readFileSync(kept);
    // One bit of the figures' part of the file (past the checksum line): V8 would still read it.
    const damaged = Buffer.from(whole);
    const at = Math.floor(whole.length * 0.6);
    damaged[at] = (damaged[at] as number) ^ 0x01;
    writeFileSync(kept, damaged);
    const fresh = openCache(cacheDir); // a new process: nothing in memory
    const before = loads(fresh);
    const again = await loadWeek(file, fresh);
    expect(loads(fresh)).toEqual({ parsed: before.parsed + 1, fromCache: before.fromCache });
    expect(again.data).toEqual(parsed.data);
  });

  it('never keeps a text that does not parse', async () => {
    const cacheDir = tempDir();
    const cache = openCache(cacheDir);
    const file = weekFile('a: [1, 2\n');
    await expect(loadWeek(file, cache)).rejects.toThrow(InvalidInputError);
    await expect(loadWeek(file, cache)).rejects.toThrow(InvalidInputError);
    await cache.settle();
    expect(() => readdirSync(path.join(cacheDir, 'weeks'))).toThrow();
  });
});

describe('a build', () => {
  it('keeps the parsed week in its cache, and nothing without one', async () => {
    const cacheDir = tempDir();
    const cache = openCache(cacheDir);
    const dataFile = weekFile();
    const build = (with_: Cache) =>
      buildReport({ dataFile, outDir: tempDir(), htmlOnly: true, cache: with_ });
    await build(cache);
    await cache.settle();
    expect(readdirSync(path.join(cacheDir, 'weeks'))).toHaveLength(1);
    const later = openCache(cacheDir);
    const cached = await build(later);
    expect(loads(later)).toEqual({ parsed: 0, fromCache: 1 });
    const none = noCache();
    const uncached = await build(none);
    expect(loads(none)).toEqual({ parsed: 1, fromCache: 0 });
    expect(uncached.manifest.inputsHash).toBe(cached.manifest.inputsHash);
    expect(uncached.manifest.inputs).toEqual(cached.manifest.inputs);
  });
});
