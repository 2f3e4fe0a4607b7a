import { describe, expect, test } from 'vitest';
import { parseWeek } from '../../../src/data/load.js';
import { checkQuote } from '../../../src/data/quotes/check-quote.js';
import { checkQuotes } from '../../../src/data/quotes/week-quotes.js';
import { validateWeek } from '../../../src/data/validate.js';
import { readWeekFile } from '../../../src/inputs/load.js';
import { collectFigures } from '../../../src/metrics/collect.js';
import { deriveMetrics } from '../../../src/metrics/derive.js';

describe('the sample week against its sources', () => {
  test('every reported figure has a quote that passes', async () => {
    const loaded = await parseWeek(await readWeekFile('data/2026-W06.yaml'));
    const week = validateWeek(loaded);
    const figures = collectFigures(week, loaded.writtenDecimals);
    expect(figures.length).toBeGreaterThanOrEqual(39);
    for (const f of figures) {
      expect(f.quote, f.id).toBeTypeOf('string');
      expect(checkQuote({ ...f, quote: f.quote ?? '' }), `${f.id}: ${f.quote}`).toEqual([]);
    }
    expect(checkQuotes(week, loaded.writtenDecimals)).toEqual([]);
  });

  test('only figures computed in code go without a quote', async () => {
    const loaded = await parseWeek(await readWeekFile('data/2026-W06.yaml'));
    const metrics = deriveMetrics(validateWeek(loaded), {
      writtenDecimals: loaded.writtenDecimals,
    });
    const unquoted = [...metrics.figures.values()].filter((f) => f.quote === undefined);
    expect(unquoted.length).toBeGreaterThan(0);
    for (const f of unquoted) expect(f.derived, f.id).toBe(true);
  });

  test('refuses the figures of the earlier version of the facts, located at their quotes', async () => {
    const loaded = await parseWeek(await readWeekFile('data/2026-W06.yaml'));
    const week = validateWeek(loaded);
    const flows = week.fundFlows;
    const bonds = flows.byCategory.find((f) => f.id === 'global-bonds');
    if (!bonds) throw new Error('no global-bonds flow');
    const { qualifier: _approx, ...plain } = bonds.figure;
    bonds.figure = plain; // "18.71" without the source's 約
    const decimals = new Map<string, number>(loaded.writtenDecimals);
    decimals.set('fundFlows.byRegion[0].figure.value', 2); // 14.00 for 140 億
    decimals.set('fundFlows.byCategory[3].figure.value', 2); // 2.10 for 21 億
    const problems = checkQuotes(week, decimals);
    expect(problems.map((p) => p.path)).toEqual([
      'fundFlows.byCategory[3].figure.quote',
      'fundFlows.byCategory[4].figure.quote',
      'fundFlows.byRegion[0].figure.quote',
    ]);
    expect(problems.map((p) => p.expected)).toEqual([
      'at most 1 decimal, the digits the quote writes ("21 億美元")',
      'qualifier: approx, as the quote says "約"',
      'at most 1 decimal, the digits the quote writes ("140 億美元")',
    ]);
  });
});
