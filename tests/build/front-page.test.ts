/**
 * The printed report as a client reads it: page 1 a summary with the desk's view, the key points,
 * the key chart and what to watch; the firm's identity from the config; a correction's note; no
 * tool words; no number cut from its unit; no heading left at a page's foot; no page more than
 * 30 % empty but the last. Read back from the PDFs with poppler, as a client's viewer reads them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BuildResult } from '../../src/build.js';
import { loadConfig } from '../../src/config/index.js';
import type { Firm } from '../../src/config/schema.js';
import type { Locale } from '../../src/data/schema.js';
import { splitTokens } from '../../src/data/tokens.js';
import { formatFigure } from '../../src/format/index.js';
import { launchBrowser } from '../../src/pdf/browser.js';
import { blankShares } from '../helpers/blank.js';
import { htmlText } from '../helpers/numbers.js';
import { pdftotext, pdftotextLayout, pdfWords } from '../helpers/poppler.js';
import { buildSample, LOCALES, normalizeText, SAMPLE, tempOut } from '../helpers/sample.js';

let browser: Browser;
let firm: Firm;
/** The sample week with the sample config's firm, without a firm, and as a corrected edition. */
const built = {} as Record<'firm' | 'plain' | 'corrected', BuildResult>;
const pdfOf = (which: keyof typeof built, locale: Locale) =>
  readFileSync(built[which].pdfs[locale] as string);

const CORRECTION = {
  'zh-TW': '更正歐洲股票型基金資金流向的說明。',
  en: 'The note on European equity fund flows is corrected.',
};

beforeAll(async () => {
  browser = await launchBrowser();
  ({ firm } = (await loadConfig({ cwd: process.cwd(), env: {} })).config);
  built.firm = await buildSample({ browser, firm });
  built.plain = await buildSample({ browser });
  const corrected = path.join(tempOut(), '2026-W06.yaml');
  const week = readFileSync(SAMPLE, 'utf8').replace(
    '  edition: 1\n',
    `  edition: 2\n  correction:\n    zh-TW: "${CORRECTION['zh-TW']}"\n    en: "${CORRECTION.en}"\n`,
  );
  writeFileSync(corrected, week);
  built.corrected = await buildSample({ browser, firm, dataFile: corrected });
});

afterAll(async () => {
  await browser?.close();
});

/** A text of the week as printed: tokens as their figures, spaces left out (Chinese spacing). */
function printed(text: string, locale: Locale, result: BuildResult): string {
  return splitTokens(text)
    .map((part) => {
      if ('text' in part) return part.text;
      const figure = result.metrics.figures.get(part.token);
      if (!figure) throw new Error(`no figure ${part.token}`);
      return formatFigure(figure, locale, { magnitude: part.variant === 'abs' });
    })
    .join('')
    .replace(/\s+/g, '');
}

const squeeze = (text: string) => text.replace(/\s+/g, '');

/**
 * Page 1's text, and the text of its two columns read apart (key points on the left, what to
 * watch on the right): a text dump interleaves side-by-side lines, so words are placed by their
 * boxes, left of the "what to watch" heading or not.
 */
function pageOne(locale: Locale): { all: string; left: string; right: string } {
  const words = pdfWords(pdfOf('firm', locale)).filter((w) => w.page === 1);
  const heading = locale === 'en' ? 'What' : '後續觀察';
  const edge = words.find((w) => w.text === heading)?.xMin ?? Number.NaN;
  const text = (list: typeof words) => list.map((w) => w.text).join('');
  return {
    all: text(words),
    left: text(words.filter((w) => w.xMax < edge)),
    right: text(words.filter((w) => w.xMin >= edge)),
  };
}

/** The texts the charts of a build draw (they sit on the page as lines of their own). */
function chartTexts(result: BuildResult, locale: Locale): Set<string> {
  const texts = new Set<string>();
  for (const [name, file] of Object.entries(result.files)) {
    if (!name.startsWith('charts/') || !name.endsWith(`.${locale}.svg`)) continue;
    for (const m of readFileSync(file, 'utf8').matchAll(/<text[^>]*>([^<]*)<\/text>/g))
      texts.add(htmlText(m[1] ?? '').trim());
  }
  return texts;
}

