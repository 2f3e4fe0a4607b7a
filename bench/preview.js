/**
 * Preview latency, standalone (`node bench/preview.js [pairs] [primes]`; the lead wires it into
 * `npm run bench`). From writing a one-figure change to the week file until the preview page in
 * headless Chromium shows the new figure in both languages, against, in the same run and pair by
 * pair, the floor of that: the library's warm HTML rebuild of the same change (buildReport,
 * htmlOnly, a warm cache, in this process) plus Chromium loading the two resulting static pages.
 * Target: median of preview ÷ floor ≤ 1.3. Prints one JSON object on stdout, a summary on stderr.
 *
 * The preview is the real CLI (`capex-report preview --port 0`) as a child process on a temporary
 * copy of the project; the floor builds another copy of the same week. Each pair changes Amazon's
 * 2026 capex (a table, a chart, the totals and the prose) to a value no earlier build had, its
 * quote with it; the order of the two alternates from pair to pair.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildReport } from '../dist/build.js';
import { openCache } from '../dist/cache/index.js';
import { checkWeekFile } from '../dist/check.js';
import { formatFigure } from '../dist/format/index.js';
import { launchBrowser } from '../dist/pdf/browser.js';
import { median, round } from './stats.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const COPIED = ['dist', 'bin', 'package.json', 'templates', 'locales', 'data', 'assets'];
const PLAN = '        value: 200\n        unit: USD bn\n        kind: guidance\n';
const QUOTE = 'quote: "計劃在 2026 年投資約兩千億美元"';
const LOCALES = ['zh-TW', 'en'];

function copyProject() {
  const dir = mkdtempSync(path.join(tmpdir(), 'capex-report-bench-preview-'));
  for (const name of COPIED)
    cpSync(path.join(ROOT, name), path.join(dir, name), { recursive: true });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

/** The sample with Amazon's 2026 plan at `value` (US$ bn, whole), its quote saying so. */
function variant(sample, value) {
  const quote = `quote: "計劃在 2026 年投資約 ${(value * 10).toLocaleString('en')} 億美元"`;
  return sample.replace(PLAN, PLAN.replace('200', String(value))).replace(QUOTE, quote);
}

/** How each language prints the plan in its prose ("about US$301 billion"). */
async function printed(file) {
  const { metrics } = await checkWeekFile(file);
  const figure = metrics.figures.get('amazon.capex.2026');
  return LOCALES.map((l) => formatFigure(figure, l, { style: 'prose' }).replace(/\s+/g, ' '));
}

function startPreview(dir) {
  const cli = path.join(dir, 'bin/capex-report.js');
  const child = spawn(process.execPath, [cli, 'preview', '--port', '0', '--json'], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      out += chunk;
      try {
        resolve({ child, ...JSON.parse(out) });
      } catch {}
    });
    child.once('exit', (code) => reject(new Error(`preview exited ${code}`)));
  });
}

/** Resolves when every language's shown frame holds its form of the figure. */
function waitShown(page, forms) {
  return page.waitForFunction(
    (expected) =>
      [...document.querySelectorAll('.frames')].every((frames, i) => {
        const frame = frames.querySelector('iframe:not(.incoming)');
        // biome-ignore lint/performance/useDomNodeTextContent: the text as shown, as a reader sees it
        const text = frame?.contentDocument?.body?.innerText.replace(/\s+/g, ' ') ?? '';
        return text.includes(expected[i]);
      }),
    { polling: 'mutation', timeout: 60_000 },
    forms,
  );
}

async function timePreview(ctx, value) {
  const text = variant(ctx.sample, value);
  writeFileSync(ctx.checkFile, text);
  const forms = await printed(ctx.checkFile);
  const start = performance.now();
  writeFileSync(ctx.previewWeek, text);
  await waitShown(ctx.page, forms);
  return performance.now() - start;
}

