/**
 * Why a browser that was found did not start. It cannot run here at all (a shell's "not found" or
 * "cannot execute", a missing library: `--version` fails the same way): an environment problem,
 * exit 3. Or it runs, and this start crashed, was killed or timed out: a failure, exit 4. Puppeteer
 * does not say which (in pipe mode a dead browser reads "Target closed"), so the browser is asked
 * for its version, which costs ~0.1 s only on this path.
 */
import { execFile } from 'node:child_process';
import { BrowserFailedError, type CapexReportError, EnvironmentError } from '../errors.js';
import { msg } from '../messages/index.js';

/** The shell's exit codes for a command it could not find (127) or execute (126). */
const CANNOT_RUN = new Set([126, 127]);

interface VersionRun {
  /** Why it cannot run at all; undefined when it ran (whatever it printed). */
  cannotRun?: Error;
}

function askVersion(file: string): Promise<VersionRun> {
  return new Promise((resolve) => {
    execFile(file, ['--version'], { timeout: 10_000 }, (error, _stdout, stderr) => {
      const code = error?.code as unknown;
      if (error && typeof code === 'string') resolve({ cannotRun: error });
      else if (typeof code === 'number' && CANNOT_RUN.has(code)) {
        resolve({ cannotRun: new Error(stderr.trim() || `exit code ${code}`) });
      } else resolve({});
    });
  });
}

export async function explainLaunchFailure(
  file: string,
  cause: unknown,
): Promise<CapexReportError> {
  const { cannotRun } = await askVersion(file);
  if (cannotRun) return new EnvironmentError(msg.browser.couldNotStart(file), { cause: cannotRun });
  return new BrowserFailedError(msg.faults.browserFailed(file), { cause });
}
