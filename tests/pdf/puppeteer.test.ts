import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import puppeteer, { isPuppeteerError, TimeoutError } from '../../src/pdf/puppeteer.js';

describe('src/pdf/puppeteer.ts', () => {
  it("loads Puppeteer's ES module build, whose classes differ from the CommonJS build's", async () => {
    const cjs = createRequire(import.meta.url)('puppeteer');
    const esm = await import('puppeteer');
    expect(TimeoutError).toBe(esm.TimeoutError);
    expect(puppeteer).toBe(esm.default);
    expect(cjs.TimeoutError).not.toBe(TimeoutError);
  });

  it('recognizes both builds’ errors and their subclasses by class, nothing else', async () => {
    const esm = await import('puppeteer');
    const cjs = createRequire(import.meta.url)('puppeteer') as typeof esm;
    for (const build of [cjs, esm]) {
      // TargetCloseError and ConnectionClosedError are exported at run time, not in the types.
      const make = (name: string) => {
        const Class = (build as unknown as Record<string, new (message: string) => Error>)[name];
        if (!Class) throw new Error(`Puppeteer no longer exports ${name}`);
        return new Class(name);
      };
      expect(isPuppeteerError(make('TimeoutError'), 'TimeoutError')).toBe(true);
      expect(isPuppeteerError(make('TimeoutError'), 'ProtocolError')).toBe(false);
      expect(isPuppeteerError(make('ProtocolError'), 'ProtocolError')).toBe(true);
      expect(isPuppeteerError(make('TargetCloseError'), 'ProtocolError')).toBe(true);
      expect(isPuppeteerError(make('ConnectionClosedError'), 'ProtocolError')).toBe(true);
      expect(isPuppeteerError(make('TouchError'), 'ProtocolError')).toBe(false);
    }
    const named = Object.assign(new Error('x'), { name: 'TimeoutError' });
    expect(isPuppeteerError(named, 'TimeoutError')).toBe(false);
    expect(isPuppeteerError({ constructor: { name: 'TimeoutError' } }, 'TimeoutError')).toBe(false);
    expect(isPuppeteerError(undefined, 'TimeoutError')).toBe(false);
  });
});
