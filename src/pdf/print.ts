/**
 * HTML → PDF bytes in a locked-down page: no JavaScript, and every request refused except data:
 * URLs (the page is self-contained: fonts as data: URLs, charts as inline SVG). Running headers
 * and page numbers come from the page's own CSS @page margin boxes, not from Puppeteer's
 * header/footer templates.
 */

import { createHash } from 'node:crypto';
import {
  type Browser,
  type ConsoleMessage,
  type HTTPRequest,
  type Page,
  type PaperFormat,
  ProtocolError,
  TimeoutError,
} from 'puppeteer';
import type { Locale } from '../data/schema.js';
import { CapexReportError } from '../errors.js';
import { FONT_STYLE_ID } from '../fonts/subset.js';

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
}

export interface RefusedRequest {
  url: string;
  /** `intercepted`: refused by us; `local-resource`: file: URL refused by Chromium itself. */
  by: 'intercepted' | 'local-resource';
}

export interface PrintResult {
  pdf: Uint8Array;
  refusedRequests: RefusedRequest[];
}

export class PrintError extends CapexReportError {}

const LOCAL_RESOURCE = /^Not allowed to load local resource: (\S+)/;
const CRASHED = 'Page crashed!';

/** A crash, a hang or a lost target: worth one more try; anything else would fail again. */
function isTransient(error: unknown): boolean {
  return (
    error instanceof TimeoutError ||
    error instanceof ProtocolError || // includes TargetCloseError, ConnectionClosedError
    (error instanceof Error &&
      /Target closed|Session closed|detached Frame/i.test(error.message)) ||
    (error instanceof Error && error.message === CRASHED)
  );
}

/** Rejects when the renderer crashes, so a pending step fails now instead of at its timeout. */
function whenCrashed(page: Page): Promise<never> {
  return new Promise((_, reject) => {
    page.once('error', reject);
  });
}

/** Refuses every request but data: URLs and records what it refused. */
function lockDown(page: Page, refused: RefusedRequest[], navigations: string[]): void {
  page.on('request', (request: HTTPRequest) => {
    const url = request.url();
    if (url.startsWith('data:')) {
      request.continue().catch(() => {}); // the page may already be closing
      return;
    }
    refused.push({ url, by: 'intercepted' });
    if (request.isNavigationRequest() && request.frame() === page.mainFrame())
      navigations.push(url);
    request.abort('blockedbyclient').catch(() => {});
  });
  // file: URLs never reach interception: Chromium refuses them for an about:blank page first.
  page.on('console', (message: ConsoleMessage) => {
    const url = LOCAL_RESOURCE.exec(message.text())?.[1];
    if (url) refused.push({ url, by: 'local-resource' });
  });
}

/** Runs in the page: waits for the web fonts, returns the families that failed to load. */
async function fontFailures(): Promise<string[]> {
  await document.fonts.ready;
  // No forEach: with the page's JavaScript disabled, Chromium refuses to run DOM callbacks.
  const faces = Array.from(document.fonts as unknown as Iterable<FontFace>);
  return faces.filter((f) => f.status === 'error').map((f) => `${f.family} ${f.weight}`);
}

/** A page set up once (JavaScript off, every request but data: refused) and reused per print. */
interface LockedPage {
  page: Page;
  refused: RefusedRequest[];
  navigations: string[];
  crashed: Promise<never>;
  /** Hash of the font style element its document holds, once a print has loaded one. */
  fonts: string | undefined;
}

/** How the pages were loaded since the process started (tests check which path ran). */
const loads = { setContent: 0, keptFonts: 0 };
export function pageLoadStats(): { setContent: number; keptFonts: number } {
  return { ...loads };
}

const FONT_STYLE = new RegExp(`<style id="${FONT_STYLE_ID}">[\\s\\S]*?</style>`);

interface FontStyle {
  element: string;
  hash: string;
}

/** The page's font style element and its hash, when it has one. */
function fontStyleOf(html: string): FontStyle | undefined {
  const element = FONT_STYLE.exec(html)?.[0];
  return element
    ? { element, hash: createHash('sha256').update(element).digest('hex') }
    : undefined;
}

/**
 * Runs in the page: makes the document the one `html` describes, except for the font style
 * element, which stays where it is with the fonts it has already decoded (`html` has the very
 * same element). Returns false when the document has no such element to keep.
 */
function replaceAroundFonts(html: string, id: string): boolean {
  const kept = document.getElementById(id);
  if (!kept || kept.parentNode !== document.head) return false;
  const next = new DOMParser().parseFromString(html, 'text/html');
  const root = document.documentElement;
  for (const { name } of Array.from(root.attributes)) root.removeAttribute(name);
  for (const { name, value } of Array.from(next.documentElement.attributes)) {
    root.setAttribute(name, value);
  }
  for (const node of Array.from(document.head.childNodes)) if (node !== kept) node.remove();
  // The kept element is never moved: its rules, and the fonts they loaded, stay as they are.
  let beforeFonts = true;
  for (const node of Array.from(next.head.childNodes)) {
    if (node instanceof Element && node.id === id) beforeFonts = false;
    else if (beforeFonts) document.head.insertBefore(document.adoptNode(node), kept);
    else document.head.appendChild(document.adoptNode(node));
  }
  root.replaceChild(document.adoptNode(next.body), document.body);
  return true;
}

