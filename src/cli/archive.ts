/**
 * The `archive` subcommands, for the commander program to call: each maps typed options onto
 * the archive API and prints the result (text, or JSON with `json`). Failures are thrown as the
 * errors of src/errors.ts; the program turns them into exit codes.
 */
import { readBuiltOutput } from '../archive/from-output.js';
import {
  archiveWeek,
  diffVersions,
  exportVersion,
  listVersions,
  showVersion,
  verifyArchive,
} from '../archive/index.js';
import type { RebuildResult } from '../archive/rebuild.js';
import { IntegrityError, RebuildDiffersError, UsageError } from '../errors.js';
import type { InputPaths } from '../inputs/load.js';
import { msg } from '../messages/index.js';
import { formatDiff, formatList, formatShow } from './archive-format.js';
import { jsonDocument } from './json.js';

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

const json = jsonDocument;

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

export interface ArchiveStoreOptions {
  root: string;
  /** The built week's folder (`<output>/<week>/`) and the inputs it was built from. */
  dir: string;
  inputs: InputPaths;
  json: boolean;
}

/** `capex-report archive [--week W]`: the week as `build` left it, as its next version. */
export async function runArchiveStore(options: ArchiveStoreOptions, io = STD_IO): Promise<void> {
  const built = await readBuiltOutput(options.dir, options.inputs);
  const result = await archiveWeek(built, { root: options.root });
  if (options.json) io.stdout.write(json({ week: built.week, ...result }));
  else {
    const line = result.created
      ? msg.archive.archived(built.week, result.version)
      : msg.archive.unchanged(built.week, result.version);
    io.stdout.write(`${line}\n`);
  }
}

export interface ArchiveRebuildOptions {
  root: string;
  week: string;
  version?: number;
  browser?: string | undefined;
  json: boolean;
}

/** `capex-report archive rebuild W vN`: byte-identical or not, and what changed since. */
export async function runArchiveRebuild(
  options: ArchiveRebuildOptions,
  io = STD_IO,
): Promise<void> {
  // The pipeline and Puppeteer load only for a rebuild.
  const { openBrowserLease } = await import('../pdf/lease.js');
  const { rebuildVersion } = await import('../archive/rebuild.js');
  const lease = openBrowserLease({ executablePath: options.browser });
  try {
    const { root, week, version } = options;
    const result = await rebuildVersion({
      root,
      week,
      ...(version ? { version } : {}),
      browser: lease,
    });
    if (options.json) io.stdout.write(json(result));
    else io.stdout.write(formatRebuild(result));
    if (!result.identical)
      throw new RebuildDiffersError(msg.archive.rebuilt(week, result.version, false));
  } finally {
    await lease.close();
  }
}

function formatRebuild(result: RebuildResult): string {
  const lines = [
    msg.archive.rebuilt(result.week, result.version, result.identical),
    ...result.pdfs.map((p) => msg.archive.rebuiltPdf(p.locale, p.identical)),
  ];
  if (!result.identical) {
    lines.push(
      ...(result.differences.length > 0
        ? result.differences.map((d) => msg.archive.versionDiffers(d.what, d.recorded, d.now))
        : [msg.archive.noVersionDiffers]),
    );
  }
  return `${lines.join('\n')}\n`;
}
