/**
 * Summarises a V8 CPU profile (`node --cpu-prof`): self time by package or source folder, the
 * heaviest functions by self time, and total (inclusive) time of the functions named on the
 * command line.
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof bin/capex-report.js build
 *   node bench/profile.js /tmp/prof/CPU.*.cpuprofile [functionName...]
 */
import { readFile } from 'node:fs/promises';

/** `vega-scenegraph`, `dist/charts`, `node:internal`, `(garbage collector)`... */
function bucketOf(frame) {
  const url = frame.url;
  if (!url) return frame.functionName || '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  const ours = /\/(dist|bench|bin)\/(?:([^/]+)\/)?/.exec(url);
  if (ours) return ours[2] && !ours[2].endsWith('.js') ? `${ours[1]}/${ours[2]}` : ours[1];
  if (url.startsWith('node:')) return url.split('/')[0];
  return url;
}

export function summarizeProfile(profile, names = []) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    self.set(id, (self.get(id) ?? 0) + dt);
  });
  const byBucket = new Map();
  const byFunction = new Map();
  const inclusive = new Map(names.map((n) => [n, 0]));
  for (const [id, ms] of self) {
    const frame = nodes.get(id).callFrame;
    const bucket = bucketOf(frame);
    byBucket.set(bucket, (byBucket.get(bucket) ?? 0) + ms);
    const fn = `${frame.functionName || '(anonymous)'} ${bucket}:${frame.lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
    // Inclusive: a sample counts once for each named function on its stack.
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const name = nodes.get(at).callFrame.functionName;
      if (inclusive.has(name) && !seen.has(name)) {
        seen.add(name);
        inclusive.set(name, inclusive.get(name) + ms);
      }
    }
  }
  const sorted = (map) => [...map].sort((a, b) => b[1] - a[1]);
  const total = (profile.endTime - profile.startTime) / 1000;
  return { totalMs: total, byBucket: sorted(byBucket), byFunction: sorted(byFunction), inclusive };
}

async function main([file, ...names]) {
  const summary = summarizeProfile(JSON.parse(await readFile(file, 'utf8')), names);
  const line = ([k, ms]) => `${ms.toFixed(0).padStart(7)} ms  ${k}`;
  process.stdout.write(
    `profile ${summary.totalMs.toFixed(0)} ms\n\nself time by package / folder:\n`,
  );
  process.stdout.write(
    `${summary.byBucket.slice(0, 25).map(line).join('\n')}\n\nheaviest functions (self):\n`,
  );
  process.stdout.write(`${summary.byFunction.slice(0, 25).map(line).join('\n')}\n`);
  if (names.length > 0) {
    process.stdout.write(`\ninclusive:\n${[...summary.inclusive].map(line).join('\n')}\n`);
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  await main(process.argv.slice(2));
}
