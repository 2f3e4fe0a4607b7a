/**
 * The library's entry: one week's data file in, both languages' reports out.
 *
 *   load → validate → derive → localize → chart → render → print → publish
 *
 * Each step is one call to the module of its stage; this function sequences them, owns the
 * browser's lifetime and reports progress. The browser starts at once, on the other core, while
 * Node validates, charts and renders; chart, render and print run per language, one language
 * after the other, so that Chromium prints the first page while Node makes the next.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'puppeteer';
import { chartFileName, renderCharts } from './charts/report.js';
import { loadWeek } from './data/load.js';
import type { Locale, Week } from './data/schema.js';
import { validateWeek } from './data/validate.js';
import { CapexReportError } from './errors.js';
import {
  createTranslator,
  LOCALES_DIR,
  readLocaleResources,
  type Translate,
} from './i18n/index.js';
import { assertLocaleParity } from './i18n/parity.js';
import { deriveMetrics } from './metrics/derive.js';
import type { Metrics } from './metrics/types.js';
import { buildManifest, combineHash, hashInputs, type Manifest } from './output/manifest.js';
import { publishFolder } from './output/publish.js';
import { launchBrowser } from './pdf/browser.js';
import { finalizeReport, printReport } from './pdf/print-report.js';
import Handlebars from './render/handlebars.js';
import type { PaperSize } from './render/page-css.js';
import { type LocaleHtml, renderLocaleHtml } from './render/report-html.js';
import { readTemplates, TEMPLATES_DIR } from './render/templates.js';
import type { ChartView } from './render/view.js';
import { VERSION } from './version.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** The usual place for tools' caches; never inside the output a client may be sent. */
export const DEFAULT_CACHE_DIR = path.join(ROOT, 'node_modules', '.cache', 'capex-report');

export type BuildStage =
  | 'load'
  | 'validate'
  | 'derive'
  | 'localize'
  | 'chart'
  | 'render'
  | 'print'
  | 'publish';

export interface BuildOptions {
  dataFile: string;
  /** Output root; files go to `<outDir>/<week>/`. */
  outDir: string;
  locales?: readonly Locale[];
  paper?: PaperSize;
  /** Write HTML and charts only: no browser needed. */
  htmlOnly?: boolean;
  /**
   * A browser to print with, or one still starting (kept open: its owner closes it); otherwise
   * one is launched and closed here.
   */
  browser?: Browser | Promise<Browser>;
  /**
   * Closes `browser` (the caller's, once; the build may call it more than once): the build calls
   * it as soon as the last page is printed, so that the browser shuts down while the PDFs are
   * finalized and written (a one-shot build's last ~0.2 s), and again at the end.
   */
  closeBrowser?: () => Promise<void>;
  /** Browser executable for a launched browser (`--browser`). */
  executablePath?: string;
  templatesDir?: string;
  localesDir?: string;
  /**
   * Rendered charts, font subsets, precompiled templates, parsed week files and the font files'
   * hashes are kept here between builds (default `node_modules/.cache/capex-report`); `false`
   * turns the disk cache off.
   */
  cacheDir?: string | false;
  /** Aborting closes the browser and leaves the previous output untouched. */
  signal?: AbortSignal;
  onStage?: (stage: BuildStage, detail?: string) => void;
}

export interface BuildResult {
  week: Week;
  /** Every figure printed, data and derived, as the report formatted them. */
  metrics: Metrics;
  dir: string;
  /** Relative path → absolute path of every file written. */
  files: Record<string, string>;
  pdfs: Partial<Record<Locale, string>>;
  manifest: Manifest;
}

export class BuildAbortedError extends CapexReportError {}

