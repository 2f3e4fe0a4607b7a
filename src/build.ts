/**
 * The library's entry: one week's data file in, both languages' reports out.
 *
 *   load → validate → derive → localize → chart → render → print → publish
 *
 * Each step is one call to the module of its stage; this function sequences them, owns the
 * browser's lifetime and reports progress. The browser starts at once, on the other core, while
 * Node validates, charts and renders.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
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
import { printReports } from './pdf/print-reports.js';
import type { PaperSize } from './render/page-css.js';
import { renderLocaleHtml } from './render/report-html.js';
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
  /** Browser executable for a launched browser (`--browser`). */
  executablePath?: string;
  templatesDir?: string;
  localesDir?: string;
  /**
   * Rendered charts and font subsets are kept here between builds (default
   * `node_modules/.cache/capex-report`); `false` turns the disk cache off.
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
  const stage = (name: BuildStage, detail?: string) => {
    if (options.signal?.aborted)
      throw new BuildAbortedError('Build aborted', { cause: options.signal.reason });
    options.onStage?.(name, detail);
  };
  const browser = startBrowser(options);
  try {
    stage('load', options.dataFile);
    const loaded = await loadWeek(options.dataFile);
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
    stage('chart');
    const charts = await chartAll(week, metrics, translators, cacheDir);
    stage('render');
    const pages = await Promise.all(
      locales.map((locale) =>
        renderLocaleHtml({
          week,
          metrics,
          locale,
          t: translators.get(locale) as Translate,
          charts: charts.get(locale) ?? [],
          templates,
          paper,
          ...(cacheDir ? { cacheDir } : {}),
        }),
      ),
    );
    const files = new Map<string, Uint8Array | string>();
    for (const page of pages) files.set(`report.${page.locale}.html`, page.html);
    for (const [locale, list] of charts) {
      for (const c of list) files.set(`charts/${chartFileName(c.id, locale)}`, c.svg.toString());
    }
    const inputs = await hashInputs({
      dataFile: options.dataFile,
      templatesDir: options.templatesDir ?? TEMPLATES_DIR,
      localesDir: options.localesDir ?? LOCALES_DIR,
      root: ROOT,
    });

    let browserVersion: string | null = null;
    if (browser) {
      stage('print');
      const live = await browser.ready;
      browserVersion = await live.version();
      const pdfs = await printReports({
        browser: live,
        pages,
        translators,
        week,
        paper,
        inputsHash: combineHash(inputs, [VERSION, browserVersion, paper]),
      });
      for (const [locale, pdf] of pdfs) files.set(`report.${locale}.pdf`, pdf);
    }

    stage('publish');
    const manifest = buildManifest({
      week: week.meta.week,
      edition: week.meta.edition,
      paper,
      inputs,
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
  /** Closes a browser this build launched; a browser passed in stays open. */
  release(): Promise<void>;
}

/** The caller's browser, or one launched now so that it starts while Node does its work. */
function startBrowser(options: BuildOptions): BrowserLease | undefined {
  if (options.htmlOnly) return undefined;
  if (options.browser) {
    const ready = Promise.resolve(options.browser);
    ready.catch(() => {}); // reported when printing awaits it
    return { ready, release: async () => {} };
  }
  const ready = launchBrowser({
    executablePath: options.executablePath,
    // With an abort signal the caller owns Ctrl-C: aborting closes this browser below.
    handleSignals: options.signal === undefined,
  });
  ready.catch(() => {}); // reported when printing awaits it; invalid data is reported first
  const close = () => ready.then((b) => b.close()).catch(() => {});
  options.signal?.addEventListener('abort', close, { once: true });
  return {
    ready,
    release: async () => {
      options.signal?.removeEventListener('abort', close);
      await close();
    },
  };
}

interface RenderedChartSvg extends ChartView {
  svg: Handlebars.SafeString;
}

async function chartAll(
  week: Week,
  metrics: Metrics,
  translators: ReadonlyMap<Locale, Translate>,
  cacheDir: string | undefined,
): Promise<Map<Locale, RenderedChartSvg[]>> {
  const rendered = await Promise.all(
    [...translators].map(async ([locale, t]) => {
      const charts = await renderCharts(week, metrics, locale, {
        t,
        ...(cacheDir ? { cacheDir: path.join(cacheDir, 'charts') } : {}),
      });
      return [
        locale,
        charts.map((c) => ({ ...c, svg: new Handlebars.SafeString(c.svg) })),
      ] as const;
    }),
  );
  return new Map(rendered);
}
