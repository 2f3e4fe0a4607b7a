import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { BuildResult } from '../../src/build.js';
import { buildReport } from '../../src/build.js';
import { planCharts } from '../../src/charts/report.js';
import { projectTranslator } from '../../src/i18n/index.js';
import { htmlText, unitNumbers } from '../helpers/numbers.js';
import { buildSample, LOCALES, missingFigures, SAMPLE, tempOut } from '../helpers/sample.js';

let result: BuildResult;
const html: Record<string, string> = {};

beforeAll(async () => {
  result = await buildSample({ htmlOnly: true });
  for (const locale of LOCALES)
    html[locale] = readFileSync(result.files[`report.${locale}.html`] as string, 'utf8');
});

/** Text outside the charts (chart ticks are bare numbers in different scales by design). */
const proseOf = (page: string) => htmlText(page.replace(/<svg[\s\S]*?<\/svg>/g, ' '));

describe('the bilingual HTML of the sample week', () => {
  test.each(LOCALES)('%s: every figure and derived metric appears in localized form', (locale) => {
    expect(missingFigures(result, htmlText(html[locale] as string), locale)).toEqual([]);
  });

  test('both languages carry the same numbers with their units', () => {
    const zh = unitNumbers(proseOf(html['zh-TW'] as string), 'zh-TW');
    const en = unitNumbers(proseOf(html.en as string), 'en');
    expect(zh.length).toBeGreaterThan(60);
    expect(zh).toEqual(en);
  });

  test('the pages are self-contained: no external URL is loaded, fonts are inline', () => {
    for (const page of Object.values(html)) {
      expect(page).toMatch(
        /<meta http-equiv="Content-Security-Policy" content="default-src 'none'/,
      );
      expect(page).not.toMatch(/<(?:img|script|link|iframe)\b/i);
      expect(page).not.toMatch(
        /(?:src|href)="(?!#|https:\/\/www\.cmoney\.tw\/|https:\/\/deriv\.com\/)/,
      );
      expect(page).toContain('src: url(data:font/ttf;base64,');
    }
  });

  test('estimates are marked, in each language, and explained under the chart', () => {
    expect(htmlText(html.en as string)).toContain('more than US$67.5 billion (est.)');
    expect(htmlText(html['zh-TW'] as string)).toContain('逾 675 億美元（估）');
    expect(htmlText(html.en as string)).toContain(
      "est.: our estimate from the source's wording, not a reported figure.",
    );
    expect(htmlText(html['zh-TW'] as string)).toContain(
      '估：本部門依資料來源文字推算的估計值，並非公布數字。',
    );
    // Quietly: no underline or colour that would read as a link.
    expect(html.en).not.toMatch(/\.fig\.est\s*\{[^}]*(?:underline|color)/);
  });

  test('a figure is in one table or one chart at most, beside the prose that needs it', async () => {
    for (const locale of LOCALES) {
      const page = html[locale] as string;
      const t = await projectTranslator(locale);
      const charted = planCharts({ ...result, locale, t })
        .filter((plan) => plan.id !== 'amazon-capex-vs-cash') // page 1's summary chart
        .flatMap((plan) => plan.figures);
      const tables = [
        ...page.matchAll(/<(?:dl class="facts"|table class="figures)[\s\S]*?<\/(?:dl|table)>/g),
      ]
        .map((m) => m[0])
        .join('');
      const inTables = [...tables.matchAll(/data-fig="([^"]+)"/g)].map((m) => m[1] ?? '');
      expect(inTables.length).toBeGreaterThan(10);
      expect(new Set(inTables).size, `${locale}: a figure in two table rows`).toBe(inTables.length);
      expect(inTables.filter((id) => charted.includes(id))).toEqual([]);
      expect(new Set(charted).size).toBe(charted.length);
    }
  });

  test('page numbers, running header and lang come from the locale', () => {
    expect(html.en).toContain('"Page " counter(page) " of " counter(pages)');
    expect(html['zh-TW']).toContain('"第 " counter(page) " 頁，共 " counter(pages) " 頁"');
    expect(html['zh-TW']).toContain('<html lang="zh-Hant-TW">');
  });

  test('every chart is inlined with a title and description in its language', () => {
    const charts = Object.keys(result.files).filter((f) => f.startsWith('charts/'));
    expect(charts.length).toBeGreaterThanOrEqual(8);
    for (const locale of LOCALES) {
      const svgs = (html[locale] as string).match(/<svg[\s\S]*?<\/svg>/g) ?? [];
      expect(svgs.length).toBe(charts.length / 2);
      for (const svg of svgs)
        expect(svg).toMatch(/<title[^>]*>[^<]+<\/title>\s*<desc[^>]*>[^<]+<\/desc>/);
    }
  });
});

describe('data cannot add markup, styles or script', () => {
  test('an injection fixture renders as visible text', async () => {
    const injected = await buildReport({
      dataFile: 'tests/fixtures/injection/2026-W06.yaml',
      outDir: tempOut(),
      htmlOnly: true,
    });
    for (const locale of LOCALES) {
      const page = readFileSync(injected.files[`report.${locale}.html`] as string, 'utf8');
      expect(page).not.toMatch(/<script|<img|<link|<b>/i);
      expect(page.match(/<\/style>/g)?.length).toBe(3); // only the report's own three style elements
      const text = htmlText(page);
      expect(text).toContain(
        "<script>document.title='PWNED'</script><img src=x onerror=alert(1)></style>",
      );
      expect(text).toContain('<img src="file:///etc/passwd">');
      expect(text).toContain('Meta</text><script>alert(1)</script>');
    }
  });
});

describe('what the page shows depends on the data, with no empty slot', () => {
  test('a firm with a name only: the name, and the desk signs the report', async () => {
    const firm = { name: { 'zh-TW': '名稱公司', en: 'Name Only Ltd.' } };
    const built = await buildReport({ dataFile: SAMPLE, outDir: tempOut(), htmlOnly: true, firm });
    const page = readFileSync(built.files['report.en.html'] as string, 'utf8');
    expect(page).toContain('<p class="firm-name">Name Only Ltd.</p>');
    expect(page).toContain('Prepared by Research Desk');
    expect(page).not.toMatch(/<img|class="licence"|class="analysts"|class="firm-contact"/);
    // The running header names the firm, without a logo.
    expect(page).toMatch(/@top-left \{ content: "Name Only Ltd\."; [^}]*\}/);
    expect(page).not.toMatch(/@top-left \{[^}]*background: url/);
  });

  test('an other figure no text names is listed, in its own small table', async () => {
    const dir = tempOut();
    const week = readFileSync(SAMPLE, 'utf8')
      .replace(/\n\n {8}投入 AI 基礎設施的資金也擴及[^\n]*/, '')
      .replace(/\n\n {8}Money for AI infrastructure is also reaching[^\n]*/, '')
      .replace(/IREN 這類交易也仰賴銀行融資/, '部分交易也仰賴銀行融資')
      .replace(
        /deals such as IREN's depend on bank financing/,
        'some deals depend on bank financing',
      );
    expect(week).not.toContain('[[other.iren-gpu-financing]]');
    writeFileSync(path.join(dir, '2026-W06.yaml'), week);
    const built = await buildReport({
      dataFile: path.join(dir, '2026-W06.yaml'),
      outDir: tempOut(),
      htmlOnly: true,
    });
    const page = htmlText(readFileSync(built.files['report.en.html'] as string, 'utf8'));
    expect(page).toContain('Other figures of the week');
    expect(page).toContain('IREN GPU financing commitments');
    expect(page).toContain('US$3.6B');
    // Without that case, no such table (the sample names every other figure).
    expect(htmlText(html.en as string)).not.toContain('Other figures of the week');
  });
});
