import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempPathFor, WriteError, writeFileAtomic } from '../../src/io/atomic.js';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'capex-report-atomic-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Runs `write` with this process's file size limit at `bytes`, as a full disk would behave
 * mid-write. SIGXFSZ is ignored meanwhile, so the write fails with EFBIG instead of killing us.
 */
async function withFileSizeLimit(bytes: number, write: () => Promise<void>): Promise<void> {
  const ignore = () => {};
  process.on('SIGXFSZ', ignore);
  execFileSync('prlimit', ['--pid', String(process.pid), `--fsize=${bytes}:`]);
  try {
    await write();
  } finally {
    execFileSync('prlimit', ['--pid', String(process.pid), '--fsize=unlimited:']);
    process.off('SIGXFSZ', ignore);
  }
}

describe('writeFileAtomic', () => {
  it('writes the bytes and leaves no temp file', async () => {
    const target = path.join(dir, 'report.pdf');
    await writeFileAtomic(target, new Uint8Array([37, 80, 68, 70]));
    expect(readFileSync(target, 'latin1')).toBe('%PDF');
    expect(readdirSync(dir)).toEqual(['report.pdf']);
  });

  it('replaces an existing file', async () => {
    const target = path.join(dir, 'report.pdf');
    writeFileSync(target, 'old');
    await writeFileAtomic(target, 'new');
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['report.pdf']);
  });

  it('keeps the old file and removes the temp file when the write fails midway', async () => {
    const target = path.join(dir, 'report.pdf');
    writeFileSync(target, 'old');
    let error: unknown;
    await withFileSizeLimit(4096, async () => {
      error = await writeFileAtomic(target, new Uint8Array(1 << 20)).catch((e: unknown) => e);
    });
    expect(error).toBeInstanceOf(WriteError);
    expect((error as WriteError).message).toBe(`Could not write ${target}`);
    expect((error as WriteError).cause).toMatchObject({ code: 'EFBIG' });
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['report.pdf']);
  });

  it('removes the temp file when the rename fails', async () => {
    const target = path.join(dir, 'taken');
    mkdirSync(target);
    writeFileSync(path.join(target, 'inside'), 'x');
    await expect(writeFileAtomic(target, 'new')).rejects.toThrow(WriteError);
    expect(readdirSync(dir)).toEqual(['taken']);
  });

  it('puts the temp file next to the target, hidden, ending in .tmp', () => {
    const temp = tempPathFor('/out/2026-W06/report.zh-TW.pdf');
    expect(path.dirname(temp)).toBe('/out/2026-W06');
    expect(path.basename(temp)).toMatch(/^\.report\.zh-TW\.pdf\.[0-9a-f]{12}\.tmp$/);
  });
});
