/**
 * One batch run in its own process; prints one JSON object on stdout.
 *
 *   node bench/batch.js build <weeks-dir> <out-dir> [count]   buildReport per week, one browser
 *   node bench/batch.js floor <weeks-dir> <out-dir> <pdf-dir> [count]
 *        the floor prints the HTML files a build batch wrote to <out-dir>, one browser, the two
 *        languages of a week in parallel pages as the build prints them
 *
 * The clock runs from before the browser's launch to after its close.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildReport } from '../dist/build.js';
import { openCache } from '../dist/cache/index.js';
import { launchBrowser } from '../dist/pdf/browser.js';
import { borrowBrowser } from '../dist/pdf/lease.js';
import { launchFloorBrowser, printFiles } from './floor.js';
import { stageDurations } from './phases.js';

const LOCALES = ['zh-TW', 'en'];

async function weekFiles(dir, count) {
  const files = (await readdir(dir)).filter((f) => /^\d{4}-W\d{2}\.yaml$/.test(f)).sort();
  return files.slice(0, count ?? files.length).map((f) => path.join(dir, f));
}

const weekOf = (file) => path.basename(file, '.yaml');

function addInto(total, part) {
  for (const [key, ms] of Object.entries(part)) total[key] = (total[key] ?? 0) + ms;
}

/**
 * Each batch starts with an empty cache of its own, as after a template change: every chart is
 * drawn (each week has other figures); font subsets are reused once a week's characters recur.
 */
async function buildBatch(files, outDir) {
  const stages = {};
  const weekMs = [];
  const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'capex-bench-cache-'));
  const start = performance.now();
  const browser = await launchBrowser();
  const lease = borrowBrowser(browser);
  const cache = openCache(cacheDir);
  let closed = false;
  try {
    for (const dataFile of files) {
      const marks = [];
      const weekStart = performance.now();
      await buildReport({
        dataFile,
        outDir,
        browser: lease,
        cache,
        onStage: (stage) => marks.push([stage, performance.now()]),
      });
      const weekEnd = performance.now();
      weekMs.push(weekEnd - weekStart);
      addInto(stages, stageDurations(marks, weekEnd));
    }
    await browser.close();
    closed = true;
    return { ms: performance.now() - start, pdfs: files.length * LOCALES.length, stages, weekMs };
  } finally {
    if (!closed) await browser.close().catch(() => {});
    await rm(cacheDir, { recursive: true, force: true });
  }
}

async function floorBatch(files, outDir, pdfDir) {
  const weekMs = [];
  const start = performance.now();
  const browser = await launchFloorBrowser();
  try {
    for (const file of files) {
      const week = weekOf(file);
      const pages = LOCALES.map((l) => path.join(outDir, week, `report.${l}.html`));
      const weekStart = performance.now();
      await printFiles(browser, pages, path.join(pdfDir, week));
      weekMs.push(performance.now() - weekStart);
    }
  } finally {
    await browser.close();
  }
  return { ms: performance.now() - start, pdfs: files.length * LOCALES.length, weekMs };
}

async function main([mode, weeksDir, outDir, ...rest]) {
  const count = (arg) => (arg === undefined ? undefined : Number(arg));
  let result;
  if (mode === 'build') {
    result = await buildBatch(await weekFiles(weeksDir, count(rest[0])), outDir);
  } else if (mode === 'floor') {
    result = await floorBatch(await weekFiles(weeksDir, count(rest[1])), outDir, rest[0]);
  } else {
    throw new Error(`unknown mode ${mode} (build or floor)`);
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main(process.argv.slice(2));
