/**
 * `npm run bench -- --ab <checkout>`: this checkout (A) against another one (B) on the judged
 * figures, in the same run, side by side: the way a speed mechanism earns its keep. B is any
 * built checkout of the project, e.g. a git worktree where one mechanism is taken out:
 *
 *   git worktree add /tmp/b HEAD && (cd /tmp/b && <take it out> && ln -s "$PWD/../main/node_modules"
 *     node_modules && npx tsc -p tsconfig.build.json)
 *   npm run bench -- --ab /tmp/b [--rounds 7] [--only cold,warm,batch]
 *
 * Each round runs, back to back: the floor, A's cold build, B's cold build (whole processes);
 * then A's and B's warm rebuilds (bench/warm.js of each side, 3 runs each); then, every other
 * round, A's and B's batch of 12 synthetic weeks (bench/batch.js of each side). Each side keeps
 * its own cache folder (filled once before the rounds). The figures are each side's cold build
 * ÷ floor, warm share inside page.pdf() and batch throughput; B ÷ A is taken round by round,
 * with the distribution-free interval of its median (stats.js).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runNode } from './process.js';
import { medianInterval, round, summarize } from './stats.js';
import { writeSyntheticWeeks } from './synthetic.js';

const A = fileURLToPath(new URL('../', import.meta.url));
const log = (line) => process.stderr.write(`ab: ${line}\n`);

function parseArgs(argv) {
  const at = (flag) => argv[argv.indexOf(flag) + 1];
  const b = at('--ab');
  if (!b)
    throw new Error(
      'usage: node bench/ab.js --ab <checkout> [--rounds N] [--only cold,warm,batch]',
    );
  return {
    b: path.resolve(b),
    rounds: argv.includes('--rounds') ? Number(at('--rounds')) : 7,
    only: argv.includes('--only') ? at('--only').split(',') : ['cold', 'warm', 'batch'],
    batchWeeks: argv.includes('--weeks') ? Number(at('--weeks')) : 12,
  };
}

function sideEnv(env, work, name) {
  return { ...env, CAPEX_REPORT_CACHE: path.join(work, `cache-${name}`) };
}

async function coldBuild(root, out, env) {
  const sample = path.join(root, 'data', '2026-W06.yaml');
  return runNode(
    path.join(root, 'bin/capex-report.js'),
    ['build', '--data', sample, '--out', out, '--quiet'],
    {
      cwd: root,
      env,
    },
  );
}

async function warm(root, work, env) {
  const { stdout } = await runNode(path.join(root, 'bench/warm.js'), [work, '3', '1'], {
    cwd: root,
    env,
  });
  const { runs } = JSON.parse(stdout);
  return runs.map((r) => r.print.pdfMs / r.wallMs);
}

async function batch(root, weeks, out, env) {
  const { stdout } = await runNode(path.join(root, 'bench/batch.js'), ['build', weeks, out], {
    cwd: root,
    env,
  });
  const r = JSON.parse(stdout);
  return r.pdfs / (r.ms / 1000);
}

function compare(name, a, b) {
  const ratios = a.map((x, i) => b[i] / x);
  const interval = medianInterval(ratios);
  return {
    name,
    a: round(summarize(a).median, 3),
    b: round(summarize(b).median, 3),
    bOverA: round(summarize(ratios).median, 3),
    interval: interval ? [round(interval.low, 3), round(interval.high, 3)] : null,
    n: ratios.length,
  };
}

async function main(argv) {
  const { b: B, rounds, only, batchWeeks } = parseArgs(argv);
  const { resolveBrowserExecutable } = await import('../dist/pdf/browser.js');
  const env = { ...process.env, PUPPETEER_EXECUTABLE_PATH: resolveBrowserExecutable().path };
  const work = await mkdtemp(path.join(os.tmpdir(), 'capex-ab-'));
  const envA = sideEnv(env, work, 'a');
  const envB = sideEnv(env, work, 'b');
  try {
    log(`A ${A}\nab: B ${B}\nab: ${rounds} rounds of ${only.join(', ')}, work ${work}`);
    // Both sides' caches filled, and the floor's HTML: A's reference build.
    const ref = await coldBuild(A, path.join(work, 'ref-a'), envA);
    await coldBuild(B, path.join(work, 'ref-b'), envB);
    const html = ['zh-TW', 'en'].map((l) =>
      path.join(work, 'ref-a', '2026-W06', `report.${l}.html`),
    );
    void ref;
    const weeks = path.join(work, 'weeks');
    if (only.includes('batch'))
      await writeSyntheticWeeks(path.join(A, 'data/2026-W06.yaml'), weeks, batchWeeks);
    const runs = { floor: [], coldA: [], coldB: [], warmA: [], warmB: [], batchA: [], batchB: [] };
    for (let i = 0; i < rounds; i++) {
      if (only.includes('cold')) {
        const f = await runNode(
          path.join(A, 'bench/floor.js'),
          [path.join(work, `floor-${i}`), ...html],
          { cwd: A, env },
        );
        const a = await coldBuild(A, path.join(work, `a-${i}`), envA);
        const b = await coldBuild(B, path.join(work, `b-${i}`), envB);
        runs.floor.push(f.ms);
        runs.coldA.push(a.ms / f.ms);
        runs.coldB.push(b.ms / f.ms);
        log(
          `round ${i + 1}: floor ${Math.round(f.ms)} ms, A ${Math.round(a.ms)} ms, B ${Math.round(b.ms)} ms`,
        );
      }
      if (only.includes('warm')) {
        const a = await warm(A, path.join(work, `warm-a-${i}`), envA);
        const b = await warm(B, path.join(work, `warm-b-${i}`), envB);
        runs.warmA.push(...a);
        runs.warmB.push(...b);
        log(
          `round ${i + 1}: warm share A ${a.map((x) => x.toFixed(2))}, B ${b.map((x) => x.toFixed(2))}`,
        );
      }
      if (only.includes('batch') && i % 2 === 0) {
        const a = await batch(A, weeks, path.join(work, `batch-a-${i}`), envA);
        const b = await batch(B, weeks, path.join(work, `batch-b-${i}`), envB);
        runs.batchA.push(a);
        runs.batchB.push(b);
        log(`round ${i + 1}: batch A ${a.toFixed(2)} PDF/s, B ${b.toFixed(2)} PDF/s`);
      }
    }
    const result = {
      date: new Date().toISOString(),
      a: A,
      b: B,
      loadavg: os.loadavg().map((l) => round(l, 2)),
      figures: [
        ...(runs.coldA.length ? [compare('cold build ÷ floor', runs.coldA, runs.coldB)] : []),
        ...(runs.warmA.length
          ? [compare('warm share inside page.pdf()', runs.warmA, runs.warmB)]
          : []),
        ...(runs.batchA.length
          ? [compare(`batch PDF/s, ${batchWeeks} weeks`, runs.batchA, runs.batchB)]
          : []),
      ],
      runs,
    };
    for (const f of result.figures) {
      const interval = f.interval
        ? `${f.interval[0]}-${f.interval[1]}`
        : 'too few runs for an interval';
      process.stdout.write(
        `${f.name}: A ${f.a}, B ${f.b}; B ÷ A ${f.bOverA} (${interval}, n=${f.n})\n`,
      );
    }
    const dir = path.join(A, 'output/bench');
    await mkdir(dir, { recursive: true });
    await writeFile(
      path.join(dir, `ab-${path.basename(B)}.json`),
      `${JSON.stringify(result, null, 2)}\n`,
    );
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

await main(process.argv.slice(2));
