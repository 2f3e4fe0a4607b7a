import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BrowserNotFoundError, EnvironmentError, EXIT_CODES } from '../../src/errors.js';
import { msg } from '../../src/messages/index.js';
import {
  type BrowserCandidate,
  defaultBrowserCandidates,
  installedBrowserPaths,
  launchBrowser,
  resolveBrowserExecutable,
  SYSTEM_CHROMIUM,
} from '../../src/pdf/browser.js';
import puppeteer from '../../src/pdf/puppeteer.js';

const MISSING = '/nonexistent/capex-report/chrome';
const EXISTING = process.execPath; // any file that exists: resolving does not run it

function resolveError(run: () => unknown): BrowserNotFoundError {
  try {
    run();
  } catch (error) {
    if (error instanceof BrowserNotFoundError) return error;
    throw error;
  }
  throw new Error('expected BrowserNotFoundError');
}

describe('resolveBrowserExecutable', () => {
  const fakeDefaults: BrowserCandidate[] = [
    { path: '/nonexistent/puppeteer/chrome', source: 'puppeteer' },
    { path: '/nonexistent/usr/bin/chromium', source: 'system' },
  ];

  it('takes the first automatic candidate that exists', () => {
    const candidates: BrowserCandidate[] = [
      fakeDefaults[0] as BrowserCandidate,
      { path: EXISTING, source: 'system' },
    ];
    expect(resolveBrowserExecutable({ env: {}, candidates })).toEqual({
      path: EXISTING,
      source: 'system',
    });
  });

  it('prefers --browser, then PUPPETEER_EXECUTABLE_PATH, over the automatic candidates', () => {
    const candidates: BrowserCandidate[] = [{ path: SYSTEM_CHROMIUM, source: 'system' }];
    const env = { PUPPETEER_EXECUTABLE_PATH: EXISTING };
    expect(resolveBrowserExecutable({ env, candidates }).source).toBe('env');
    expect(resolveBrowserExecutable({ executablePath: EXISTING, env, candidates }).source).toBe(
      'option',
    );
  });

  it('fails on an explicit path that does not exist instead of picking another browser', () => {
    const candidates: BrowserCandidate[] = [{ path: EXISTING, source: 'system' }];
    const error = resolveError(() =>
      resolveBrowserExecutable({ executablePath: MISSING, env: {}, candidates }),
    );
    expect(error.tried).toEqual([{ path: MISSING, source: 'option' }]);
    expect(error.message).toContain(`${MISSING} (--browser)`);
    const fromEnv = resolveError(() =>
      resolveBrowserExecutable({ env: { PUPPETEER_EXECUTABLE_PATH: MISSING }, candidates }),
    );
    expect(fromEnv.message).toContain(`${MISSING} (PUPPETEER_EXECUTABLE_PATH)`);
  });

  it('says how to get a browser when none is found', () => {
    const error = resolveError(() =>
      resolveBrowserExecutable({ env: {}, candidates: fakeDefaults }),
    );
    expect(error).toBeInstanceOf(EnvironmentError);
    expect(error.exitCode).toBe(EXIT_CODES.environment);
    expect(error.message).toBe(msg.browser.notFound(fakeDefaults));
    for (const needed of [
      '/nonexistent/puppeteer/chrome',
      '/nonexistent/usr/bin/chromium',
      '`apt-get install -y chromium`',
      '`npx puppeteer browsers install chrome`',
      'PUPPETEER_EXECUTABLE_PATH',
    ]) {
      expect(error.message).toContain(needed);
    }
  });

  it("tries Puppeteer's own browser first, then the installed browsers", () => {
    const candidates = defaultBrowserCandidates('linux', {});
    expect(candidates[0]).toEqual({ path: puppeteer.executablePath(), source: 'puppeteer' });
    expect(candidates).toContainEqual({ path: SYSTEM_CHROMIUM, source: 'system' });
  });

  it('knows where Chrome and Edge are installed on macOS and Windows', () => {
    expect(installedBrowserPaths('darwin', {})).toContainEqual({
      path: '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
      source: 'edge',
    });
    const windows = installedBrowserPaths('win32', {
      'PROGRAMFILES(X86)': 'C:\\Program Files (x86)',
    });
    expect(windows).toEqual([
      { path: 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe', source: 'edge' },
    ]);
    // Google Chrome's places are Puppeteer's own (computeSystemExecutablePath), per platform.
  });
});

describe('launchBrowser', () => {
  it('starts a headless browser with a fresh profile and removes the profile on close', async () => {
    const browser = await launchBrowser();
    const args = browser.process()?.spawnargs ?? [];
    const profile = args.find((a) => a.startsWith('--user-data-dir='))?.split('=')[1] ?? '';
    try {
      expect(await browser.version()).toMatch(/Chrom/);
      expect(args).toContain('--no-sandbox');
      expect(profile).toMatch(/capex-report-chromium-/);
      expect(existsSync(profile)).toBe(true);
    } finally {
      await browser.close();
    }
    expect(existsSync(profile)).toBe(false);
  });

  it('does not start anything when the browser is missing', async () => {
    await expect(launchBrowser({ executablePath: MISSING })).rejects.toBeInstanceOf(
      BrowserNotFoundError,
    );
  });
});
