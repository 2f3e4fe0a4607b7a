/**
 * The main job end to end: the sample week's two PDFs printed by real Chromium, read back the
 * way a client's viewer reads them (poppler), and checked figure by figure.
 */
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BuildResult } from '../../src/build.js';
import { buildReport } from '../../src/build.js';
import type { Locale } from '../../src/data/schema.js';
import { InvalidInputError } from '../../src/errors.js';
import { sha256 } from '../../src/inputs/files.js';
import { launchBrowser } from '../../src/pdf/browser.js';
import { borrowBrowser } from '../../src/pdf/lease.js';
import { htmlText, unitNumbers } from '../helpers/numbers.js';
import { links, outlineTitles } from '../helpers/pdf.js';
import { pdffonts, pdfinfo, pdftotext } from '../helpers/poppler.js';
import { buildSample, LOCALES, missingFigures, normalizeText, tempOut } from '../helpers/sample.js';

const KIND_ORDER = ['html', 'charts', 'pdf'];

/** When each page.pdf() call of `browser`'s pages ended (performance.now()). */
function pdfEnds(browser: Browser): number[] {
  const ends: number[] = [];
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (...args: Parameters<Browser['newPage']>) => {
    const page = await newPage(...args);
    const pdf = page.pdf.bind(page);
    page.pdf = async (...a: Parameters<typeof pdf>) => {
      try {
        return await pdf(...a);
      } finally {
        ends.push(performance.now());
      }
    };
    return page;
  };
  return ends;
}

let browser: Browser;
let result: BuildResult;
const pdf = {} as Record<Locale, Uint8Array>;
const text = {} as Record<Locale, string>;

beforeAll(async () => {
  browser = await launchBrowser();
  result = await buildSample({ browser });
  for (const locale of LOCALES) {
    pdf[locale] = readFileSync(result.pdfs[locale] as string);
    text[locale] = pdftotext(pdf[locale]);
  }
});

afterAll(async () => {
  await browser?.close();
});

describe.each(LOCALES)('the %s PDF', (locale) => {
  test('prints every figure and derived metric of the data in localized form', () => {
    expect(missingFigures(result, text[locale], locale)).toEqual([]);
  });

  test('embeds its fonts as real (non Type 3) subsets', () => {
    const fonts = pdffonts(pdf[locale]);
    expect(fonts.length).toBeGreaterThanOrEqual(2);
    for (const font of fonts) {
      expect(font).toMatchObject({ embedded: true });
      expect(font.type).not.toMatch(/Type 3/);
      expect(font.name).toMatch(/^[A-Z]{6}\+(Inter|NotoSansTC)-/);
    }
  });

  test('numbers its pages in its language', () => {
    const pages = Number(pdfinfo(pdf[locale]).Pages);
    expect(pages).toBeGreaterThanOrEqual(4);
    const footer = (n: number) =>
      locale === 'en' ? `Page ${n} of ${pages}` : `第 ${n} 頁，共 ${pages} 頁`;
    for (let n = 1; n <= pages; n++) expect(pdftotext(pdf[locale], n)).toContain(footer(n));
  });

  test('carries metadata, tags and the issue date, not the print time', () => {
    const info = pdfinfo(pdf[locale]);
    const week = result.week;
    expect(info.Title).toBe(`${week.meta.title[locale]} · ${week.meta.week}`);
    expect(info.Author).toBe(week.meta.author[locale]);
    expect(info.Subject?.length).toBeGreaterThan(20);
    expect(info.Keywords).toMatch(locale === 'en' ? /capex/ : /資本支出/);
    expect(info.Tagged).toBe('yes');
    expect(new Date(info.CreationDate as string).toISOString()).toBe(
      new Date(week.meta.issuedAt).toISOString(),
    );
  });

  test('has an outline of its sections and working links', async () => {
    const titles = await outlineTitles(pdf[locale]);
    const expected =
      locale === 'en'
        ? ['Key points', 'Market reaction', 'Sources', 'Disclaimer']
        : ['本週重點', '市場反應', '資料來源', '免責聲明'];
    expect(titles).toEqual(expect.arrayContaining(expected));
    const found = await links(pdf[locale]);
    // A source links to its address only when the copy records one (the sample's do not).
    expect(found.uris).toEqual(result.week.sources.flatMap((s) => (s.url ? [s.url] : [])));
    // Citation marks (per paragraph, table and chart) → the sources list.
    expect(found.internal).toBeGreaterThan(15);
  });

  test('gives back the data text exactly when a reader copies it', () => {
    const week = result.week;
    const plain = normalizeText(text[locale], locale);
    for (const view of week.views)
      expect(plain).toContain(normalizeText(view.speaker[locale], locale));
    // The standard disclaimer (the sample config's firm has none of its own), every paragraph.
    const strings = JSON.parse(readFileSync(`locales/${locale}.json`, 'utf8'));
    for (const paragraph of Object.values(strings.disclaimer) as string[])
      expect(plain).toContain(normalizeText(paragraph, locale));
  });
});

