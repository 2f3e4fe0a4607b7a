/**
 * `verify` on a real archive of three versions of the sample week (a real build, then two
 * corrections with other bytes), passing, then failing with each kind of damage named.
 */
import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { archiveWeek } from '../../src/archive/archive.js';
import { openFileBlobStore } from '../../src/archive/blobs.js';
import { openDatabase } from '../../src/archive/db.js';
import { showVersion } from '../../src/archive/read.js';
import type { BuiltWeek } from '../../src/archive/types.js';
import { verifyArchive } from '../../src/archive/verify.js';
import { runArchiveVerify } from '../../src/cli/archive.js';
import { formatProblem, IntegrityError } from '../../src/errors.js';
import { msg } from '../../src/messages/index.js';
import {
  buildWeekFolder,
  CORRECTION,
  readBuiltWeek,
  SAMPLE_FILE,
  SAMPLE_WEEK,
  varyBuiltWeek,
} from '../helpers/built-week.js';
import { tempDirs } from '../helpers/temp.js';

const newDir = tempDirs('capex-report-verify-');
const week = SAMPLE_WEEK;
let versions: BuiltWeek[];

beforeAll(async () => {
  const v1 = readBuiltWeek(await buildWeekFolder(SAMPLE_FILE, newDir()), SAMPLE_FILE);
  const corrected = (edition: number) =>
    varyBuiltWeek(v1, { tag: `v${edition}`, edition, correction: CORRECTION, outputs: true });
  versions = [v1, corrected(2), corrected(3)];
});

/** A fresh archive holding v1, v2 and v3. */
async function archiveOfThree(): Promise<string> {
  const root = path.join(newDir(), 'archive');
  for (const built of versions) await archiveWeek(built, { root });
  return root;
}

function sql(root: string, statement: string): void {
  const db = openDatabase(path.join(root, 'archive.db'), { busyTimeoutMs: 1000 });
  db.exec(statement);
  db.close();
}

const silent = { stdout: { write: () => true }, stderr: { write: () => true } };

async function failure(root: string): Promise<IntegrityError> {
  const error = await runArchiveVerify({ root, json: false }, silent).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(IntegrityError);
  expect((error as IntegrityError).exitCode).toBe(1);
  return error as IntegrityError;
}

async function fileSha(root: string, version: number, name: string): Promise<string> {
  const { files } = await showVersion(root, week, version);
  const file = files.find((f) => f.name === name);
  if (!file) throw new Error(`no ${name} in v${version}`);
  return file.sha256;
}

describe('archive verify', () => {
  test('passes on an intact archive, re-hashing every blob', async () => {
    const root = await archiveOfThree();
    const report = await verifyArchive(root);
    expect(report).toMatchObject({ versions: 3, problems: [], orphans: [] });
    const files = versions.flatMap((v) => [...v.inputs, ...v.artifacts].map((f) => f.sha256));
    expect(report.blobs).toBe(new Set(files).size + 3);
    const out: string[] = [];
    await runArchiveVerify(
      { root, json: false },
      { ...silent, stdout: { write: (t) => out.push(t) } },
    );
    expect(out.join('')).toContain(msg.archive.verifyPassed(3, report.blobs));
  });

  test('names a modified blob', async () => {
    const root = await archiveOfThree();
    const sha256 = await fileSha(root, 2, 'report.en.pdf');
    const blobs = openFileBlobStore(root);
    chmodSync(blobs.where(sha256), 0o644);
    writeFileSync(blobs.where(sha256), 'not the PDF any more');
    const error = await failure(root);
    expect(error.problems).toEqual([
      expect.objectContaining({
        file: blobs.where(sha256),
        path: `${week} v2 report.en.pdf`,
        expected: msg.archive.blobModified(sha256, sha256).expected,
      }),
    ]);
    expect(error.message).toContain(msg.archive.verifyFailed(1));
    expect(error.message).toContain(formatProblem(error.problems[0] as never));
  });

  test('names a deleted blob', async () => {
    const root = await archiveOfThree();
    const sha256 = await fileSha(root, 3, 'report.zh-TW.pdf');
    const blobs = openFileBlobStore(root);
    rmSync(blobs.where(sha256));
    const error = await failure(root);
    expect(error.problems).toEqual([
      expect.objectContaining({
        path: `${week} v3 report.zh-TW.pdf`,
        ...msg.archive.blobMissing(sha256),
      }),
    ]);
  });

  test('names a deleted index row, and reports its blob as an orphan', async () => {
    const root = await archiveOfThree();
    const sha256 = await fileSha(root, 2, 'report.zh-TW.html');
    sql(root, `DELETE FROM files WHERE version = 2 AND name = 'report.zh-TW.html'`);
    const report = await verifyArchive(root);
    expect(report.problems).toEqual([
      expect.objectContaining({
        file: path.join(root, 'archive.db'),
        path: `${week} v2 report.zh-TW.html`,
        ...msg.archive.fileRowMissing(sha256),
      }),
    ]);
    expect(report.orphans).toEqual([sha256]);
    await failure(root);
  });

  test('names a removed whole version (its rows and its blobs)', async () => {
    const root = await archiveOfThree();
    const v1 = (await showVersion(root, week, 1)).record;
    const v2 = await showVersion(root, week, 2);
    sql(root, 'DELETE FROM files WHERE version = 2; DELETE FROM versions WHERE number = 2');
    const blobs = openFileBlobStore(root);
    const others = new Set([
      ...(await showVersion(root, week, 1)).files.map((f) => f.sha256),
      ...(await showVersion(root, week, 3)).files.map((f) => f.sha256),
    ]);
    for (const sha256 of [v2.record.manifestSha256, ...v2.files.map((f) => f.sha256)]) {
      if (!others.has(sha256)) rmSync(blobs.where(sha256), { force: true });
    }
    const error = await failure(root);
    expect(error.problems).toEqual([
      expect.objectContaining({ path: `${week} v2`, ...msg.archive.versionGap(2) }),
      expect.objectContaining({
        path: `${week} v3 previous`,
        ...msg.archive.chainBroken(v1.manifestSha256, v2.record.manifestSha256),
      }),
    ]);
  });

  test('names an index field edited after archiving', async () => {
    const root = await archiveOfThree();
    sql(root, 'UPDATE versions SET edition = 7 WHERE number = 3');
    const error = await failure(root);
    expect(error.problems).toEqual([
      expect.objectContaining({
        path: `${week} v3 edition`,
        ...msg.archive.manifestDisagrees('edition', '3', '7'),
      }),
    ]);
  });

  test('--week verifies one week; a week not archived is refused', async () => {
    const root = await archiveOfThree();
    expect(await verifyArchive(root, week)).toMatchObject({ versions: 3, problems: [] });
    await expect(verifyArchive(root, '2026-W07')).rejects.toThrow(
      msg.archive.weekNotArchived('2026-W07', root),
    );
  });
});
