import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseWeek } from '../../src/data/load.js';
import { validateWeek } from '../../src/data/validate.js';
import { formatFigure } from '../../src/format/index.js';
import { readWeekFile } from '../../src/inputs/load.js';
import { deriveMetrics } from '../../src/metrics/derive.js';
import type { Metrics, ResolvedFigure } from '../../src/metrics/types.js';

async function sample(): Promise<Metrics> {
  const loaded = await parseWeek(await readWeekFile('data/2026-W06.yaml'));
  return deriveMetrics(validateWeek(loaded), { writtenDecimals: loaded.writtenDecimals });
}

const get = (m: Metrics, id: string): ResolvedFigure => {
  const f = m.figures.get(id);
  if (!f) throw new Error(`no ${id}`);
  return f;
};

describe('derived metrics of the sample week', () => {
  test("Amazon's capex plan against trailing operating cash flow: 200 / 139.5", async () => {
    const m = await sample();
    const ratio = get(m, 'derived.amazon.capex-to-ocf');
    expect(ratio.value).toBeCloseTo(200 / 139.5, 10);
    expect(ratio).toMatchObject({ unit: 'x', derived: true, estimate: false, decimals: 2 });
    expect(ratio.inputs).toEqual(['amazon.capex.2026', 'amazon.returns.operatingCashFlowTtm']);
    expect(formatFigure(ratio, 'en')).toBe('about 1.43×');
    expect(formatFigure(ratio, 'zh-TW')).toBe('約 1.43 倍');
  });

  test('capex growth 2025 → 2026 for Amazon is +60%, with its inputs', async () => {
    const growth = get(await sample(), 'derived.amazon.capex-growth');
    expect(growth.value).toBeCloseTo(60, 10);
    expect(growth.inputs).toEqual(['amazon.capex.2026', 'amazon.capex.2025']);
  });

  test('a prior year described as "doubles" is derived from the plan and is an estimate', async () => {
    const m = await sample();
    const meta2025 = get(m, 'meta.capex.2025');
    expect(meta2025).toMatchObject({
      value: 67.5,
      estimate: true,
      kind: 'estimate',
      derived: true,
    });
    expect(meta2025.inputs).toEqual(['meta.capex.2026']);
    expect(get(m, 'alphabet.capex.2025').value).toBe(92.5);
    // a growth rate from a year estimated off the plan would only restate the assumed ratio
    expect(m.figures.has('derived.meta.capex-growth')).toBe(false);
    // an estimate in gives an estimate out
    expect(m.capexTotals.find((t) => t.year === '2025')?.figure).toMatchObject({ estimate: true });
  });

  test('the combined plan mixes "about", "up to" and a lower bound, so the sum is only "about"', async () => {
    const m = await sample();
    const total = m.capexTotals.find((t) => t.year === '2026');
    expect(total?.figure.value).toBe(200 + 135 + 185 + 72);
    expect(total?.complete).toBe(true);
    expect(total?.figure).toMatchObject({ kind: 'guidance', qualifier: 'approx' });
    expect(formatFigure(total?.figure as ResolvedFigure, 'en')).toBe('about US$592 billion');
    expect(formatFigure(total?.figure as ResolvedFigure, 'zh-TW')).toBe('約 5,920 億美元');
    // Microsoft gives no 2025 figure: that year's sum is marked incomplete and is an estimate.
    const prior = m.capexTotals.find((t) => t.year === '2025');
    expect(prior).toMatchObject({ complete: false, figure: { estimate: true } });
  });

  test('EPS surprise and cloud share of revenue', async () => {
    const m = await sample();
    expect(get(m, 'derived.amazon.eps-surprise').value).toBeCloseTo((1.95 / 1.97 - 1) * 100, 10);
    expect(get(m, 'derived.amazon.cloud-share-of-revenue').value).toBeCloseTo(
      (35.6 / 213.4) * 100,
      10,
    );
    expect(get(m, 'derived.amazon.ocf-gap').value).toBeCloseTo(139.5 - 200, 10);
  });

  test('a number written with trailing zeros prints as written (2.10, not 2.1)', async () => {
    const m = await sample();
    const metals = get(m, 'flows.metals-mining');
    expect(formatFigure(metals, 'en', { style: 'compact', signed: true })).toBe('+US$2.10B');
    expect(formatFigure(metals, 'zh-TW', { signed: true })).toBe('+21.0 億美元');
  });

  test('no derived figure is typed into the data file', async () => {
    const m = await sample();
    for (const f of m.figures.values()) {
      if (f.id.startsWith('derived.')) expect(f.path).toBe('derived');
    }
  });
});

describe('how a sum is labelled', () => {
  const week = async (edit: (text: string) => string) => {
    const { parseWeekText } = await import('../../src/data/load.js');
    const text = edit(readFileSync('tests/fixtures/valid/minimal.yaml', 'utf8'));
    return deriveMetrics(validateWeek(parseWeekText(text, 'week.yaml')));
  };

  test('exact figures and one lower bound sum to a lower bound ("at least")', async () => {
    const m = await week((t) =>
      t
        .replace(/^\s*qualifier: (approx|up-to)\n/gm, '')
        .replace(
          'value: 135\n        unit: USD bn\n        kind: guidance',
          'value: 135\n        unit: USD bn\n        kind: lower-bound',
        ),
    );
    const total = m.capexTotals.find((x) => x.year === '2026')?.figure as ResolvedFigure;
    expect(total.kind).toBe('lower-bound');
    expect(formatFigure(total, 'en')).toMatch(/^at least US\$/);
  });
});
