/** `capex-report build`: the CLI's side of buildReport (settings, progress, Ctrl-C, the paths). */
import path from 'node:path';
import type { Locale } from '../data/schema.js';
import { InterruptedError } from '../errors.js';
import { msg } from '../messages/index.js';
import type { PaperSize } from '../render/page-css.js';
import { type GlobalOptions, loadSettings, originOf } from './settings.js';
import { newestWeekFile } from './weeks.js';

export interface BuildCommandOptions extends GlobalOptions {
  data?: string;
  out?: string;
  htmlOnly: boolean;
  locale?: Locale[];
  paper?: PaperSize;
  browser?: string;
  quiet: boolean;
  /** False with --no-cache. */
  cache: boolean;
  /** Store the build in the archive as the week's next version. */
  archive: boolean;
  json: boolean;
}

export async function runBuild(options: BuildCommandOptions): Promise<void> {
  const controller = new AbortController();
  const abort = (signal: NodeJS.Signals) => controller.abort(new Error(`received ${signal}`));
  process.once('SIGINT', abort);
  process.once('SIGTERM', abort);
  const started = performance.now();
  const log = (line: string) => {
    if (!options.quiet) process.stderr.write(`${line}\n`);
  };
  const { config, origins } = await loadSettings(options, {
    output: options.out,
    paper: options.paper,
    languages: options.locale,
    browser: options.browser,
  });
  // Chromium starts now, on the other core, while Node loads the rest of the pipeline.
  const { openBrowserLease } = await import('../pdf/lease.js');
  const lease = options.htmlOnly
    ? undefined
    : openBrowserLease({
        executablePath: config.browser.executablePath,
        executableOrigin: originOf(origins.get('browser.executablePath')),
        signal: controller.signal,
      });
  try {
    const dataFile = options.data ?? (await newestWeekFile(config.paths.data));
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
      browser: lease,
      cache: options.cache ? openCache(config.paths.cache) : noCache(),
      signal: controller.signal,
      onStage: (stage, detail) => log(`  ${stage}${detail ? ` ${detail}` : ''}`),
    });
    await lease?.close();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const dir = path.relative(process.cwd(), result.dir ?? '') || '.';
    log(msg.output.built(result.week.meta.week, seconds, dir));
    const archived = options.archive
      ? await archiveResult(result, config.paths.archive)
      : undefined;
    if (archived) {
      const { version, created } = archived;
      const week = result.week.meta.week;
      log(created ? msg.archive.archived(week, version) : msg.archive.unchanged(week, version));
    }
    const pdfs = Object.values(result.pdfs);
    const shown =
      pdfs.length > 0 ? pdfs : Object.values(result.files).filter((f) => f.endsWith('.html'));
    if (options.json) {
      const json = { week: result.week.meta.week, dir: result.dir, files: result.files, archived };
      process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    } else {
      for (const file of shown) process.stdout.write(`${path.relative(process.cwd(), file)}\n`);
    }
  } catch (error) {
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

async function archiveResult(
  result: import('../build.js').BuildResult,
  root: string,
): Promise<{ version: number; created: boolean }> {
  const { archiveWeek, builtWeekOf } = await import('../archive/index.js');
  const { version, created } = await archiveWeek(builtWeekOf(result), { root });
  return { version, created };
}
