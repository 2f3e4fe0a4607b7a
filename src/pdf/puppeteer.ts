/**
 * The one place that loads Puppeteer. Every value (the launcher, the error classes) comes from
 * here. Puppeteer ships a CommonJS and an ES module build with distinct classes: errors from a
 * caller's browser, which may come from either build, go through isPuppeteerError. (Loading the
 * CommonJS build instead, ~135 ms faster to load on Node 20, showed no gain beyond the noise in a
 * same-run A/B of cold builds: bench/README.md.) Types may be imported from 'puppeteer' with
 * `import type`.
 */
import puppeteer, { TimeoutError } from 'puppeteer';

export default puppeteer;
export { TimeoutError };

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
