/**
 * Archiving real builds of the sample week into a real archive (SQLite file and blobs in a temp
 * folder): v1, the same inputs again, a correction refused and accepted, diff, show, export.
 * The tests run in order on one archive.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { archiveWeek } from '../../src/archive/archive.js';
import { diffVersions } from '../../src/archive/diff.js';
import { EXPORTED_MANIFEST, exportVersion } from '../../src/archive/export.js';
import { listVersions, showVersion } from '../../src/archive/read.js';
import {
  parseVersionArgument,
  runArchiveDiff,
  runArchiveList,
  runArchiveShow,
} from '../../src/cli/archive.js';
import { parseWeekText } from '../../src/data/load.js';
import { validateWeek } from '../../src/data/validate.js';
import { InvalidInputError, UsageError } from '../../src/errors.js';
import { formatFigure } from '../../src/format/index.js';
import { msg } from '../../src/messages/index.js';
import { deriveMetrics } from '../../src/metrics/derive.js';
import { CORRECTION, SAMPLE_WEEK } from '../helpers/built-week.js';
import { tempDirs } from '../helpers/temp.js';
import { buildWeeks, type Weeks } from './fixture.js';

const newDir = tempDirs('capex-report-archive-');
const week = SAMPLE_WEEK;
let weeks: Weeks;
let root: string;

beforeAll(async () => {
  weeks = await buildWeeks(newDir());
  root = path.join(newDir(), 'archive');
});

function blobFiles(): string[] {
  const dir = path.join(root, 'blobs');
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

async function refusal(promise: Promise<unknown>): Promise<InvalidInputError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InvalidInputError);
  return error as InvalidInputError;
}

describe('archiving a built week', () => {
  test('the first build is v1: every file a read-only blob, the manifest complete', async () => {
    const now = new Date('2026-02-06T10:00:00Z');
    const result = await archiveWeek(weeks.v1, { root, now });
    expect(result).toMatchObject({ version: 1, created: true });
    const { record, files, manifest } = await showVersion(root, week);
    expect(record).toMatchObject({ week, version: 1, edition: 1, createdAt: now.toISOString() });
    expect(record.previousManifestSha256).toBeNull();
    expect(manifest).toMatchObject({ week, version: 1, edition: 1, correction: null });
    expect(manifest.versions).toEqual(weeks.v1.versions);
    const all = [...weeks.v1.inputs, ...weeks.v1.artifacts];
    expect(files).toHaveLength(all.length);
    for (const file of all) {
      const role = weeks.v1.inputs.includes(file as never) ? 'input' : 'output';
      const expected = { name: file.name, role, sha256: file.sha256, bytes: file.bytes.byteLength };
      expect(files).toContainEqual(expect.objectContaining(expected));
      expect(manifest.files).toContainEqual(expect.objectContaining(expected));
    }
    expect(manifest.inputs['data/2026-W06.yaml']).toBe(weeks.v1.inputs[0]?.sha256);
    for (const blob of blobFiles()) expect(statSync(blob).mode & 0o777).toBe(0o444);
    expect(blobFiles()).toHaveLength(new Set(all.map((f) => f.sha256)).size + 1); // + manifest
  });

  test('the same inputs again change nothing and name v1', async () => {
    const before = blobFiles();
    const first = (await showVersion(root, week)).record;
    const again = await archiveWeek(weeks.v1, { root });
    expect(again).toEqual({ version: 1, created: false, manifestSha256: first.manifestSha256 });
    expect(blobFiles()).toEqual(before);
    expect(await listVersions(root)).toHaveLength(1);
  });

  test('a changed figure without an edition bump is refused, naming what to do', async () => {
    const before = blobFiles();
    const error = await refusal(archiveWeek(weeks.unbumped, { root }));
    expect(error.exitCode).toBe(1);
    expect(error.message).toContain(msg.archive.refusedChange(week, 1, 1));
    const edition = msg.archive.editionNotNext(2, 1);
    const note = msg.archive.correctionMissing(2, ['zh-TW', 'en']);
    expect(error.problems).toEqual([
      expect.objectContaining({
        file: 'data/2026-W06.yaml',
        path: 'meta.edition',
        line: 8,
        ...edition,
      }),
      expect.objectContaining({ path: 'meta.correction', ...note }),
    ]);
    expect(error.message).toContain('bump meta.edition to 2 and add meta.correction');
    expect(blobFiles()).toEqual(before);
    expect(await listVersions(root)).toHaveLength(1);
  });

  test('edition 2 without a correction note is refused too', async () => {
    const { correction, ...withoutNote } = weeks.v2;
    const error = await refusal(archiveWeek(withoutNote, { root }));
    expect(error.problems).toEqual([
      expect.objectContaining({ ...msg.archive.correctionMissing(2, ['zh-TW', 'en']) }),
    ]);
    const halfNote = { ...weeks.v2, correction: { 'zh-TW': ' ', en: 'Fixed.' } };
    const half = await refusal(archiveWeek(halfNote, { root }));
    expect(half.problems).toEqual([
      expect.objectContaining(msg.archive.correctionMissing(2, ['zh-TW'])),
    ]);
  });

  test('edition 2 with a note in both languages is v2, chained to v1', async () => {
    const before = blobFiles().length;
    const v1 = (await showVersion(root, week, 1)).record;
    const result = await archiveWeek(weeks.v2, { root });
    expect(result).toMatchObject({ version: 2, created: true });
    const { record, manifest } = await showVersion(root, week);
    expect(record).toMatchObject({ version: 2, edition: 2, correction: weeks.v2.correction });
    expect(record.previousManifestSha256).toBe(v1.manifestSha256);
    expect(manifest.previousManifestSha256).toBe(v1.manifestSha256);
    expect(manifest.correction).toEqual(weeks.v2.correction);
    // Templates and locales are the same bytes as v1's: stored once.
    const shared = weeks.v2.inputs.filter((f) => f.name.startsWith('templates/')).length;
    const all = weeks.v2.inputs.length + weeks.v2.artifacts.length;
    expect(blobFiles().length - before).toBeLessThanOrEqual(all + 1 - shared);
    expect((await listVersions(root, week)).map((v) => v.version)).toEqual([1, 2]);
  });
});

function figuresOf(built: Weeks['v1']) {
  const file = built.inputs.find((f) => f.name.startsWith('data/'));
  const loaded = parseWeekText(new TextDecoder().decode(file?.bytes), 'week');
  return deriveMetrics(validateWeek(loaded), { writtenDecimals: loaded.writtenDecimals }).figures;
}

describe('diff', () => {
  test('shows the changed figure and texts in both languages, and the changed files', async () => {
    const diff = await diffVersions(root, week, 1, 2);
    const [before, after] = [figuresOf(weeks.v1), figuresOf(weeks.v2)];
    const id = 'amazon.returns.revenue';
    const old = before.get(id);
    const next = after.get(id);
    if (!old || !next) throw new Error(`no ${id} in the sample`);
    expect(diff.figures).toContainEqual({
      id,
      old: { 'zh-TW': formatFigure(old, 'zh-TW'), en: formatFigure(old, 'en') },
      new: { 'zh-TW': formatFigure(next, 'zh-TW'), en: formatFigure(next, 'en') },
      attributes: [],
    });
    expect(diff.figures.find((f) => f.id === id)?.new?.en).not.toBe(
      diff.figures.find((f) => f.id === id)?.old?.en,
    );
    // Revenue feeds a derived ratio, which changes with it; untouched figures are not listed.
    expect(diff.figures.map((f) => f.id)).toContain('derived.amazon.cloud-share-of-revenue');
    expect(diff.figures.map((f) => f.id)).not.toContain('amazon.capex.2026');
    expect(diff.texts.filter((t) => t.path === 'text.headline').map((t) => t.locale)).toEqual([
      'zh-TW',
      'en',
    ]);
    expect(diff.texts.find((t) => t.locale === 'en')?.new).toMatch(/^Corrected: /);
    const changed = diff.files.map((f) => f.name);
    expect(changed).toEqual(
      expect.arrayContaining(['data/2026-W06.yaml', 'report.en.pdf', 'report.zh-TW.pdf']),
    );
    expect(changed.some((name) => name.startsWith('templates/'))).toBe(false);
  });
});

describe('export', () => {
  test('writes the version byte for byte, and its manifest', async () => {
    const out = newDir();
    const result = await exportVersion(root, week, 2, out);
    for (const file of [...weeks.v2.inputs, ...weeks.v2.artifacts]) {
      // equals(): a deep toEqual over megabytes of bytes takes seconds.
      expect(readFileSync(path.join(out, file.name)).equals(file.bytes), file.name).toBe(true);
    }
    const { record } = await showVersion(root, week, 2);
    const manifest = readFileSync(path.join(out, EXPORTED_MANIFEST));
    expect(createHash('sha256').update(manifest).digest('hex')).toBe(record.manifestSha256);
    expect(result.files).toHaveLength(weeks.v2.inputs.length + weeks.v2.artifacts.length + 1);
    // Again into the same folder: the same bytes are there already, nothing is refused.
    await exportVersion(root, week, 2, out);
  });

  test('never overwrites a different file, and then writes nothing', async () => {
    const out = newDir();
    await exportVersion(root, week, 2, out);
    const error = await refusal(exportVersion(root, week, 1, out));
    expect(error.message).toContain(msg.archive.exportConflicts(out));
    expect(error.problems.map((p) => p.path)).toContain('report.en.pdf');
    const pdf = weeks.v2.artifacts.find((a) => a.name === 'report.en.pdf');
    expect(
      readFileSync(path.join(out, 'report.en.pdf')).equals(pdf?.bytes ?? new Uint8Array()),
    ).toBe(true);
  });
});

describe('bad input', () => {
  test('a build whose hash does not match its bytes is refused before anything is written', async () => {
    const [first, ...rest] = weeks.v1.artifacts;
    if (!first) throw new Error('no artifacts');
    const broken = { ...weeks.v1, artifacts: [{ ...first, sha256: '0'.repeat(64) }, ...rest] };
    const elsewhere = path.join(newDir(), 'archive');
    await expect(archiveWeek(broken, { root: elsewhere })).rejects.toThrow(
      msg.archive.hashMismatch(first.name),
    );
    expect(existsSync(elsewhere)).toBe(false);
  });

  test('a week not archived and a version that does not exist are refused', async () => {
    const notArchived = await refusal(showVersion(root, '2026-W07'));
    expect(notArchived.message).toContain(msg.archive.weekNotArchived('2026-W07', root));
    expect(notArchived.problems[0]).toMatchObject(msg.archive.weekNotArchivedProblem([week]));
    const noVersion = await refusal(diffVersions(root, week, 1, 9));
    expect(noVersion.message).toContain(msg.archive.noSuchVersion(week, 9));
    expect(noVersion.problems[0]).toMatchObject(msg.archive.noSuchVersionProblem(2));
  });
});

describe('the archive commands', () => {
  const capture = () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = {
      stdout: { write: (t: string) => out.push(t) },
      stderr: { write: (t: string) => err.push(t) },
    };
    return { io, out: () => out.join(''), err: () => err.join('') };
  };

  test('diff prints each changed figure old and new in both languages', async () => {
    const { io, out } = capture();
    await runArchiveDiff({ root, week, versions: [1, 2], json: false }, io);
    const diff = await diffVersions(root, week, 1, 2);
    const revenue = diff.figures.find((f) => f.id === 'amazon.returns.revenue');
    for (const locale of ['zh-TW', 'en'] as const) {
      expect(out()).toContain(`${revenue?.old?.[locale]}  →  ${revenue?.new?.[locale]}`);
    }
    expect(out()).toContain(msg.archive.diffTitle(week, 1, 2));
    expect(out()).toContain(msg.archive.diffFigures(diff.figures.length));
    const json = capture();
    await runArchiveDiff({ root, week, versions: [1, 2], json: true }, json.io);
    expect(JSON.parse(json.out())).toEqual(JSON.parse(JSON.stringify(diff)));
  });

  test('list and show print the versions, the correction and every file', async () => {
    const list = capture();
    await runArchiveList({ root, json: false }, list.io);
    expect(list.out()).toContain(msg.archive.listWeek(week, 2));
    expect(list.out()).toContain(CORRECTION.en);
    const show = capture();
    await runArchiveShow({ root, week, json: false }, show.io);
    expect(show.out()).toContain(msg.archive.showCorrection('zh-TW', CORRECTION['zh-TW']));
    for (const file of weeks.v2.artifacts) expect(show.out()).toContain(file.sha256);
  });

  test('versions are given as v2 or 2; anything else is a usage error', () => {
    expect(parseVersionArgument('v2')).toBe(2);
    expect(parseVersionArgument('12')).toBe(12);
    for (const bad of ['v0', 'two', '-1', 'v2.1']) {
      expect(() => parseVersionArgument(bad)).toThrow(UsageError);
    }
  });
});
