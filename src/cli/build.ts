import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Locale } from '../data/schema.js';
import { InterruptedError, UsageError } from '../errors.js';
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
  if (!newest)
    throw new UsageError(`No week file (YYYY-Www.yaml) in ${dir}/; pass one with --data FILE`);
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
  const { launchBrowser } = await import('../pdf/browser.js');
  const browser = options.htmlOnly
    ? undefined
    : launchBrowser({
        ...(options.browser ? { executablePath: options.browser } : {}),
        handleSignals: false,
      });
  browser?.catch(() => {}); // a missing browser is reported when printing needs it
  // Once: Ctrl-C, the build (as soon as the pages are printed) and the end all call it.
  let closing: Promise<void> | undefined;
  const closeBrowser = () => {
    closing ??= browser?.then((b) => b.close()).catch(() => {}) ?? Promise.resolve();
    return closing;
  };
  controller.signal.addEventListener('abort', closeBrowser, { once: true });
  try {
    const { buildReport } = await import('../build.js');
    const result = await buildReport({
      dataFile,
      outDir: options.out,
      locales: [...new Set(options.locale)],
      paper: options.paper,
      htmlOnly: options.htmlOnly,
      ...(browser ? { browser, closeBrowser } : {}),
      ...(options.cache ? {} : { cacheDir: false as const }),
      signal: controller.signal,
      onStage: (stage, detail) => log(`  ${stage}${detail ? ` ${detail}` : ''}`),
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    log(
      `Built ${result.week.meta.week} in ${seconds} s → ${path.relative(process.cwd(), result.dir) || '.'}/`,
    );
    const pdfs = Object.values(result.pdfs);
    const shown =
      pdfs.length > 0 ? pdfs : Object.values(result.files).filter((f) => f.endsWith('.html'));
    for (const file of shown) process.stdout.write(`${path.relative(process.cwd(), file)}\n`);
  } catch (error) {
    if (controller.signal.aborted) {
      throw new InterruptedError(
        `Build interrupted (${String(controller.signal.reason?.message ?? 'signal')}); the previous output is untouched`,
        { cause: error },
      );
    }
    throw error;
  } finally {
    await closeBrowser();
    process.off('SIGINT', abort);
    process.off('SIGTERM', abort);
  }
}
