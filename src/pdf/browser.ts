/**
 * Finding and starting the Chromium that prints the PDFs.
 *
 * Order: an explicit setting (`--browser` or the config's `browser`, then
 * PUPPETEER_EXECUTABLE_PATH), then the browser Puppeteer downloaded itself (skipped at install time
 * by .puppeteerrc.cjs, so it exists only after `npx puppeteer browsers install chrome`), then the
 * browsers installed on the machine: Google Chrome where Puppeteer knows it is (Windows, macOS,
 * Linux), Microsoft Edge, and Chromium (Debian's /usr/bin/chromium and its usual other places).
 * An explicit setting that points nowhere is an error, never silently replaced by another browser.
 */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'puppeteer';
import { BrowserNotFoundError, EnvironmentError } from '../errors.js';
import { msg } from '../messages/index.js';
import { explainLaunchFailure } from './launch-failure.js';
import { registerLaunch, releaseLaunch } from './processes.js';
import puppeteer from './puppeteer.js';

export type BrowserSource = 'option' | 'env' | 'puppeteer' | 'chrome' | 'edge' | 'system';

export interface BrowserCandidate {
  path: string;
  source: BrowserSource;
  /** Where an explicit path was set, for messages (`flag --browser`, `env PUPPETEER_…`). */
  origin?: string;
}

export interface ResolveBrowserOptions {
  /** `--browser` or the config's `browser`: wins over everything else. */
  executablePath?: string | undefined;
  /** Where executablePath was set (the config's origin of the setting), for messages. */
  executableOrigin?: string | undefined;
  /** Where PUPPETEER_EXECUTABLE_PATH is read from (default: process.env). */
  env?: Readonly<Record<string, string | undefined>>;
  /** The automatic candidates, in order (default: defaultBrowserCandidates()). */
  candidates?: readonly BrowserCandidate[];
}

export interface LaunchBrowserOptions extends ResolveBrowserOptions {
  /** Milliseconds to wait for the browser to start (default 30 000). */
  timeoutMs?: number;
  /** Let Puppeteer kill the browser and exit on SIGINT/SIGTERM/SIGHUP (default true). */
  handleSignals?: boolean;
  /**
   * Let pages reach 127.0.0.1 (the preview's own tests and bench look at its page); every other
   * name still resolves nowhere. Never for printing a report.
   */
  loopback?: boolean;
}

/** The resolver rule with loopback let through. */
const LOOPBACK_RULE = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1';

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/**
 * Headless, no sandbox (we run as root in a container), nothing that phones home. The host
 * resolver rule is the network lockdown's second wall: `<link rel=prefetch>` is fetched by the
 * browser process past request interception, and a name that never resolves cannot leak.
 */
export const BROWSER_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--font-render-hinting=none',
  '--host-resolver-rules=MAP * ~NOTFOUND',
];

/** Microsoft Edge and Chromium where their installers put them, by platform. */
export function installedBrowserPaths(
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
): BrowserCandidate[] {
  if (platform === 'win32') {
    const roots = [env['PROGRAMFILES(X86)'], env.PROGRAMFILES, env.LOCALAPPDATA].filter(
      (root): root is string => Boolean(root),
    );
    return roots.map((root) => ({
      path: path.win32.join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
      source: 'edge',
    }));
  }
  if (platform === 'darwin') {
    return [
      { path: '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge', source: 'edge' },
      { path: '/Applications/Chromium.app/Contents/MacOS/Chromium', source: 'system' },
    ];
  }
  return [
    { path: SYSTEM_CHROMIUM, source: 'system' },
    { path: '/usr/bin/chromium-browser', source: 'system' },
    { path: '/usr/bin/microsoft-edge', source: 'edge' },
  ];
}

