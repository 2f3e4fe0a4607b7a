/**
 * The library's entry: one week's data file in, both languages' reports out.
 *
 *   load → validate → derive → localize → chart → render → print → publish
 *
 * Each step is one call to the module of its stage; this function only sequences them, owns the
 * browser's lifetime and reports progress.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import type { Browser } from 'puppeteer';
import { chartFileName, renderCharts } from './charts/index.js';
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
import { combineHash, hashInputs, type Manifest, sha256 } from './output/manifest.js';
import { type OutputFiles, publishFolder } from './output/publish.js';
import { launchBrowser } from './pdf/browser.js';
import { finalizePdf } from './pdf/finalize.js';
import { printPdfs } from './pdf/print.js';
import type { PaperSize } from './render/page-css.js';
import { type LocaleHtml, renderLocaleHtml } from './render/report-html.js';
import { readTemplates, TEMPLATES_DIR } from './render/templates.js';
import type { ChartView } from './render/view.js';
import { VERSION } from './version.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

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
  /** A running browser to print with (kept open); otherwise one is launched and closed. */
  browser?: Browser;
  /** Browser executable for a launched browser (`--browser`). */
  executablePath?: string;
  templatesDir?: string;
  localesDir?: string;
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
  const stage = (name: BuildStage, detail?: string) => {
    if (options.signal?.aborted)
      throw new BuildAbortedError('Build aborted', { cause: options.signal.reason });
    options.onStage?.(name, detail);
  };

  stage('load', options.dataFile);
  const loaded = await loadWeek(options.dataFile);
  stage('validate');
  assertLocaleParity(options.localesDir);
  const week = validateWeek(loaded);
  stage('derive');
  const metrics = deriveMetrics(week, { writtenDecimals: loaded.writtenDecimals });
  stage('localize');
  const [templates, translators] = await Promise.all([
    readTemplates(options.templatesDir ?? TEMPLATES_DIR),
    Promise.all(
      locales.map(
        async (locale) =>
          [
            locale,
            await createTranslator(locale, readLocaleResources(locale, options.localesDir)),
          ] as const,
      ),
    ),
  ]);
  stage('chart');
  const charts = await chartAll(week, metrics, locales);
  stage('render');
  const pages = await Promise.all(
    translators.map(([locale, t]) =>
      renderLocaleHtml({
        week,
        metrics,
        locale,
        t,
        charts: charts.get(locale) ?? [],
        templates,
        paper,
      }),
    ),
  );
  const files = new Map<string, Uint8Array | string>();
  for (const page of pages) files.set(`report.${page.locale}.html`, page.html);
  for (const [locale, list] of charts)
    for (const c of list) files.set(`charts/${chartFileName(c.id, locale)}`, c.svg.toString());

  const inputs = await hashInputs({
    dataFile: options.dataFile,
    templatesDir: options.templatesDir ?? TEMPLATES_DIR,
    localesDir: options.localesDir ?? LOCALES_DIR,
    root: ROOT,
  });
  let browserVersion: string | null = null;
  if (!options.htmlOnly) {
    stage('print');
    const printed = await printAll(pages, new Map(translators), week, paper, inputs, options);
    browserVersion = printed.browserVersion;
    for (const [locale, pdf] of printed.pdfs) files.set(`report.${locale}.pdf`, pdf);
  }

  stage('publish');
  const manifest = buildManifest(week, paper, inputs, browserVersion, metrics, files);
  files.set('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  const dir = path.resolve(options.outDir, week.meta.week);
  await publishFolder(dir, files);
  const written = Object.fromEntries([...files.keys()].map((rel) => [rel, path.join(dir, rel)]));
  const pdfs = Object.fromEntries(
    locales.filter(() => !options.htmlOnly).map((l) => [l, path.join(dir, `report.${l}.pdf`)]),
  );
  return { week, metrics, dir, files: written, pdfs, manifest };
}

interface RenderedChartSvg extends ChartView {
  svg: Handlebars.SafeString;
}

async function chartAll(week: Week, metrics: Metrics, locales: readonly Locale[]) {
  const out = new Map<Locale, RenderedChartSvg[]>();
  await Promise.all(
    locales.map(async (locale) => {
      const rendered = await renderCharts(week, metrics, locale);
      out.set(
        locale,
        rendered.map((c) => ({ ...c, svg: new Handlebars.SafeString(c.svg) })),
      );
    }),
  );
  return out;
}

async function printAll(
  pages: readonly LocaleHtml[],
  translators: ReadonlyMap<Locale, Translate>,
  week: Week,
  paper: PaperSize,
  inputs: Record<string, string>,
  options: BuildOptions,
): Promise<{ pdfs: Map<Locale, Uint8Array>; browserVersion: string }> {
  const browser =
    options.browser ??
    (await launchBrowser({
      executablePath: options.executablePath,
      // With an abort signal the caller owns Ctrl-C: aborting closes this browser below.
      handleSignals: options.signal === undefined,
    }));
  const closeOnAbort = () => void browser.close();
  options.signal?.addEventListener('abort', closeOnAbort, { once: true });
  try {
    const browserVersion = await browser.version();
    const inputsHash = combineHash(inputs, [VERSION, browserVersion, paper]);
    const results = await printPdfs(
      browser,
      pages.map((p) => ({ html: p.html, locale: p.locale, title: p.title, format: paper })),
    );
    const pdfs = new Map<Locale, Uint8Array>();
    await Promise.all(
      pages.map(async (page, i) => {
        const t = translators.get(page.locale) as Translate;
        const pdf = await finalizePdf((results[i] as { pdf: Uint8Array }).pdf, {
          title: `${page.title} · ${week.meta.week}`,
          author: week.meta.author[page.locale],
          subject: t('document.subject'),
          keywords: t('document.keywords').split(/\s*,\s*/),
          language: page.locale === 'zh-TW' ? 'zh-Hant-TW' : 'en',
          version: VERSION,
          issued: new Date(week.meta.issuedAt),
          inputsHash,
        });
        pdfs.set(page.locale, pdf);
      }),
    );
    return { pdfs, browserVersion };
  } finally {
    options.signal?.removeEventListener('abort', closeOnAbort);
    if (!options.browser) await browser.close();
  }
}

function buildManifest(
  week: Week,
  paper: PaperSize,
  inputs: Record<string, string>,
  browser: string | null,
  metrics: Metrics,
  files: OutputFiles,
): Manifest {
  return {
    tool: { name: 'capex-report', version: VERSION, node: process.version },
    browser,
    week: week.meta.week,
    edition: week.meta.edition,
    paper,
    inputs,
    inputsHash: combineHash(inputs, [VERSION, browser ?? '', paper]),
    outputs: Object.fromEntries(
      [...files].map(([rel, data]) => [
        rel,
        { sha256: sha256(data), bytes: Buffer.byteLength(data) },
      ]),
    ),
    derived: [...metrics.figures.values()]
      .filter((f) => f.derived)
      .map((f) => ({ id: f.id, value: f.value, formula: f.formula ?? '', inputs: f.inputs ?? [] })),
  };
}
