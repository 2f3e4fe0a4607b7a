/**
 * Issue 15, points 2, 7 and 9: the writer replaces only what it wrote itself, keeps the real cause
 * of a failure, and a build killed (SIGKILL) while writing leaves nothing a later build does not
 * clean up, with the previous output never lost.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { describeError, formatProblem, WriteError } from '../../src/errors.js';
import { makeFolders } from '../../src/io/folders.js';
import { msg } from '../../src/messages/index.js';
import { makeArtifact } from '../../src/output/artifacts.js';
import { writeOutput } from '../../src/output/write.js';
import { CLI, ROOT } from '../helpers/cli.js';
import { MINIMAL, processesGone, runIn, type Sandbox, sandboxes, tree } from '../helpers/faults.js';
import { canMount, readOnlyMounts } from '../helpers/mounts.js';
import { waitForPause } from '../helpers/pause.js';

const sandbox = sandboxes('capex-write-');
const readOnly = readOnlyMounts();

const build = (box: Sandbox) => ['build', '--data', MINIMAL, '--out', box.out, '--quiet'];

/** Each file's SHA-256 under `dir`, by relative path. */
function hashes(dir: string): Record<string, string> {
  return Object.fromEntries(
    tree(dir)
      .filter((f) => statSync(path.join(dir, f)).isFile())
      .map((f) => [
        f,
        createHash('sha256')
          .update(readFileSync(path.join(dir, f)))
          .digest('hex'),
      ]),
  );
}

describe('something in the way of <out>/<week>', () => {
  test.each([
    ['a regular file', msg.output.notAFolder, (target: string) => writeFileSync(target, 'mine\n')],
    [
      'a folder capex-report did not write',
      msg.output.foreignFolder,
      (target: string) => {
        mkdirSync(target);
        writeFileSync(path.join(target, 'notes.txt'), 'mine\n');
      },
    ],
  ])(
    '%s: exit 1 naming the path, refused before rendering, left as it was',
    async (_, found, make) => {
      const box = sandbox();
      const target = path.join(box.out, '2026-W06');
      make(target);
      const before = tree(box.out);
      const { code, stderr } = await runIn(box, build(box));
      expect(code).toBe(1);
      expect(stderr).toContain(msg.output.inTheWay(target));
      expect(stderr).toContain(
        formatProblem({ file: target, path: '', ...msg.output.notOurOutput(found) }),
      );
      expect(tree(box.out)).toEqual(before);
      const mine = existsSync(path.join(target, 'notes.txt'))
        ? path.join(target, 'notes.txt')
        : target;
      expect(readFileSync(mine, 'utf8')).toBe('mine\n');
      expect(await processesGone(box.root)).toEqual([]);
      expect(tree(box.tmp)).toEqual([]);
    },
  );
});

describe('an earlier output of ours', () => {
  test('is replaced, and what the writer did not make there (an outbox, a note) moves into the new one', async () => {
    const box = sandbox();
    const target = path.join(box.out, '2026-W06');
    const manifest = (outputs: string[]) =>
      makeArtifact(
        'manifest.json',
        JSON.stringify({
          tool: { name: 'capex-report' },
          outputs: Object.fromEntries(outputs.map((o) => [o, {}])),
        }),
      );
    const first = ['report.en.pdf', 'charts/a.svg', 'charts/gone.svg', 'old.html'];
    await writeOutput(target, [...first.map((f) => makeArtifact(f, 'v1')), manifest(first)]);
    mkdirSync(path.join(target, 'outbox'));
    writeFileSync(path.join(target, 'outbox', 'zh-one.eml'), 'message\n');
    writeFileSync(path.join(target, 'notes.txt'), 'mine\n');
    const second = ['report.en.pdf', 'charts/a.svg'];
    await writeOutput(target, [...second.map((f) => makeArtifact(f, 'v2')), manifest(second)]);
    expect(tree(target)).toEqual(
      [
        'charts',
        'charts/a.svg',
        'manifest.json',
        'notes.txt',
        'outbox',
        'outbox/zh-one.eml',
        'report.en.pdf',
      ].sort(),
    );
    expect(readFileSync(path.join(target, 'report.en.pdf'), 'utf8')).toBe('v2');
    expect(readFileSync(path.join(target, 'outbox', 'zh-one.eml'), 'utf8')).toBe('message\n');
    expect(readFileSync(path.join(target, 'notes.txt'), 'utf8')).toBe('mine\n');
    expect(readdirSync(box.out)).toEqual(['2026-W06']);
  });
});

