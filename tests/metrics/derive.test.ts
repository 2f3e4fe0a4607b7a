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
  test("Amazon's capex plan against trailing operating cash flow: 200 / 139.5, to two digits", async () => {
    const m = await sample();
    const ratio = get(m, 'derived.amazon.capex-to-ocf');
    expect(ratio.value).toBeCloseTo(200 / 139.5, 10);
    // "約兩千億" has one significant digit: the ratio gets the floor of two, not 1.43.
    expect(ratio).toMatchObject({ unit: 'x', derived: true, estimate: false, decimals: 1 });
    expect(ratio.inputs).toEqual(['amazon.capex.2026', 'amazon.returns.operatingCashFlowTtm']);
    expect(formatFigure(ratio, 'en')).toBe('about 1.4×');
    expect(formatFigure(ratio, 'zh-TW')).toBe('約 1.4 倍');
  });

  test('every derived figure prints the precision its inputs support', async () => {
    const m = await sample();
    const printed = (id: string) => formatFigure(get(m, id), 'en', { signed: true });
    expect(printed('derived.amazon.capex-growth')).toBe('about +60%');
    expect(printed('derived.amazon.ocf-gap')).toBe('about −US$61 billion');
    expect(printed('derived.amazon.cloud-share-of-revenue')).toBe('+16.7%');
    expect(printed('derived.amazon.eps-surprise')).toBe('−1.0%');
  });

  test('capex growth 2025 → 2026 for Amazon is +60%, with its inputs', async () => {
    const growth = get(await sample(), 'derived.amazon.capex-growth');
    expect(growth.value).toBeCloseTo(60, 10);
    expect(growth.inputs).toEqual(['amazon.capex.2026', 'amazon.capex.2025']);
  });

  test('a prior year described as "doubles" is derived from the plan and is an estimate', async () => {
    const m = await sample();
    const alphabet = get(m, 'alphabet.capex.2025');
    expect(alphabet).toMatchObject({
      value: 92.5,
      estimate: true,
      kind: 'estimate',
      derived: true,
    });
    expect(alphabet.qualifier).toBeUndefined();
    expect(alphabet.inputs).toEqual(['alphabet.capex.2026']);
    expect(formatFigure(alphabet, 'en')).toBe('US$92.5 billion (est.)');
    // a growth rate from a year estimated off the plan would only restate the assumed ratio
    expect(m.figures.has('derived.alphabet.capex-growth')).toBe(false);
  });

  test('"nearly double" makes the prior year a lower-bound estimate: a little over half', async () => {
    const m = await sample();
    const meta = get(m, 'meta.capex.2025');
    expect(meta).toMatchObject({ value: 67.5, estimate: true, qualifier: 'over', decimals: 1 });
    expect(formatFigure(meta, 'en')).toBe('more than US$67.5 billion (est.)');
    expect(formatFigure(meta, 'zh-TW')).toBe('逾 675 億美元（估）');
    expect(m.figures.has('derived.meta.capex-growth')).toBe(false);
  });

  test('no sum over an incomplete or estimated set: Microsoft has no capex figure', async () => {
    const m = await sample();
    expect(m.capexTotals).toEqual([]);
    expect([...m.figures.keys()].filter((id) => id.startsWith('derived.capex-total'))).toEqual([]);
    expect(m.capex.find((row) => row.companyId === 'microsoft')?.byYear).toEqual({
      '2025': undefined,
      '2026': undefined,
    });
    // its "over US$72 billion into AI talent and infrastructure" is a figure, just not capex
    expect(get(m, 'other.msft-ai-talent-infrastructure')).toMatchObject({
      value: 72,
      qualifier: 'over',
      kind: 'reported',
    });
  });

  test('"est." marks only what we derive: the source\'s total and the consensus are not ours', async () => {
    const m = await sample();
    const combined = get(m, 'aggregates.combined-capex-2026');
    expect(combined.estimate).toBe(false);
    expect(formatFigure(combined, 'en')).toBe('about US$650 billion');
    expect(formatFigure(combined, 'zh-TW')).toBe('約 6,500 億美元');
    expect(get(m, 'amazon.returns.eps.expected').estimate).toBe(false);
    const marked = [...m.figures.values()].filter((f) => f.estimate).map((f) => f.id);
    expect(marked.sort()).toEqual(['alphabet.capex.2025', 'meta.capex.2025']);
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

  test('a number written with a trailing zero prints as written (14.0, as its source wrote 140 億)', async () => {
    const m = await sample();
    const europe = get(m, 'flows.europe-equity');
    expect(formatFigure(europe, 'en', { style: 'compact', signed: true })).toBe('+US$14.0B');
    expect(formatFigure(europe, 'zh-TW', { signed: true })).toBe('+140 億美元');
    const metals = get(m, 'flows.metals-mining');
    expect(formatFigure(metals, 'en', { style: 'compact', signed: true })).toBe('+US$2.1B');
    expect(formatFigure(metals, 'zh-TW', { signed: true })).toBe('+21 億美元');
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
        .replace(/quote: "(?:about|up to) /g, 'quote: "')
        .replace('quote: "US$135 billion"', 'quote: "at least US$135 billion"')
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
