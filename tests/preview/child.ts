/** The real `capex-report preview` as a child process, on a temporary copy of the project. */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import type { PreviewJson } from '../../src/cli/json.js';
import type { TempProject } from '../helpers/project.js';

export interface PreviewProcess {
  child: ChildProcess;
  json: PreviewJson;
  stderr(): string;
  /** Sends `signal`; resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function startPreviewProcess(
  project: TempProject,
  args: string[] = [],
): Promise<PreviewProcess> {
  const child = spawn(
    process.execPath,
    [project.cli, 'preview', '--port', '0', '--json', ...args],
    {
      cwd: project.dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const json = await new Promise<PreviewJson>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      try {
        resolve(JSON.parse(stdout) as PreviewJson);
      } catch {
        // not the whole document yet
      }
    });
    void exited.then((code) => reject(new Error(`preview exited (${code}): ${stderr}`)));
  });
  return {
    child,
    json,
    stderr: () => stderr,
    stop: (signal = 'SIGINT') => {
      child.kill(signal);
      return exited;
    },
  };
}

/** The processes whose parent is `pid` (`ps --ppid`), with their command lines. */
export function childrenOf(pid: number): { pid: number; args: string }[] {
  let out = '';
  try {
    out = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(pid)], { encoding: 'utf8' });
  } catch {
    return []; // ps exits 1 when it lists nothing
  }
  return out
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [, id = '0', args = ''] = /^\s*(\d+)\s+(.*)$/.exec(line) ?? [];
      return { pid: Number(id), args };
    });
}

/** Whether a process of that id is still alive (a zombie counts as gone). */
export function alive(pid: number): boolean {
  try {
    const state = execFileSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' });
    return !state.trim().startsWith('Z');
  } catch {
    return false;
  }
}
