/**
 * A new file that never replaces one that exists: the bytes go to a temp file in the same folder,
 * are flushed, then hard-linked to the target name, which fails if the name is taken (atomic, so
 * two writers cannot both win), and the temp name is removed. A reader sees no file or all of it.
 */
import { link, rm } from 'node:fs/promises';
import path from 'node:path';
import { WriteError } from '../errors.js';
import { msg } from '../messages/index.js';
import { syncFolder, writeSyncedTemp } from './atomic.js';

/** Writes `bytes` to `target`; false (nothing written) when `target` exists already. */
export async function writeNewFile(target: string, bytes: Uint8Array | string): Promise<boolean> {
  let temp: string | undefined;
  try {
    temp = await writeSyncedTemp(target, bytes);
    await link(temp, target);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new WriteError(msg.output.couldNotWriteFile(target), { cause });
  } finally {
    if (temp) await rm(temp, { force: true });
  }
  await syncFolder(path.dirname(target)).catch(() => {}); // not every file system allows it
  return true;
}
