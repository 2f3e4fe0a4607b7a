/**
 * A new file that never replaces one that exists: the bytes go to a temp file in the same folder,
 * are flushed, then hard-linked to the target name, which fails if the name is taken (atomic, so
 * two writers cannot both win), and the temp name is removed. A reader sees no file or all of it.
 */
import { link, open, rm } from 'node:fs/promises';
import path from 'node:path';
import { WriteError } from '../errors.js';
import { msg } from '../messages/index.js';
import { tempPathFor } from './atomic.js';

/** Writes `bytes` to `target`; false (nothing written) when `target` exists already. */
export async function writeNewFile(target: string, bytes: Uint8Array | string): Promise<boolean> {
  const temp = tempPathFor(target);
  try {
    const handle = await open(temp, 'wx', 0o644);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await link(temp, target);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new WriteError(msg.output.couldNotWriteFile(target), { cause });
  } finally {
    await rm(temp, { force: true });
  }
  await syncFolder(path.dirname(target));
  return true;
}

async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r').catch(() => undefined);
  await handle?.sync().catch(() => {}); // not every file system allows it
  await handle?.close();
}
