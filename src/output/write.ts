/**
 * Writing a build's artifacts to `<out>/<week>/`: all files appear together or not at all. They
 * are written into a hidden staging folder beside the target, then swapped in with renames; a
 * failed build leaves the previous output untouched and no half-written file anywhere.
 *
 * The writer replaces only what it wrote itself: a target that is not a folder holding one of our
 * manifests (a file, someone's folder) is refused, never deleted. Its own leftovers (the staging
 * and previous folders of a process that was killed: their names carry its pid) are cleaned up by
 * the next write, and a previous output that a kill left aside is put back first. What the writer
 * did not make in an earlier output of ours (`send --dry-run`'s outbox, a note) is carried into the
 * new one.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { lstat, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InvalidInputError, WriteError } from '../errors.js';
import { makeFolders } from '../io/folders.js';
import { isAlive } from '../io/pid.js';
import { pauseForTest } from '../io/test-pause.js';
import { msg } from '../messages/index.js';
import type { Artifact } from './artifacts.js';
import { isOurManifest, MANIFEST_FILE } from './manifest.js';

export interface WrittenOutput {
  dir: string;
  /** Artifact name → absolute path of every file written. */
  files: Record<string, string>;
}

/**
 * Whether `<out>/<week>/` can be replaced, checked once the week is known and before anything is
 * made (a file or someone's folder there is refused with all the work still to do); the leftovers
 * of killed processes are recovered first. True when it holds an earlier output of ours.
 */
export async function checkOutputTarget(target: string): Promise<boolean> {
  await recoverLeftovers(target);
  return assertOurs(target);
}

export async function writeOutput(
  target: string,
  artifacts: readonly Artifact[],
): Promise<WrittenOutput> {
  const hadPrevious = await checkOutputTarget(target);
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const staging = sibling(target, 'staging', tag);
  const previous = sibling(target, 'previous', tag);
  // A process that exits now (a second Ctrl-C) takes its staging folder with it and puts back
  // a previous output it had set aside.
  const atExit = () => {
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(target) && existsSync(previous)) renameSync(previous, target);
  };
  process.once('exit', atExit);
  try {
    await makeFolders(staging);
    for (const artifact of artifacts) {
      const file = path.join(staging, artifact.name);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, artifact.bytes);
    }
    await pauseForTest('WRITE_STAGING');
    if (hadPrevious) await rename(target, previous);
    if (hadPrevious) await pauseForTest('WRITE_ASIDE');
    try {
      await rename(staging, target);
    } catch (cause) {
      if (hadPrevious) await rename(previous, target);
      throw cause;
    }
  } catch (cause) {
    await rm(staging, { recursive: true, force: true }).catch(() => {});
    throw new WriteError(msg.output.couldNotWrite(target), { cause });
  } finally {
    process.off('exit', atExit);
  }
  if (hadPrevious) await carryOver(previous, target);
  await rm(previous, { recursive: true, force: true }).catch(() => {});
  return {
    dir: target,
    files: Object.fromEntries(artifacts.map((a) => [a.name, path.join(target, a.name)])),
  };
}

/**
 * Moves what the writer did not make from an earlier output into the new one: `send --dry-run`'s
 * `outbox/`, a note the analyst put there. Our own files are those the earlier manifest lists (and
 * the manifest); they are replaced, never carried. A name the new output has already stays new.
 */
async function carryOver(from: string, to: string): Promise<void> {
  const manifest = await readFile(path.join(from, MANIFEST_FILE), 'utf8').catch(() => '{}');
  const ours = new Set([MANIFEST_FILE, ...outputNames(manifest).map((name) => name.split('/')[0])]);
  for (const name of await readdir(from)) {
    if (ours.has(name) || existsSync(path.join(to, name))) continue;
    await rename(path.join(from, name), path.join(to, name));
  }
}

function outputNames(manifest: string): string[] {
  try {
    return Object.keys((JSON.parse(manifest) as { outputs?: object }).outputs ?? {});
  } catch {
    return [];
  }
}

/** `.2026-W06.staging-<pid>-<random>` beside the target. */
function sibling(target: string, kind: 'staging' | 'previous', tag: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${kind}-${tag}`);
}

/** True when the target holds an earlier output of ours; refuses anything else that is there. */
async function assertOurs(target: string): Promise<boolean> {
  const stats = await lstat(target).catch(() => undefined);
  if (!stats) return false;
  const manifest = stats.isDirectory()
    ? await readFile(path.join(target, MANIFEST_FILE), 'utf8').catch(() => '')
    : '';
  if (stats.isDirectory() && isOurManifest(manifest)) return true;
  const found = stats.isDirectory() ? msg.output.foreignFolder : msg.output.notAFolder;
  throw new InvalidInputError(msg.output.inTheWay(target), [
    { file: target, path: '', ...msg.output.notOurOutput(found) },
  ]);
}

/**
 * Removes the staging and previous folders of processes that are gone; a previous output left
 * aside by a kill between the two renames is first put back where it was.
 */
async function recoverLeftovers(target: string): Promise<void> {
  const parent = path.dirname(target);
  const prefix = `.${path.basename(target)}.`;
  const names = await readdir(parent).catch(() => [] as string[]);
  for (const name of names) {
    const match = /^(staging|previous)-(\d+)-[0-9a-f]+$/.exec(name.slice(prefix.length));
    if (!name.startsWith(prefix) || !match || isAlive(Number(match[2]))) continue;
    const leftover = path.join(parent, name);
    const targetMissing = !(await lstat(target).catch(() => undefined));
    if (match[1] === 'previous' && targetMissing) await rename(leftover, target).catch(() => {});
    else {
      // A kill after the swap: what the user kept in the earlier output moves on first.
      if (match[1] === 'previous') await carryOver(leftover, target).catch(() => {});
      await rm(leftover, { recursive: true, force: true }).catch(() => {});
    }
  }
}
