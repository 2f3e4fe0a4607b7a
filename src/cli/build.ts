/** `capex-report build`: the CLI's side of buildReport (options, progress, Ctrl-C, the paths). */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Locale } from '../data/schema.js';
import { InterruptedError, UsageError } from '../errors.js';
import { msg } from '../messages/index.js';
import { DEFAULT_CACHE_DIR } from '../project.js';
import type { PaperSize } from '../render/page-css.js';

export interface BuildCommandOptions {
  data?: string;
  out: string;
  htmlOnly: boolean;
  locale: Locale[];
  paper: PaperSize;
  browser?: string;
  quiet: boolean;
  /** False with --no-cache. */
  cache: boolean;
}

/** The newest week file in data/ (week ids sort by time). */
export async function newestWeekFile(dir = 'data'): Promise<string> {
  const files = (await readdir(dir).catch(() => [] as string[]))
    .filter((f) => /^\d{4}-W\d{2}\.ya?ml$/.test(f))
    .sort();
  const newest = files.at(-1);
  if (!newest) throw new UsageError(msg.build.noWeekFile(dir));
  return path.join(dir, newest);
}

export async function runBuild(options: BuildCommandOptions): Promise<void> {
  const dataFile = options.data ?? (await newestWeekFile());
  const controller = new AbortController();
  const abort = (signal: NodeJS.Signals) => controller.abort(new Error(`received ${signal}`));
  process.once('SIGINT', abort);
  process.once('SIGTERM', abort);
  const started = performance.now();
  const log = (line: string) => {
    if (!options.quiet) process.stderr.write(`${line}\n`);
  };
  // Chromium starts first, on the other core, while Node loads the rest of the pipeline.
  const { openBrowserLease } = await import('../pdf/lease.js');
  const lease = options.htmlOnly
    ? undefined
    : openBrowserLease({ executablePath: options.browser, signal: controller.signal });
  try {
    const [{ buildReport }, { noCache, openCache }] = await Promise.all([
      import('../build.js'),
      import('../cache/index.js'),
    ]);
    const result = await buildReport({
      dataFile,
      outDir: options.out,
      locales: [...new Set(options.locale)],
      paper: options.paper,
      htmlOnly: options.htmlOnly,
      browser: lease,
      cache: options.cache ? openCache(DEFAULT_CACHE_DIR) : noCache(),
      signal: controller.signal,
      onStage: (stage, detail) => log(`  ${stage}${detail ? ` ${detail}` : ''}`),
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const dir = path.relative(process.cwd(), result.dir ?? '') || '.';
    log(msg.output.built(result.week.meta.week, seconds, dir));
    const pdfs = Object.values(result.pdfs);
    const shown =
      pdfs.length > 0 ? pdfs : Object.values(result.files).filter((f) => f.endsWith('.html'));
    for (const file of shown) process.stdout.write(`${path.relative(process.cwd(), file)}\n`);
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
