/**
 * `npm run bench [-- --quick]`: how close capex-report comes to the floor (a bare Puppeteer
 * script printing the same pages with the same browser, flags and PDF options). See README.md.
 *
 *   0. setup      dist/ present, floor flags = BROWSER_ARGS, one reference build and floor
 *                 (in-process stage timings, PDF sizes and fonts, memory of the whole tree)
 *   1-2. cold     floor process, build process, pair by pair
 *   3+5. warm     rebuild after one figure changed, live browser; charts re-rendered warm
 *   4. batch      N synthetic weeks × 2 languages, one browser, against the floor, pair by pair
 *   6. size, memory   from the reference build and the cold builds
 *
 * Prints a table; writes output/bench/latest.json and output/bench/<timestamp>.json.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FLOOR_ARGS, FLOOR_PDF_OPTIONS } from './floor.js';
import { HAS_TIME, runNode } from './process.js';
import { intervalVerdict, medianInterval, meets, round, summarize } from './stats.js';
import { writeSyntheticWeeks } from './synthetic.js';
import { printStages, printTable } from './table.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SAMPLE = path.join(ROOT, 'data/2026-W06.yaml');
const LOCALES = ['zh-TW', 'en'];
const at = (rel) => path.join(ROOT, rel);

const PLANS = {
  full: {
    // 9 pairs: the 2nd-smallest and 2nd-largest ratio bound the median with 96 % confidence.
    coldPairs: 9,
    uncachedRuns: 5,
    warmRuns: 9,
    warmPrimes: 2,
    batchWeeks: 52,
    batchPairs: 3,
    judgeBatch: true,
    // The later stages' figures (bench/archive.js, email.js, preview.js), each in its own process.
    archive: ['--builds', '3', '--weeks', '52'],
    email: ['--clients', '1000', '--pairs', '5'],
    preview: ['7', '2'],
  },
  // Under a minute even when the machine is slow (a floor of ~4 s): no --no-cache run (it is not
  // a target and costs two floors), one batch pair of 3 weeks. 3 weeks are too few for the
  // whole-batch target (the first week's warm-up weighs a third), so quick mode does not judge
  // it; weeks 2-3 still give the steady rate.
  quick: {
    coldPairs: 2,
    uncachedRuns: 0,
    warmRuns: 3,
    warmPrimes: 1,
    batchWeeks: 3,
    batchPairs: 1,
    judgeBatch: false,
    archive: ['--builds', '1', '--weeks', '8'],
    email: ['--clients', '200', '--pairs', '2'],
    preview: ['3', '1'],
  },
};

export const TARGETS = {
  cold_build_vs_floor: { max: 1.15 },
  batch_throughput_vs_floor: { min: 0.95 },
  warm_print_share: { min: 0.5 },
  pdf_bytes: { max: 600_000 },
  archive_vs_cold_build: { max: 0.1 },
  verify_vs_sha256sum: { min: 0.8 },
  email_vs_bare_pool: { min: 0.8 },
  preview_vs_floor: { max: 1.3 },
};

/** Runs one of the stage benches (its own process) and returns the JSON it prints. */
async function stageBench(script, args, env) {
  const { spawn } = await import('node:child_process');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [at(`bench/${script}`), ...args], {
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`bench/${script} exited ${code}`));
      else resolve(JSON.parse(out));
    });
  });
}

/** The archive, e-mail and preview figures, judged against their targets. */
async function measureStages(plan, env, timed) {
  const archive = await timed('archive', () => stageBench('archive.js', plan.archive, env));
  const email = await timed('email', () => stageBench('email.js', plan.email, env));
  const preview = await timed('preview', () => stageBench('preview.js', plan.preview, env));
  const figures = {
    archive_vs_cold_build: archive.archive_vs_cold_build,
    verify_vs_sha256sum: archive.verify_vs_sha256sum,
    email_vs_bare_pool: email.email_vs_bare_pool.median,
    preview_vs_floor: preview.medianRatio,
  };
  const judged = Object.fromEntries(
    Object.entries(figures).map(([name, value]) => [name, meets(TARGETS[name], value)]),
  );
  return { figures, judged, archive, email, preview };
}

const log = (line) => process.stderr.write(`bench: ${line}\n`);

