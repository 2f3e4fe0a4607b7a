/** Waiting for a child process to reach a test pause point (src/io/test-pause.ts). */
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** Resolves once the child has written its pause file; fails if it exits first or takes too long. */
export async function waitForPause(
  file: string,
  child: ChildProcess,
  timeoutMs = 90_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!existsSync(file)) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`the process ended (${child.exitCode ?? child.signalCode}) before ${file}`);
    if (Date.now() > until) throw new Error(`no pause file ${file} after ${timeoutMs} ms`);
    await sleep(20);
  }
}
