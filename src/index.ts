/**
 * capex-report as a library: what the command line uses, for a script to import.
 *
 *   import { buildReport, checkWeekFile, loadConfig } from 'capex-report';
 *
 * buildReport runs the whole pipeline (load → validate → derive → localize → chart → render →
 * print → assemble → write) and returns the artifacts in memory; archiveWeek stores a build as a
 * version, sendWeek e-mails a version, runWeekly does all of it as `capex-report weekly` does, and
 * startPreview serves the live preview.
 */
export {
  type ArchiveResult,
  archiveWeek,
  builtWeekOf,
  diffVersions,
  exportVersion,
  listVersions,
  showVersion,
  type VerifyReport,
  verifyArchive,
} from './archive/index.js';
export { type BuildOptions, type BuildResult, type BuildStage, buildReport } from './build.js';
export { type Cache, noCache, openCache } from './cache/index.js';
export { type CheckedWeek, type CheckOptions, checkWeekFile } from './check.js';
export {
  type Config,
  type ConfigFlags,
  type LoadConfigOptions,
  type LoadedConfig,
  loadConfig,
} from './config/index.js';
export { parseWeekText } from './data/load.js';
export type { Locale, Week } from './data/schema.js';
export { validateWeek } from './data/validate.js';
export { listDeliveries } from './email/deliveries.js';
export type { SendSummary } from './email/results.js';
export { type SendWeekOptions, sendWeek } from './email/send.js';
export {
  CapexReportError,
  EnvironmentError,
  EXIT_CODES,
  InvalidInputError,
  type Problem,
} from './errors.js';
export { formatFigure } from './format/index.js';
export type { InputFile } from './inputs/files.js';
export { type InputSet, loadInputs } from './inputs/load.js';
export { msg } from './messages/index.js';
export { deriveMetrics } from './metrics/derive.js';
export type { Metrics, ResolvedFigure } from './metrics/types.js';
export type { Artifact } from './output/artifacts.js';
export type { Manifest } from './output/manifest.js';
export { type BrowserLease, borrowBrowser, openBrowserLease } from './pdf/lease.js';
export { startPreview } from './preview/start.js';
export { VERSION } from './project.js';
export { runWeekly, type WeeklyOptions, type WeeklyResult } from './weekly/run.js';
