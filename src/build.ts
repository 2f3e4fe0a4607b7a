/**
 * The library's entry: one week's inputs in, both languages' reports out.
 *
 *   0 environment → 1 load → 2 validate → 3 derive → 4 localize → 5 chart → 6 render → 7 print
 *   → 8 assemble → 9 write (with `outDir`)
 *
 * Each step is one call to the module of its stage. Chart, render and print run per language in
 * turn (pdf/turns.ts): Chromium prints one language's page while Node makes the next. The result
 * is a set of artifacts in memory with their manifest; writing `<out>/<week>/` is one consumer of
 * it, the archive another.
 */
import path from 'node:path';
import type { Cache } from './cache/index.js';
import { type RenderedChart, renderCharts } from './charts/report.js';
import type { Firm } from './config/schema.js';
import { type LoadedWeek, parseWeek } from './data/load.js';
import { findMarks, refuseMarked } from './data/review.js';
import { LOCALES, type Locale, type Week } from './data/schema.js';
import { validateTexts, validateWeek } from './data/validate.js';
import { checkEnvironment } from './environment.js';
import { BuildAbortedError, UsageError } from './errors.js';
import { fontPackages } from './fonts/identity.js';
import type { Translate } from './i18n/index.js';
import { createTranslators } from './i18n/translators.js';
import { type FirmIdentity, readFirm } from './inputs/firm.js';
import { type BuildContext, inputHashes, inputsHash } from './inputs/hash.js';
import { type InputSet, loadInputs } from './inputs/load.js';
import { msg } from './messages/index.js';
import { deriveMetrics } from './metrics/derive.js';
import type { Metrics } from './metrics/types.js';
import type { Artifact } from './output/artifacts.js';
import { assembleArtifacts } from './output/assemble.js';
import type { Manifest } from './output/manifest.js';
import { checkOutputTarget, writeOutput } from './output/write.js';
import { type BrowserLease, openBrowserLease } from './pdf/lease.js';
import { printReport } from './pdf/print-report.js';
import { makeAndPrintInTurn } from './pdf/turns.js';
import { VERSION } from './project.js';
import type { PaperSize } from './render/page-css.js';
import { type LocaleHtml, renderLocaleHtml } from './render/report-html.js';

export type BuildStage =
  | 'load'
  | 'validate'
  | 'derive'
  | 'localize'
  | 'chart'
  | 'render'
  | 'print'
  | 'assemble'
  | 'write';

export interface BuildOptions {
  /** The week file; read with the templates and locale files in stage 1. */
  dataFile?: string;
  /** Or every input already read (loadInputs, or an archived version's inputs). */
  inputs?: InputSet;
  templatesDir?: string | undefined;
  localesDir?: string | undefined;
  /** The config's firm identity and its logo file: inputs too (hashed, archived, restored). */
  firm?: Firm | undefined;
  logoFile?: string | undefined;
  locales?: readonly Locale[];
  paper?: PaperSize;
  /** HTML and charts only: no browser needed. */
  htmlOnly?: boolean;
  /**
   * Build a week that still holds figures carried for review or texts in draft (new-week), with
   * DRAFT printed across every page; without it such a week is refused. A week without marks
   * builds as usual (no watermark: nothing in it is unreviewed).
   */
  draft?: boolean;
  /** A lease the caller holds (and closes); otherwise one is opened now and closed at the end. */
  browser?: BrowserLease | undefined;
  /** Browser executable for a lease opened here (`--browser`). */
  executablePath?: string | undefined;
  /** Keeps charts, font subsets, precompiled templates and parsed weeks between builds. */
  cache?: Cache | undefined;
  /** Writes `<outDir>/<week>/` once everything is made. */
  outDir?: string | undefined;
  /** Aborting stops the build at the next stage and closes a browser it opened. */
  signal?: AbortSignal | undefined;
  onStage?: (stage: BuildStage, detail?: string) => void;
}

export interface BuildResult {
  week: Week;
  /** Every figure printed, data and derived. */
  metrics: Metrics;
  inputs: InputSet;
  /** HTML, charts, PDFs and the manifest, in memory. */
  artifacts: Artifact[];
  manifest: Manifest;
  /** With `outDir`: the week's folder, each file's path and each PDF's path. */
  dir?: string;
  files: Record<string, string>;
  pdfs: Partial<Record<Locale, string>>;
}

