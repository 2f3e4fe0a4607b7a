/**
 * A version's manifest: what the version is (week, number, edition, time, correction), what made
 * it (input hashes, tool, Node, browser and font package versions), the SHA-256 and size of every
 * file, and the previous version's manifest hash. It is stored as a blob and the index points at
 * it, so each week's versions form a hash chain, as git's commits do: removing or rewriting a
 * version breaks the link of the one after it.
 */
import type { Locale } from '../data/schema.js';
import type { ArchivedFile, Bilingual, BuildVersions, BuiltWeek, FileRole } from './types.js';

export const MANIFEST_FORMAT = 'capex-report/archive-version@1';

export interface VersionManifest {
  format: typeof MANIFEST_FORMAT;
  week: string;
  version: number;
  edition: number;
  createdAt: string;
  correction: Bilingual | null;
  inputsHash: string;
  previousManifestSha256: string | null;
  versions: BuildVersions;
  /** Input file name → SHA-256. */
  inputs: Record<string, string>;
  /** Inputs, then outputs, each by name. */
  files: ArchivedFile[];
}

export interface ManifestPlace {
  version: number;
  createdAt: string;
  previousManifestSha256: string | null;
}

export function archivedFilesOf(built: BuiltWeek): ArchivedFile[] {
  const inputs = built.inputs.map((f) => toArchived(f, 'input', mediaTypeOf(f.name)));
  const outputs = built.artifacts.map((f) => toArchived(f, 'output', f.mediaType, f.locale));
  const byName = (a: ArchivedFile, b: ArchivedFile) => (a.name < b.name ? -1 : 1);
  return [...inputs.sort(byName), ...outputs.sort(byName)];
}

function toArchived(
  file: { name: string; bytes: Uint8Array; sha256: string },
  role: FileRole,
  mediaType: string,
  locale?: Locale,
): ArchivedFile {
  const entry: ArchivedFile = {
    name: file.name,
    role,
    sha256: file.sha256,
    bytes: file.bytes.byteLength,
    mediaType,
  };
  if (locale) entry.locale = locale;
  return entry;
}

export function buildVersionManifest(built: BuiltWeek, place: ManifestPlace): VersionManifest {
  const files = archivedFilesOf(built);
  return {
    format: MANIFEST_FORMAT,
    week: built.week,
    version: place.version,
    edition: built.edition,
    createdAt: place.createdAt,
    correction: built.correction
      ? { 'zh-TW': built.correction['zh-TW'], en: built.correction.en }
      : null,
    inputsHash: built.inputsHash,
    previousManifestSha256: place.previousManifestSha256,
    versions: built.versions,
    inputs: Object.fromEntries(
      files.filter((f) => f.role === 'input').map((f) => [f.name, f.sha256]),
    ),
    files,
  };
}

/** The manifest's bytes: one fixed key order, so the same version always hashes the same. */
export function serializeManifest(manifest: VersionManifest): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`);
}

export function parseManifest(bytes: Uint8Array): VersionManifest {
  const value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown;
  if (
    typeof value !== 'object' ||
    value === null ||
    (value as VersionManifest).format !== MANIFEST_FORMAT
  ) {
    throw new Error(`not a ${MANIFEST_FORMAT} manifest`);
  }
  return value as VersionManifest;
}

const MEDIA_TYPES: Record<string, string> = {
  '.yaml': 'application/yaml',
  '.yml': 'application/yaml',
  '.json': 'application/json',
  '.hbs': 'text/x-handlebars-template',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.html': 'text/html',
  '.pdf': 'application/pdf',
  '.png': 'image/png',
};

/** An input file's media type, by its extension. */
export function mediaTypeOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return MEDIA_TYPES[dot < 0 ? '' : name.slice(dot).toLowerCase()] ?? 'application/octet-stream';
}

/** The week's data file among a version's inputs: `data/<week>.yaml`. */
export function isWeekFile(name: string): boolean {
  return /^data\/[^/]+\.ya?ml$/.test(name);
}
