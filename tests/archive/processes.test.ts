/**
 * Archiving in real child processes (the compiled dist/: run `npm run build` first): killed with
 * SIGKILL between storing the blobs and committing the index, and two at once.
 */
import { unlinkSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { archiveWeek } from '../../src/archive/archive.js';
import { openFileBlobStore } from '../../src/archive/blobs.js';
import { parseManifest } from '../../src/archive/manifest.js';
import { listVersions } from '../../src/archive/read.js';
import type { BuiltWeek } from '../../src/archive/types.js';
import { verifyArchive } from '../../src/archive/verify.js';
import { msg } from '../../src/messages/index.js';
import { assertDistCurrent, startArchiveChild, waitForFile } from '../helpers/archive-process.js';
import {
  buildWeekFolder,
  CORRECTION,
  readBuiltWeek,
  SAMPLE_FILE,
  SAMPLE_WEEK,
  varyBuiltWeek,
  writeBuiltWeekFolder,
} from '../helpers/built-week.js';
import { tempDirs } from '../helpers/temp.js';

const newDir = tempDirs('capex-report-archive-processes-');
const week = SAMPLE_WEEK;
let v1: BuiltWeek;

beforeAll(async () => {
  assertDistCurrent();
  v1 = readBuiltWeek(await buildWeekFolder(SAMPLE_FILE, newDir()), SAMPLE_FILE);
});

const folderOf = (built: BuiltWeek) => writeBuiltWeekFolder(built, newDir());
const corrected = (tag: string, edition: number) =>
  varyBuiltWeek(v1, { tag, edition, correction: CORRECTION });

/** Starts one child per build, each paused before the index; then lets them all go at once. */
async function race(root: string, builds: readonly BuiltWeek[]) {
  const pauses = builds.map((_, i) => path.join(newDir(), `pause-${i}`));
  const children = builds.map((b, i) => startArchiveChild(folderOf(b), root, pauses[i]));
  await Promise.all(children.map((child, i) => waitForFile(pauses[i] as string, child)));
  for (const pause of pauses) unlinkSync(pause);
  return Promise.all(children.map((child) => child.done));
}

describe('an archive process killed between the blobs and the index', () => {
  test('leaves no half version; the next archive works and verify passes', async () => {
    const root = path.join(newDir(), 'archive');
    const pause = path.join(newDir(), 'pause');
    const child = startArchiveChild(folderOf(v1), root, pause);
    await waitForFile(pause, child);
    child.process.kill('SIGKILL');
    expect((await child.done).signal).toBe('SIGKILL');

    expect(await listVersions(root)).toEqual([]);
    const killed = await verifyArchive(root);
    expect(killed.problems).toEqual([]);
    const files = new Set([...v1.inputs, ...v1.artifacts].map((f) => f.sha256));
    expect(killed.orphans).toHaveLength(files.size + 1); // every blob and the manifest, kept

    const result = await archiveWeek(v1, { root });
    expect(result).toMatchObject({ version: 1, created: true });
    const after = await verifyArchive(root);
    expect(after.problems).toEqual([]);
    // Only the killed process's manifest (another time in it) belongs to no version.
    expect(after.orphans).toHaveLength(1);
    const orphan = await openFileBlobStore(root).get(after.orphans[0] as string);
    expect(parseManifest(orphan ?? new Uint8Array())).toMatchObject({ week, version: 1 });
  });
});

describe('two archive processes at once', () => {
  test('the same inputs: one v1 and one no-op naming it', async () => {
    const root = path.join(newDir(), 'archive');
    const outcomes = (await race(root, [v1, v1])).map((r) => r.outcome);
    expect(outcomes.map((o) => o?.version)).toEqual([1, 1]);
    expect(outcomes.map((o) => o?.error === undefined && o?.created).sort()).toEqual([false, true]);
    expect((await listVersions(root)).map((v) => v.version)).toEqual([1]);
    expect((await verifyArchive(root)).problems).toEqual([]);
  });

  test('two corrections of v1 with the same edition: one is v2, the other refused', async () => {
    const root = path.join(newDir(), 'archive');
    await archiveWeek(v1, { root });
    const results = await race(root, [corrected('a', 2), corrected('b', 2)]);
    const created = results.filter((r) => r.outcome?.error === undefined);
    const refused = results.filter((r) => r.outcome?.error !== undefined);
    expect(created.map((r) => r.outcome)).toEqual([
      expect.objectContaining({ version: 2, created: true }),
    ]);
    expect(refused.map((r) => r.code)).toEqual([1]);
    expect(refused[0]?.outcome?.error).toContain(msg.archive.refusedChange(week, 2, 2));
    expect((await listVersions(root)).map((v) => v.version)).toEqual([1, 2]);
    expect((await verifyArchive(root)).problems).toEqual([]);
  });

  test('an original and its correction into an empty archive: two distinct versions, or v1 and a refusal', async () => {
    const root = path.join(newDir(), 'archive');
    const results = await race(root, [v1, corrected('c', 2)]);
    const numbers = results.flatMap((r) =>
      r.outcome?.error === undefined ? [r.outcome?.version] : [],
    );
    expect(new Set(numbers).size).toBe(numbers.length);
    const versions = (await listVersions(root)).map((v) => v.version);
    expect(versions).toEqual(numbers.length === 2 ? [1, 2] : [1]);
    if (numbers.length === 1) expect(results[0]?.code).toBe(1); // the correction won v1 first
    expect((await verifyArchive(root)).problems).toEqual([]);
  });
});
