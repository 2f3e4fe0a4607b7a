import { beforeAll, describe, expect, it } from 'vitest';
import { chartFileName, type RenderedChart, renderCharts } from '../../src/charts/report.js';
import type { Locale } from '../../src/data/schema.js';
import { loadFixture } from './fixture.js';
import { overlaps, placedTexts, viewBox } from './svg-text.js';

const LOCALES: Locale[] = ['en', 'zh-TW'];
const IDS = [
  'capex-by-company',
  'amazon-capex-vs-cash',
  'flows-by-category',
  'equity-flows-by-region',
];

const rendered = new Map<Locale, RenderedChart[]>();
const warnings: string[] = [];

beforeAll(async () => {
  const { week, metrics } = loadFixture();
  for (const locale of LOCALES) {
    rendered.set(
      locale,
      await renderCharts({ week, metrics, locale, onWarning: (m) => warnings.push(m) }),
    );
  }
}, 60_000);

function chart(locale: Locale, id: string): RenderedChart {
  const found = rendered.get(locale)?.find((c) => c.id === id);
  if (!found) throw new Error(`no chart ${id} in ${locale}`);
  return found;
}

function texts(locale: Locale, id: string): string[] {
  return placedTexts(chart(locale, id).svg).map((t) => t.text);
}

describe('renderCharts', () => {
  it('renders the report charts in reading order, in both languages, without warnings', () => {
    for (const locale of LOCALES) expect(rendered.get(locale)?.map((c) => c.id)).toEqual(IDS);
    expect(warnings).toEqual([]);
  });

  it('names the files per chart and language', () => {
    expect(chartFileName('capex-by-company', 'zh-TW')).toBe('capex-by-company.zh-TW.svg');
  });

  it('starts every SVG with a <title> and <desc> in the report language', () => {
    for (const locale of LOCALES) {
      for (const c of rendered.get(locale) ?? []) {
        const head =
          /^<svg[^>]*role="img"[^>]*><title id="[^"]+">([^<]*)<\/title><desc id="[^"]+">([^<]*)<\/desc>/.exec(
            c.svg,
          );
        expect(head, c.id).not.toBeNull();
        expect(head?.[1]).toBe(c.title);
        expect(head?.[2]).toBe(c.description.replace(/&/g, '&amp;'));
      }
    }
    expect(chart('zh-TW', 'capex-by-company').title).toBe('各公司資本支出：2025 年與 2026 年計畫');
    expect(chart('en', 'capex-by-company').title).toBe('Capex by company: 2025 and the 2026 plan');
  });

  it('states the numbers in the description, formatted like the tables', () => {
    expect(chart('zh-TW', 'capex-by-company').description).toContain('約 2,000 億美元');
    expect(chart('zh-TW', 'capex-by-company').description).toContain('675 億美元（估）');
    expect(chart('en', 'capex-by-company').description).toContain('about US$200 billion');
    expect(chart('en', 'flows-by-category').description).toContain(
      'Technology sector funds: −US$2.03 billion',
    );
    expect(chart('zh-TW', 'amazon-capex-vs-cash').description).toContain('約 1.4 倍');
  });

  it('labels the capex axis in 億 in Chinese and in billions in English', () => {
    const zh = texts('zh-TW', 'capex-by-company');
    const en = texts('en', 'capex-by-company');
    for (const tick of ['0', '500', '1,000', '1,500', '2,000']) expect(zh).toContain(tick);
    for (const tick of ['0', '50', '100', '150', '200']) expect(en).toContain(tick);
    expect(zh).toContain('億美元');
    expect(en).toContain('US$ billions');
    expect(zh).not.toContain('150');
  });

  it('localizes bar labels, legends and category names, qualifiers in words', () => {
    const zh = texts('zh-TW', 'capex-by-company');
    expect(zh).toEqual(
      expect.arrayContaining([
        '亞馬遜',
        '微軟',
        '2025 年',
        '2026 年計畫',
        '未揭露',
        '約 2,000',
        '最高 1,350',
        // An estimate's mark on a line of its own under the number (the bar is narrow).
        '逾 675',
        '（估）',
      ]),
    );
    const en = texts('en', 'capex-by-company');
    expect(en).toEqual(
      expect.arrayContaining([
        'Amazon',
        'Microsoft',
        '2025',
        '2026 plan',
        'not disclosed',
        'about 200',
        'up to 135',
        'over 67.5',
        '(est.)',
      ]),
    );
    // A company without any figure gets one "not disclosed", not one per bar.
    expect(en.filter((t) => t === 'not disclosed')).toHaveLength(1);
    expect(texts('zh-TW', 'flows-by-category')).toEqual(
      expect.arrayContaining(['貨幣市場基金', '+907.5', '−20.3', '淨流出']),
    );
    expect(texts('en', 'flows-by-category')).toEqual(
      expect.arrayContaining(['Money market funds', '+90.75', '−2.03', 'Net outflow']),
    );
    // The source says 約 187.1 億: the bar says "about" too, in words.
    expect(texts('en', 'flows-by-category')).toContain('about +18.71');
    expect(texts('zh-TW', 'flows-by-category')).toContain('約 +187.1');
    expect(texts('en', 'equity-flows-by-region')).toEqual(
      expect.arrayContaining(['European equity funds', '+14.0']),
    );
    expect(texts('zh-TW', 'amazon-capex-vs-cash')).toEqual(
      expect.arrayContaining(['2026 年資本支出計畫', '近 12 個月營業現金流', '1,395', '112']),
    );
    for (const locale of LOCALES) {
      for (const c of rendered.get(locale) ?? []) {
        expect(texts(locale, c.id).join(' '), `${c.id}.${locale}`).not.toMatch(/[~<>≤≥]/);
      }
    }
  });

  it('lists in a legend only what the chart draws', () => {
    // Capex: the years' colours only; an estimate or a bound says so in its own label.
    for (const label of ['Reported or guided', 'Estimate, from the plan', 'Lower bound (at least)'])
      expect(texts('en', 'capex-by-company')).not.toContain(label);
    // Flows by region: inflows only, so no legend at all; by category: both directions.
    expect(texts('en', 'equity-flows-by-region')).not.toContain('Net inflow');
    expect(texts('en', 'equity-flows-by-region')).not.toContain('Net outflow');
    expect(texts('en', 'flows-by-category')).toEqual(
      expect.arrayContaining(['Net inflow', 'Net outflow']),
    );
  });

  it('draws an "up to" bar as a bound, fading to a dashed ceiling', () => {
    const svg = chart('en', 'capex-by-company').svg;
    expect(svg.match(/<linearGradient id="[^"]+"/g) ?? []).toHaveLength(1);
    expect(svg).toContain('id="chart-capex-by-company-en-gradient-1"');
    expect(svg).toContain('url(#chart-capex-by-company-en-gradient-1)');
    expect(svg).toMatch(/stroke-dasharray="5,3"/);
  });

  it('draws no gridline, so none crosses a value label', () => {
    for (const locale of LOCALES) {
      for (const c of rendered.get(locale) ?? [])
        expect(c.svg, `${c.id}.${locale}`).not.toContain('role-axis-grid');
    }
  });

  it('names its gradients after the chart, whatever the process drew before', async () => {
    const { week, metrics } = loadFixture();
    const again = await renderCharts({ week, metrics, locale: 'en' });
    expect(again.find((c) => c.id === 'capex-by-company')?.svg).toBe(
      chart('en', 'capex-by-company').svg,
    );
  });

  it('marks a lower bound with a point above its bar, and nothing else', async () => {
    /** Visible points of the marker layer (it draws one per bar, shown for lower bounds). */
    const markers = (svg: string) =>
      (/<g class="mark-symbol role-mark[^"]*"[^>]*>([\s\S]*?)<\/g>/.exec(svg)?.[1] ?? '')
        .split('<path')
        .slice(1)
        .filter((p) => !/opacity="0"/.test(p));
    expect(markers(chart('en', 'capex-by-company').svg)).toEqual([]);
    const { week, metrics } = loadFixture();
    const alphabet = metrics.capex.find((row) => row.companyId === 'alphabet');
    const plan = alphabet?.byYear['2026'];
    if (!alphabet || !plan) throw new Error('no Alphabet 2026 plan in the fixture');
    alphabet.byYear['2026'] = { ...plan, kind: 'lower-bound' };
    const [capex] = await renderCharts({ week, metrics, locale: 'en' });
    expect(capex?.id).toBe('capex-by-company');
    expect(markers(capex?.svg ?? '')).toHaveLength(1);
  });

  it('keeps every text inside the view box, untruncated and clear of other texts', () => {
    for (const locale of LOCALES) {
      for (const c of rendered.get(locale) ?? []) {
        const box = viewBox(c.svg);
        const placed = placedTexts(c.svg);
        for (const t of placed) {
          const where = `${c.id}.${locale}: "${t.text}"`;
          expect(t.left, where).toBeGreaterThanOrEqual(box.left);
          expect(t.right, where).toBeLessThanOrEqual(box.right);
          expect(t.top, where).toBeGreaterThanOrEqual(box.top);
          expect(t.bottom, where).toBeLessThanOrEqual(box.bottom);
          expect(t.text, where).not.toContain('…');
        }
        for (const [i, a] of placed.entries()) {
          for (const b of placed.slice(i + 1)) {
            expect(overlaps(a, b), `${c.id}.${locale}: "${a.text}" / "${b.text}"`).toBe(false);
          }
        }
        // Stroked text (a halo) makes Chromium's PDF writer fall back to a Type 3 font.
        expect(c.svg, `${c.id}.${locale}`).not.toMatch(/<text[^>]*\sstroke=/);
      }
    }
  });
});
