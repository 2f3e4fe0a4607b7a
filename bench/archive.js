/**
 * The archive's two bench figures (issue 17), on their own until run.js takes them in:
 *
 *   node bench/archive.js [--builds N] [--weeks N]      (after `npm run build`)
 *
 * 1. archive_vs_cold_build: archiveWeek() of the built sample week (all its blobs new, fsynced,
 *    one transaction) ÷ a cold build's whole process (`capex-report build`, cached), medians over
 *    N runs each. Target ≤ 0.1.
 * 2. verify_vs_sha256sum: an archive of N weeks × 2 versions made from the sample build with
 *    other bytes per version; `sha256sum` over its blob files, then verifyArchive() (re-hashing
 *    the same blobs plus the index and manifest checks), alternating, page cache warm; the ratio
 *    of throughputs per pair, median. Target ≥ 0.8.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SAMPLE = path.join(ROOT, 'data', '2026-W06.yaml');
const { archiveWeek } = await import(new URL('../dist/archive/archive.js', import.meta.url).href);
const { verifyArchive } = await import(new URL('../dist/archive/verify.js', import.meta.url).href);

const { values } = parseArgs({
  options: {
    builds: { type: 'string', default: '3' },
    weeks: { type: 'string', default: '52' },
    keep: { type: 'boolean', default: false },
  },
});
const work = mkdtempSync(path.join(tmpdir(), 'capex-report-bench-archive-'));
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const log = (line) => process.stderr.write(`${line}\n`);

function filesUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

function coldBuild(out) {
  const started = performance.now();
  const run = spawnSync(process.execPath, [
    path.join(ROOT, 'bin/capex-report.js'),
    ...['build', '--quiet', '--data', SAMPLE, '--out', out],
  ]);
  if (run.status !== 0) throw new Error(`build failed: ${run.stderr}`);
  return performance.now() - started;
}

/** The built folder and its inputs as a BuiltWeek (what the build will hand over in memory). */
function readBuiltWeek(dir) {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  const file = (name, bytes) => ({ name, bytes: new Uint8Array(bytes), sha256: sha256(bytes) });
  const inputs = [
    file('data/2026-W06.yaml', readFileSync(SAMPLE)),
    ...['templates', 'locales'].flatMap((folder) =>
      filesUnder(path.join(ROOT, folder)).map((n) =>
        file(`${folder}/${n}`, readFileSync(path.join(ROOT, folder, n))),
      ),
    ),
  ];
  const artifacts = filesUnder(dir).map((n) => ({
    ...file(n, readFileSync(path.join(dir, n))),
    mediaType: 'application/octet-stream',
  }));
  const versions = {
    tool: manifest.tool.version,
    node: manifest.tool.node,
    browser: manifest.browser,
    fonts: {},
  };
  return {
    week: manifest.week,
    edition: 1,
    inputs,
    artifacts,
    inputsHash: manifest.inputsHash,
    versions,
  };
}

/** The week as another week and version: every file's bytes differ, so nothing is shared. */
function vary(built, week, edition) {
  const tag = new TextEncoder().encode(`\n<!-- ${week} edition ${edition} -->\n`);
  const other = (f) => {
    const bytes = new Uint8Array([...f.bytes, ...tag]);
    return { ...f, bytes, sha256: sha256(bytes) };
  };
  const inputs = built.inputs.map(other);
  const correction = edition > 1 ? { 'zh-TW': '更正', en: 'Corrected' } : undefined;
  return {
    ...built,
    week,
    edition,
    ...(correction ? { correction } : {}),
    inputs,
    artifacts: built.artifacts.map(other),
    inputsHash: sha256(inputs.map((f) => f.sha256).join()),
  };
}

async function timeArchive(built, root) {
  const started = performance.now();
  await archiveWeek(built, { root });
  return performance.now() - started;
}

// 1. Archiving vs a cold build.
const runs = Number(values.builds);
coldBuild(path.join(work, 'warm-up'));
const builds = [];
const archives = [];
for (let i = 0; i < runs; i++) {
  builds.push(coldBuild(path.join(work, `build-${i}`)));
  const built = readBuiltWeek(path.join(work, `build-${i}`, '2026-W06'));
  archives.push(await timeArchive(built, path.join(work, `archive-${i}`)));
  log(
    `run ${i + 1}/${runs}: cold build ${Math.round(builds[i])} ms, archive ${Math.round(archives[i])} ms`,
  );
}
const noop = await timeArchive(
  readBuiltWeek(path.join(work, 'build-0', '2026-W06')),
  path.join(work, 'archive-0'),
);

// 2. verify vs sha256sum over a synthetic archive.
const base = readBuiltWeek(path.join(work, 'build-0', '2026-W06'));
const root = path.join(work, 'synthetic');
const weeks = Number(values.weeks);
for (let w = 1; w <= weeks; w++) {
  const week = `2025-W${String(w).padStart(2, '0')}`;
  for (const edition of [1, 2]) await archiveWeek(vary(base, week, edition), { root });
}
const blobs = filesUnder(path.join(root, 'blobs')).map((f) => path.join(root, 'blobs', f));
const bytes = blobs.reduce((sum, f) => sum + statSync(f).size, 0);
const sums = [];
const verifies = [];
execFileSync('sha256sum', blobs, { maxBuffer: 1 << 26 }); // page cache warm for both
for (let i = 0; i < runs; i++) {
  let started = performance.now();
  execFileSync('sha256sum', blobs, { maxBuffer: 1 << 26 });
  sums.push(performance.now() - started);
  started = performance.now();
  const report = await verifyArchive(root);
  verifies.push(performance.now() - started);
  if (report.problems.length > 0) throw new Error('the synthetic archive failed verification');
}
const ratios = sums.map((s, i) => s / verifies[i]);
const mbps = (ms) => Math.round(bytes / 1e6 / (ms / 1000));

console.log(
  JSON.stringify(
    {
      cold_build_ms: builds.map(Math.round),
      archive_ms: archives.map(Math.round),
      noop_archive_ms: Math.round(noop),
      archive_vs_cold_build: +(median(archives) / median(builds)).toFixed(3),
      synthetic: {
        weeks,
        versions: weeks * 2,
        blobs: blobs.length,
        megabytes: +(bytes / 1e6).toFixed(1),
      },
      sha256sum_ms: sums.map(Math.round),
      verify_ms: verifies.map(Math.round),
      sha256sum_mb_per_s: mbps(median(sums)),
      verify_mb_per_s: mbps(median(verifies)),
      verify_vs_sha256sum: +median(ratios).toFixed(3),
    },
    null,
    2,
  ),
);
if (values.keep) log(`kept ${work}`);
else rmSync(work, { recursive: true, force: true });
