/**
 * A browser held for printing. A one-shot build opens a lease, prints and closes it; a long-lived
 * caller (the preview server, a batch of weeks, the CLI that starts Chromium before it loads the
 * rest of the pipeline) holds one across many builds, and each build prints with it. The lease
 * launches the browser at once, so that Chromium starts on the other core while Node works; the
 * pages it prints with are kept warm between prints (pages.ts).
 */
import type { Browser } from 'puppeteer';
import { PrintError } from '../errors.js';
import { msg } from '../messages/index.js';
import { type LaunchBrowserOptions, launchBrowser } from './browser.js';
import { type PrintJob, type PrintResult, printPdf } from './print.js';

export interface BrowserLease {
  /** The live browser; rejects (no browser installed, a failed start) only when awaited. */
  browser(): Promise<Browser>;
  /** Chromium's version string (manifest, the PDFs' identity). */
  version(): Promise<string>;
  /** One page printed to PDF; a crash or time-out is retried once. */
  print(job: PrintJob): Promise<PrintResult>;
  /** Closes a browser the lease launched (once; later calls wait for the same close). */
  close(): Promise<void>;
}

export interface OpenLeaseOptions extends LaunchBrowserOptions {
  /** Aborting closes the browser at once (Ctrl-C in the CLI). */
  signal?: AbortSignal | undefined;
}

/**
 * Launches a browser now and leases it; `close()` closes it. A browser that crashed or was killed
 * (disconnected) is replaced by a new one on the next use, so a long-lived holder keeps printing.
 */
export function openBrowserLease(options: OpenLeaseOptions = {}): BrowserLease {
  const { signal, ...launch } = options;
  const start = () => {
    const launched = launchBrowser({ ...launch, handleSignals: options.handleSignals ?? !signal });
    launched.catch(() => {}); // reported when a print awaits it; invalid data is reported first
    return launched;
  };
  let ready = start();
  let closing: Promise<void> | undefined;
  const live = async (): Promise<Browser> => {
    const current = ready;
    const browser = await current;
    if (browser.connected || closing) return browser;
    if (ready === current) ready = start(); // one relaunch, however many callers noticed
    return ready;
  };
  const close = () => {
    signal?.removeEventListener('abort', close);
    closing ??= ready.then((b) => b.close()).catch(() => {});
    return closing;
  };
  signal?.addEventListener('abort', close, { once: true });
  return leaseOf(live, close, () => closing !== undefined);
}

/** Leases a browser someone else owns: `close()` leaves it open. */
export function borrowBrowser(browser: Browser | Promise<Browser>): BrowserLease {
  const ready = Promise.resolve(browser);
  ready.catch(() => {});
  let closed = false;
  return leaseOf(
    () => ready,
    async () => {
      closed = true;
    },
    () => closed,
  );
}

function leaseOf(
  current: () => Promise<Browser>,
  close: () => Promise<void>,
  isClosed: () => boolean,
): BrowserLease {
  let version: Promise<string> | undefined;
  return {
    browser: current,
    version: () => {
      version ??= current().then((b) => b.version());
      return version;
    },
    print: async (job) => {
      const browser = await current();
      // A browser closing (Ctrl-C) would leave a new page waiting until Puppeteer's time-out.
      if (isClosed()) throw new PrintError(msg.browser.leaseClosed(job.locale));
      return printPdf(browser, job, { mayRetry: () => !isClosed() });
    },
    close,
  };
}
