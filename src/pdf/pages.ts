/**
 * The pages that print: locked down once (JavaScript off, every request but data: URLs refused
 * and recorded) and kept per browser between prints, each remembering the fonts its document
 * holds, so that the next page with the same fonts only swaps the rest of the document.
 */
import { createHash } from 'node:crypto';
import type { Browser, ConsoleMessage, HTTPRequest, Page } from 'puppeteer';
import { FONT_STYLE_ID } from '../fonts/subset.js';
import { msg } from '../messages/index.js';
import { TimeoutError } from './puppeteer.js';

export interface RefusedRequest {
  url: string;
  /** `intercepted`: refused by us; `local-resource`: file: URL refused by Chromium itself. */
  by: 'intercepted' | 'local-resource';
}

const LOCAL_RESOURCE = /^Not allowed to load local resource: (\S+)/;

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

/** A page set up once (JavaScript off, every request but data: refused) and reused per print. */
export interface LockedPage {
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

export interface FontStyle {
  element: string;
  hash: string;
}

/** The page's font style element and its hash, when it has one. */
export function fontStyleOf(html: string): FontStyle | undefined {
  const element = FONT_STYLE.exec(html)?.[0];
  return element
    ? { element, hash: createHash('sha256').update(element).digest('hex') }
    : undefined;
}

/** Runs in the page: waits for the web fonts, returns the faces that failed to load. */
async function fontFailures(): Promise<string[]> {
  await document.fonts.ready;
  // No forEach: with the page's JavaScript disabled, Chromium refuses to run DOM callbacks.
  const faces = Array.from(document.fonts as unknown as Iterable<FontFace>);
  return faces.filter((f) => f.status === 'error').map((f) => `${f.family} ${f.weight}`);
}

/**
 * Runs in the page: makes the document the one `html` describes, except for the font style
 * element, which stays where it is with the fonts it has already decoded (`html` has the very
 * same element). Then waits for what setContent's load event and fontFailures wait for, in the
 * same call (each call to the page waits its turn on Node's busy thread), and returns the faces
 * that failed to load; null when the document has no such element to keep.
 */
async function swapAroundFonts(html: string, id: string): Promise<string[] | null> {
  const kept = document.getElementById(id);
  if (!kept || kept.parentNode !== document.head) return null;
  // A refresh the old document scheduled survives a swap (only document.open() cancels it), and
  // would take the next page away: such documents load the whole way instead.
  const refresh = 'meta[http-equiv="refresh" i]';
  const next = new DOMParser().parseFromString(html, 'text/html');
  if (document.querySelector(refresh) || next.querySelector(refresh)) return null;
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
  await Promise.all(Array.from(document.images).map((image) => image.decode().catch(() => {})));
  await document.fonts.ready; // as fontFailures (the page cannot call functions of ours)
  const faces = Array.from(document.fonts as unknown as Iterable<FontFace>);
  return faces.filter((f) => f.status === 'error').map((f) => `${f.family} ${f.weight}`);
}

/**
 * Loads a page and returns the font faces that failed to load. A reused page whose document
 * already holds the same font style element keeps it and swaps everything else: decoding and
 * checking the fonts again (about 0.1 s for the Chinese page) is the larger part of loading it.
 * The result is the same document, and prints byte for byte what a fresh page prints (tested).
 */
export async function loadPage(
  locked: LockedPage,
  html: string,
  fonts: FontStyle | undefined,
  timeout: number,
): Promise<string[]> {
  if (fonts && locked.fonts === fonts.hash) {
    const rest = html.replace(fonts.element, `<style id="${FONT_STYLE_ID}"></style>`);
    const swap = locked.page.evaluate(swapAroundFonts, rest, FONT_STYLE_ID);
    const failed = await withTimeout(swap, timeout, 'Swapping the page');
    if (failed) {
      loads.keptFonts += 1;
      return failed;
    }
  }
  locked.fonts = undefined; // until the new document has loaded
  await locked.page.setContent(html, { waitUntil: 'load', timeout });
  loads.setContent += 1;
  locked.fonts = fonts?.hash;
  // Puppeteer evaluates over CDP, which works with the page's own scripts disabled.
  return locked.page.evaluate(fontFailures);
}

/** `work`, or a TimeoutError (which printPdf retries) after `ms`, as setContent would give. */
async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(msg.browser.tookTooLong(what, ms))), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Idle locked-down pages per browser. Opening a page, locking it down and loading the fonts
 * into a fresh renderer cost more than the print itself; a warm rebuild or a batch reuses them.
 * A page that failed in any way is closed, never reused.
 */
const idlePages = new WeakMap<Browser, LockedPage[]>();

/** An idle page, preferably one that holds the fonts `fonts` hashes to; else a new one. */
export async function acquirePage(
  browser: Browser,
  fonts: string | undefined,
): Promise<LockedPage> {
  const idle = (idlePages.get(browser) ?? []).filter((p) => !p.page.isClosed());
  idlePages.set(browser, idle);
  const match = idle.findLastIndex((p) => fonts !== undefined && p.fonts === fonts);
  const [reused] = idle.splice(match === -1 ? idle.length - 1 : match, 1);
  if (reused) {
    reused.refused.length = 0;
    reused.navigations.length = 0;
    return reused;
  }
  return openPage(browser);
}

async function openPage(browser: Browser): Promise<LockedPage> {
  const page = await browser.newPage();
  const locked: LockedPage = {
    page,
    refused: [],
    navigations: [],
    crashed: whenCrashed(page),
    fonts: undefined,
  };
  locked.crashed.catch(() => {}); // only raced while printing; a crash after it changes nothing
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

export function releasePage(browser: Browser, locked: LockedPage): void {
  const idle = idlePages.get(browser) ?? [];
  idlePages.set(browser, idle);
  idle.push(locked);
}
