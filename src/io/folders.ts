/**
 * `mkdir -p` that keeps the real reason: Node's recursive mkdir reports ENOENT when a folder
 * cannot be made on a read-only file system (the parent is "missing" because it could not be
 * made), hiding EROFS, EACCES or ENOSPC. Each missing level is made on its own instead.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException).code;

export async function makeFolders(dir: string): Promise<void> {
  try {
    await mkdir(dir);
  } catch (error) {
    if (codeOf(error) === 'EEXIST') return mkdir(dir, { recursive: true }).then(() => {});
    const parent = path.dirname(dir);
    if (codeOf(error) !== 'ENOENT' || parent === dir) throw error;
    await makeFolders(parent);
    await mkdir(dir).catch((again: unknown) => {
      if (codeOf(again) !== 'EEXIST') throw again;
    });
  }
}
