/**
 * The one place that loads Puppeteer, through its CommonJS build. Puppeteer ships both builds;
 * on Node 20 the CommonJS one loads in ~280 ms against ~415 ms for the ES module one (Node's ESM
 * loader costs more per file, and Puppeteer is hundreds of files), and that time comes before
 * Chromium can be spawned. Every value (the launcher, the error classes) must come from here:
 * the two builds have distinct classes, and `instanceof TimeoutError` across them is false
 * (errors from a caller's browser, which may come from either build, go through isPuppeteerError).
 * Types may still be imported from 'puppeteer' with `import type`.
 */
import { createRequire } from 'node:module';
import type * as Puppeteer from 'puppeteer';

const loaded = createRequire(import.meta.url)('puppeteer') as typeof Puppeteer;

const puppeteer: typeof Puppeteer.default = loaded.default;
export default puppeteer;
export const { TimeoutError } = loaded;

/**
 * Whether `error` is one of Puppeteer's `TimeoutError` or `ProtocolError` (or a subclass, such as
 * TargetCloseError), from either build: a library caller may hand the build a browser launched
 * from the ES module build, whose errors are not instances of the classes above. Puppeteer names
 * its error classes and does not minify them, so the prototype chain's constructor names tell.
 */
export function isPuppeteerError(error: unknown, name: 'TimeoutError' | 'ProtocolError'): boolean {
  let proto: unknown = error instanceof Error ? Object.getPrototypeOf(error) : null;
  while (proto && proto !== Error.prototype) {
    if ((proto as { constructor?: { name?: string } }).constructor?.name === name) return true;
    proto = Object.getPrototypeOf(proto);
  }
  return false;
}
