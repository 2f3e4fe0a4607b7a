/** Archiving in a child process (tests/helpers/archive-child.mjs), to kill it or race two. */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { ArchiveResult } from '../../src/archive/archive.js';

const CHILD = fileURLToPath(new URL('./archive-child.mjs', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The child runs dist/: refuse to test an archive older than its source. */
export function assertDistCurrent(): void {
  const src = path.join(ROOT, 'src', 'archive');
  for (const name of readdirSync(src).filter((n) => n.endsWith('.ts'))) {
    const built = path.join(ROOT, 'dist', 'archive', name.replace(/\.ts$/, '.js'));
    if (!existsSync(built) || statSync(built).mtimeMs < statSync(path.join(src, name)).mtimeMs) {
      throw new Error(`${built} is missing or older than its source: run npm run build first`);
    }
  }
}

/** What the child printed: its result, or its error's message and exit code. */
export type ChildOutcome = Partial<ArchiveResult> & { error?: string; exitCode?: number };

export interface ArchiveChild {
  process: ChildProcess;
  /** Resolves with the child's printed outcome and exit code, or the signal that ended it. */
  done: Promise<{ outcome?: ChildOutcome; code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts archiving the BuiltWeek folder `builtDir` into `root`; `pauseFile` sets the test hook. */
export function startArchiveChild(
  builtDir: string,
  root: string,
  pauseFile?: string,
): ArchiveChild {
  const env = { ...process.env };
  if (pauseFile) env.CAPEX_REPORT_TEST_PAUSE_BEFORE_INDEX = pauseFile;
  else delete env.CAPEX_REPORT_TEST_PAUSE_BEFORE_INDEX;
  const child = spawn(process.execPath, [CHILD, builtDir, root], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const done = new Promise<Awaited<ArchiveChild['done']>>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const line = stdout.trim().split('\n').at(-1);
      if (!line && signal === null) {
        reject(new Error(`archive child printed nothing: ${stderr}`));
        return;
      }
      const outcome = line ? (JSON.parse(line) as ChildOutcome) : undefined;
      resolve({ ...(outcome ? { outcome } : {}), code, signal });
    });
  });
  return { process: child, done };
}

/** Waits until the child has written its pause file (every blob stored, the index not yet). */
export async function waitForFile(
  file: string,
  child: ArchiveChild,
  timeoutMs = 30_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!existsSync(file)) {
    if (child.process.exitCode !== null) throw new Error('archive child ended before pausing');
    if (Date.now() > until) throw new Error(`no pause file ${file} after ${timeoutMs} ms`);
    await sleep(20);
  }
}
