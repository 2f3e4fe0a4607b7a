import { createRequire } from 'node:module';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { renderChart } from '../../src/charts/render.js';
import {
  installTextMetrics,
  matchWeight,
  measureText,
  vegaTextMetrics,
} from '../../src/charts/text-metrics.js';
import { FONT_FACES, type FontWeight } from '../../src/fonts/files.js';
import { placedTexts, viewBox } from './svg-text.js';

const require = createRequire(import.meta.url);
const fontkit = require('fontkit') as {
  openSync(file: string): {
    unitsPerEm: number;
    layout(text: string, features?: undefined, script?: string): { advanceWidth: number };
  };
};

/** The width fontkit gives for one font file, independent of the measurer's own fallback. */
function fontkitWidth(
  family: 'Inter' | 'Noto Sans TC',
  weight: FontWeight,
  text: string,
  size: number,
) {
  const face = FONT_FACES.find((f) => f.family === family && f.weight === weight);
  if (!face) throw new Error(`no ${family} ${weight}`);
  const font = fontkit.openSync(face.file);
  const script = family === 'Inter' ? 'latn' : undefined;
  return (font.layout(text, undefined, script).advanceWidth / font.unitsPerEm) * size;
}

/** Lays out text marks with Vega and returns each item's text and laid-out width. */
async function layOut(labels: { text: string; weight: number }[], fontSize: number) {
  installTextMetrics();
  const spec = {
    data: { values: labels.map((l, i) => ({ ...l, i })) },
    mark: { type: 'text', fontSize, align: 'left', fontWeight: { expr: 'datum.weight' } },
    encoding: { y: { field: 'i', type: 'ordinal', axis: null }, text: { field: 'text' } },
  };
  const view = new vega.View(vega.parse(compile(spec as TopLevelSpec).spec), { renderer: 'none' });
  await view.runAsync();
  const widths = new Map<string, number>();
  const visit = (node: { items?: unknown[]; marktype?: string }) => {
    for (const item of (node.items ?? []) as Record<string, unknown>[]) {
      if (node.marktype === 'text' && typeof item.text === 'string') {
        const bounds = item.bounds as { x1: number; x2: number };
        widths.set(item.text, bounds.x2 - bounds.x1);
      }
      visit(item as { items?: unknown[] });
    }
  };
  visit((view.scenegraph() as unknown as { root: { items?: unknown[] } }).root);
  view.finalize();
  return widths;
}

describe('text metrics', () => {
  it('lays out Latin and CJK labels at the width fontkit gives for the font itself', async () => {
    const cases = [
      { text: 'Money market funds', family: 'Inter', weight: 400 },
      { text: '+90.75', family: 'Inter', weight: 400 },
      { text: 'Capex by company', family: 'Inter', weight: 700 },
      { text: '貨幣市場基金', family: 'Noto Sans TC', weight: 400 },
      { text: '資本支出：計畫', family: 'Noto Sans TC', weight: 700 },
    ] as const;
    const laidOut = await layOut(
      cases.map((c) => ({ text: c.text, weight: c.weight })),
      12,
    );
    for (const c of cases) {
      const expected = fontkitWidth(c.family, c.weight, c.text, 12);
      expect(laidOut.get(c.text), c.text).toBeGreaterThan(expected * 0.99);
      expect(laidOut.get(c.text), c.text).toBeLessThan(expected * 1.01);
    }
  });

  it('falls back per character from Inter to Noto Sans TC, as the CSS stack does', () => {
    const mixed = measureText('谷歌母公司 Alphabet', { fontSize: 12 });
    const parts =
      fontkitWidth('Noto Sans TC', 400, '谷歌母公司', 12) +
      fontkitWidth('Inter', 400, ' Alphabet', 12);
    expect(mixed).toBeCloseTo(parts, 6);
  });

  it('measures bold with the bold faces', () => {
    const regular = measureText('Capex by company', { fontSize: 15 });
    const bold = measureText('Capex by company', { fontSize: 15, fontWeight: 'bold' });
    expect(bold).toBeCloseTo(fontkitWidth('Inter', 700, 'Capex by company', 15), 6);
    expect(bold).toBeGreaterThan(regular * 1.02);
  });

  it('picks the face weight CSS font matching picks', () => {
    expect([400, 'normal', 'bold', 500, 300, 650, 600, 900].map((w) => matchWeight(w))).toEqual([
      400, 400, 700, 400, 400, 700, 600, 700,
    ]);
  });

  it('lays out in full an English label that the 0.8 em estimate would truncate', async () => {
    const label = 'Gold and precious metals commodity funds';
    const limit = 280;
    expect(vegaTextMetrics.estimateWidth({ fontSize: 12 }, label)).toBeGreaterThan(limit);
    const svg = await renderChart(
      {
        data: { values: [{ k: label, v: 3.08 }] },
        mark: 'bar',
        encoding: {
          y: { field: 'k', type: 'nominal', axis: { labelLimit: limit, labelFontSize: 12 } },
          x: { field: 'v', type: 'quantitative' },
        },
      },
      { name: 'truncation', locale: 'en' },
    );
    expect(placedTexts(svg).map((t) => t.text)).toContain(label);
  });

  it('reserves room for a Chinese label the 0.8 em estimate would clip', async () => {
    const label = '黃金與貴金屬商品基金';
    expect(vegaTextMetrics.estimateWidth({ fontSize: 12 }, label)).toBeLessThan(
      fontkitWidth('Noto Sans TC', 400, label, 12) * 0.85,
    );
    const svg = await renderChart(
      {
        data: { values: [{ k: label, v: 30.8 }] },
        mark: 'bar',
        encoding: {
          y: { field: 'k', type: 'nominal', title: null },
          x: { field: 'v', type: 'quantitative' },
        },
      },
      { name: 'clipping', locale: 'zh-TW' },
    );
    const placed = placedTexts(svg).find((t) => t.text === label);
    expect(placed?.left).toBeGreaterThanOrEqual(viewBox(svg).left);
  });
});
