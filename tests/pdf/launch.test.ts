/**
 * Issue 15, point 10: a browser that runs but dies while starting (killed, crashed) is a failure,
 * exit 4; exit 3 only when it cannot start at all (not executable, a folder, a missing library).
 * Either way no process and no profile is left, and no `caused by:` line is empty.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { msg } from '../../src/messages/index.js';
import { resolveBrowserExecutable } from '../../src/pdf/browser.js';
import { MINIMAL, processesGone, runIn, type Sandbox, sandboxes, tree } from '../helpers/faults.js';

const sandbox = sandboxes('capex-launch-');
const REAL = resolveBrowserExecutable().path;

/** A "browser" written into the sandbox: a shell script, executable unless said otherwise. */
function fakeBrowser(box: Sandbox, name: string, body: string, mode = 0o755): string {
  const file = path.join(box.root, name);
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, mode);
  return file;
}

async function buildWith(box: Sandbox, browser: string) {
  const run = await runIn(box, [
    'build',
    '--data',
    MINIMAL,
    '--out',
    box.out,
    '--browser',
    browser,
  ]);
  expect(run.stderr).not.toMatch(/caused by:\s*$/m);
  expect(await processesGone(box.root)).toEqual([]);
  expect([...tree(box.out), ...tree(box.tmp)]).toEqual([]);
  return run;
}

describe('a browser that runs but dies while starting: exit 4', () => {
  test('the real Chromium, killed (SIGKILL) 0.2 s into its start', async () => {
    const box = sandbox();
    const browser = fakeBrowser(
      box,
      'killed.sh',
      `"${REAL}" "$@" &\nC=$!\nsleep 0.2\nkill -KILL $C\nwait $C`,
    );
    const { code, stderr } = await buildWith(box, browser);
    expect(code).toBe(4);
    expect(stderr).toContain(msg.cli.failed(msg.faults.browserFailed(browser)));
  });

  test('a browser that crashes (SIGSEGV) at once', async () => {
    const box = sandbox();
    const browser = fakeBrowser(box, 'segv.sh', 'kill -SEGV $$');
    const { code, stderr } = await buildWith(box, browser);
    expect(code).toBe(4);
    expect(stderr).toContain(msg.cli.failed(msg.faults.browserFailed(browser)));
  });
});

describe('a browser that cannot start at all: exit 3', () => {
  test('a file without the execute bit', async () => {
    const box = sandbox();
    const browser = fakeBrowser(box, 'chrome', 'exit 0', 0o644);
    const { code, stderr } = await buildWith(box, browser);
    expect(code).toBe(3);
    expect(stderr).toContain(msg.cli.failed(msg.faults.browserNotExecutable(browser)));
  });

  test('a folder', async () => {
    const box = sandbox();
    const browser = path.join(box.root, 'chrome');
    mkdirSync(browser);
    const { code, stderr } = await buildWith(box, browser);
    expect(code).toBe(3);
    expect(stderr).toContain(msg.cli.failed(msg.faults.browserNotAFile(browser)));
  });

  test('a missing shared library (the loader exits 127)', async () => {
    const box = sandbox();
    const missing =
      'error while loading shared libraries: libnss3.so: cannot open shared object file';
    const browser = fakeBrowser(box, 'chrome', `echo "${missing}" >&2\nexit 127`);
    const { code, stderr } = await buildWith(box, browser);
    expect(code).toBe(3);
    expect(stderr).toContain(msg.cli.failed(msg.browser.couldNotStart(browser)));
    expect(stderr).toContain(msg.cli.causedBy(missing));
  });
});
