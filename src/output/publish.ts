/**
 * Stage 8, publish: a build's files appear together or not at all. Everything is written into a
 * hidden staging folder beside the target, then swapped in with renames; a failed build leaves
 * the previous good output untouched and no half-written file anywhere.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { WriteError } from '../io/atomic.js';

/** Relative path inside the week's folder → contents. */
export type OutputFiles = ReadonlyMap<string, Uint8Array | string>;

async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  );
}

export async function publishFolder(target: string, files: OutputFiles): Promise<void> {
  const parent = path.dirname(target);
  const tag = randomBytes(6).toString('hex');
  const staging = path.join(parent, `.${path.basename(target)}.staging-${tag}`);
  const previous = path.join(parent, `.${path.basename(target)}.previous-${tag}`);
  try {
    await mkdir(staging, { recursive: true });
    for (const [relative, contents] of files) {
      const file = path.join(staging, relative);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, contents);
    }
    const hadPrevious = await exists(target);
    if (hadPrevious) await rename(target, previous);
    try {
      await rename(staging, target);
    } catch (cause) {
      if (hadPrevious) await rename(previous, target);
      throw cause;
    }
    await rm(previous, { recursive: true, force: true });
  } catch (cause) {
    await rm(staging, { recursive: true, force: true });
    throw new WriteError(`Could not write the report files (${target})`, { cause });
  }
}