/** dist/ must exist; a src/ newer than it means the numbers describe old code. */
async function checkDist() {
  if (!existsSync(at('dist/build.js'))) {
    throw new Error('dist/ is missing: run `npx tsc -p tsconfig.build.json` first');
  }
  const built = statSync(at('dist/build.js')).mtimeMs;
  const sources = await readdir(at('src'), { recursive: true });
  const stale = sources.filter(
    (f) => f.endsWith('.ts') && statSync(at(`src/${f}`)).mtimeMs > built,
  );
  if (stale.length > 0) {
    log(
      `warning: src/ is newer than dist/ (${stale.slice(0, 3).join(', ')}...); run \`npx tsc -p tsconfig.build.json\``,
    );
  }
}

/** The floor copies flags and PDF options by hand; refuse to compare against a drifted copy. */
async function checkFloorMatchesBuild() {
  const { BROWSER_ARGS, resolveBrowserExecutable } = await import('../dist/pdf/browser.js');
  if (JSON.stringify(BROWSER_ARGS) !== JSON.stringify(FLOOR_ARGS)) {
    throw new Error(
      `bench/floor.js FLOOR_ARGS differ from BROWSER_ARGS:\n${BROWSER_ARGS.join(' ')}`,
    );
  }
  const printJs = await readFile(at('dist/pdf/print.js'), 'utf8');
  const literal = /page\.pdf\(\{([^}]*)\}\)/.exec(printJs)?.[1] ?? '';
  const options = Object.fromEntries(
    [...literal.matchAll(/(\w+):\s*([^,\n]+)/g)].map(([, k, v]) => [k, v.trim()]),
  );
  for (const [key, value] of Object.entries(options)) {
    if (['format', 'timeout'].includes(key)) continue; // per job; the pages' @page size wins
    if (String(FLOOR_PDF_OPTIONS[key]) !== value) {
      throw new Error(`bench/floor.js FLOOR_PDF_OPTIONS.${key} differs from print.ts (${value})`);
    }
  }
  const missing = Object.keys(FLOOR_PDF_OPTIONS).filter(
    (k) => !(k in options) && !['format', 'timeout'].includes(k),
  );
  if (missing.length > 0)
    throw new Error(`print.ts no longer passes ${missing.join(', ')} to page.pdf`);
  return resolveBrowserExecutable().path;
}

function pdfFontsEmbedded(file) {
  try {
    const out = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    const rows = out.split('\n').slice(2).filter(Boolean);
    // Columns: name type encoding emb sub uni object ID; "emb" is the 4th from the end.
    const embedded = rows.filter((r) => r.trim().split(/\s+/).at(-5) === 'yes').length;
    return { fonts: rows.length, embedded };
  } catch {
    return null; // poppler-utils missing
  }
}

/** `cached`: the project's cache holds this week (a rebuild); otherwise `--no-cache`. */
async function coldBuild(outDir, env, cached = true) {
  return runNode(
    at('bin/capex-report.js'),
    ['build', '--data', SAMPLE, '--out', outDir, '--quiet', ...(cached ? [] : ['--no-cache'])],
    {
      cwd: ROOT,
      env,
    },
  );
}

/**
 * One in-process breakdown per side (bench/cold-stages.js), which also warms both sides' files.
 * The build's run is the reference: its HTML is what the floor prints, its PDFs are measured,
 * and its process tree's memory is sampled (sampling costs a little CPU, so it is done here, in
 * the run that times nothing of the table).
 */
async function measureReference(work, env) {
  const out = path.join(work, 'reference');
  const run = await runNode(at('bench/cold-stages.js'), ['build', SAMPLE, out], {
    cwd: ROOT,
    env,
    sampleTree: true,
  });
  const dir = path.join(out, '2026-W06');
  const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8'));
  const reference = {
    html: LOCALES.map((l) => path.join(dir, `report.${l}.html`)),
    treePssKb: run.treePssKb,
    browser: manifest.browser,
    stages: JSON.parse(run.stdout),
    pdfs: {},
  };
  for (const l of LOCALES) {
    const file = path.join(dir, `report.${l}.pdf`);
    reference.pdfs[l] = { bytes: (await stat(file)).size, fonts: pdfFontsEmbedded(file) };
  }
  const floor = await runNode(
    at('bench/cold-stages.js'),
    ['floor', path.join(work, 'reference-floor'), ...reference.html],
    { cwd: ROOT, env },
  );
  return { reference, coldStages: { build: reference.stages, floor: JSON.parse(floor.stdout) } };
}

