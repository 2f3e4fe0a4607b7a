/**
 * The index against the versions' manifests. A manifest is a blob, checked by its hash, so where
 * they disagree the index was edited: a field changed, a file row removed, added or altered; and
 * the manifests' links to their previous ones must follow the index's versions without a gap.
 */
import path from 'node:path';
import type { Problem } from '../errors.js';
import { msg } from '../messages/index.js';
import type { VersionManifest } from './manifest.js';
import { type Archive, INDEX_FILE } from './root.js';
import type { ArchivedFile, VersionRecord } from './types.js';

export function compareWithManifest(
  archive: Archive,
  record: VersionRecord,
  manifest: VersionManifest,
  rows: readonly ArchivedFile[],
): Problem[] {
  const file = path.join(archive.root, INDEX_FILE);
  const label = msg.archive.versionLabel(record.week, record.version);
  const problems: Problem[] = [];
  for (const [field, inManifest, inIndex] of recordFields(record, manifest)) {
    if (inManifest !== inIndex) {
      problems.push({
        file,
        path: `${label} ${field}`,
        ...msg.archive.manifestDisagrees(field, inManifest, inIndex),
      });
    }
  }
  const listed = new Map(manifest.files.map((f) => [f.name, f]));
  const indexed = new Map(rows.map((f) => [f.name, f]));
  for (const [name, f] of listed) {
    const row = indexed.get(name);
    const at = `${label} ${name}`;
    if (!row) problems.push({ file, path: at, ...msg.archive.fileRowMissing(f.sha256) });
    else problems.push(...compareFile(file, at, f, row));
  }
  for (const [name, row] of indexed) {
    if (!listed.has(name))
      problems.push({ file, path: `${label} ${name}`, ...msg.archive.fileRowExtra(row.sha256) });
  }
  return problems;
}

/** [field, as the manifest has it, as the index has it], each as text. */
function recordFields(
  record: VersionRecord,
  manifest: VersionManifest,
): [string, string, string][] {
  const text = (value: unknown) => JSON.stringify(value ?? null);
  return [
    ['week', text(manifest.week), text(record.week)],
    ['version', text(manifest.version), text(record.version)],
    ['edition', text(manifest.edition), text(record.edition)],
    ['created_at', text(manifest.createdAt), text(record.createdAt)],
    ['inputs_hash', text(manifest.inputsHash), text(record.inputsHash)],
    [
      'previous_manifest_sha256',
      text(manifest.previousManifestSha256),
      text(record.previousManifestSha256),
    ],
    ['correction', text(manifest.correction), text(record.correction)],
    ['tool_version', text(manifest.versions.tool), text(record.tool)],
    ['node_version', text(manifest.versions.node), text(record.node)],
    ['browser_version', text(manifest.versions.browser), text(record.browser)],
  ];
}

function compareFile(file: string, at: string, listed: ArchivedFile, row: ArchivedFile): Problem[] {
  const fields: [string, unknown, unknown][] = [
    ['role', listed.role, row.role],
    ['sha256', listed.sha256, row.sha256],
    ['bytes', listed.bytes, row.bytes],
    ['media_type', listed.mediaType, row.mediaType],
    ['locale', listed.locale ?? null, row.locale ?? null],
  ];
  return fields
    .filter(([, a, b]) => a !== b)
    .map(([field, a, b]) => ({
      file,
      path: at,
      ...msg.archive.manifestDisagrees(field, String(a), String(b)),
    }));
}

/** Versions from 1 without gaps; each manifest's previous link is the version before's manifest. */
export function checkChains(
  archive: Archive,
  manifests: ReadonlyMap<VersionRecord, VersionManifest | undefined>,
): Problem[] {
  const index = path.join(archive.root, INDEX_FILE);
  const problems: Problem[] = [];
  let before: VersionRecord | undefined;
  for (const [record, manifest] of manifests) {
    if (before?.week !== record.week) before = undefined;
    const expectedNumber = (before?.version ?? 0) + 1;
    for (let missing = expectedNumber; missing < record.version; missing++) {
      problems.push({
        file: index,
        path: msg.archive.versionLabel(record.week, missing),
        ...msg.archive.versionGap(missing),
      });
    }
    const expected = before?.manifestSha256 ?? null;
    const found = manifest ? manifest.previousManifestSha256 : record.previousManifestSha256;
    if (found !== expected) {
      problems.push({
        file: index,
        path: `${msg.archive.versionLabel(record.week, record.version)} previous`,
        ...msg.archive.chainBroken(expected, found),
      });
    }
    before = record;
  }
  return problems;
}
