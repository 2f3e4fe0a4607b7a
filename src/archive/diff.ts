/**
 * `archive diff W vA vB`: the figures and texts that changed, read from the two versions' own
 * stored week files through the same load → validate → derive the build uses, and the files
 * that changed, by hash.
 */
import { parseWeekText } from '../data/load.js';
import type { Week } from '../data/schema.js';
import { validateWeek } from '../data/validate.js';
import { CapexReportError, InvalidInputError } from '../errors.js';
import { msg } from '../messages/index.js';
import { deriveMetrics } from '../metrics/derive.js';
import type { Metrics } from '../metrics/types.js';
import { diffFigures, diffTexts, type FigureChange, type TextChange } from './diff-week.js';
import { findVersion, readBlobChecked } from './lookup.js';
import { isWeekFile } from './manifest.js';
import { withArchive } from './read.js';
import { selectFiles } from './records.js';
import type { Archive } from './root.js';
import type { ArchivedFile, FileRole } from './types.js';

export interface FileChange {
  name: string;
  role: FileRole;
  change: 'added' | 'removed' | 'changed';
  old: { sha256: string; bytes: number } | null;
  new: { sha256: string; bytes: number } | null;
}

export interface VersionDiff {
  week: string;
  a: number;
  b: number;
  figures: FigureChange[];
  texts: TextChange[];
  files: FileChange[];
}

export async function diffVersions(
  root: string,
  week: string,
  a: number,
  b: number,
): Promise<VersionDiff> {
  return withArchive(root, async (archive) => {
    const [before, after] = [a, b].map((v) => {
      const record = findVersion(archive, week, v);
      return selectFiles(archive.db, week, record.version);
    }) as [ArchivedFile[], ArchivedFile[]];
    const [weekA, weekB] = await Promise.all([
      readWeek(archive, week, a, before),
      readWeek(archive, week, b, after),
    ]);
    return {
      week,
      a,
      b,
      figures: diffFigures(weekA.metrics, weekB.metrics),
      texts: diffTexts(weekA.week, weekB.week),
      files: diffFiles(before, after),
    };
  });
}

async function readWeek(
  archive: Archive,
  week: string,
  version: number,
  files: readonly ArchivedFile[],
): Promise<{ week: Week; metrics: Metrics }> {
  const stored = files.find((f) => f.role === 'input' && isWeekFile(f.name));
  if (!stored) throw new CapexReportError(msg.archive.noWeekFile(week, version));
  const label = `${msg.archive.versionLabel(week, version)} ${stored.name}`;
  const bytes = await readBlobChecked(archive, stored.sha256, label);
  try {
    const loaded = parseWeekText(new TextDecoder().decode(bytes), label);
    const validated = validateWeek(loaded);
    return {
      week: validated,
      metrics: deriveMetrics(validated, { writtenDecimals: loaded.writtenDecimals }),
    };
  } catch (error) {
    // A week archived by an older capex-report that this one's schema no longer accepts.
    if (error instanceof InvalidInputError) {
      throw new InvalidInputError(msg.archive.couldNotReadWeek(week, version), error.problems, {
        cause: error,
      });
    }
    throw error;
  }
}

function diffFiles(before: readonly ArchivedFile[], after: readonly ArchivedFile[]): FileChange[] {
  const old = new Map(before.map((f) => [f.name, f]));
  const next = new Map(after.map((f) => [f.name, f]));
  const side = (f: ArchivedFile | undefined) => (f ? { sha256: f.sha256, bytes: f.bytes } : null);
  const changes: FileChange[] = [];
  for (const name of [...new Set([...old.keys(), ...next.keys()])]) {
    const o = old.get(name);
    const n = next.get(name);
    if (o && n && o.sha256 === n.sha256) continue;
    const change = !o ? 'added' : !n ? 'removed' : 'changed';
    changes.push({ name, role: (n ?? o)?.role ?? 'output', change, old: side(o), new: side(n) });
  }
  return changes;
}
