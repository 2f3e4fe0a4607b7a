/**
 * `--json`: every command prints ONE JSON document on stdout (its messages and progress go to
 * stderr). The shapes are defined here, in one place, and listed in the README ("JSON output").
 * A command that fails prints an ErrorJson instead, unless it had already printed its document
 * (`archive verify` prints its report, then fails on its problems).
 */

import { CommanderError } from 'commander';
import type {
  ArchiveResult,
  ExportResult,
  VerifyReport,
  VersionDetails,
  VersionDiff,
  VersionRecord,
} from '../archive/index.js';
import type { RebuildResult } from '../archive/rebuild.js';
import type { ConfigJson } from '../config/index.js';
import type { Locale } from '../data/schema.js';
import type { DeliveryRecord } from '../email/log.js';
import type { SendSummary } from '../email/results.js';
import {
  CapexReportError,
  describeError,
  EXIT_CODES,
  InvalidInputError,
  type Problem,
} from '../errors.js';
import type { WeeklyResult } from '../weekly/run.js';

export type { ConfigJson };

/** A figure still carried for review or a text still in draft (new-week), located. */
export interface MarkJson {
  kind: 'figure' | 'text';
  path: string;
  file: string;
  line?: number;
  column?: number;
  carriedFrom?: string;
  value?: number;
}

/** `build --json`. Paths are absolute. */
export interface BuildJson {
  week: string;
  edition: number;
  /** The week's output folder. */
  dir: string | undefined;
  /** Every file written, by its name in the folder. */
  files: Record<string, string>;
  pdfs: Partial<Record<Locale, string>>;
  /** Built with --draft (DRAFT across every page); `marks` lists what is still marked. */
  draft: boolean;
  marks: MarkJson[];
  /** With --archive. */
  archived?: { version: number; created: boolean };
  durationMs: number;
}

/** `validate --json` (an invalid file is an ErrorJson with its problems, exit 1). */
export interface ValidateJson {
  file: string;
  valid: true;
  week: string;
  edition: number;
  companies: number;
  sources: number;
  figures: number;
  /** Warnings: build refuses these until each is confirmed or changed. */
  marks: MarkJson[];
}

/** `new-week --json`. */
export interface NewWeekJson {
  file: string;
  week: string;
  periodEnd: string;
  issuedAt: string;
  from: { file: string; week: string };
  /** Data paths marked: figures for review, texts as drafts. */
  figures: string[];
  texts: string[];
}

/** `preview --json`: printed once the server listens; the server then runs until Ctrl-C. */
export interface PreviewJson {
  url: string;
  port: number;
  week: string;
  dataFile: string;
}

/** `archive store --json` (and `build --archive` as `archived`). */
export type ArchiveStoreJson = { week: string } & ArchiveResult;
export type ArchiveListJson = VersionRecord[];
export type ArchiveShowJson = VersionDetails;
export type ArchiveDiffJson = VersionDiff;
export type ArchiveVerifyJson = VerifyReport;
export type ArchiveExportJson = ExportResult;
export type ArchiveRebuildJson = RebuildResult;
/** `send`: the run's summary (exit 1 when a client is failed or unknown; the counts say which). */
export type SendJson = SendSummary;
/** `deliveries`: one row per client of the week's versions. */
export type DeliveriesJson = DeliveryRecord[];
/** `weekly`: each step's outcome and the send summary (exit 14 when a client is not delivered). */
export type WeeklyJson = WeeklyResult;

/** Any command that failed. */
export interface ErrorJson {
  error: {
    /** The process's exit code (README "Exit codes"). */
    exitCode: number;
    /** The error's class, e.g. InvalidInputError. */
    name: string;
    message: string;
    /** The causes, outermost first. */
    causes: string[];
    /** Invalid input: every problem, located. */
    problems: Problem[];
  };
}

let written = false;

/** A JSON document's text for stdout; from now on this process has printed its document. */
export function jsonDocument(value: unknown): string {
  written = true;
  return `${JSON.stringify(value, null, 2)}\n`;
}

export function printJson(value: unknown): void {
  process.stdout.write(jsonDocument(value));
}

/** Whether this process has printed its JSON document already. */
export function jsonPrinted(): boolean {
  return written;
}

export function errorJson(error: unknown): ErrorJson {
  if (error instanceof CommanderError) {
    const message = error.message.replace(/^error: /, '');
    return {
      error: { exitCode: EXIT_CODES.usage, name: 'UsageError', message, causes: [], problems: [] },
    };
  }
  const [message = '', ...causes] = describeError(error);
  const first = error instanceof InvalidInputError ? (message.split('\n')[0] ?? '') : message;
  return {
    error: {
      exitCode: error instanceof CapexReportError ? error.exitCode : EXIT_CODES.failure,
      name: error instanceof Error ? error.name : 'Error',
      message: first,
      causes,
      problems: error instanceof InvalidInputError ? [...error.problems] : [],
    },
  };
}
