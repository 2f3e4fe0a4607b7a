/**
 * What a build needs from the machine, checked before any work (issue 15): a temporary folder the
 * browser can keep its profile in, and an output folder the report can be written to. A problem
 * found after validating, rendering and printing would cost the whole build, and read as a raw
 * Node error; here each is an EnvironmentError (exit 3) saying what to fix.
 */
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EnvironmentError } from './errors.js';
import { msg } from './messages/index.js';

export interface EnvironmentNeeds {
  /** The browser will be launched here: it needs the temporary folder. */
  tempDir?: boolean;
  /** The folder `<out>/<week>/` will be written into. */
  outDir?: string | undefined;
}

export async function checkEnvironment(needs: EnvironmentNeeds): Promise<void> {
  const problems = [
    needs.tempDir ? await folderProblem(tmpdir(), 'temp') : undefined,
    needs.outDir ? await folderProblem(path.resolve(needs.outDir), 'output') : undefined,
  ].filter((p): p is string => p !== undefined);
  if (problems.length > 0) {
    throw new EnvironmentError(
      [msg.faults.environment, ...problems.map((p) => `  - ${p}`)].join('\n'),
    );
  }
}

type Role = 'temp' | 'output';

/**
 * Why `dir` cannot be written into, or undefined. An output folder that does not exist yet is
 * fine when its nearest existing parent is a writable folder (it is made when written).
 */
async function folderProblem(dir: string, role: Role): Promise<string | undefined> {
  const existing = role === 'output' ? await nearestExisting(dir) : dir;
  try {
    if (!(await stat(existing)).isDirectory()) return describe(role, dir, existing, 'ENOTDIR');
    await access(existing, constants.W_OK | constants.X_OK);
    return undefined;
  } catch (error) {
    return describe(role, dir, existing, (error as NodeJS.ErrnoException).code ?? String(error));
  }
}

async function nearestExisting(dir: string): Promise<string> {
  let current = dir;
  while (
    !(await stat(current).then(
      () => true,
      () => false,
    ))
  ) {
    const parent = path.dirname(current);
    if (parent === current) return current;
    current = parent;
  }
  return current;
}

function describe(role: Role, dir: string, at: string, code: string): string {
  const why = msg.faults.folderFailure(code, at === dir ? undefined : at);
  return role === 'temp'
    ? msg.faults.unusableTemp(dir, Boolean(process.env.TMPDIR), why)
    : msg.faults.unusableOutput(dir, why);
}
