/**
 * Issue 15, points 7 and 9: interrupts and kills leave nothing of ours behind. Ctrl-C once: the
 * browser is closed, the message names the interrupt and no print retried on a closed browser;
 * twice: a message, and the browser is killed at once (its process group) and its profile
 * removed before exit 130; a SIGKILL of the build: Chromium exits by itself (measured) and the
 * next build removes the profile; with no HOME, Chromium's crash-report folders stay inside the
 * profile, which is removed.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { msg } from '../../src/messages/index.js';
import { CLI, ROOT } from '../helpers/cli.js';
import { MINIMAL, processesGone, runIn, type Sandbox, sandboxes, tree } from '../helpers/faults.js';
import { SAMPLE } from '../helpers/sample.js';

const sandbox = sandboxes('capex-interrupt-');

interface Running {
  child: ChildProcessWithoutNullStreams;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** A build in the sandbox, resolved once it has entered `stage`. */
async function buildUntil(box: Sandbox, stage: string, data = MINIMAL): Promise<Running> {
  const child = spawn(process.execPath, [CLI, 'build', '--data', data, '--out', box.out], {
    cwd: ROOT,
    env: { ...process.env, TMPDIR: box.tmp },
  });
  let stderr = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  await new Promise<void>((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes(`  ${stage}`)) resolve();
    });
    child.on('close', () => reject(new Error(`the build ended before "${stage}": ${stderr}`)));
  });
  return { child, stderr: () => stderr, exited };
}

describe('Ctrl-C', () => {
  test('once while printing: exit 130, no retried print in the message, nothing left', async () => {
    const box = sandbox();
    // The sample's Chinese page takes a while to print: the interrupt lands in the middle.
    const build = await buildUntil(box, 'print', SAMPLE);
    await new Promise((r) => setTimeout(r, 1000));
    build.child.kill('SIGINT');
    expect((await build.exited).code).toBe(130);
    const stderr = build.stderr();
    expect(stderr).toContain(msg.cli.failed(msg.build.interrupted('received SIGINT')));
    expect(stderr).not.toContain(msg.browser.failedTwice(''));
    // What stopping did to the print in flight is no news: no "caused by" lines.
    expect(stderr).not.toContain(msg.cli.causedBy(''));
    expect(await processesGone(box.root)).toEqual([]);
    expect([...tree(box.out), ...tree(box.tmp)]).toEqual([]);
  });

  test('twice: a message, the browser killed at once and its profile removed, exit 130', async () => {
    const box = sandbox();
    const build = await buildUntil(box, 'print');
    build.child.kill('SIGINT');
    await new Promise((r) => setTimeout(r, 50));
    build.child.kill('SIGINT');
    const started = performance.now();
    expect((await build.exited).code).toBe(130);
    console.info(
      `the second Ctrl-C ended the build in ${(performance.now() - started).toFixed(0)} ms`,
    );
    expect(build.stderr()).toContain(msg.cli.failed(msg.faults.stoppingNow('SIGINT')));
    // Killed, not closed: no process of the browser may outlive the build by more than a moment.
    expect(await processesGone(box.root, 1000)).toEqual([]);
    expect([...tree(box.out), ...tree(box.tmp)]).toEqual([]);
  });
});

describe('a build killed with SIGKILL while printing', () => {
  test('Chromium exits by itself; the next build removes its profile', async () => {
    const box = sandbox();
    const build = await buildUntil(box, 'print');
    build.child.kill('SIGKILL');
    expect((await build.exited).signal).toBe('SIGKILL');
    const started = performance.now();
    // Puppeteer talks to Chromium over a pipe: at its end Chromium shuts down (~0.5-3 s here).
    expect(await processesGone(box.root, 15_000)).toEqual([]);
    console.info(
      `Chromium exited ${(performance.now() - started).toFixed(0)} ms after the build was killed`,
    );
    const left = tree(box.tmp);
    expect(left.filter((f) => !f.includes('/'))).toEqual([
      expect.stringMatching(new RegExp(`^capex-report-chromium-${build.child.pid}-`)),
    ]);
    expect((await runIn(box, ['build', '--data', MINIMAL, '--out', box.out, '--quiet'])).code).toBe(
      0,
    );
    expect(tree(box.tmp)).toEqual([]);
    expect(await processesGone(box.root)).toEqual([]);
  });
});

test('with no HOME, Chromium writes no crash-report folder into the temporary folder', async () => {
  const box = sandbox();
  const child = spawn(process.execPath, [CLI, 'build', '--data', MINIMAL, '--out', box.out], {
    cwd: ROOT,
    env: Object.fromEntries(
      Object.entries({ ...process.env, TMPDIR: box.tmp }).filter(([k]) => k !== 'HOME'),
    ),
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(code).toBe(0);
  expect(tree(box.tmp)).toEqual([]);
  expect(await processesGone(box.root)).toEqual([]);
});
