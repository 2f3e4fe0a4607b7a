/**
 * A read-only file system for tests (a 1 MB tmpfs mounted `ro`): the real EROFS, which chmod
 * cannot give a root user. Needs root (the test machine and CI run as root); unmounted after the
 * test file.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

/** Whether this process may mount file systems (root on Linux). */
export const canMount = process.platform === 'linux' && process.getuid?.() === 0;

/** Call at a test file's top level; each call of the result mounts one read-only folder. */
export function readOnlyMounts(): () => string {
  const mounted: string[] = [];
  afterAll(() => {
    for (const dir of mounted) {
      execFileSync('umount', [dir]);
      rmdirSync(dir);
    }
  });
  return () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'capex-ro-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=1m', 'tmpfs', dir]);
    mounted.push(dir);
    return dir;
  };
}
