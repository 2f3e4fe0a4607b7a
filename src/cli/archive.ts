/**
 * The `archive` subcommands, for the commander program to call: each maps typed options onto
 * the archive API and prints the result (text, or JSON with `json`). Failures are thrown as the
 * errors of src/errors.ts; the program turns them into exit codes.
 */
import {
  diffVersions,
  exportVersion,
  listVersions,
  showVersion,
  verifyArchive,
} from '../archive/index.js';
import { IntegrityError, UsageError } from '../errors.js';
import { msg } from '../messages/index.js';
import { formatDiff, formatList, formatShow } from './archive-format.js';

export interface Output {
  write(text: string): unknown;
}
export interface ArchiveIo {
  stdout: Output;
  stderr: Output;
}
const STD_IO: ArchiveIo = { stdout: process.stdout, stderr: process.stderr };

export interface ArchiveListOptions {
  root: string;
  week?: string;
  json: boolean;
}
export interface ArchiveShowOptions {
  root: string;
  week: string;
  /** Default: the week's latest. */
  version?: number;
  json: boolean;
}
export interface ArchiveDiffOptions {
  root: string;
  week: string;
  versions: readonly [number, number];
  json: boolean;
}
export interface ArchiveVerifyOptions {
  root: string;
  week?: string;
  json: boolean;
}
export interface ArchiveExportOptions {
  root: string;
  week: string;
  version: number;
  out: string;
  json: boolean;
}

/** `v2` or `2` → 2. */
export function parseVersionArgument(text: string): number {
  const match = /^v?([1-9]\d{0,8})$/i.exec(text.trim());
  if (!match?.[1]) throw new UsageError(msg.archive.badVersionArgument(text));
  return Number(match[1]);
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export async function runArchiveList(options: ArchiveListOptions, io = STD_IO): Promise<void> {
  const versions = await listVersions(options.root, options.week);
  io.stdout.write(options.json ? json(versions) : formatList(versions, options.root));
}

export async function runArchiveShow(options: ArchiveShowOptions, io = STD_IO): Promise<void> {
  const details = await showVersion(options.root, options.week, options.version);
  io.stdout.write(options.json ? json(details) : formatShow(details));
}

export async function runArchiveDiff(options: ArchiveDiffOptions, io = STD_IO): Promise<void> {
  const [a, b] = options.versions;
  const diff = await diffVersions(options.root, options.week, a, b);
  io.stdout.write(options.json ? json(diff) : formatDiff(diff));
}

export async function runArchiveVerify(options: ArchiveVerifyOptions, io = STD_IO): Promise<void> {
  const report = await verifyArchive(options.root, options.week);
  if (options.json) io.stdout.write(json(report));
  if (report.orphans.length > 0) {
    io.stderr.write(`${msg.archive.orphans(report.orphans.length)}\n`);
    for (const sha256 of report.orphans) io.stderr.write(`  ${sha256}\n`);
  }
  if (report.problems.length > 0) {
    throw new IntegrityError(msg.archive.verifyFailed(report.problems.length), report.problems);
  }
  if (!options.json)
    io.stdout.write(`${msg.archive.verifyPassed(report.versions, report.blobs)}\n`);
}

export async function runArchiveExport(options: ArchiveExportOptions, io = STD_IO): Promise<void> {
  const result = await exportVersion(options.root, options.week, options.version, options.out);
  io.stdout.write(
    options.json
      ? json(result)
      : `${msg.archive.exported(result.week, result.version, result.files.length, result.dir)}\n`,
  );
}
