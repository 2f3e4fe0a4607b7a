import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FONT_FACES } from '../../src/fonts/files.js';
import { readCheckedCacheFile, writeCheckedCacheFile } from '../../src/io/cache-file.js';
import { FONT_HASHES_FILE, hashFonts } from '../../src/output/manifest.js';
import { tempDirs } from '../helpers/temp.js';

const tempDir = tempDirs('capex-report-fonthash-');

const truth = Object.fromEntries(
  FONT_FACES.map(({ file }) => [
    file,
    createHash('sha256').update(readFileSync(file)).digest('hex'),
  ]),
);
type Stored = Record<string, { stat: string; sha256: string }>;
const stored = async (dir: string) =>
  JSON.parse(
    ((await readCheckedCacheFile(path.join(dir, FONT_HASHES_FILE))) as Buffer).toString('utf8'),
  ) as Stored;

describe('font hashes', () => {
  it('hashes every font file and keeps the hashes in the cache directory', async () => {
    const dir = tempDir();
    expect(await hashFonts(dir)).toEqual(truth);
    const kept = await stored(dir);
    expect(Object.fromEntries(Object.entries(kept).map(([f, e]) => [f, e.sha256]))).toEqual(truth);
  });

  it('answers from the cache while a file’s stat key is unchanged, and hashes again once it is not', async () => {
    const first = tempDir();
    await hashFonts(first);
    const [a, b] = FONT_FACES.map((f) => f.file) as [string, string];
    const kept = await stored(first);
    // Another process (a fresh directory, so not this process's memory) reading a doctored file:
    // an entry whose stat key still matches is trusted, one whose key no longer does is not.
    const doctored: Stored = {
      ...kept,
      [a]: { stat: kept[a]?.stat as string, sha256: 'a'.repeat(64) },
      [b]: { stat: 'another file', sha256: 'b'.repeat(64) },
    };
    const second = tempDir();
    await writeCheckedCacheFile(path.join(second, FONT_HASHES_FILE), JSON.stringify(doctored));
    const hashes = await hashFonts(second);
    expect(hashes[a]).toBe('a'.repeat(64));
    expect(hashes[b]).toBe(truth[b]);
    expect((await stored(second))[b]?.sha256).toBe(truth[b]); // and the store is corrected
  });

  it('hashes everything again when the stored file is damaged or not whole', async () => {
    const whole = tempDir();
    await hashFonts(whole);
    const bytes = readFileSync(path.join(whole, FONT_HASHES_FILE));
    const at = bytes.indexOf('"sha256": "') + 11; // one digit of a kept hash
    bytes[at] = (bytes[at] as number) === 0x30 ? 0x31 : 0x30;
    const notWhole = tempDir();
    writeFileSync(path.join(notWhole, FONT_HASHES_FILE), bytes);
    expect(await hashFonts(notWhole)).toEqual(truth);
    const dir = tempDir();
    writeFileSync(path.join(dir, FONT_HASHES_FILE), '{"not json');
    expect(await hashFonts(dir)).toEqual(truth);
    expect(await stored(dir)).toHaveProperty([FONT_FACES[0]?.file as string, 'sha256']);
  });

  it('hashes every time without a cache directory', async () => {
    expect(await hashFonts()).toEqual(truth);
  });

  it('hashes a changed file again, and never stores the hash of a file changed just now', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'font.ttf');
    copyFileSync(FONT_FACES[0]?.file as string, file);
    const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
    const store = tempDir();
    expect(await hashFonts(store, [file])).toEqual({ [file]: sha(file) });
    expect(await stored(store)).not.toHaveProperty([file]); // written less than a second ago
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const later = tempDir(); // a fresh directory: not this process's memory
    await hashFonts(later, [file]);
    expect(await stored(later)).toHaveProperty([file, 'sha256'], sha(file));
    // The same size, one byte changed: its change time moves, so it is hashed again.
    const bytes = readFileSync(file);
    bytes[bytes.length - 1] = (bytes.at(-1) ?? 0) ^ 0xff;
    writeFileSync(file, bytes);
    const copyOfStore = tempDir();
    copyFileSync(path.join(later, FONT_HASHES_FILE), path.join(copyOfStore, FONT_HASHES_FILE));
    expect(await hashFonts(copyOfStore, [file])).toEqual({ [file]: sha(file) });
  });
});
