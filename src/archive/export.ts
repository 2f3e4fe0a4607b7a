/**
 * Exporting a version: its files under their names (inputs under `data/`, `templates/`, …,
 * outputs at the top) and its manifest as `archive-manifest.json`, byte for byte as archived.
 * Each file is checked against its hash and written atomically; a file already there with other
 * bytes is never overwritten, and then nothing is written at all.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { InvalidInputError, type Problem } from '../errors.js';
import { writeFileAtomic } from '../io/atomic.js';
import { msg } from '../messages/index.js';
import { findVersion, readBlobChecked } from './lookup.js';
import { withArchive } from './read.js';
import { selectFiles } from './records.js';

export const EXPORTED_MANIFEST = 'archive-manifest.json';

export interface ExportResult {
  week: string;
  version: number;
  dir: string;
  /** Relative names written (or already there with the same bytes). */
  files: string[];
}

export async function exportVersion(
  root: string,
  week: string,
  version: number,
  outDir: string,
): Promise<ExportResult> {
  return withArchive(root, async (archive) => {
    const record = findVersion(archive, week, version);
    const entries = [
      ...selectFiles(archive.db, week, record.version).map((f) => ({
        name: f.name,
        sha256: f.sha256,
      })),
      { name: EXPORTED_MANIFEST, sha256: record.manifestSha256 },
    ];
    const contents = new Map<string, Uint8Array>();
    for (const { name, sha256 } of entries) {
      contents.set(name, await readBlobChecked(archive, sha256, `${week} v${version} ${name}`));
    }
    const targets = [...contents].map(([name, bytes]) => ({
      name,
      bytes,
      file: safeTarget(outDir, name),
    }));
    await refuseConflicts(outDir, targets);
    for (const { file, bytes } of targets) {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFileAtomic(file, bytes);
    }
    return { week, version: record.version, dir: outDir, files: targets.map((t) => t.name) };
  });
}

/** A stored name never leaves the export folder (`../x` or an absolute path in a tampered index). */
function safeTarget(outDir: string, name: string): string {
  const file = path.resolve(outDir, name);
  const inside = path.relative(path.resolve(outDir), file);
  if (inside.startsWith('..') || path.isAbsolute(inside) || inside === '') {
    throw new InvalidInputError(msg.archive.exportConflicts(outDir), [
      { file: outDir, path: name, expected: 'a file name inside the export folder', found: name },
    ]);
  }
  return file;
}

async function refuseConflicts(
  outDir: string,
  targets: readonly { name: string; file: string; bytes: Uint8Array }[],
): Promise<void> {
  const problems: Problem[] = [];
  for (const { name, file, bytes } of targets) {
    // A folder or an unreadable file in the way is a conflict too; only "no file" is free.
    const existing = await readFile(file).catch((e: NodeJS.ErrnoException) =>
      e.code === 'ENOENT' ? undefined : null,
    );
    if (existing !== undefined && !existing?.equals(bytes)) {
      problems.push({ file, path: name, ...msg.archive.exportConflict() });
    }
  }
  if (problems.length > 0)
    throw new InvalidInputError(msg.archive.exportConflicts(outDir), problems);
}