/** Runs in the page: resolves once its images are decoded (what the load event waited for). */
async function imagesDecoded(): Promise<void> {
  await Promise.all(Array.from(document.images).map((image) => image.decode().catch(() => {})));
}

/**
 * Loads the job's page. A reused page whose document already holds the same font style element
 * keeps it and swaps everything else: decoding and checking the fonts again (about 0.1 s for
 * the Chinese page) is the larger part of loading it. The result is the same document, and
 * prints byte for byte what a fresh page prints (tested).
 */
async function loadPage(
  locked: LockedPage,
  job: PrintJob,
  fonts: FontStyle | undefined,
  timeout: number,
): Promise<void> {
  if (fonts && locked.fonts === fonts.hash) {
    const rest = job.html.replace(fonts.element, `<style id="${FONT_STYLE_ID}"></style>`);
    if (await locked.page.evaluate(replaceAroundFonts, rest, FONT_STYLE_ID)) {
      await locked.page.evaluate(imagesDecoded);
      loads.keptFonts += 1;
      return;
    }
  }
  locked.fonts = undefined; // until the new document has loaded
  await locked.page.setContent(job.html, { waitUntil: 'load', timeout });
  loads.setContent += 1;
  locked.fonts = fonts?.hash;
}

/**
 * Idle locked-down pages per browser. Opening a page, locking it down and loading the fonts
 * into a fresh renderer cost more than the print itself; a warm rebuild or a batch reuses them.
 * A page that failed in any way is closed, never reused.
 */
const idlePages = new WeakMap<Browser, LockedPage[]>();

/** An idle page, preferably one that holds the fonts `fonts` hashes to; else a new one. */
async function acquirePage(browser: Browser, fonts: string | undefined): Promise<LockedPage> {
  const idle = (idlePages.get(browser) ?? []).filter((p) => !p.page.isClosed());
  idlePages.set(browser, idle);
  const match = idle.findLastIndex((p) => fonts !== undefined && p.fonts === fonts);
  const [reused] = idle.splice(match === -1 ? idle.length - 1 : match, 1);
  if (reused) {
    reused.refused.length = 0;
    reused.navigations.length = 0;
    return reused;
  }
  const page = await browser.newPage();
  const locked: LockedPage = {
    page,
    refused: [],
    navigations: [],
    crashed: whenCrashed(page),
    fonts: undefined,
  };
  locked.crashed.catch(() => {}); // only raced below; a crash after printing changes nothing
  try {
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    lockDown(page, locked.refused, locked.navigations);
  } catch (error) {
    await page.close().catch(() => {});
    throw error;
  }
  return locked;
}

function releasePage(browser: Browser, locked: LockedPage): void {
  const idle = idlePages.get(browser) ?? [];
  idlePages.set(browser, idle);
  idle.push(locked);
}

/** A <meta http-equiv=refresh> would print Chromium's error page instead of the report. */
function navigatedAway(navigations: readonly string[]): PrintError {
  return new PrintError(`The page tried to navigate away to ${navigations.join(', ')}`);
}

async function printOnce(browser: Browser, job: PrintJob): Promise<PrintResult> {
  const timeout = job.timeoutMs ?? 60_000;
  const fonts = fontStyleOf(job.html);
  const locked = await acquirePage(browser, fonts?.hash);
  const { page, refused, navigations, crashed } = locked;
  let healthy = false;
  try {
    await Promise.race([crashed, loadPage(locked, job, fonts, timeout)]);
    // Puppeteer evaluates over CDP, which works with the page's own scripts disabled.
    const failedFonts = await Promise.race([crashed, page.evaluate(fontFailures)]);
    if (failedFonts.length > 0) {
      throw new PrintError(
        `The page's fonts did not load: ${failedFonts.join(', ')}` +
          ' (if no font at all is installed on this machine, Chromium refuses web fonts too:' +
          ' apt-get install -y fonts-dejavu-core)',
      );
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
    healthy = navigations.length === 0;
    if (healthy) return { pdf, refusedRequests: [...refused] };
    throw navigatedAway(navigations);
  } catch (error) {
    // A navigation may also break a step before the print ("Execution context was destroyed").
    throw navigations.length > 0 ? navigatedAway(navigations) : error;
  } finally {
    if (healthy) releasePage(browser, locked);
    else await page.close().catch(() => {}); // after a crash the page is already gone
  }
}

/** One PDF; a crash or timeout is retried once, then reported as PrintError. */
export async function printPdf(browser: Browser, job: PrintJob): Promise<PrintResult> {
  const what = `Could not print the ${job.locale} PDF "${job.title}"`;
  try {
    return await printOnce(browser, job);
  } catch (first) {
    if (!isTransient(first) || !browser.connected) {
      throw new PrintError(what, { cause: first });
    }
    try {
      return await printOnce(browser, job);
    } catch (second) {
      throw new PrintError(`${what} (failed twice)`, { cause: second });
    }
  }
}

/** Several PDFs at once, each in its own page of the same browser; results in job order. */
export async function printPdfs(
  browser: Browser,
  jobs: readonly PrintJob[],
): Promise<PrintResult[]> {
  // allSettled: when this rejects, no page is still printing into a browser about to close.
  const settled = await Promise.allSettled(jobs.map((job) => printPdf(browser, job)));
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<PrintResult>).value);
}
