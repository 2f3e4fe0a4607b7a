/**
 * The archive's shapes. A BuiltWeek is what a build hands over in memory (builtWeekOf makes one
 * of a BuildResult); the rest is what the archive records of each version.
 */
import type { Locale } from '../data/schema.js';
import type { InputFile } from '../inputs/files.js';
import type { Artifact } from '../output/artifacts.js';

export type { InputFile } from '../inputs/files.js';
export type { Artifact } from '../output/artifacts.js';

export interface BuiltWeek {
  /** '2026-W06' */
  week: string;
  edition: number;
  correction?: Bilingual;
  inputs: InputFile[];
  artifacts: Artifact[];
  inputsHash: string;
  versions: BuildVersions;
}

export interface BuildVersions {
  tool: string;
  node: string;
  browser: string | null;
  /** Font package → version. */
  fonts: Record<string, string>;
}

export interface Bilingual {
  'zh-TW': string;
  en: string;
}

export type FileRole = 'input' | 'output';

/** One file of an archived version, as the index and the version's manifest record it. */
export interface ArchivedFile {
  name: string;
  role: FileRole;
  sha256: string;
  bytes: number;
  mediaType: string;
  locale?: Locale;
}

/** One archived version, as the index records it. */
export interface VersionRecord {
  week: string;
  version: number;
  edition: number;
  createdAt: string;
  inputsHash: string;
  manifestSha256: string;
  previousManifestSha256: string | null;
  correction: Bilingual | null;
  tool: string;
  node: string;
  browser: string | null;
}