describe('the real cause of a failed write', () => {
  test.skipIf(!canMount)('a read-only file system reads EROFS, not ENOENT', async () => {
    const target = path.join(readOnly(), 'out', '2026-W06');
    const error = await writeOutput(target, [makeArtifact('a.txt', 'a')]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WriteError);
    const [first, ...causes] = describeError(error);
    expect(first).toBe(msg.output.couldNotWrite(target));
    expect(causes.join('\n')).toMatch(/^EROFS: read-only file system, mkdir/);
    await expect(makeFolders(path.join(path.dirname(target), 'x', 'y'))).rejects.toMatchObject({
      code: 'EROFS',
    });
  });

  test('a file where a folder should be: "Could not write", caused by ENOTDIR (no clean-up error)', async () => {
    const box = sandbox();
    const file = path.join(box.root, 'a-file');
    writeFileSync(file, 'mine\n');
    const target = path.join(file, '2026-W06');
    const error = await writeOutput(target, [makeArtifact('a.txt', 'a')]).catch((e: unknown) => e);
    const [first, cause, ...rest] = describeError(error);
    expect(first).toBe(msg.output.couldNotWrite(target));
    expect(cause).toMatch(/^ENOTDIR: not a directory, mkdir/);
    expect(rest).toEqual([]);
    expect(readFileSync(file, 'utf8')).toBe('mine\n');
  });
});

/** Starts a build that pauses in the writer at `moment`, and SIGKILLs it there. */
async function killWhileWriting(box: Sandbox, moment: 'staging' | 'aside'): Promise<number> {
  const point = moment === 'staging' ? 'WRITE_STAGING' : 'WRITE_ASIDE';
  const pause = path.join(box.tmp, `paused-${moment}`);
  const child = spawn(process.execPath, [CLI, ...build(box)], {
    cwd: ROOT,
    env: { ...process.env, TMPDIR: box.tmp, [`CAPEX_REPORT_TEST_PAUSE_${point}`]: pause },
    stdio: 'ignore',
  });
  const exited = new Promise<string | null>((resolve) =>
    child.on('close', (_, signal) => resolve(signal)),
  );
  await waitForPause(pause, child);
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  rmSync(pause, { force: true });
  return child.pid ?? 0;
}

describe('a build killed (SIGKILL) while writing', () => {
  test('the previous output survives both kills and the next builds clean up', {
    timeout: 240_000,
  }, async () => {
    const box = sandbox();
    const target = path.join(box.out, '2026-W06');
    expect((await runIn(box, build(box))).code).toBe(0);
    const first = hashes(target);
    expect(Object.keys(first).length).toBeGreaterThan(5);

    // Killed between the two renames: the previous output is set aside, the new one complete.
    const aside = await killWhileWriting(box, 'aside');
    expect(existsSync(target)).toBe(false);
    const names = readdirSync(box.out);
    const previous = names.find((n) => n.startsWith(`.2026-W06.previous-${aside}-`));
    expect(previous).toBeDefined();
    expect(hashes(path.join(box.out, previous ?? ''))).toEqual(first);
    expect(names.some((n) => n.startsWith(`.2026-W06.staging-${aside}-`))).toBe(true);
    const started = performance.now();
    expect(await processesGone(box.root, 15_000)).toEqual([]);
    console.info(
      `Chromium exited ${(performance.now() - started).toFixed(0)} ms after its build was killed`,
    );

    // The next build puts the previous output back and removes the dead build's folders before
    // it writes; killed in its turn with its staging folder complete.
    const staging = await killWhileWriting(box, 'staging');
    expect(hashes(target)).toEqual(first);
    expect(readdirSync(box.out).filter((n) => n.includes(`-${aside}-`))).toEqual([]);
    expect(readdirSync(box.out).some((n) => n.startsWith(`.2026-W06.staging-${staging}-`))).toBe(
      true,
    );
    expect(await processesGone(box.root, 15_000)).toEqual([]);

    // A clean build: only the output, no staging or previous folder, no browser profile.
    expect((await runIn(box, build(box))).code).toBe(0);
    expect(readdirSync(box.out)).toEqual(['2026-W06']);
    expect(hashes(target)).toEqual(first);
    expect(await processesGone(box.root)).toEqual([]);
    expect(tree(box.tmp)).toEqual([]);
  });
});
