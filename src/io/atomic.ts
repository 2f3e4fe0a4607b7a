/**
 * Writes that never leave a half-written file behind: readers (a mail step, a browser, a person)
 * see either the old file or the new one. The bytes go to a temp file in the same folder (so the
 * rename stays on one file system and is atomic), are flushed to disk, then renamed over the
 * target.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { WriteError } from '../errors.js';
import { msg } from '../messages/index.js';

export { WriteError };

/** `.name.<random>.tmp`: hidden, ignored by git (*.tmp), and short enough for any file name. */
export function tempPathFor(target: string): string {
  const base = path.basename(target).slice(0, 200);
  return path.join(path.dirname(target), `.${base}.${randomBytes(6).toString('hex')}.tmp`);
}

async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r');
  try {
    await handle.sync(); // makes the rename itself survive a power cut
  } finally {
    await handle.close();
  }
}

export async function writeFileAtomic(target: string, bytes: Uint8Array | string): Promise<void> {
  const temp = tempPathFor(target);
  try {
    const handle = await open(temp, 'wx', 0o644);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (cause) {
    await rm(temp, { force: true });
    throw new WriteError(msg.output.couldNotWriteFile(target), { cause });
  }
  await syncFolder(path.dirname(target)).catch(() => {}); // not every file system allows it
}
