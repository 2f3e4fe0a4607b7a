/**
 * The archive's shapes. `Artifact`, `InputFile` and `BuiltWeek` are what a build hands over in
 * memory (they move to the build module when it returns them); the rest is what the archive
 * records of each version.
 */
import type { Locale } from '../data/schema.js';

/** One output file of a build, in memory. */
export interface Artifact {
  /** 'report.zh-TW.pdf', 'report.en.html', 'charts/capex-by-company.en.svg', 'manifest.json' */
  name: string;
  bytes: Uint8Array;
  sha256: string;
  /** application/pdf, text/html, image/svg+xml, application/json */
  mediaType: string;
  locale?: Locale;
}

/** One input file exactly as the build read it. */
export interface InputFile {
  /** 'data/2026-W06.yaml', 'templates/layout.hbs', 'locales/en.json', 'config/logo.svg', ... */
  name: string;
  bytes: Uint8Array;
  sha256: string;
}

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
