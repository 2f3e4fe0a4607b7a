/**
 * Warm rebuild, in its own process: one live browser, the sample week rebuilt through the
 * library API after one figure changed (Amazon's 2026 capex, which feeds a chart, a table, the
 * totals and the prose) to a value no earlier build had. Prints one JSON object on stdout.
 *
 *   node bench/warm.js <work-dir> <runs> [primes]
 *
 * Per run: wall time of buildReport, the stage marks of onStage, every page call timed by
 * instrument.js; then the charts of the same week rendered in both languages with the chart
 * cache cleared (the process stays warm), for the chart share; then the floor prints the two
 * HTML files of that build in its own live browser, timed the same way, for comparison.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { buildReport } from '../dist/build.js';
import { openCache } from '../dist/cache/index.js';
import { renderCharts } from '../dist/charts/report.js';
import { parseWeek } from '../dist/data/load.js';
import { validateWeek } from '../dist/data/validate.js';
import { readWeekFile } from '../dist/inputs/load.js';
import { deriveMetrics } from '../dist/metrics/derive.js';
import { launchBrowser } from '../dist/pdf/browser.js';
import { borrowBrowser } from '../dist/pdf/lease.js';
import { launchFloorBrowser, printFiles } from './floor.js';
import { instrumentBrowser } from './instrument.js';
import { printBreakdown, stageDurations } from './phases.js';
import { syntheticQuote } from './synthetic.js';

const SAMPLE = new URL('../data/2026-W06.yaml', import.meta.url);
const CHANGED = ['companies', 0, 'capex', '2026', 'value'];
const LOCALES = ['zh-TW', 'en'];

/** The sample with the changed figure raised by `delta`: a value no earlier build has seen. */
function variant(sample, delta) {
  const doc = parseDocument(sample);
  const value = Number(doc.getIn(CHANGED)) + delta;
  doc.setIn(CHANGED, value);
  // Its quote says the new value, or `validate` refuses the week.
  const figure = doc.getIn(CHANGED.slice(0, -1));
  const quote = syntheticQuote(value, 0, 'USD bn', figure.get('qualifier'), figure.get('kind'));
  doc.setIn([...CHANGED.slice(0, -1), 'quote'], quote);
  return doc.toString();
}

/** All charts of the week in both languages, no cache: every one drawn in the warm process. */
async function timeCharts(dataFile) {
  const loaded = await parseWeek(await readWeekFile(dataFile));
  const week = validateWeek(loaded);
  const metrics = deriveMetrics(week, { writtenDecimals: loaded.writtenDecimals });
  const start = performance.now();
  await Promise.all(LOCALES.map((locale) => renderCharts({ week, metrics, locale })));
  return performance.now() - start;
}

async function main([workDir, runsArg, primesArg]) {
  const runs = Number(runsArg ?? 5);
  const primes = Number(primesArg ?? 2);
  const dataDir = path.join(workDir, 'data');
  await mkdir(dataDir, { recursive: true });
  const sample = await readFile(SAMPLE, 'utf8');
  const dataFile = path.join(dataDir, '2026-W06.yaml');
  const outDir = path.join(workDir, 'out');
  // A cache of this run's own, filled by the primes: the changed figure's charts really miss it
  // (the project's cache would remember them from an earlier bench).
  const cache = openCache(path.join(workDir, 'cache'));
  const browser = await launchBrowser();
  const lease = borrowBrowser(browser);
  const floorBrowser = await launchFloorBrowser();
  const log = instrumentBrowser(browser);
  const floorLog = instrumentBrowser(floorBrowser);
  const html = LOCALES.map((l) => path.join(outDir, '2026-W06', `report.${l}.html`));
  const results = [];
  try {
    // Untimed builds and prints first: modules compiled, fonts subset, Chromium's caches filled.
    for (const delta of [0, 100].slice(0, primes)) {
      await writeFile(dataFile, variant(sample, delta));
      await buildReport({ dataFile, outDir, browser: lease, cache });
      await printFiles(floorBrowser, html, path.join(workDir, 'floor'));
    }
    for (let i = 0; i < runs; i++) {
      // One figure differs from the previous build, and its value is new to the chart cache.
      await writeFile(dataFile, variant(sample, 101 + i));
      log.length = 0;
      const marks = [];
      const start = performance.now();
      await buildReport({
        dataFile,
        outDir,
        browser: lease,
        cache,
        onStage: (s) => marks.push([s, performance.now()]),
      });
      const end = performance.now();
      const chartsMs = await timeCharts(dataFile);
      floorLog.length = 0;
      const floorStart = performance.now();
      await printFiles(floorBrowser, html, path.join(workDir, 'floor'));
      const floorEnd = performance.now();
      results.push({
        wallMs: end - start,
        stages: stageDurations(marks, end),
        print: printBreakdown(log, marks, end),
        chartsMs,
        floor: printBreakdown(floorLog, [['print', floorStart]], floorEnd),
      });
    }
  } finally {
    await Promise.all([browser.close(), floorBrowser.close()]);
  }
  process.stdout.write(`${JSON.stringify({ runs: results })}\n`);
}

await main(process.argv.slice(2));
