/**
 * HTML → PDF bytes in a locked-down page: no JavaScript, and every request refused except data:
 * URLs (the page is self-contained: fonts as data: URLs, charts as inline SVG). Running headers
 * and page numbers come from the page's own CSS @page margin boxes, not from Puppeteer's
 * header/footer templates.
 */

import type { Browser, PaperFormat } from 'puppeteer';
import type { Locale } from '../data/schema.js';
import { PageTooWideError, PrintError } from '../errors.js';
import { msg } from '../messages/index.js';
import { findOverflow, layOutForPrint } from './overflow.js';
import { acquirePage, fontStyleOf, loadPage, type RefusedRequest, releasePage } from './pages.js';
import { isPuppeteerError } from './puppeteer.js';

export type PaperSize = Extract<PaperFormat, 'A4' | 'Letter'>;

export interface PrintJob {
  /** The finished page, fonts embedded (see embedFonts). */
  html: string;
  locale: Locale;
  /** Names the job in error messages; the PDF title is set by finalizePdf. */
  title: string;
  /** Used when the page's CSS gives no `@page { size }`, which wins otherwise. */
  format: PaperSize;
  /** Per attempt, for loading and for printing each (default 60 000 ms). */
  timeoutMs?: number;
  /**
   * The width the page's content must fit in (the paper less its margins): a page wider than it
   * is refused with PageTooWideError instead of printed shrunk (see overflow.ts).
   */
  contentWidthMm?: number;
}

export type { RefusedRequest };

export interface PrintResult {
  pdf: Uint8Array;
  refusedRequests: RefusedRequest[];
}

const CRASHED = 'Page crashed!';

/** A crash, a hang or a lost target: worth one more try; anything else would fail again. */
function isTransient(error: unknown): boolean {
  return (
    // Either build's classes: a caller's browser may come from Puppeteer's ES module build.
    isPuppeteerError(error, 'TimeoutError') ||
    isPuppeteerError(error, 'ProtocolError') || // includes TargetCloseError, ConnectionClosedError
    (error instanceof Error &&
      /Target closed|Session closed|detached Frame/i.test(error.message)) ||
    (error instanceof Error && error.message === CRASHED)
  );
}

/** A <meta http-equiv=refresh> would print Chromium's error page instead of the report. */
function navigatedAway(navigations: readonly string[]): PrintError {
  return new PrintError(msg.browser.navigatedAway(navigations));
}

async function printOnce(browser: Browser, job: PrintJob): Promise<PrintResult> {
  const timeout = job.timeoutMs ?? 60_000;
  const fonts = fontStyleOf(job.html);
  const locked = await acquirePage(browser, fonts?.hash);
  const { page, refused, navigations, crashed } = locked;
  let healthy = false;
  try {
    if (job.contentWidthMm !== undefined) await layOutForPrint(page, job.contentWidthMm);
    const failedFonts = await Promise.race([crashed, loadPage(locked, job.html, fonts, timeout)]);
    if (failedFonts.length > 0) {
      throw new PrintError(msg.browser.fontsDidNotLoad(failedFonts));
    }
    if (job.contentWidthMm !== undefined) {
      const wide = await Promise.race([crashed, findOverflow(page, job.contentWidthMm)]);
      if (wide.length > 0) {
        throw new PageTooWideError(msg.faults.pageTooWide(job.locale), job.locale, wide);
      }
    }
    const pdf = await Promise.race([
      crashed,
      page.pdf({
        format: job.format,
        printBackground: true,
        preferCSSPageSize: true,
        tagged: true,
        outline: true,
        displayHeaderFooter: false,
        timeout,
      }),
    ]);
    if (navigations.length === 0) {
      healthy = true;
      return { pdf, refusedRequests: [...refused] };
    }
  } catch (error) {
    // A navigation may also break a step before the print ("Execution context was destroyed").
    if (navigations.length === 0) throw error;
  } finally {
    if (healthy) releasePage(browser, locked);
    else await page.close().catch(() => {}); // after a crash the page is already gone
  }
  throw navigatedAway(navigations);
}

export interface PrintOptions {
  /** False once the browser is being closed (Ctrl-C): a failed print is not tried again. */
  mayRetry?: () => boolean;
}

/** One PDF; a crash or timeout is retried once, then reported as PrintError. */
export async function printPdf(
  browser: Browser,
  job: PrintJob,
  options: PrintOptions = {},
): Promise<PrintResult> {
  const what = msg.browser.couldNotPrint(job.locale, job.title);
  try {
    return await printOnce(browser, job);
  } catch (first) {
    if (first instanceof PageTooWideError) throw first; // the data's fault: the caller names it
    const mayRetry = browser.connected && (options.mayRetry?.() ?? true);
    if (!isTransient(first) || !mayRetry) {
      throw new PrintError(what, { cause: first });
    }
    try {
      return await printOnce(browser, job);
    } catch (second) {
      throw new PrintError(msg.browser.failedTwice(what), { cause: second });
    }
  }
}