async function measureCold(work, plan, env, html) {
  const floor = (i, variant = {}) =>
    runNode(at('bench/floor.js'), [path.join(work, `floor-${i}`), ...html], {
      cwd: ROOT,
      env: { ...env, ...variant },
    });
  const pairs = [];
  for (let i = 0; i < plan.coldPairs; i++) {
    const f = await floor(i);
    const b = await coldBuild(path.join(work, `cold-${i}`), env);
    const u =
      i < plan.uncachedRuns
        ? await coldBuild(path.join(work, `cold-uncached-${i}`), env, false)
        : undefined;
    pairs.push({
      floorMs: f.ms,
      buildMs: b.ms,
      ratio: b.ms / f.ms,
      ...(u ? { uncachedMs: u.ms, uncachedRatio: u.ms / f.ms } : {}),
      build: b,
      floor: f,
    });
    const uncached = u ? `, uncached ${Math.round(u.ms)} ms` : '';
    log(
      `cold pair ${i + 1}/${plan.coldPairs}: floor ${Math.round(f.ms)} ms, build ${Math.round(b.ms)} ms${uncached}`,
    );
  }
  return pairs;
}

async function measureWarm(work, plan, env) {
  const { stdout } = await runNode(
    at('bench/warm.js'),
    [path.join(work, 'warm'), String(plan.warmRuns), String(plan.warmPrimes)],
    {
      cwd: ROOT,
      env,
    },
  );
  const { runs } = JSON.parse(stdout);
  log(`warm: ${runs.map((r) => Math.round(r.wallMs)).join(', ')} ms`);
  return runs;
}

async function measureBatch(work, plan, env) {
  const weeks = path.join(work, 'weeks');
  const out = path.join(work, 'batch-out');
  await writeSyntheticWeeks(SAMPLE, weeks, plan.batchWeeks);
  const batch = (...args) =>
    runNode(at('bench/batch.js'), args, { cwd: ROOT, env }).then((r) => JSON.parse(r.stdout));
  const pairs = [];
  for (let i = 0; i < plan.batchPairs; i++) {
    // Build first: the floor prints the HTML files this build batch has just written.
    const b = await batch('build', weeks, out);
    const f = await batch('floor', weeks, out, path.join(work, `batch-floor-${i}`));
    const floorRate = f.pdfs / (f.ms / 1000);
    const buildRate = b.pdfs / (b.ms / 1000);
    const floorSteady = steadyRate(f.weekMs);
    const buildSteady = steadyRate(b.weekMs);
    pairs.push({
      floorMs: f.ms,
      buildMs: b.ms,
      floorRate,
      buildRate,
      ratio: buildRate / floorRate,
      floorSteadyRate: floorSteady,
      buildSteadyRate: buildSteady,
      steadyRatio: buildSteady / floorSteady,
      floorWeekMs: f.weekMs,
      buildWeekMs: b.weekMs,
      stages: b.stages,
    });
    log(
      `batch pair ${i + 1}/${plan.batchPairs}: build ${buildRate.toFixed(2)} PDF/s, floor ${floorRate.toFixed(2)} PDF/s`,
    );
  }
  return pairs;
}

/**
 * PDFs per second over weeks 2..N, without the browser's launch and close and the first week
 * (where the build also compiles its modules and chart runtimes): the rate a long batch tends
 * to, comparable between a 3-week quick run and the full 52 weeks.
 */
function steadyRate(weekMs) {
  const rest = weekMs.slice(1);
  if (rest.length === 0) return Number.NaN;
  return (rest.length * LOCALES.length) / (rest.reduce((a, b) => a + b, 0) / 1000);
}

/** Median of each key over a list of { key: ms } objects. */
function medianOfKeys(list, scale = 1) {
  const keys = [...new Set(list.flatMap((o) => Object.keys(o)))];
  return Object.fromEntries(
    keys.map((k) => [k, round(summarize(list.map((o) => o[k] ?? 0)).median * scale, 1)]),
  );
}

function roundAll(msByKey) {
  return Object.fromEntries(Object.entries(msByKey).map(([k, v]) => [k, round(v, 1)]));
}

function verdict(name, value) {
  const t = TARGETS[name];
  return t ? meets(t, value) : null;
}

/**
 * How sure a judged figure's verdict is: the distribution-free interval of its median, or, with
 * too few runs for one, how many runs meet the target.
 */
