/**
 * Runs a Node script as a whole process and measures it: wall time from spawn to exit, the Node
 * process's own peak RSS (rss-preload.js), the largest peak RSS of any process in its tree
 * (`/usr/bin/time`, whose getrusage(RUSAGE_CHILDREN) reports a maximum, not a sum) and, when
 * asked, the peak PSS of the whole tree (Node + Chromium) sampled from /proc.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TIME = '/usr/bin/time';
const PRELOAD = fileURLToPath(new URL('./rss-preload.js', import.meta.url));
export const HAS_TIME = existsSync(TIME);

async function readKb(file) {
  const text = await readFile(file, 'utf8').catch(() => '');
  await rm(file, { force: true });
  const kb = Number.parseInt(text.trim().split('\n').at(-1) ?? '', 10);
  return Number.isFinite(kb) ? kb : null;
}

/** Parent pid of every process, from /proc. */
async function parents() {
  const map = new Map();
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => '');
    // The command name may hold spaces and parentheses: fields start after the last ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (ppid) map.set(Number(name), ppid);
  }
  return map;
}

/** Sum of Pss over `root` and its descendants (kB): shared pages count once, in proportion. */
async function treePss(root) {
  const ppid = await parents();
  const tree = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, parent] of ppid)
      if (tree.has(parent) && !tree.has(pid)) {
        tree.add(pid);
        grew = true;
      }
  }
  let total = 0;
  for (const pid of tree) {
    const rollup = await readFile(`/proc/${pid}/smaps_rollup`, 'utf8').catch(() => '');
    total += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
  }
  return total;
}

/**
 * `node [--import rss-preload] <script> ...args` under /usr/bin/time when present. Rejects with
 * the process's stderr when it fails.
 */
export async function runNode(script, args, { cwd, env = process.env, sampleTree = false } = {}) {
  const tag = `${process.pid}-${Math.random().toString(36).slice(2)}`;
  const rssFile = path.join(os.tmpdir(), `bench-rss-${tag}`);
  const timeFile = path.join(os.tmpdir(), `bench-time-${tag}`);
  const node = [process.execPath, '--import', PRELOAD, script, ...args];
  const [command, ...argv] = HAS_TIME ? [TIME, '-f', '%M', '-o', timeFile, ...node] : node;
  const start = performance.now();
  const child = spawn(command, argv, {
    cwd,
    env: { ...env, BENCH_RSS_FILE: rssFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  let peakPss = 0;
  let sampling = sampleTree;
  const sampler = (async () => {
    while (sampling) {
      peakPss = Math.max(peakPss, await treePss(child.pid).catch(() => 0));
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const code = await new Promise((resolve) => child.on('close', resolve));
  const ms = performance.now() - start;
  sampling = false;
  await sampler;
  if (code !== 0) {
    throw new Error(`${path.basename(script)} ${args.join(' ')} exited with ${code}:\n${stderr}`);
  }
  return {
    ms,
    stdout,
    nodeRssKb: await readKb(rssFile),
    maxProcessRssKb: HAS_TIME ? await readKb(timeFile) : null,
    treePssKb: sampleTree ? peakPss : null,
  };
}
