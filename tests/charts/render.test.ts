import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCache } from '../../src/cache/index.js';
import { renderChart } from '../../src/charts/render.js';
import { CapexReportError, ChartError } from '../../src/errors.js';
import { placedTexts } from './svg-text.js';

const rows = [
  { k: 'A', v: 3 },
  { k: 'B', v: -5 },
  { k: 'C', v: 8 },
];

function spec(mark: object | string, encoding: object): object {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: 'A small chart',
    description: 'Three values',
    width: 300,
    height: 150,
    data: { name: 'rows' },
    mark,
    encoding,
  };
}

const xy = {
  x: { field: 'k', type: 'ordinal' },
  y: { field: 'v', type: 'quantitative' },
};

describe('renderChart', () => {
  it.each([
    ['bar', 'bar', xy, /<path[^>]*d="M/],
    ['line', 'line', xy, /<path[^>]*d="M[^"]*L/],
    ['point', 'point', xy, /class="mark-symbol role-mark/],
    ['area', 'area', xy, /class="mark-area role-mark/],
    [
      'arc',
      'arc',
      {
        theta: { aggregate: 'count', type: 'quantitative' },
        color: { field: 'k', type: 'nominal' },
      },
      /class="mark-arc role-mark/,
    ],
    ['text', { type: 'text' }, { ...xy, text: { field: 'k' } }, /class="mark-text role-mark/],
  ])('renders a %s mark', async (_name, mark, encoding, expected) => {
    const warnings: string[] = [];
    const svg = await renderChart(spec(mark, encoding), {
      name: `mark-${_name}`,
      locale: 'en',
      data: { rows },
      onWarning: (m) => warnings.push(m),
    });
    expect(svg).toMatch(/^<svg /);
    expect(svg).toMatch(expected);
    expect(svg).toContain('<title id="chart-mark-');
    expect(warnings).toEqual([]);
  });

  it('formats ticks with the report formatter, by the locale given', async () => {
    const money = spec('bar', {
      ...xy,
      y: { ...xy.y, axis: { labelExpr: 'formatAxisMoneyBn(datum.value, locale)' } },
    });
    const data = { rows: [{ k: 'A', v: 200 }] };
    const zh = placedTexts(await renderChart(money, { name: 'money', locale: 'zh-TW', data }));
    const en = placedTexts(await renderChart(money, { name: 'money', locale: 'en', data }));
    expect(zh.map((t) => t.text)).toContain('2,000');
    expect(en.map((t) => t.text)).toContain('200');
    expect(en.map((t) => t.text)).not.toContain('2,000');
  });

  it('resolves $t markers with the locale strings and $v markers with the values given', async () => {
    const localized = {
      ...spec('bar', xy),
      title: { text: { $t: 'charts.common.source' }, subtitle: { $v: 'note' } },
    };
    const svg = await renderChart(localized, {
      name: 'markers',
      locale: 'zh-TW',
      data: { rows },
      vars: { sources: 'CMoney', note: 'A note' },
    });
    expect(svg).toContain('<title id="chart-markers-zh-TW-title">資料來源：CMoney</title>');
    expect(placedTexts(svg).map((t) => t.text)).toContain('A note');
  });

  it('rejects an invalid spec with a typed error naming the file and Vega-Lite’s reason', async () => {
    const { mark: _, ...noMark } = spec('bar', xy) as Record<string, unknown>;
    const error = await renderChart(noMark, {
      name: 'broken',
      locale: 'en',
      file: 'templates/charts/broken.vl.json',
      data: { rows },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChartError);
    expect(error).toBeInstanceOf(CapexReportError);
    const chartError = error as ChartError;
    expect(chartError.message).toMatch(
      /^Could not compile chart templates\/charts\/broken\.vl\.json: /,
    );
    expect(chartError.reason).toMatch(/^Invalid specification .*"mark", "layer"/);
    expect(chartError.chart).toBe('templates/charts/broken.vl.json');
  });

  it('keeps Vega-Lite’s reason for a field it cannot read', async () => {
    const bad = spec('bar', { ...xy, x: { field: 'k', type: 'wrong' } });
    await expect(
      renderChart(bad, { name: 'bad-type', locale: 'en', data: { rows } }),
    ).rejects.toThrow(/^Could not compile chart bad-type: Invalid field type/);
  });

  it('rejects an expression Vega cannot parse, naming the chart', async () => {
    const bad = spec('bar', {
      ...xy,
      y: { ...xy.y, axis: { labelExpr: 'noSuchFunction(datum.value)' } },
    });
    await expect(
      renderChart(bad, { name: 'bad-expr', locale: 'en', data: { rows } }),
    ).rejects.toThrow(/^Could not parse chart bad-expr: .*noSuchFunction/);
  });

  it('rejects a missing string instead of printing the key', async () => {
    const missing = { ...spec('bar', xy), title: { $t: 'charts.noSuchKey' } };
    await expect(
      renderChart(missing, { name: 'missing', locale: 'en', data: { rows } }),
    ).rejects.toThrow(
      /^Could not localize chart missing: Missing string "charts.noSuchKey" in locale en/,
    );
  });

  it('returns a cached render for the same spec, data and locale without rendering again', async () => {
    const cache = openCache(mkdtempSync(path.join(tmpdir(), 'charts-cache-')));
    const input = { name: 'cached', locale: 'en' as const, data: { rows } };
    const first = await renderChart(spec('bar', xy), input, { cache });
    expect(cache.stats('charts')).toMatchObject({ writes: 1, hits: 0 });
    const second = await renderChart(spec('bar', xy), input, { cache });
    expect(second).toBe(first);
    expect(cache.stats('charts')).toMatchObject({ writes: 1, hits: 1 });
    await renderChart(spec('bar', xy), { ...input, data: { rows: rows.slice(1) } }, { cache });
    await renderChart(spec('bar', xy), { ...input, locale: 'zh-TW' }, { cache });
    expect(cache.stats('charts')).toMatchObject({ writes: 3, hits: 1 });
  });

  it('keeps renders in a cache directory across processes', async () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'charts-cache-'));
    const input = { name: 'on-disk', locale: 'zh-TW' as const, data: { rows } };
    const cache = openCache(cacheDir);
    const first = await renderChart(spec('point', xy), input, { cache });
    await cache.settle();
    expect(readdirSync(path.join(cacheDir, 'charts'))).toHaveLength(1);
    const later = openCache(cacheDir); // as a new process would open it
    const second = await renderChart(spec('point', xy), input, { cache: later });
    expect(second).toBe(first);
    expect(later.stats('charts')).toMatchObject({ writes: 0, hits: 1 });
  });
});
