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

/**
 * Makes a folder's entries (a rename, a link, a new file) survive a power cut. Some file systems
 * (and Windows) cannot sync a folder (EINVAL): the file itself was synced, that is all there is.
 */
export async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EINVAL') throw error;
  } finally {
    await handle.close();
  }
}

/**
 * `bytes` in a new temp file beside `target` (tempPathFor), flushed to disk; returns its path
 * (removed again when the write fails).
 */
export async function writeSyncedTemp(
  target: string,
  bytes: Uint8Array | string,
  mode = 0o644,
): Promise<string> {
  const temp = tempPathFor(target);
  const handle = await open(temp, 'wx', mode);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  return temp;
}

export async function writeFileAtomic(target: string, bytes: Uint8Array | string): Promise<void> {
  let temp: string | undefined;
  try {
    temp = await writeSyncedTemp(target, bytes);
    await rename(temp, target);
  } catch (cause) {
    if (temp) await rm(temp, { force: true });
    throw new WriteError(msg.output.couldNotWriteFile(target), { cause });
  }
  await syncFolder(path.dirname(target)).catch(() => {}); // not every file system allows it
}
