/** `capex-report build`: the CLI's side of buildReport (settings, progress, Ctrl-C, the paths). */
import path from 'node:path';
import type { BuildResult } from '../build.js';
import type { Locale } from '../data/schema.js';
import { EXIT_CODES, InterruptedError } from '../errors.js';
import { msg } from '../messages/index.js';
import { killLaunchedBrowsers } from '../pdf/processes.js';
import type { PaperSize } from '../render/page-css.js';
import { type BuildJson, type MarkJson, printJson } from './json.js';
import { createProgress, type Progress, verbosityOf } from './progress.js';
import { type GlobalOptions, loadSettings, originOf } from './settings.js';
import { newestWeekFile } from './weeks.js';

export interface BuildCommandOptions extends GlobalOptions {
  data?: string;
  out?: string;
  htmlOnly: boolean;
  locale?: Locale[];
  paper?: PaperSize;
  browser?: string;
  /** False with --no-cache. */
  cache: boolean;
  /** Store the build in the archive as the week's next version. */
  archive: boolean;
  /** Build a week that still holds marks of new-week, with DRAFT on every page. */
  draft: boolean;
  json: boolean;
}

export async function runBuild(options: BuildCommandOptions): Promise<void> {
  const controller = new AbortController();
  const abort = (signal: NodeJS.Signals) => {
    if (!controller.signal.aborted) controller.abort(new Error(`received ${signal}`));
    else stopNow(signal);
  };
  process.on('SIGINT', abort);
  process.on('SIGTERM', abort);
  const started = performance.now();
  const { config, origins } = await loadSettings(options, {
    output: options.out,
    paper: options.paper,
    languages: options.locale,
    browser: options.browser,
  });
  // Before any work: a usable temporary folder (the browser's profile) and output folder.
  const { checkEnvironment } = await import('../environment.js');
  await checkEnvironment({ tempDir: !options.htmlOnly, outDir: config.paths.output });
  // Chromium starts now, on the other core, while Node loads the rest of the pipeline.
  const { openBrowserLease } = await import('../pdf/lease.js');
  const lease = options.htmlOnly
    ? undefined
    : openBrowserLease({
        executablePath: config.browser.executablePath,
        executableOrigin: originOf(origins.get('browser.executablePath')),
        signal: controller.signal,
      });
  const dataFile = options.data ?? (await newestWeekFile(config.paths.data).catch(closing(lease)));
  const label = msg.progress.building(path.basename(dataFile).replace(/\.ya?ml$/, ''));
  const progress = await createProgress({ verbosity: verbosityOf(options), label });
  try {
    const [{ buildReport }, { noCache, openCache }] = await Promise.all([
      import('../build.js'),
      import('../cache/index.js'),
    ]);
    const result = await buildReport({
      dataFile,
      firm: config.firm,
      logoFile: config.firm.logo,
      outDir: config.paths.output,
      locales: config.report.languages,
      paper: config.report.paper,
      htmlOnly: options.htmlOnly,
      draft: options.draft,
      browser: lease,
      cache: options.cache ? openCache(config.paths.cache) : noCache(),
      signal: controller.signal,
      onStage: (stage, detail) => progress.step(stage, detail),
    });
    await lease?.close();
    progress.done();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const dir = path.relative(process.cwd(), result.dir ?? '') || '.';
    progress.info(msg.output.built(result.week.meta.week, seconds, dir));
    const marks = options.draft ? await marksOf(result) : [];
    if (marks.length > 0) progress.warn(draftWarning(result, marks));
    const archived = options.archive
      ? await archiveResult(result, config.paths.archive, progress)
      : undefined;
    if (options.json) {
      printJson(buildJson(result, { draft: options.draft, marks, archived, started }));
    } else {
      for (const file of shownFiles(result)) {
        process.stdout.write(`${path.relative(process.cwd(), file)}\n`);
      }
    }
  } catch (error) {
    progress.done();
    if (controller.signal.aborted) {
      const reason = String(controller.signal.reason?.message ?? 'signal');
      throw new InterruptedError(msg.build.interrupted(reason), { cause: error });
    }
    throw error;
  } finally {
    await lease?.close();
    process.off('SIGINT', abort);
    process.off('SIGTERM', abort);
  }
}

/** Closes the lease before an error goes on: no browser is left behind. */
function closing(lease: { close(): Promise<void> } | undefined) {
  return async (error: unknown): Promise<never> => {
    await lease?.close();
    throw error;
  };
}

function shownFiles(result: BuildResult): string[] {
  const pdfs = Object.values(result.pdfs);
  return pdfs.length > 0 ? pdfs : Object.values(result.files).filter((f) => f.endsWith('.html'));
}

interface JsonExtras {
  draft: boolean;
  marks: MarkJson[];
  archived: { version: number; created: boolean } | undefined;
  started: number;
}

function buildJson(result: BuildResult, extras: JsonExtras): BuildJson {
  const { draft, marks, archived, started } = extras;
  return {
    week: result.week.meta.week,
    edition: result.week.meta.edition,
    dir: result.dir,
    files: result.files,
    pdfs: result.pdfs,
    draft,
    marks,
    ...(archived ? { archived } : {}),
    durationMs: Math.round(performance.now() - started),
  };
}

/** What a draft build still holds marked, located in the week file it read. */
async function marksOf(result: BuildResult): Promise<MarkJson[]> {
  const [{ findMarks, locateMarks }, { parseWeekText }, { shownName, textOf }] = await Promise.all([
    import('../data/review.js'),
    import('../data/load.js'),
    import('../inputs/files.js'),
  ]);
  const marks = findMarks(result.week);
  if (marks.length === 0) return [];
  const loaded = parseWeekText(textOf(result.inputs.week), shownName(result.inputs.week));
  return locateMarks(loaded, marks);
}

function draftWarning(result: BuildResult, marks: readonly MarkJson[]): string {
  const figures = marks.filter((m) => m.kind === 'figure').length;
  const file = marks[0]?.file ?? result.week.meta.week;
  return msg.review.warning(msg.review.stillMarked(file, figures, marks.length - figures));
}

/**
 * A second Ctrl-C: the user will not wait for the browser to close. It is killed at once (its whole
 * process group) and its profile removed; the output folder is never half-written (the writer
 * renames a complete folder, and removes its staging folder as the process exits).
 */
function stopNow(signal: NodeJS.Signals): never {
  process.stderr.write(`${msg.cli.failed(msg.faults.stoppingNow(signal))}\n`);
  killLaunchedBrowsers();
  process.exit(EXIT_CODES.interrupted);
}

async function archiveResult(
  result: BuildResult,
  root: string,
  progress: Progress,
): Promise<{ version: number; created: boolean }> {
  const { archiveWeek, builtWeekOf } = await import('../archive/index.js');
  const week = result.week.meta.week;
  progress.step('archive', week);
  const { version, created } = await archiveWeek(builtWeekOf(result), { root });
  progress.done();
  progress.info(
    created ? msg.archive.archived(week, version) : msg.archive.unchanged(week, version),
  );
  return { version, created };
}
