/**
 * Issue 15, point 8: an unusable temporary folder (the browser's profile goes there) or output
 * folder is found before anything is loaded, validated, rendered or printed: exit 3, saying what
 * to fix; no browser started, nothing written.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { msg } from '../../src/messages/index.js';
import { MINIMAL, processesGone, runIn, type Sandbox, sandboxes, tree } from '../helpers/faults.js';
import { canMount, readOnlyMounts } from '../helpers/mounts.js';

const sandbox = sandboxes('capex-env-');
const readOnly = readOnlyMounts();

const build = (box: Sandbox, out = box.out) => ['build', '--data', MINIMAL, '--out', out];

/** Exit 3 with these problems, before the first stage; nothing started, nothing written. */
async function expectRefusedBeforeWork(
  box: Sandbox,
  run: { code: number; stderr: string },
  problems: string[],
): Promise<void> {
  expect(run.code).toBe(3);
  expect(run.stderr).toContain(msg.cli.failed(msg.faults.environment));
  for (const problem of problems) expect(run.stderr).toContain(`  - ${problem}`);
  expect(run.stderr).not.toContain('  load');
  expect(await processesGone(box.root)).toEqual([]);
  expect(tree(box.out)).toEqual([]);
}

describe('the temporary folder', () => {
  test('TMPDIR pointing nowhere', async () => {
    const box = sandbox();
    const nowhere = path.join(box.root, 'nowhere');
    const started = performance.now();
    const run = await runIn(box, build(box), { TMPDIR: nowhere });
    console.info(`refused in ${(performance.now() - started).toFixed(0)} ms (the whole command)`);
    const why = msg.faults.folderFailure('ENOENT');
    await expectRefusedBeforeWork(box, run, [msg.faults.unusableTemp(nowhere, true, why)]);
  });

  test('TMPDIR naming a file', async () => {
    const box = sandbox();
    const file = path.join(box.root, 'a-file');
    writeFileSync(file, '');
    const run = await runIn(box, build(box), { TMPDIR: file });
    const why = msg.faults.folderFailure('ENOTDIR');
    await expectRefusedBeforeWork(box, run, [msg.faults.unusableTemp(file, true, why)]);
  });

  test.skipIf(!canMount)('TMPDIR on a read-only file system', async () => {
    const box = sandbox();
    const ro = readOnly();
    const run = await runIn(box, build(box), { TMPDIR: ro });
    const why = msg.faults.folderFailure('EROFS');
    await expectRefusedBeforeWork(box, run, [msg.faults.unusableTemp(ro, true, why)]);
  });

  test('--html-only needs no browser, so no temporary folder', async () => {
    const box = sandbox();
    const run = await runIn(box, [...build(box), '--html-only', '--quiet'], {
      TMPDIR: path.join(box.root, 'nowhere'),
    });
    expect(run.code).toBe(0);
    expect(tree(box.out)).toContain('2026-W06/report.en.html');
  });
});

describe('the output folder', () => {
  test('--out naming a file: refused, the file untouched', async () => {
    const box = sandbox();
    const file = path.join(box.root, 'a-file');
    writeFileSync(file, 'mine\n');
    const run = await runIn(box, build(box, file));
    const why = msg.faults.folderFailure('ENOTDIR');
    await expectRefusedBeforeWork(box, run, [msg.faults.unusableOutput(file, why)]);
    expect(tree(box.root)).toContain('a-file');
  });

  test.skipIf(!canMount)(
    '--out on a read-only file system (and TMPDIR too: both listed)',
    async () => {
      const box = sandbox();
      const ro = readOnly();
      const out = path.join(ro, 'reports');
      const run = await runIn(box, build(box, out), { TMPDIR: ro });
      await expectRefusedBeforeWork(box, run, [
        msg.faults.unusableTemp(ro, true, msg.faults.folderFailure('EROFS')),
        msg.faults.unusableOutput(out, msg.faults.folderFailure('EROFS', ro)),
      ]);
    },
  );
});