/**
 * The PDF's text without the charts' own lines: chart ticks are bare numbers in each language's
 * scale, and pdftotext can put an axis title ("億美元") right after a tick.
 */
function withoutChartLines(locale: Locale): string {
  const chartTexts = new Set<string>();
  for (const [rel, file] of Object.entries(result.files)) {
    if (!rel.startsWith('charts/') || !rel.endsWith(`.${locale}.svg`)) continue;
    for (const m of readFileSync(file, 'utf8').matchAll(/<text[^>]*>([^<]*)<\/text>/g)) {
      chartTexts.add(htmlText(m[1] ?? '').trim());
    }
  }
  return text[locale]
    .split('\n')
    .filter((line) => !chartTexts.has(line.trim()))
    .join('\n');
}

describe('both PDFs', () => {
  test('carry the same numbers', () => {
    const zh = unitNumbers(normalizeText(withoutChartLines('zh-TW'), 'zh-TW'), 'zh-TW');
    const en = unitNumbers(normalizeText(withoutChartLines('en'), 'en'), 'en');
    expect(zh.length).toBeGreaterThan(60);
    expect(zh).toEqual(en);
  });

  test('are listed in the manifest with their hashes, next to the inputs', () => {
    const manifest = JSON.parse(readFileSync(result.files['manifest.json'] as string, 'utf8'));
    for (const locale of LOCALES) {
      expect(manifest.outputs[`report.${locale}.pdf`].sha256).toBe(sha256(pdf[locale]));
    }
    expect(manifest.inputs['data/2026-W06.yaml']).toBe(sha256(readFileSync('data/2026-W06.yaml')));
    expect(manifest.browser).toMatch(/Chrom/);
    // Pages, then charts, then PDFs, whatever order the languages were made in.
    const kinds = Object.keys(manifest.outputs).map((f) =>
      f.endsWith('.html') ? 'html' : f.endsWith('.pdf') ? 'pdf' : (f.split('/')[0] ?? f),
    );
    expect(kinds).toEqual([...kinds].sort((a, b) => KIND_ORDER.indexOf(a) - KIND_ORDER.indexOf(b)));
    expect(new Set(kinds)).toEqual(new Set(KIND_ORDER));
  });

  test('are byte-identical when built again from the same inputs', async () => {
    const again = await buildSample({ browser });
    for (const locale of LOCALES) {
      expect(sha256(readFileSync(again.pdfs[locale] as string))).toBe(sha256(pdf[locale]));
    }
  });
});

describe('data that tries to inject markup', () => {
  test('prints as text and fetches nothing', async () => {
    const injected = await buildReport({
      dataFile: 'tests/fixtures/injection/2026-W06.yaml',
      outDir: tempOut(),
      browser: borrowBrowser(browser),
    });
    for (const locale of LOCALES) {
      const printed = normalizeText(
        pdftotext(readFileSync(injected.pdfs[locale] as string)),
        locale,
      );
      expect(printed).toContain('<img src="file:///etc/passwd">');
      expect(printed).toContain("<script>document.title='PWNED'</script>");
      expect(printed).not.toContain('root:x:0:0');
    }
  });
});

describe('a language that fails while the other one prints', () => {
  test('fails the build with its own error once that print is over, writing nothing', async () => {
    // English cannot render (no bundled font has the emoji); Chinese renders first and prints.
    const locales = path.join(tempOut(), 'locales');
    cpSync('locales', locales, { recursive: true });
    const en = JSON.parse(readFileSync(path.join(locales, 'en.json'), 'utf8'));
    en.sections.disclaimer = 'Disclaimer \u{1F600}';
    writeFileSync(path.join(locales, 'en.json'), JSON.stringify(en));
    const outDir = tempOut();
    const own = await launchBrowser();
    try {
      const ends = pdfEnds(own);
      const failed = buildSample({ browser: own, outDir, localesDir: locales });
      await expect(failed).rejects.toBeInstanceOf(InvalidInputError);
      const rejectedAt = performance.now();
      await expect(failed).rejects.toThrow('Could not find glyphs for the en report');
      // The Chinese page was printing when English failed: the build waited for it.
      expect(ends).toHaveLength(1);
      expect(ends[0]).toBeLessThanOrEqual(rejectedAt);
      expect(existsSync(path.join(outDir, '2026-W06'))).toBe(false);
      // The caller's browser stays open and prints the next build as if nothing had happened.
      expect(own.connected).toBe(true);
      const again = await buildSample({ browser: own });
      expect(sha256(readFileSync(again.pdfs['zh-TW'] as string))).toBe(sha256(pdf['zh-TW']));
    } finally {
      await own.close();
    }
  });
});