export async function buildReport(options: BuildOptions): Promise<BuildResult> {
  const locales = options.locales ?? (['zh-TW', 'en'] as const);
  const paper = options.paper ?? 'A4';
  const cacheDir = options.cacheDir === false ? undefined : (options.cacheDir ?? DEFAULT_CACHE_DIR);
  const entered = new Set<BuildStage>();
  /** Announces a stage the first time a language enters it; stops here once aborted. */
  const stage = (name: BuildStage, detail?: string) => {
    if (options.signal?.aborted)
      throw new BuildAbortedError('Build aborted', { cause: options.signal.reason });
    if (!entered.has(name)) options.onStage?.(name, detail);
    entered.add(name);
  };
  const browser = startBrowser(options);
  // Read and hashed off the main thread while Node works: the manifest and the PDFs' /ID.
  const inputs = hashInputs({
    dataFile: options.dataFile,
    templatesDir: options.templatesDir ?? TEMPLATES_DIR,
    localesDir: options.localesDir ?? LOCALES_DIR,
    root: ROOT,
    cacheDir,
  });
  inputs.catch(() => {}); // awaited after the data and the languages: their errors come first
  try {
    stage('load', options.dataFile);
    const loaded = await loadWeek(options.dataFile, { cacheDir });
    stage('validate');
    assertLocaleParity(options.localesDir);
    const week = validateWeek(loaded);
    stage('derive');
    const metrics = deriveMetrics(week, { writtenDecimals: loaded.writtenDecimals });
    stage('localize');
    const templates = await readTemplates(options.templatesDir ?? TEMPLATES_DIR);
    const translators = new Map(
      await Promise.all(
        locales.map(
          async (l) =>
            [l, await createTranslator(l, readLocaleResources(l, options.localesDir))] as const,
        ),
      ),
    );
    // The PDFs' identity: only finalizing waits for it, never printing.
    const identity = browser?.ready.then(async (live) => {
      const version = await live.version();
      return { version, hash: combineHash(await inputs, [VERSION, version, paper]) };
    });
    identity?.catch(() => {}); // reported when printing awaits the browser
    const inputsHash = identity?.then((id) => id.hash);
    inputsHash?.catch(() => {}); // awaited by finalizing, after printing

    // 5-7 per language, one after the other: Chromium prints the first language's page while
    // Node charts and renders the next. A stage is announced when the first language enters it.
    const printed: Promise<unknown>[] = [];
    const reports = await settleInOrder(
      locales.map((locale) => async (): Promise<() => Promise<LocaleReport>> => {
        const t = translators.get(locale) as Translate;
        stage('chart');
        const charts = await chartLocale(week, metrics, locale, t, cacheDir);
        stage('render');
        const page = await renderLocaleHtml({
          week,
          metrics,
          locale,
          t,
          charts,
          templates,
          paper,
          ...(cacheDir ? { cacheDir } : {}),
        });
        if (!browser || !inputsHash) return async () => ({ locale, charts, page });
        stage('print');
        const raw = browser.ready.then((live) => printReport(live, page, paper));
        printed.push(raw);
        // Once every page is printed, a browser this build owns closes while the PDFs are
        // finalized and written.
        if (printed.length === locales.length) void Promise.allSettled(printed).then(browser.done);
        const pdf = raw.then((bytes) => finalizeReport(bytes, { page, t, week, inputsHash }));
        pdf.catch(() => {}); // awaited in order by settleInOrder
        return async () => ({ locale, charts, page, pdf: await pdf });
      }),
    );

    const files = new Map<string, Uint8Array | string>();
    // HTML, then charts, then PDFs: the manifest lists the outputs in this order.
    for (const { locale, page } of reports) files.set(`report.${locale}.html`, page.html);
    for (const { locale, charts } of reports) {
      for (const c of charts) files.set(`charts/${chartFileName(c.id, locale)}`, c.svg.toString());
    }
    for (const { locale, pdf } of reports) if (pdf) files.set(`report.${locale}.pdf`, pdf);
    const browserVersion = identity ? (await identity).version : null;

    stage('publish');
    const manifest = buildManifest({
      week: week.meta.week,
      edition: week.meta.edition,
      paper,
      inputs: await inputs,
      browser: browserVersion,
      metrics,
      files,
    });
    files.set('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
    const dir = path.resolve(options.outDir, week.meta.week);
    await publishFolder(dir, files);
    const written = Object.fromEntries([...files.keys()].map((rel) => [rel, path.join(dir, rel)]));
    const pdfs = browser
      ? Object.fromEntries(locales.map((l) => [l, path.join(dir, `report.${l}.pdf`)]))
      : {};
    return { week, metrics, dir, files: written, pdfs, manifest };
  } finally {
    await browser?.release();
  }
}

interface BrowserLease {
  /** Resolves to the browser; rejects (for example: no browser installed) only when awaited. */
  ready: Promise<Browser>;
  /** Every page is printed: a browser this build owns starts closing. */
  done(): void;
  /** Closes a browser this build owns (or waits until it is closed); a caller's stays open. */
  release(): Promise<void>;
}

/** The caller's browser, or one launched now so that it starts while Node does its work. */
function startBrowser(options: BuildOptions): BrowserLease | undefined {
  if (options.htmlOnly) return undefined;
  const ready = options.browser
    ? Promise.resolve(options.browser)
    : launchBrowser({
        executablePath: options.executablePath,
        // With an abort signal the caller owns Ctrl-C: aborting closes this browser below.
        handleSignals: options.signal === undefined,
      });
  ready.catch(() => {}); // reported when printing awaits it; invalid data is reported first
  if (options.browser) {
    // A caller's close that fails must not replace the build's own result or error.
    const close = () => (options.closeBrowser?.() ?? Promise.resolve()).catch(() => {});
    return { ready, done: () => void close(), release: close };
  }
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= ready.then((b) => b.close()).catch(() => {});
    return closing;
  };
  options.signal?.addEventListener('abort', close, { once: true });
  return {
    ready,
    done: () => void close(),
    release: async () => {
      options.signal?.removeEventListener('abort', close);
      await close();
    },
  };
}

interface RenderedChartSvg extends ChartView {
  svg: Handlebars.SafeString;
}

interface LocaleReport {
  locale: Locale;
  charts: RenderedChartSvg[];
  page: LocaleHtml;
  /** Absent without a browser (`htmlOnly`). */
  pdf?: Uint8Array;
}

async function chartLocale(
  week: Week,
  metrics: Metrics,
  locale: Locale,
  t: Translate,
  cacheDir: string | undefined,
): Promise<RenderedChartSvg[]> {
  const charts = await renderCharts(week, metrics, locale, {
    t,
    ...(cacheDir ? { cacheDir: path.join(cacheDir, 'charts') } : {}),
  });
  return charts.map((c) => ({ ...c, svg: new Handlebars.SafeString(c.svg) }));
}

/**
 * Runs the steps one after the other; each returns a finisher that may still be working (a page
 * printing) while the next step runs. Resolves with the finishers' results in order once all are
 * settled, or rejects with the first failure: never while a page is still printing into a
 * browser about to be closed.
 */
async function settleInOrder<T>(steps: readonly (() => Promise<() => Promise<T>>)[]): Promise<T[]> {
  const finishing: Promise<T>[] = [];
  let failure: { error: unknown } | undefined;
  for (const step of steps) {
    try {
      const finish = await step();
      const result = finish();
      result.catch(() => {}); // settled below, after the remaining steps
      finishing.push(result);
    } catch (error) {
      failure = { error };
      break;
    }
  }
  const settled = await Promise.allSettled(finishing);
  if (failure) throw failure.error;
  const rejected = settled.find((r) => r.status === 'rejected');
  if (rejected) throw rejected.reason;
  return settled.map((r) => (r as PromiseFulfilledResult<T>).value);
}
