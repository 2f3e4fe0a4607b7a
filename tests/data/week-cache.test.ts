import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadStats, loadWeek } from '../../src/data/load.js';
import { validateWeek } from '../../src/data/validate.js';
import { InvalidInputError } from '../../src/errors.js';

const SAMPLE = new URL('../../data/2026-W06.yaml', import.meta.url);
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'capex-report-weeks-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

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
    const before = loadStats();
    const parsed = await loadWeek(file, { cacheDir });
    const cached = await loadWeek(file, { cacheDir });
    expect(loadStats()).toEqual({ parsed: before.parsed + 1, fromCache: before.fromCache + 1 });
    expect(cached.data).toEqual(parsed.data);
    expect([...cached.writtenDecimals]).toEqual([...parsed.writtenDecimals]);
    expect(cached.writtenDecimals.size).toBeGreaterThan(0); // the sample writes `2.10`-like figures
    expect(cached.data).not.toBe(parsed.data); // a fresh copy: a later stage cannot change the cache
    expect(validateWeek(cached)).toEqual(validateWeek(parsed));
  });

  it('parses a changed text again', async () => {
    const cacheDir = tempDir();
    const text = readFileSync(SAMPLE, 'utf8');
    const first = await loadWeek(weekFile(text), { cacheDir });
    const changed = text.replace('  edition: 1\n', '  edition: 2\n');
    expect(changed).not.toBe(text);
    const before = loadStats();
    const second = await loadWeek(weekFile(changed), { cacheDir });
    expect(loadStats().parsed).toBe(before.parsed + 1);
    expect(second.data).not.toEqual(first.data);
  });

  it('locates a data path in a week answered from the cache, as in a parsed one', async () => {
    const file = weekFile();
    const cacheDir = tempDir();
    const parsed = await loadWeek(file, { cacheDir });
    const cached = await loadWeek(file, { cacheDir });
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
    const file = weekFile('a: .nan\nb: -0\nc: -.inf\nd: 2.10\n');
    const parsed = await loadWeek(file, { cacheDir });
    const cached = await loadWeek(file, { cacheDir });
    expect(loadStats().fromCache).toBeGreaterThan(0);
    expect(cached.data).toEqual({ a: Number.NaN, b: -0, c: Number.NEGATIVE_INFINITY, d: 2.1 });
    expect(Object.is((cached.data as { b: number }).b, -0)).toBe(true);
    expect([...cached.writtenDecimals]).toEqual([...parsed.writtenDecimals]);
  });

  it('parses again when the kept file is damaged', async () => {
    const file = weekFile();
    const cacheDir = tempDir();
    const parsed = await loadWeek(file, { cacheDir });
    const [entry] = readdirSync(path.join(cacheDir, 'weeks'));
    writeFileSync(path.join(cacheDir, 'weeks', entry as string), 'not V8 data');
    const before = loadStats();
    const again = await loadWeek(file, { cacheDir });
    expect(loadStats().parsed).toBe(before.parsed + 1);
    expect(again.data).toEqual(parsed.data);
  });

  it('never keeps a text that does not parse', async () => {
    const cacheDir = tempDir();
    const file = weekFile('a: [1, 2\n');
    await expect(loadWeek(file, { cacheDir })).rejects.toThrow(InvalidInputError);
    await expect(loadWeek(file, { cacheDir })).rejects.toThrow(InvalidInputError);
    expect(() => readdirSync(path.join(cacheDir, 'weeks'))).toThrow();
  });
});
