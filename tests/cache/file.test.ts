import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCheckedCacheFile, writeCheckedCacheFile } from '../../src/cache/file.js';
import { tempDirs } from '../helpers/temp.js';

const dir = tempDirs('capex-report-cachefile-')();

describe('checked cache files', () => {
  it('gives back what was written, text or bytes', async () => {
    const text = path.join(dir, 'text');
    await writeCheckedCacheFile(text, 'AI 資本支出 650');
    expect((await readCheckedCacheFile(text))?.toString('utf8')).toBe('AI 資本支出 650');
    const bytes = path.join(dir, 'bytes');
    await writeCheckedCacheFile(bytes, Uint8Array.from([0, 255, 10, 13]));
    expect([...((await readCheckedCacheFile(bytes)) ?? [])]).toEqual([0, 255, 10, 13]);
  });

  it('treats a file that is not whole as missing: any byte changed, cut short, or no checksum', async () => {
    const file = path.join(dir, 'figure');
    await writeCheckedCacheFile(file, 'capex 200');
    const whole = readFileSync(file);
    for (let at = 0; at < whole.length; at++) {
      const damaged = Buffer.from(whole);
      damaged[at] = (damaged[at] as number) ^ 0x04;
      writeFileSync(file, damaged);
      expect(await readCheckedCacheFile(file), `byte ${at} changed`).toBeUndefined();
    }
    writeFileSync(file, whole.subarray(0, whole.length - 1));
    expect(await readCheckedCacheFile(file)).toBeUndefined();
    writeFileSync(file, 'capex 200');
    expect(await readCheckedCacheFile(file)).toBeUndefined();
    expect(await readCheckedCacheFile(path.join(dir, 'missing'))).toBeUndefined();
  });
});
