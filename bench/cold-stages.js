/**
 * Where a cold process spends its time, measured inside it (one untimed run per side, for the
 * breakdown only; the cold figures of the table time whole processes from outside).
 *
 *   node bench/cold-stages.js build <data.yaml> <out-dir>
 *   node bench/cold-stages.js floor <out-dir> <page.html>...
 *
 * Both sides: module import, browser launch, then (build) every onStage stage, or (floor) the
 * page calls, and the browser's close. Prints one JSON object of milliseconds on stdout.
 */
const t0 = performance.now();
const [mode, ...args] = process.argv.slice(2);
const { instrumentBrowser } = await import('./instrument.js');
const { printBreakdown, stageDurations } = await import('./phases.js');
const ms = {};

if (mode === 'build') {
  const [dataFile, outDir] = args;
  const { buildReport } = await import('../dist/build.js');
  const { openCache } = await import('../dist/cache/index.js');
  const { DEFAULT_CACHE_DIR } = await import('../dist/project.js');
  const { launchBrowser } = await import('../dist/pdf/browser.js');
  const { borrowBrowser } = await import('../dist/pdf/lease.js');
  ms.import = performance.now() - t0;
  let at = performance.now();
  const browser = await launchBrowser();
  ms.launch = performance.now() - at;
  const log = instrumentBrowser(browser);
  const marks = [];
  at = performance.now();
  await buildReport({
    dataFile,
    outDir,
    browser: borrowBrowser(browser),
    cache: openCache(DEFAULT_CACHE_DIR),
    onStage: (s) => marks.push([s, performance.now()]),
  });
  const end = performance.now();
  Object.assign(ms, stageDurations(marks, end));
  ms.pdfCalls = printBreakdown(log, marks, end).pdfMs;
  at = performance.now();
  await browser.close();
  ms.close = performance.now() - at;
} else if (mode === 'floor') {
  const [outDir, ...html] = args;
  const { launchFloorBrowser, printFiles } = await import('./floor.js');
  ms.import = performance.now() - t0;
  let at = performance.now();
  const browser = await launchFloorBrowser();
  ms.launch = performance.now() - at;
  const log = instrumentBrowser(browser);
  at = performance.now();
  await printFiles(browser, html, outDir);
  const end = performance.now();
  const b = printBreakdown(log, [['print', at]], end);
  Object.assign(ms, { print: b.stageMs, pdfCalls: b.pdfMs });
  at = performance.now();
  await browser.close();
  ms.close = performance.now() - at;
} else {
  throw new Error(`unknown mode ${mode} (build or floor)`);
}
ms.total = performance.now() - t0;
process.stdout.write(`${JSON.stringify(ms)}\n`);