export async function buildReport(options: BuildOptions): Promise<BuildResult> {
  const { cache } = options;
  const locales = options.locales ?? LOCALES;
  const paper = options.paper ?? 'A4';
  const stage = stages(options);
  // 0. environment: a temporary folder for a browser launched here, a writable output folder
  await checkEnvironment({
    tempDir: !options.htmlOnly && !options.browser,
    outDir: options.outDir,
  });
  const lease = options.htmlOnly ? undefined : (options.browser ?? openLease(options));
  try {
    // 1. load: every input file, read once
    stage('load', options.dataFile);
    const inputs =
      options.inputs ?? (await loadInputs({ ...options, dataFile: dataFileOf(options) }));
    // 2. validate: the week's shape and cross-field rules, every problem at once
    stage('validate');
    const loaded = await parseWeek(inputs.week);
    const week = validateWeek(loaded);
    if (!options.draft) refuseMarked(week, loaded);
    const draft = Boolean(options.draft) && findMarks(week).length > 0;
    // Nothing in the way of <out>/<week>/ (checked again when written)
    if (options.outDir) await checkOutputTarget(path.resolve(options.outDir, week.meta.week));
    const firm = readFirm(inputs);
    // 3. derive: every computed figure, once; the texts' tokens are checked against them
    stage('derive');
    const metrics = deriveMetrics(week, { writtenDecimals: loaded.writtenDecimals });
    validateTexts(week, metrics, loaded);
    // 4. localize: each language's strings (both files must have the same keys)
    stage('localize');
    const translate = await createTranslators(inputs.locales, locales);
    const context = buildContext(lease, paper);
    const hash = context.then((c) => inputsHash(inputs, c));
    hash.catch(() => {}); // awaited once a page is printed: a failed launch is reported there
    // 5-7. chart, render and print each language, Chromium printing one while Node makes the next
    const pages = await makeAndPrintInTurn(locales, {
      make: (locale) =>
        makePage(
          {
            week,
            metrics,
            inputs,
            locale,
            t: translate(locale),
            paper,
            cache,
            firm,
            draft,
            source: loaded,
          },
          stage,
        ),
      print:
        lease &&
        (async (made) => {
          stage('print');
          return printReport(lease, {
            ...made,
            paper,
            week,
            metrics,
            source: loaded,
            inputsHash: hash,
          });
        }),
    });
    // 8. assemble: the artifacts in memory and their manifest
    stage('assemble');
    const { artifacts, manifest } = assembleArtifacts({
      languages: pages.map(({ item, page: made, printed }) => ({
        locale: item,
        html: made.page.html,
        charts: made.charts,
        pdf: printed,
      })),
      week,
      metrics,
      context: await context,
      inputs: inputHashes(inputs),
      inputsHash: await hash,
    });
    const result = { week, metrics, inputs, artifacts, manifest, files: {}, pdfs: {} };
    if (!options.outDir) return result;
    // 9. write: <out>/<week>/, replacing only an earlier output of ours
    stage('write');
    const written = await writeOutput(path.resolve(options.outDir, week.meta.week), artifacts);
    return { ...result, ...written, pdfs: pdfPaths(written.files, locales, Boolean(lease)) };
  } finally {
    if (!options.browser) await lease?.close();
  }
}

interface PageInput {
  week: Week;
  metrics: Metrics;
  inputs: InputSet;
  firm: FirmIdentity | undefined;
  locale: Locale;
  t: Translate;
  paper: PaperSize;
  cache: Cache | undefined;
  draft: boolean;
  source: LoadedWeek;
}

interface MadePage {
  page: LocaleHtml;
  charts: RenderedChart[];
  t: Translate;
}

/** Stages 5 and 6 for one language: its charts, then its page. */
async function makePage(input: PageInput, stage: (name: BuildStage) => void): Promise<MadePage> {
  const { week, metrics, inputs, firm, locale, t, paper, cache, draft, source } = input;
  stage('chart');
  const charts = await renderCharts({ week, metrics, locale, t, specs: inputs.charts, cache });
  stage('render');
  const templates = inputs.templates;
  const page = await renderLocaleHtml({
    week,
    metrics,
    locale,
    t,
    charts,
    templates,
    paper,
    cache,
    firm,
    draft,
    source,
  });
  return { page, charts, t };
}

/** Announces each stage the first time it is entered; throws once the build is aborted. */
function stages(options: BuildOptions): (name: BuildStage, detail?: string) => void {
  const entered = new Set<BuildStage>();
  return (name, detail) => {
    if (options.signal?.aborted) {
      throw new BuildAbortedError(msg.build.aborted, { cause: options.signal.reason });
    }
    if (!entered.has(name)) options.onStage?.(name, detail);
    entered.add(name);
  };
}

function dataFileOf(options: BuildOptions): string {
  if (!options.dataFile) throw new UsageError(msg.build.noInput);
  return options.dataFile;
}

function openLease(options: BuildOptions): BrowserLease {
  return openBrowserLease({ executablePath: options.executablePath, signal: options.signal });
}

/** The tool, browser, paper and fonts the PDFs are made with; resolves once Chromium is up. */
async function buildContext(
  lease: BrowserLease | undefined,
  paper: PaperSize,
): Promise<BuildContext> {
  const browser = await (lease?.version() ?? null);
  return { tool: VERSION, browser, paper, fonts: fontPackages() };
}

function pdfPaths(
  files: Record<string, string>,
  locales: readonly Locale[],
  printed: boolean,
): Partial<Record<Locale, string>> {
  if (!printed) return {};
  return Object.fromEntries(locales.map((l) => [l, files[`report.${l}.pdf`]]));
}