async function timeFloor(ctx, value) {
  const text = variant(ctx.sample, value);
  writeFileSync(ctx.checkFile, text);
  const forms = await printed(ctx.checkFile);
  const start = performance.now();
  writeFileSync(ctx.floorWeek, text);
  await buildReport({
    dataFile: ctx.floorWeek,
    outDir: ctx.floorOut,
    htmlOnly: true,
    cache: ctx.cache,
  });
  await Promise.all(ctx.staticPages.map((page, i) => page.goto(ctx.staticUrls[i])));
  const elapsed = performance.now() - start;
  const texts = await Promise.all(
    // biome-ignore lint/performance/useDomNodeTextContent: the text as shown, as a reader sees it
    ctx.staticPages.map((p) => p.evaluate(() => document.body.innerText)),
  );
  texts.forEach((t, i) => {
    if (!t.replace(/\s+/g, ' ').includes(forms[i]))
      throw new Error(`floor page ${i} lacks ${forms[i]}`);
  });
  return elapsed;
}

async function main([pairsArg = '7', primesArg = '2']) {
  const pairs = Number(pairsArg);
  const primes = Number(primesArg);
  const previewDir = copyProject();
  const floorDir = copyProject();
  const sample = readFileSync(path.join(ROOT, 'data/2026-W06.yaml'), 'utf8');
  const preview = await startPreview(previewDir);
  const browser = await launchBrowser({ loopback: true, handleSignals: false });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1500, height: 950 });
    await page.goto(preview.url);
    await page.waitForFunction(() => document.body.dataset.shownVersion, { timeout: 180_000 });
    const floorOut = path.join(floorDir, 'output');
    const ctx = {
      sample,
      page,
      previewWeek: path.join(previewDir, 'data/2026-W06.yaml'),
      floorWeek: path.join(floorDir, 'data/2026-W06.yaml'),
      checkFile: path.join(floorDir, 'check.yaml'),
      floorOut,
      cache: openCache(path.join(ROOT, 'node_modules/.cache/capex-report')),
      staticPages: await Promise.all(LOCALES.map(() => browser.newPage())),
      staticUrls: LOCALES.map(
        (l) => pathToFileURL(path.join(floorOut, '2026-W06', `report.${l}.html`)).href,
      ),
    };
    for (const page of ctx.staticPages) await page.setViewport({ width: 800, height: 950 });
    let value = 300;
    for (let i = 0; i < primes; i++) {
      await timePreview(ctx, ++value);
      await timeFloor(ctx, ++value);
    }
    const rows = [];
    for (let i = 0; i < pairs; i++) {
      const previewFirst = i % 2 === 0;
      const a = previewFirst ? await timePreview(ctx, ++value) : undefined;
      const floor = await timeFloor(ctx, ++value);
      const p = a ?? (await timePreview(ctx, ++value));
      rows.push({ previewMs: round(p, 1), floorMs: round(floor, 1), ratio: round(p / floor, 3) });
      process.stderr.write(
        `  pair ${i + 1}: preview ${round(p)} ms, floor ${round(floor)} ms, ${round(p / floor, 2)}x\n`,
      );
    }
    const result = {
      pairs: rows,
      medianRatio: round(median(rows.map((r) => r.ratio)), 3),
      medianPreviewMs: round(median(rows.map((r) => r.previewMs)), 1),
      medianFloorMs: round(median(rows.map((r) => r.floorMs)), 1),
      target: { max: 1.3 },
    };
    result.met = result.medianRatio <= 1.3;
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    process.stderr.write(
      `preview ÷ (warm HTML rebuild + static reload): median ${result.medianRatio} (target ≤ 1.3); preview ${result.medianPreviewMs} ms, floor ${result.medianFloorMs} ms\n`,
    );
  } finally {
    await browser.close();
    preview.child.kill('SIGINT');
    await new Promise((resolve) => preview.child.once('exit', resolve));
    rmSync(previewDir, { recursive: true, force: true });
    rmSync(floorDir, { recursive: true, force: true });
  }
}

await main(process.argv.slice(2));
