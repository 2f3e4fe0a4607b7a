import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrintError } from '../../src/errors.js';
import { embedFonts } from '../../src/fonts/subset.js';
import { launchBrowser } from '../../src/pdf/browser.js';
import { pageLoadStats } from '../../src/pdf/pages.js';
import { type PrintResult, printPdf } from '../../src/pdf/print.js';
import { pdftotext, readFixture } from '../helpers/poppler.js';

let browser: Browser;
let server: Server;
let origin: string;
const arrived: string[] = [];
let connections = 0;
let result: PrintResult;
let html: string;

beforeAll(async () => {
  // A real server on loopback: if anything in the page reaches it, we see it here.
  server = createServer((request, response) => {
    arrived.push(request.url ?? '');
    response.end('body { color: red }');
  });
  server.on('connection', () => {
    connections++;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  browser = await launchBrowser();
  html = await embedFonts(readFixture('lockdown.html').replaceAll('SERVER', origin));
  result = await printPdf(browser, { html, locale: 'en', title: 'Lockdown', format: 'A4' });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe('a page printed by printPdf', () => {
  it('runs none of its scripts', () => {
    const text = pdftotext(result.pdf);
    expect(text).toContain('Nothing outside this page may load.');
    expect(text).not.toContain('PWNED');
  });

  it('reaches no server, not even by prefetch or preconnect', () => {
    expect(arrived).toEqual([]);
    expect(connections).toBe(0);
  });

  it('reports the requests it refused', () => {
    const refused = result.refusedRequests.map((r) => r.url);
    expect(refused).toEqual(
      expect.arrayContaining([
        'http://127.0.0.1:9/x.css',
        'https://example.com/x.png',
        `${origin}/style.css`,
        `${origin}/image.png`,
        `${origin}/background.png`,
      ]),
    );
    expect(result.refusedRequests).toContainEqual({
      url: 'file:///etc/passwd',
      by: 'local-resource',
    });
  });

  it('lets data: URLs through (the embedded fonts loaded)', () => {
    expect(result.refusedRequests.some((r) => r.url.startsWith('data:'))).toBe(false);
  });

  it('fails rather than print the error page of a refused redirect', async () => {
    const html = `<!doctype html><html><head><meta http-equiv="refresh" content="0;url=${origin}/moved"><title>x</title></head><body><p>x</p></body></html>`;
    const printing = printPdf(browser, { html, locale: 'en', title: 'Redirect', format: 'A4' });
    await expect(printing).rejects.toThrow(PrintError);
    await expect(printing).rejects.toMatchObject({
      cause: { message: `The page tried to navigate away to ${origin}/moved` },
    });
    expect(arrived).toEqual([]);
  });

  it('stays locked down when a reused page keeps its fonts and swaps the rest', async () => {
    const job = { html, locale: 'en', title: 'Lockdown', format: 'A4' } as const;
    await printPdf(browser, job); // a page now holds these fonts
    const loads = pageLoadStats();
    const again = await printPdf(browser, job);
    expect(pageLoadStats().keptFonts).toBe(loads.keptFonts + 1);
    expect(pdftotext(again.pdf)).toContain('Nothing outside this page may load.');
    expect(pdftotext(again.pdf)).not.toContain('PWNED');
    const urls = (r: PrintResult) => [...new Set(r.refusedRequests.map((q) => q.url))].sort();
    // The same requests refused, but one: Chromium acts on <link rel=preload> as the parser meets
    // it in the page, not when the element is moved into it (nothing is fetched either way).
    expect(urls(result)).toEqual(expect.arrayContaining(urls(again)));
    expect(urls(again)).toEqual(
      expect.arrayContaining([`${origin}/style.css`, `${origin}/image.png`, 'file:///etc/passwd']),
    );
    expect(arrived).toEqual([]);
    expect(connections).toBe(0);
  });

  it('fails on a refused redirect in a page whose fonts a reused page holds', async () => {
    const redirect = html.replace(
      '<head>',
      `<head><meta http-equiv="refresh" content="0;url=${origin}/kept">`,
    );
    const loads = pageLoadStats();
    const printing = printPdf(browser, { html: redirect, locale: 'en', title: 'R', format: 'A4' });
    await expect(printing).rejects.toMatchObject({
      cause: { message: `The page tried to navigate away to ${origin}/kept` },
    });
    // A page with a refresh is never swapped in: it loads the whole way, and fails as above.
    expect(pageLoadStats().keptFonts).toBe(loads.keptFonts);
    expect(pageLoadStats().setContent).toBeGreaterThan(loads.setContent);
    expect(arrived).toEqual([]);
  });

  it('loads the whole page after one with a pending refresh, which a swap would keep', async () => {
    const own = await launchBrowser();
    try {
      const late = html.replace(
        '<head>',
        `<head><meta http-equiv="refresh" content="30;url=${origin}/late">`,
      );
      await printPdf(own, { html: late, locale: 'en', title: 'Late', format: 'A4' });
      const loads = pageLoadStats();
      const next = await printPdf(own, { html, locale: 'en', title: 'Next', format: 'A4' });
      expect(pageLoadStats()).toEqual({ ...loads, setContent: loads.setContent + 1 });
      expect(pdftotext(next.pdf)).toContain('Nothing outside this page may load.');
      expect(arrived).toEqual([]);
    } finally {
      await own.close();
    }
  });
});