function confidenceOf(name, values) {
  const found = medianInterval(values);
  if (!found) {
    const runsMeeting = values.filter((v) => verdict(name, v)).length;
    return { verdict: null, runs: values.length, runsMeeting };
  }
  // Rounded as shown, and judged as shown, as the medians are.
  const interval = { low: round(found.low), high: round(found.high) };
  return {
    ...interval,
    coverage: round(found.coverage, 3),
    verdict: intervalVerdict(interval, TARGETS[name]),
  };
}

function summarizeAll({ plan, reference, coldStages, cold, warm, batch }) {
  const s = (values, digits = 3) => {
    const r = summarize(values);
    return {
      median: round(r.median, digits),
      min: round(r.min, digits),
      max: round(r.max, digits),
      n: r.n,
    };
  };
  const pdfBytes = Object.fromEntries(LOCALES.map((l) => [l, reference.pdfs[l].bytes]));
  const uncached = cold.filter((p) => p.uncachedMs !== undefined);
  const kb = (v) => (v === null ? null : round(v / 1024, 1));
  // Per-run values of the judged ratios: their figures below, and how sure their verdicts are.
  const judged = {
    cold_build_vs_floor: cold.map((p) => p.ratio),
    batch_throughput_vs_floor: batch.map((p) => p.ratio),
    warm_print_share: warm.map((r) => r.print.pdfMs / r.wallMs),
  };
  const figures = {
    floor_cold_ms: s(
      cold.map((p) => p.floorMs),
      0,
    ),
    build_cold_ms: s(
      cold.map((p) => p.buildMs),
      0,
    ),
    cold_build_vs_floor: s(judged.cold_build_vs_floor),
    build_cold_uncached_ms: s(
      uncached.map((p) => p.uncachedMs),
      0,
    ),
    cold_uncached_build_vs_floor: s(uncached.map((p) => p.uncachedRatio)),
    warm_rebuild_ms: s(
      warm.map((r) => r.wallMs),
      0,
    ),
    warm_pdf_call_ms: s(
      warm.map((r) => r.print.pdfMs),
      0,
    ),
    warm_print_share: s(judged.warm_print_share),
    warm_print_stage_share: s(warm.map((r) => r.print.stageMs / r.wallMs)),
    warm_floor_ms: s(
      warm.map((r) => r.floor.stageMs),
      0,
    ),
    warm_floor_print_share: s(warm.map((r) => r.floor.pdfMs / r.floor.stageMs)),
    warm_rebuild_vs_floor: s(warm.map((r) => r.wallMs / r.floor.stageMs)),
    batch_weeks: plan.batchWeeks,
    batch_floor_pdf_per_s: s(batch.map((p) => p.floorRate)),
    batch_build_pdf_per_s: s(batch.map((p) => p.buildRate)),
    batch_throughput_vs_floor: s(judged.batch_throughput_vs_floor),
    batch_steady_floor_pdf_per_s: s(batch.map((p) => p.floorSteadyRate)),
    batch_steady_build_pdf_per_s: s(batch.map((p) => p.buildSteadyRate)),
    batch_steady_throughput_vs_floor: s(batch.map((p) => p.steadyRatio)),
    charts_warm_ms: s(
      warm.map((r) => r.chartsMs),
      0,
    ),
    // Reported, no longer judged (bench/README.md: the chart share).
    chart_share: s(warm.map((r) => r.chartsMs / r.wallMs)),
    pdf_bytes: pdfBytes,
    pdf_fonts: Object.fromEntries(LOCALES.map((l) => [l, reference.pdfs[l].fonts])),
    peak_rss_mb: s(cold.map((p) => kb(p.build.nodeRssKb))),
    peak_rss_largest_process_mb: HAS_TIME ? s(cold.map((p) => kb(p.build.maxProcessRssKb))) : null,
    peak_pss_tree_mb: kb(reference.treePssKb),
    floor_peak_rss_mb: s(cold.map((p) => kb(p.floor.nodeRssKb))),
  };
  const fontsOk = LOCALES.every((l) => {
    const f = reference.pdfs[l].fonts;
    return f === null || (f.fonts > 0 && f.embedded === f.fonts);
  });
  const targets = {
    cold_build_vs_floor: verdict('cold_build_vs_floor', figures.cold_build_vs_floor.median),
    // null: not judged (quick mode's batch is too short for the whole-batch figure).
    batch_throughput_vs_floor: plan.judgeBatch
      ? verdict('batch_throughput_vs_floor', figures.batch_throughput_vs_floor.median)
      : null,
    warm_print_share: verdict('warm_print_share', figures.warm_print_share.median),
    pdf_bytes: LOCALES.every((l) => verdict('pdf_bytes', pdfBytes[l])) && fontsOk,
  };
  const confidence = Object.fromEntries(
    Object.entries(judged)
      // Quick mode's batch is too short to judge (see PLANS).
      .filter(([name]) => plan.judgeBatch || name !== 'batch_throughput_vs_floor')
      .map(([name, values]) => [name, confidenceOf(name, values)]),
  );
  const breakdown = {
    cold_floor_in_process_ms: roundAll(coldStages.floor),
    cold_build_in_process_ms: roundAll(coldStages.build),
    warm_stages_ms: medianOfKeys(warm.map((r) => r.stages)),
    warm_print_ms: medianOfKeys(warm.map((r) => r.print)),
    warm_floor_ms: medianOfKeys(warm.map((r) => r.floor)),
    batch_stages_ms_per_week: medianOfKeys(
      batch.map((p) => p.stages),
      1 / plan.batchWeeks,
    ),
  };
  return { figures, targets, confidence, breakdown };
}