describe.each(LOCALES)('page 1 of the %s PDF', (locale) => {
  test("holds the headline, the desk's view, the key points, the key chart and what to watch", () => {
    const page = pageOne(locale);
    const { text } = built.firm.week;
    const result = built.firm;
    expect(page.all).toContain(printed(text.headline[locale], locale, result));
    expect(page.all).toContain(printed(text.view?.[locale] ?? 'no view', locale, result));
    expect(text.keyPoints.length).toBeGreaterThanOrEqual(3);
    for (const point of text.keyPoints)
      expect(page.left).toContain(printed(point[locale], locale, result));
    expect(text.watch.length).toBeGreaterThanOrEqual(1);
    for (const item of text.watch)
      expect(page.right).toContain(printed(item[locale], locale, result));
    const chart = JSON.parse(readFileSync(`locales/${locale}.json`, 'utf8')).charts;
    const title = chart.capexVsCash.title.replace(
      '{{company}}',
      locale === 'en' ? 'Amazon' : '亞馬遜',
    );
    expect(page.all).toContain(squeeze(title));
    expect(page.all).toContain(squeeze(chart.common.source.replace('{{sources}}', 'Deriv')));
  });

  test("carries the firm's name, logo, licence and analyst, and the edition and date", () => {
    const page = squeeze(pdftotext(pdfOf('firm', locale), 1));
    expect(page).toContain(squeeze(firm.name?.[locale] ?? 'no name'));
    expect(page).toContain(squeeze(firm.licence?.[locale] ?? 'no licence'));
    const analyst = firm.analysts?.[0];
    expect(page).toContain(squeeze(analyst?.name[locale] ?? 'no analyst'));
    expect(page).toContain(analyst?.email ?? 'no email');
    expect(page).toContain(locale === 'en' ? 'Edition1' : '第1版');
    const html = readFileSync(built.firm.files[`report.${locale}.html`] as string, 'utf8');
    // (Handlebars writes "=" in an attribute as &#x3D;.)
    expect(html).toMatch(
      /<img class="logo" src="data:image\/svg\+xml;base64,[A-Za-z0-9+/]+(?:=|&#x3D;)*"/,
    );
  });

  test('shows the firm in the running header of the pages after it, with the edition', () => {
    const page = squeeze(pdftotext(pdfOf('firm', locale), 2));
    expect(page).toContain(squeeze(firm.name?.[locale] ?? 'no name'));
    expect(page).toContain(locale === 'en' ? 'Edition1' : '第1版');
  });

  test("prints a corrected edition's note, and the edition in the running header", () => {
    const first = squeeze(pdftotext(pdfOf('corrected', locale), 1));
    const note =
      locale === 'en'
        ? `Edition 2, corrected: ${CORRECTION.en}`
        : `第 2 版更正：${CORRECTION['zh-TW']}`;
    expect(first).toContain(squeeze(note));
    expect(squeeze(pdftotext(pdfOf('corrected', locale), 2))).toContain(
      locale === 'en' ? 'Edition2' : '第2版',
    );
    expect(squeeze(pdftotext(pdfOf('firm', locale), 1))).not.toContain(squeeze(note));
  });

  test('looks finished without a firm: the desk signs it, nothing is left empty', () => {
    const text = pdftotext(pdfOf('plain', locale));
    const first = squeeze(pdftotext(pdfOf('plain', locale), 1));
    const author = built.plain.week.meta.author[locale];
    expect(first).toContain(squeeze(locale === 'en' ? `Prepared by ${author}` : `撰寫：${author}`));
    expect(text).not.toContain(firm.name?.[locale] ?? 'no name');
    expect(text).not.toMatch(/undefined|null|NaN|\[object/);
    // The running header names the report instead of a firm.
    expect(squeeze(pdftotext(pdfOf('plain', locale), 2))).toContain(
      squeeze(built.plain.week.meta.title[locale]),
    );
  });
});

describe.each(LOCALES)('every page of the %s PDF', (locale) => {
  test('is free of tool words and notation', () => {
    for (const which of ['firm', 'plain', 'corrected'] as const) {
      const text = pdftotext(pdfOf(which, locale));
      expect(text).not.toMatch(/manifest|capex-report|derived in code|undefined|\[\[|\]\]/i);
      expect(text).not.toMatch(/\bNaN\b|\bnull\b|\[object/);
      // Qualifiers and missing values in words, never in symbols.
      expect(text).not.toMatch(/[~≤≥]|<\s*[−\d]|>\s*[−\d]|\bn\/a\b|無資料/);
    }
  });

  test('never leaves a number at a line end without its unit, nor a qualifier without its number', () => {
    // A chart's tick row above its axis title ("2,000" / "億美元") is a drawing, not a line break.
    const drawn = chartTexts(built.firm, locale);
    const lines = pdftotextLayout(pdfOf('firm', locale))
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => !line.split(/\s{2,}/).every((piece) => drawn.has(piece)));
    const cut: string[] = [];
    const UNIT = /^(?:億|萬|兆)?美元|^(?:倍|%|個基點|點|billion|million|trillion|bp\b|points?\b|×)/;
    for (const [i, line] of lines.entries()) {
      const next = lines[i + 1] ?? '';
      if (/[+−-]?\d[\d,.]*$/.test(line) && UNIT.test(next)) cut.push(`${line} / ${next}`);
      if (
        /(?:約|逾|最高|不到|至少|about|over|up to|more than|at least)$/.test(line) &&
        /^[+−-]?(?:US\$)?\d/.test(next)
      )
        cut.push(`${line} / ${next}`);
    }
    expect(cut).toEqual([]);
  });

  test('never starts a line with a citation mark', () => {
    // A mark is superscript, so a text dump may print it on a line of its own: measure instead.
    // Each mark must have a word ending right before it on the same line (boxes overlapping
    // vertically), except in the sources list, where each entry starts with its number.
    const words = pdfWords(pdfOf('firm', locale));
    const publishers = built.firm.week.sources.map((s) => s.publisher);
    const alone = words.filter((mark, i) => {
      if (!/^(?:\[\d+\])+$/.test(mark.text)) return false;
      if (publishers.some((p) => words[i + 1]?.text.startsWith(p))) return false;
      return !words.some(
        (w) =>
          w !== mark &&
          w.page === mark.page &&
          w.xMax <= mark.xMin + 1 &&
          w.xMax >= mark.xMin - 4 &&
          w.yMin < mark.yMax &&
          w.yMax > mark.yMin,
      );
    });
    expect(
      alone.map((w) => `page ${w.page}: ${w.text} at ${Math.round(w.xMin)},${Math.round(w.yMin)}`),
    ).toEqual([]);
    expect(words.filter((w) => /\[\d+\]/.test(w.text)).length).toBeGreaterThan(10);
  });

  test('never ends a page with a heading', () => {
    const pdf = pdfOf('firm', locale);
    const html = readFileSync(built.firm.files[`report.${locale}.html`] as string, 'utf8');
    const headings = [...html.matchAll(/<h[23][^>]*>([^<]+)<\/h[23]>/g)].map((m) =>
      squeeze(m[1] ?? ''),
    );
    const pages = blankShares(pdf).length;
    for (let page = 1; page < pages; page++) {
      const body = pdftotext(pdf, page)
        .split('\n')
        .map(squeeze)
        .filter((line) => line !== '');
      // The footer (confidential line, page number) is printed last; the body ends before it.
      const last = body.slice(0, -2).at(-1) ?? '';
      expect(headings, `page ${page} ends with "${last}"`).not.toContain(last);
    }
  });

  test('has no page more than 30 % blank but the last (see tests/helpers/blank.ts)', () => {
    for (const which of ['firm', 'plain'] as const) {
      const shares = blankShares(pdfOf(which, locale));
      const rounded = shares.map((s) => Math.round(s * 100));
      for (const [i, share] of shares.slice(0, -1).entries())
        expect(share, `${which} page ${i + 1} of ${rounded.join('/')} % blank`).toBeLessThanOrEqual(
          0.3,
        );
    }
  });
});

describe('the wording', () => {
  test('zh-TW reads as a Taiwan desk writes, with no translationese', () => {
    const text = normalizeText(pdftotext(pdfOf('firm', 'zh-TW')), 'zh-TW');
    for (const phrase of [
      '谷歌',
      '為約',
      '為逾',
      '回報面',
      '投資跑在現金前面',
      '盤後股價變動',
      '指數變動',
      '僅供本部門客戶參閱',
      '股票基金',
      '債券基金',
    ])
      expect(text).not.toContain(phrase);
    expect(text).toContain('股票型基金');
    expect(text).toContain('盤後重挫逾 10%');
  });

  test('English says a move with a verb, not with a signed figure', () => {
    const text = normalizeText(pdftotext(pdfOf('firm', 'en')), 'en');
    expect(text).not.toMatch(/reaction (?:in [^.]* )?was below|moved −|changed −|below −/);
    expect(text).toContain('fell more than 10% after hours');
    expect(text).toContain('slipped 0.03%');
  });
});
