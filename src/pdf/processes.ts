/**
 * The browsers this process launched, so that every way out leaves neither a Chromium process nor
 * a profile folder behind: a close, a crash, the second Ctrl-C (killLaunchedBrowsers), the end of
 * the process, and even a SIGKILL of this process (the next launch removes the profiles of
 * processes that are gone: their names carry the pid, as the writer's staging folders do).
 *
 * Chromium's main process exits before its GPU, utility and renderer processes: one of them may
 * recreate the profile folder after it was removed (measured: 1 close in 12). So the whole process
 * group (Puppeteer starts Chromium as a group leader) is killed once the main process is gone,
 * the folder removed, and removed again when this process exits.
 */
import { mkdtempSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isAlive } from '../io/pid.js';

const PREFIX = 'capex-report-chromium-';

export interface LaunchedBrowser {
  /** The profile folder, `<tmp>/capex-report-chromium-<pid>-XXXXXX`. */
  profile: string;
  /** Aborting it makes Puppeteer kill the browser's process group, even while it starts. */
  kill: AbortController;
  pid?: number;
}

const live = new Set<LaunchedBrowser>();
/** The last profiles removed; removed again at exit, in case a straggler recreated one. */
const removed = new Set<string>();
let exitHook = false;

/** A new profile folder, registered; the profiles of processes that are gone are removed first. */
export function registerLaunch(): LaunchedBrowser {
  removeStaleProfiles(tmpdir());
  const launched = {
    profile: mkdtempSync(path.join(tmpdir(), `${PREFIX}${process.pid}-`)),
    kill: new AbortController(),
  };
  live.add(launched);
  if (!exitHook) process.once('exit', removeAtExit);
  exitHook = true;
  return launched;
}

/** The browser's main process has exited (or never started): nothing of it may stay. */
export function releaseLaunch(launched: LaunchedBrowser): void {
  if (!live.has(launched)) return; // released already (killed, then its exit event)
  launched.kill.abort();
  killGroup(launched.pid);
  removeProfile(launched.profile);
  live.delete(launched);
  removed.add(launched.profile);
  for (const old of removed) if (removed.size > 16) removed.delete(old);
}

/** Every browser of this process, at once (the second Ctrl-C): SIGKILL, then the profiles. */
export function killLaunchedBrowsers(): void {
  for (const launched of live) releaseLaunch(launched);
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined || process.platform === 'win32') return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // The group is gone already (ESRCH): nothing left to kill.
  }
}

function removeProfile(profile: string): void {
  try {
    removeSingletonFolder(profile);
    rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  } catch {
    // A leftover profile in the temp folder must not turn a finished build into a crash.
  }
}

/**
 * Chromium keeps the socket that makes it the profile's single instance in a folder of the temp
 * folder (`org.chromium.Chromium.XXXXXX`), linked from the profile; it removes it when it closes,
 * not when it is killed.
 */
function removeSingletonFolder(profile: string): void {
  let socket: string;
  try {
    socket = readlinkSync(path.join(profile, 'SingletonSocket'));
  } catch {
    return; // no link: Chromium never got that far, or removed it itself
  }
  const folder = path.dirname(socket);
  if (path.dirname(folder) === path.dirname(profile) && /chrom|edge/i.test(path.basename(folder))) {
    rmSync(folder, { recursive: true, force: true });
  }
}

function removeAtExit(): void {
  killLaunchedBrowsers();
  for (const profile of removed) removeProfile(profile);
}

/** Profiles whose process is gone (killed with SIGKILL, so nothing of it could clean up). */
function removeStaleProfiles(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(/^capex-report-chromium-(\d+)-[A-Za-z0-9]{6}$/.exec(name)?.[1]);
    if (pid && !isAlive(pid)) removeProfile(path.join(dir, name));
  }
}
