/**
 * The floor: the least any HTML-to-PDF tool on this machine must spend on our pages. A bare
 * Puppeteer script with nothing of capex-report in it: launch, set content, wait for fonts, print,
 * close. Browser, flags and PDF options are copies of src/pdf/browser.ts and src/pdf/print.ts
 * (bench/run.js checks the flags against dist/ before it measures anything).
 *
 *   node bench/floor.js <out-dir> <page.html>...   prints all pages in parallel pages of one browser
 *
 * It imports Puppeteer as a bare script does (`import puppeteer from 'puppeteer'`, the ES module
 * build), as src/pdf/puppeteer.ts does.
 *
 * Used as a module by bench/batch.js, which prints many pairs through one browser.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import puppeteer from 'puppeteer';

export const FLOOR_EXECUTABLE = '/usr/bin/chromium';

/** Copied from BROWSER_ARGS in src/pdf/browser.ts. */
export const FLOOR_ARGS = [
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

/** Copied from printOnce in src/pdf/print.ts (the page's CSS @page size wins over `format`). */
export const FLOOR_PDF_OPTIONS = {
  format: 'A4',
  printBackground: true,
  preferCSSPageSize: true,
  tagged: true,
  outline: true,
  displayHeaderFooter: false,
  timeout: 60_000,
};

/** Same launch options as launchBrowser (Puppeteer makes and removes the temp profile itself). */
export function launchFloorBrowser() {
  return puppeteer.launch({
    executablePath: process.env.PUPPETEER_EXECUTABLE_PATH || FLOOR_EXECUTABLE,
    headless: true,
    pipe: true,
    args: FLOOR_ARGS,
    timeout: 30_000,
  });
}

/** One page: set content, wait for its fonts, print. Returns the PDF bytes. */
export async function printHtml(browser, html) {
  const page = await browser.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load', timeout: FLOOR_PDF_OPTIONS.timeout });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return await page.pdf(FLOOR_PDF_OPTIONS);
  } finally {
    await page.close();
  }
}

/** Prints the files in parallel pages (as the build prints its two languages) into `outDir`. */
export async function printFiles(browser, htmlFiles, outDir) {
  await mkdir(outDir, { recursive: true });
  return Promise.all(
    htmlFiles.map(async (file) => {
      const pdf = await printHtml(browser, await readFile(file, 'utf8'));
      const out = path.join(outDir, `${path.basename(file, '.html')}.pdf`);
      await writeFile(out, pdf);
      return out;
    }),
  );
}

async function main([outDir, ...htmlFiles]) {
  if (!outDir || htmlFiles.length === 0) {
    process.stderr.write('usage: node bench/floor.js <out-dir> <page.html>...\n');
    return 2;
  }
  const browser = await launchFloorBrowser();
  try {
    for (const file of await printFiles(browser, htmlFiles, outDir))
      process.stdout.write(`${file}\n`);
  } finally {
    await browser.close();
  }
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main(process.argv.slice(2));
}