async function main(argv) {
  const mode = argv.includes('--quick') ? 'quick' : 'full';
  const plan = PLANS[mode];
  const started = performance.now();
  await checkDist();
  const executable = await checkFloorMatchesBuild();
  // Both sides launch exactly this browser (launchBrowser honours the variable too).
  const env = { ...process.env, PUPPETEER_EXECUTABLE_PATH: executable };
  const work = await mkdtemp(path.join(os.tmpdir(), 'capex-bench-'));
  const loadBefore = os.loadavg();
  try {
    log(`${mode} mode, work folder ${work}`);
    const sections = {};
    const timed = async (name, run) => {
      const t = performance.now();
      const value = await run();
      sections[name] = round((performance.now() - t) / 1000, 1);
      return value;
    };
    const { reference, coldStages } = await timed('reference', () => measureReference(work, env));
    const cold = await timed('cold', () => measureCold(work, plan, env, reference.html));
    const warm = await timed('warm', () => measureWarm(work, plan, env));
    const batch = await timed('batch', () => measureBatch(work, plan, env));
    const stages = argv.includes('--no-stages') ? undefined : await measureStages(plan, env, timed);
    const { figures, targets, confidence, breakdown } = summarizeAll({
      plan,
      reference,
      coldStages,
      cold,
      warm,
      batch,
    });

    const result = {
      date: new Date().toISOString(),
      mode,
      plan,
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? '',
        loadavgBefore: loadBefore.map((l) => round(l, 2)),
        loadavgAfter: os.loadavg().map((l) => round(l, 2)),
        node: process.version,
        browser: reference.browser,
        executable,
        peakRssFrom: HAS_TIME
          ? 'rss-preload (Node getrusage) + /usr/bin/time %M'
          : 'rss-preload (Node getrusage)',
      },
      seconds: round((performance.now() - started) / 1000, 1),
      sectionSeconds: sections,
      // The headline figures, as medians (details in `figures`).
      cold_build_vs_floor: figures.cold_build_vs_floor.median,
      batch_throughput_vs_floor: figures.batch_throughput_vs_floor.median,
      warm_print_share: figures.warm_print_share.median,
      chart_share: figures.chart_share.median,
      pdf_bytes: figures.pdf_bytes,
      peak_rss_mb: figures.peak_rss_mb.median,
      targets,
      confidence,
      figures,
      breakdown,
      stages,
      runs: {
        cold: cold.map(({ build, floor, ...times }) => times),
        warm,
        batch,
      },
    };
    printTable(result, TARGETS);
    if (stages) printStages(stages, TARGETS);
    const dir = at('output/bench');
    await mkdir(dir, { recursive: true });
    const latest = path.join(dir, 'latest.json');
    await writeFile(latest, `${JSON.stringify(result, null, 2)}\n`);
    await copyFile(latest, path.join(dir, `${result.date.replace(/[:.]/g, '-')}.json`));
    log(`wrote ${path.relative(ROOT, latest)} (${result.seconds} s)`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

if (process.argv.includes('--ab')) await import('./ab.js');
else await main(process.argv.slice(2));