/** Puppeteer's own download location (whether or not it exists), then the installed browsers. */
export function defaultBrowserCandidates(
  platform: NodeJS.Platform = process.platform,
  env: Readonly<Record<string, string | undefined>> = process.env,
): BrowserCandidate[] {
  const candidates: BrowserCandidate[] = [];
  try {
    candidates.push({ path: puppeteer.executablePath(), source: 'puppeteer' });
  } catch {
    // Puppeteer could not even compute a path (unknown platform): nothing to try there.
  }
  try {
    // Google Chrome's usual place on this platform; Puppeteer throws when it is not there.
    candidates.push({ path: puppeteer.executablePath('chrome'), source: 'chrome' });
  } catch {
    // not installed
  }
  return [...candidates, ...installedBrowserPaths(platform, env)];
}

function explicitCandidate(options: ResolveBrowserOptions): BrowserCandidate | undefined {
  if (options.executablePath) {
    const origin = options.executableOrigin;
    return { path: options.executablePath, source: 'option', ...(origin ? { origin } : {}) };
  }
  const fromEnv = (options.env ?? process.env).PUPPETEER_EXECUTABLE_PATH;
  return fromEnv ? { path: fromEnv, source: 'env' } : undefined;
}

/** The browser to launch, or BrowserNotFoundError naming every path tried and how to get one. */
export function resolveBrowserExecutable(options: ResolveBrowserOptions = {}): BrowserCandidate {
  const explicit = explicitCandidate(options);
  const tried = explicit ? [explicit] : (options.candidates ?? defaultBrowserCandidates());
  const found = tried.find((candidate) => existsSync(candidate.path));
  if (!found) throw new BrowserNotFoundError(msg.browser.notFound(tried), tried);
  return found;
}

/**
 * A headless browser with a fresh profile in a temp folder, removed when the browser goes away
 * (closed, crashed or killed; see processes.ts). Close it with `browser.close()`. A browser that
 * cannot run here is an EnvironmentError (exit 3); one that runs but fails to start (crashed,
 * killed, timed out) a BrowserFailedError (exit 4).
 */
export async function launchBrowser(options: LaunchBrowserOptions = {}): Promise<Browser> {
  const executable = resolveBrowserExecutable(options);
  assertExecutable(executable.path);
  const launched = registerLaunch();
  try {
    const browser = await puppeteer.launch({
      executablePath: executable.path,
      headless: true,
      pipe: true,
      userDataDir: launched.profile,
      // Chromium takes the last of a repeated switch: the loopback rule replaces the lockdown's.
      args: options.loopback ? [...BROWSER_ARGS, LOOPBACK_RULE] : [...BROWSER_ARGS],
      env: browserEnv(launched.profile),
      signal: launched.kill.signal,
      timeout: options.timeoutMs ?? 30_000,
      // A caller that handles signals itself closes the browser and cleans up; Puppeteer's own
      // handlers would instead exit the process at once, skipping that.
      handleSIGINT: options.handleSignals ?? true,
      handleSIGTERM: options.handleSignals ?? true,
      handleSIGHUP: options.handleSignals ?? true,
    });
    // Not on 'disconnected': Chromium still writes its profile after the pipe closes. close()
    // resolves after this 'exit' handler has run, so the folder is gone by then.
    const child = browser.process();
    if (child?.pid !== undefined) launched.pid = child.pid;
    if (child === null || child.exitCode !== null || child.signalCode !== null) {
      releaseLaunch(launched);
    } else child.once('exit', () => releaseLaunch(launched));
    return browser;
  } catch (cause) {
    releaseLaunch(launched);
    throw await explainLaunchFailure(executable.path, cause);
  }
}

/**
 * Chromium's crash reporter keeps its folder under $XDG_CONFIG_HOME (or ~/.config), and with no
 * HOME the home is the temporary folder: both point into the profile, which is removed.
 */
function browserEnv(profile: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    XDG_CONFIG_HOME: profile,
    ...(process.env.HOME ? {} : { HOME: profile }),
  };
}

/** A folder, or a file without an execute bit, would fail to spawn (and Node throws it unhandled). */
function assertExecutable(file: string): void {
  if (!statSync(file).isFile()) throw new EnvironmentError(msg.faults.browserNotAFile(file));
  try {
    accessSync(file, constants.X_OK);
  } catch (cause) {
    throw new EnvironmentError(msg.faults.browserNotExecutable(file), { cause });
  }
}
