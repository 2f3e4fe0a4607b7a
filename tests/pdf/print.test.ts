import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type PDFArray, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import type { Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '../../src/data/schema.js';
import { PrintError } from '../../src/errors.js';
import { embedFonts } from '../../src/fonts/subset.js';
import { BROWSER_ARGS, launchBrowser, resolveBrowserExecutable } from '../../src/pdf/browser.js';
import { documentId, finalization, type PdfMetadata } from '../../src/pdf/document-info.js';
import { finalizePdf, finalizeStats } from '../../src/pdf/finalize.js';
import { finalizeWithPdfLib } from '../../src/pdf/finalize-pdf-lib.js';
import { pageLoadStats } from '../../src/pdf/pages.js';
import { type PrintJob, printPdf } from '../../src/pdf/print.js';
import { TimeoutError } from '../../src/pdf/puppeteer.js';
import { outlineTitles } from '../helpers/pdf.js';
import {
  pdffonts,
  pdfinfo,
  pdfStructure,
  pdftotext,
  qpdfCheck,
  readFixture,
} from '../helpers/poppler.js';

const VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

const META: Record<Locale, PdfMetadata> = {
  'zh-TW': {
    title: 'AI 資本支出與回報：2026 年第 6 週',
    author: 'capex-report 研究',
    subject: 'AI 資本支出與回報週報',
    keywords: ['AI', '資本支出', 'Amazon'],
    language: 'zh-Hant-TW',
    version: VERSION,
    issued: new Date('2026-02-07T01:00:00Z'),
    inputsHash: 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90',
  },
  en: {
    title: 'AI capex vs returns: week 6 of 2026',
    author: 'capex-report research',
    subject: 'Weekly report on AI capex and returns',
    keywords: ['AI', 'capex', 'Amazon'],
    language: 'en',
    version: VERSION,
    issued: new Date('2026-02-07T01:00:00Z'),
    inputsHash: 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90',
  },
};

const HAN = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/gu;

/** What a reader sees of the fixture: body text and the CSS margin-box strings, no markup. */
function printedText(html: string): string {
  const body = html.slice(html.indexOf('<body>'));
  const marginBoxes = [...html.matchAll(/content:\s*([^;]+);/g)].map((m) => m[1]).join(' ');
  return `${body.replace(/<[^>]+>/g, ' ')} ${marginBoxes}`;
}

function hanSet(text: string): string[] {
  return [...new Set(text.match(HAN) ?? [])].sort();
}

const squeeze = (text: string) => text.replace(/\s+/g, '');

/** The structure tree with each element ID replaced by the order of the element that bears it. */
function structureByRole(pdf: Uint8Array): string {
  const tree = pdfStructure(pdf);
  const bearers = [...tree.matchAll(/ <(node\d+)>:/g)].map((m) => m[1] as string);
  return tree.replace(/node\d+/g, (id) => `element#${bearers.indexOf(id)}`);
}

let browser: Browser;
const html: Partial<Record<Locale, string>> = {};
const raw: Partial<Record<Locale, Uint8Array>> = {};
const pdf: Partial<Record<Locale, Uint8Array>> = {};
/** How finalizePdf finalized the two PDFs above. */
let ways: { rewritten: number; pdfLib: number };

function job(locale: Locale, format: PrintJob['format'] = 'A4'): PrintJob {
  return { html: html[locale] as string, locale, title: META[locale].title, format };
}

/**
 * The English job with a 1 ms timeout and its body forty times over: a page Chromium takes most
 * of a second to print. With the one-page fixture, a test process starved of CPU on a loaded
 * machine could read Chromium's answer before its own 1 ms timer fired, and the print succeeded.
 */
function timingOutJob(): PrintJob {
  const source = html.en as string;
  const start = source.indexOf('<body>') + '<body>'.length;
  const end = source.lastIndexOf('</body>');
  const body = source.slice(start, end).repeat(40);
  return { ...job('en'), html: source.slice(0, start) + body + source.slice(end), timeoutMs: 1 };
}

beforeAll(async () => {
  browser = await launchBrowser();
  for (const locale of ['zh-TW', 'en'] as const) {
    html[locale] = await embedFonts(readFixture(`${locale}.html`));
  }
  // In parallel, as the build does: each page also shifts the other's DOM node ids.
  const [zh, en] = await Promise.all([
    printPdf(browser, job('zh-TW')),
    printPdf(browser, job('en')),
  ]);
  raw['zh-TW'] = zh?.pdf as Uint8Array;
  raw.en = en?.pdf as Uint8Array;
  const before = finalizeStats();
  pdf['zh-TW'] = await finalizePdf(raw['zh-TW'], META['zh-TW']);
  pdf.en = await finalizePdf(raw.en, META.en);
  const after = finalizeStats();
  ways = { rewritten: after.rewritten - before.rewritten, pdfLib: after.pdfLib - before.pdfLib };
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe.each(['zh-TW', 'en'] as const)('the %s PDF', (locale) => {
  const bytes = () => pdf[locale] as Uint8Array;

  it('embeds every font as a real TrueType CID font, none as Type 3', () => {
    const fonts = pdffonts(bytes());
    expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, ''))).toEqual(
      expect.arrayContaining([
        'Inter-Regular',
        'Inter-SemiBold',
        'Inter-Bold',
        'NotoSansTC-Regular',
      ]),
    );
    for (const font of fonts) {
      expect(font, font.name).toMatchObject({ type: 'CID TrueType', embedded: true });
    }
  });

  it('gives back exactly the Chinese characters of the page as text', () => {
    const source = printedText(readFixture(`${locale}.html`));
    expect(hanSet(pdftotext(bytes()))).toEqual(hanSet(source));
  });

  it('numbers every page from the CSS @page margin boxes', () => {
    const pages = Number(pdfinfo(bytes()).Pages);
    expect(pages).toBeGreaterThanOrEqual(2);
    for (let page = 1; page <= pages; page++) {
      const expected = locale === 'zh-TW' ? `第${page}頁，共${pages}頁` : `Page${page}of${pages}`;
      expect(squeeze(pdftotext(bytes(), page))).toContain(expected);
    }
  });

  it('carries the document information, tagged, with the issue date', () => {
    const meta = META[locale];
    expect(pdfinfo(bytes())).toMatchObject({
      Title: meta.title,
      Author: meta.author,
      Subject: meta.subject,
      Keywords: meta.keywords.join(' '),
      Creator: `capex-report ${VERSION}`,
      Producer: `capex-report ${VERSION}`,
      CreationDate: '2026-02-07T01:00:00Z',
      ModDate: '2026-02-07T01:00:00Z',
      Tagged: 'yes',
      'Page size': expect.stringMatching(/\(A4\)$/),
    });
  });

  it('keeps the language, the structure tree and the trailer ID it was given', async () => {
    // Same tree, and every /Headers still points at the same header cell (IDs are renumbered).
    const structure = structureByRole(bytes());
    expect(structure).toBe(structureByRole(raw[locale] as Uint8Array));
    expect(structure).toContain('H2');
    expect(structure).toContain('/Headers [(element#0)]');
    expect(structure).not.toContain('element#-1');
    const doc = await PDFDocument.load(bytes(), { updateMetadata: false });
    expect(doc.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe(
      META[locale].language,
    );
    const id = doc.context.trailerInfo.ID as PDFArray;
    expect(id.lookup(0, PDFHexString).asString()).toBe(documentId(META[locale]));
  });

  it('passes qpdf’s structure check', () => {
    expect(qpdfCheck(bytes())).toContain('No syntax or stream encoding errors found');
  });

  it('was rewritten directly, to the same effect as pdf-lib’s full parse and write', async () => {
    expect(ways).toEqual({ rewritten: 2, pdfLib: 0 });
    const source = raw[locale] as Uint8Array;
    const viaPdfLib = await finalizeWithPdfLib(source, finalization(META[locale]));
    const info = (file: Uint8Array) => {
      const { 'File size': _size, ...rest } = pdfinfo(file);
      return rest;
    };
    expect(info(bytes())).toEqual(info(viaPdfLib));
    expect(pdftotext(bytes())).toBe(pdftotext(viaPdfLib));
    expect(pdfStructure(bytes())).toBe(pdfStructure(viaPdfLib)); // the same element IDs too
    expect(await outlineTitles(bytes())).toEqual(await outlineTitles(viaPdfLib));
    expect(bytes().length).toBeLessThanOrEqual(viaPdfLib.length);
  });

  it('keeps an outline of the headings', async () => {
    const titles = await outlineTitles(bytes());
    const headings = [...readFixture(`${locale}.html`).matchAll(/<h[12][^>]*>(.*?)<\/h[12]>/g)];
    expect(titles).toEqual(
      headings.map((h) => (h[1] as string).replace('&#8217;', '\u2019').replace(/<[^>]+>/g, '')),
    );
  });
});

describe('printing', () => {
  it('prints the same page to byte-identical files, alone or next to another', async () => {
    const loads = pageLoadStats();
    const again = await printPdf(browser, job('zh-TW'));
    // The page that printed it before still has its fonts: only the rest was swapped.
    expect(pageLoadStats().keptFonts).toBe(loads.keptFonts + 1);
    const first = pdf['zh-TW'] as Uint8Array;
    const second = await finalizePdf(again.pdf, META['zh-TW']);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    // The ID follows the inputs: other inputs, other file.
    const other = await finalizePdf(again.pdf, { ...META['zh-TW'], inputsHash: 'ff' });
    expect(Buffer.from(other).equals(Buffer.from(first))).toBe(false);
  });

  it('keeps the loaded fonts for a changed page with the same fonts: as printed by a fresh page', async () => {
    // Other text, the same characters: the font style element is the same.
    const changed = (html['zh-TW'] as string).replace(
      /<body([^>]*)>/,
      '<body$1><p>2027 Q4 314.6</p>',
    );
    const loads = pageLoadStats();
    const kept = await printPdf(browser, { ...job('zh-TW'), html: changed });
    expect(pageLoadStats()).toEqual({ ...loads, keptFonts: loads.keptFonts + 1 });
    const fresh = await launchBrowser();
    try {
      const reference = await printPdf(fresh, { ...job('zh-TW'), html: changed });
      expect(pageLoadStats().setContent).toBe(loads.setContent + 1);
      const [a, b] = await Promise.all(
        [kept, reference].map((r) => finalizePdf(r.pdf, META['zh-TW'])),
      );
      expect(Buffer.from(a as Uint8Array).equals(Buffer.from(b as Uint8Array))).toBe(true);
      expect(pdftotext(a as Uint8Array)).toContain('2027 Q4 314.6');
    } finally {
      await fresh.close();
    }
  });

  it('loads the whole page when the fonts differ from those a reused page holds', async () => {
    const own = await launchBrowser();
    try {
      await printPdf(own, job('zh-TW'));
      const loads = pageLoadStats();
      const en = await printPdf(own, job('en')); // the only idle page holds the Chinese fonts
      expect(pageLoadStats()).toEqual({ ...loads, setContent: loads.setContent + 1 });
      const finalized = await finalizePdf(en.pdf, META.en);
      expect(Buffer.from(finalized).equals(Buffer.from(pdf.en as Uint8Array))).toBe(true);
    } finally {
      await own.close();
    }
  });

  it('uses the requested paper when the page does not set one', async () => {
    const letter = await printPdf(browser, job('en', 'Letter'));
    expect(pdfinfo(letter.pdf)['Page size']).toBe('612 x 792 pts (letter)');
  });

  it('fails with PrintError when a font of the page cannot load', async () => {
    const broken = (html.en as string).replace(
      '</head>',
      "<style>@font-face { font-family: Broken; src: url(data:font/ttf;base64,AAAA) format('truetype'); } h1 { font-family: Broken; }</style></head>",
    );
    const printing = printPdf(browser, { ...job('en'), html: broken });
    await expect(printing).rejects.toThrow(PrintError);
    await expect(printing).rejects.toMatchObject({
      cause: { message: expect.stringContaining('Broken') },
    });
  });

  it('retries a timeout once, then fails with PrintError', async () => {
    const printing = printPdf(browser, timingOutJob());
    await expect(printing).rejects.toThrow(/Could not print the en PDF .*\(failed twice\)/);
    const error = await printing.catch((e: unknown) => e);
    expect((error as PrintError).cause).toBeInstanceOf(TimeoutError);
  });

  it("retries too with a caller's browser from Puppeteer's CommonJS build (other error classes)", async () => {
    // src/pdf/puppeteer.ts loads the ES module build; a library user may launch from the other.
    const cjs = createRequire(import.meta.url)('puppeteer') as typeof import('puppeteer');
    const theirs = await cjs.default.launch({
      executablePath: resolveBrowserExecutable().path,
      headless: true,
      pipe: true,
      args: [...BROWSER_ARGS],
    });
    try {
      const printing = printPdf(theirs, timingOutJob());
      await expect(printing).rejects.toThrow(/\(failed twice\)/);
      const cause = ((await printing.catch((e: unknown) => e)) as PrintError).cause;
      // The other build's class indeed: the retry cannot have come from an instanceof match.
      expect(cause).toBeInstanceOf(cjs.TimeoutError);
      expect(cause).not.toBeInstanceOf(TimeoutError);
      // And a healthy print through it still works.
      const printed = await printPdf(theirs, job('en'));
      expect(pdftotext(printed.pdf)).toContain('AI capex vs returns');
    } finally {
      await theirs.close();
    }
  });
});
