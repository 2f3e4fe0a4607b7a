/**
 * The preview's warm pipeline: one cache open for the preview's life, one browser lease (opened on
 * the first print and kept; a crashed browser is replaced by the lease), and the last good build.
 * Each rebuild reads the inputs afresh and builds the HTML only (no browser); a week that still
 * holds marks of new-week builds as a draft, as `build --draft` would print it. A failure keeps
 * the last good build on show and reports the located problems instead.
 */
import path from 'node:path';
import { buildReport } from '../build.js';
import type { Cache } from '../cache/index.js';
import type { MarkJson } from '../cli/json.js';
import type { LoadedConfig } from '../config/index.js';
import { parseWeekText } from '../data/load.js';
import { findMarks, locateMarks } from '../data/review.js';
import type { Week } from '../data/schema.js';
import { describeError, InvalidInputError } from '../errors.js';
import { type InputFile, shownName, textOf } from '../inputs/files.js';
import type { InputSet } from '../inputs/load.js';
import { msg } from '../messages/index.js';
import type { BrowserLease } from '../pdf/lease.js';
import { initialState, type PreviewState, ReportFiles } from './state.js';

export interface SessionOptions {
  dataFile: string;
  templatesDir: string;
  localesDir: string;
  /** Reads the settings again (the config file may have changed). */
  loadConfig: () => Promise<LoadedConfig>;
  config: LoadedConfig;
  cache: Cache;
  /** Opens the one lease, on the first print. */
  openLease: (config: LoadedConfig) => BrowserLease;
  /** Every change of state (the server pushes it to the page). */
  onState: (state: PreviewState) => void;
  /** Paths in messages, relative to this folder. */
  cwd: string;
}

export interface PreviewSession {
  readonly files: ReportFiles;
  state(): PreviewState;
  rebuild(): Promise<void>;
  print(): Promise<void>;
  close(): Promise<void>;
}

export function createPreviewSession(options: SessionOptions): PreviewSession {
  let config = options.config;
  const { report } = config.config;
  let state = initialState(report.paper, [...report.languages]);
  const files = new ReportFiles();
  let good: { inputs: InputSet; week: Week } | undefined;
  let lease: BrowserLease | undefined;
  let printing: Promise<void> | undefined;
  const set = (change: Partial<PreviewState>) => {
    state = { ...state, ...change };
    options.onState(state);
  };

  async function rebuild(): Promise<void> {
    set({ status: 'building' });
    const started = performance.now();
    try {
      config = await options.loadConfig();
      const { paper, languages } = config.config.report;
      const { firm } = config.config;
      const result = await buildReport({
        dataFile: options.dataFile,
        firm,
        logoFile: firm.logo,
        templatesDir: options.templatesDir,
        localesDir: options.localesDir,
        locales: languages,
        paper,
        htmlOnly: true,
        draft: true,
        cache: options.cache,
      });
      files.setBuilt(result.artifacts);
      good = { inputs: result.inputs, week: result.week };
      set({
        version: state.version + 1,
        status: 'ready',
        week: result.week.meta.week,
        paper,
        locales: [...languages],
        builtAt: new Date().toISOString(),
        buildMs: Math.round(performance.now() - started),
        marks: marksOf(result.week, result.inputs.week, options.cwd),
        error: null,
        problems: [],
      });
    } catch (error) {
      set({ status: 'error', ...failure(error, options.cwd) });
    }
  }

  async function printOnce(): Promise<void> {
    if (!good) throw new Error(msg.preview.nothingToPrint);
    const { paper, languages } = config.config.report;
    const version = state.version;
    set({ printing: true, printError: null });
    try {
      lease ??= options.openLease(config);
      const result = await buildReport({
        inputs: good.inputs,
        locales: languages,
        paper,
        draft: true,
        browser: lease,
        cache: options.cache,
      });
      files.setPrinted(result.artifacts);
      const pdfs = result.artifacts
        .filter((a) => a.name.endsWith('.pdf') && a.locale)
        .map((a) => ({
          locale: a.locale ?? 'en',
          url: `/report/${a.name}?v=${version}`,
          bytes: a.bytes.length,
        }));
      set({ printing: false, pdfs, printedVersion: version });
    } catch (error) {
      set({ printing: false, printError: describeError(error).join(': ') });
      throw error;
    }
  }

  return {
    files,
    state: () => state,
    rebuild,
    print() {
      // A second click while printing waits for the same print.
      printing ??= printOnce().finally(() => {
        printing = undefined;
      });
      return printing;
    },
    async close() {
      await printing?.catch(() => {});
      await lease?.close();
      await options.cache.settle();
    },
  };
}

/** What the page shows of a failure: the summary and every located problem. */
function failure(error: unknown, cwd: string): Pick<PreviewState, 'error' | 'problems'> {
  const [summary = ''] = describeError(error);
  if (error instanceof InvalidInputError) {
    const problems = error.problems.map((p) => ({ ...p, file: shown(p.file, cwd) }));
    return { error: summary.split('\n')[0] ?? summary, problems };
  }
  return {
    error: summary,
    problems: [
      { file: '', path: '', ...msg.preview.buildFailure(describeError(error).join(': ')) },
    ],
  };
}

function marksOf(week: Week, input: InputFile, cwd: string): MarkJson[] {
  const marks = findMarks(week);
  if (marks.length === 0) return [];
  const located = locateMarks(parseWeekText(textOf(input), shownName(input)), marks);
  return located.map((m) => ({ ...m, file: shown(m.file, cwd) }));
}

function shown(file: string, cwd: string): string {
  if (!path.isAbsolute(file)) return file;
  const relative = path.relative(cwd, file);
  return relative.startsWith('..') ? file : relative;
}
