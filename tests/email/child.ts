/** `send` in a child process (tests/email/send-child.mjs over the compiled dist/), to kill or race. */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { ROOT } from '../helpers/cli.js';

const CHILD = fileURLToPath(new URL('./send-child.mjs', import.meta.url));

/** The child runs dist/: refuse to test an e-mail module older than its source. */
export function assertDistCurrent(): void {
  for (const folder of ['email', 'cli']) {
    const src = path.join(ROOT, 'src', folder);
    for (const name of readdirSync(src).filter((n) => n.endsWith('.ts'))) {
      const built = path.join(ROOT, 'dist', folder, name.replace(/\.ts$/, '.js'));
      if (!existsSync(built) || statSync(built).mtimeMs < statSync(path.join(src, name)).mtimeMs) {
        throw new Error(`${built} is missing or older than its source: run npm run build first`);
      }
    }
  }
}

export interface SendChild {
  process: ChildProcess;
  done: Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
  }>;
}

export function startSendChild(
  options: Record<string, unknown>,
  env: Record<string, string>,
  command: 'send' | 'deliveries' = 'send',
): SendChild {
  const child = spawn(process.execPath, [CHILD, JSON.stringify(options), command], {
    cwd: ROOT,
    // Only what the test gives: no password or setting of the machine leaks in.
    env: { PATH: process.env.PATH ?? '', ...env },
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
  const done = new Promise<Awaited<SendChild['done']>>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { process: child, done };
}

export async function waitForFile(file: string, child: SendChild, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  while (!existsSync(file)) {
    if (child.process.exitCode !== null) {
      const { stderr } = await child.done;
      throw new Error(`send child ended before pausing: ${stderr}`);
    }
    if (Date.now() > until) throw new Error(`no pause file ${file} after ${timeoutMs} ms`);
    await sleep(20);
  }
}
