/**
 * Issue 15, point 4: every unit has a plausible range; a derived figure out of its range is
 * refused at its inputs; −0 reads as 0; a derived figure the data cannot give says why, at its
 * inputs, when a text names it. All refused by `validate` and by `build` (exit 1, nothing left).
 */
import { describe, expect, test } from 'vitest';
import { checkWeekFile } from '../../src/check.js';
import { inRange, UNIT_RANGES } from '../../src/data/ranges.js';
import { UNITS } from '../../src/data/schema.js';
import { formatProblem, type ProblemText } from '../../src/errors.js';
import { msg } from '../../src/messages/index.js';
import {
  lineOf,
  processesGone,
  runIn,
  sandboxes,
  swap,
  tree,
  weekFile,
} from '../helpers/faults.js';

const sandbox = sandboxes('capex-ranges-');

const line = (file: string, path: string, at: [number, number], p: ProblemText) =>
  formatProblem({ file, path, line: at[0], column: at[1], ...p });

const outOfRange = (unit: keyof typeof UNIT_RANGES, value: number) => {
  const { min, max, smallest } = UNIT_RANGES[unit];
  return msg.week.outOfRange(unit, min, max, smallest, value);
};

describe('the ranges of the units', () => {
  test.each(UNITS)('%s: 0, the bounds and the smallest size are in; beyond them is out', (unit) => {
    const { min, max, smallest } = UNIT_RANGES[unit];
    for (const value of [0, -0, min, max, smallest, -smallest])
      expect(inRange(unit, value)).toBe(true);
    for (const value of [min * 1.01 - 1, max * 1.01 + 1, smallest / 10, 1e308, -1e308]) {
      expect(inRange(unit, value)).toBe(false);
    }
  });
});

describe('figures of the data out of range', () => {
  test.each([
    ['a revenue of 1e-20', '        value: 213.4\n', 1e-20, 'companies[0].returns.revenue.value'],
    ['an aggregate of 1e308', '      value: 650\n', 1e308, 'aggregates[0].figure.value'],
  ])('%s is refused at its line', async (_, from, value, path) => {
    const box = sandbox();
    const written = `value: ${value}`;
    const file = weekFile(box, 'value.yaml', (t) =>
      swap(t, from, from.replace(/value: .*/, written)),
    );
    const { code, stderr } = await runIn(box, ['validate', file]);
    expect(code).toBe(1);
    expect(stderr).toContain(
      line(
        file,
        path,
        [lineOf(file, written), from.indexOf('value') + 8],
        outOfRange('USD bn', value),
      ),
    );
  });
});

describe('derived figures', () => {
  /** Cloud revenue of US$100 trillion on a revenue of US$1 million: both in range. */
  const hugeShare = (t: string) =>
    swap(t, '        value: 213.4\n', '        value: 0.001\n')
      .replace('revenue of US$213.4 billion', 'revenue of US$0.001 billion')
      .replace(
        '      cloudGrowth:\n',
        '      cloudRevenue:\n        value: 100000\n        unit: USD bn\n        kind: reported\n        source: example-2026-02\n        quote: "cloud revenue of US$100000 billion"\n      cloudGrowth:\n',
      );

  test('one out of its range is refused at each input (validate and build: exit 1, nothing left)', async () => {
    const box = sandbox();
    const file = weekFile(box, 'share.yaml', hugeShare);
    const id = 'derived.amazon.cloud-share-of-revenue';
    const problem = msg.faults.derivedOutOfRange(
      id,
      'amazon.returns.cloudRevenue ÷ amazon.returns.revenue',
      outOfRange('%', 1e10),
    );
    const inputs: [string, [number, number]][] = [
      ['companies[0].returns.cloudRevenue.value', [lineOf(file, 'value: 100000'), 16]],
      ['companies[0].returns.revenue.value', [lineOf(file, 'value: 0.001'), 16]],
    ];
    for (const args of [
      ['validate', file],
      ['build', '--data', file, '--out', box.out],
    ]) {
      const { code, stderr } = await runIn(box, args);
      expect(code).toBe(1);
      for (const [path, at] of inputs) expect(stderr).toContain(line(file, path, at, problem));
    }
    expect(await processesGone(box.root)).toEqual([]);
    expect([...tree(box.out), ...tree(box.tmp)]).toEqual([]);
  });

  const growthToken = (t: string) =>
    swap(
      swap(
        t,
        'Meta 計畫 [[meta.capex.2026]]。',
        'Meta 計畫 [[meta.capex.2026]]，亞馬遜年增 [[derived.amazon.capex-growth]]。',
      ),
      'and Meta [[meta.capex.2026]].',
      "and Meta [[meta.capex.2026]]; Amazon's grows [[derived.amazon.capex-growth]].",
    );

  test('−0 reads as 0, and a growth from 0 a text names says why at its inputs', async () => {
    const box = sandbox();
    const file = weekFile(box, 'zero.yaml', (t) =>
      growthToken(
        swap(t, '        value: 125\n', '        value: -0\n').replace(
          '        qualifier: approx\n        quote: "about US$125 billion last year"',
          '        quote: "US$0 billion last year"',
        ),
      ),
    );
    const why = msg.faults.badDivisor("amazon's 2025 capex", 0);
    const { code, stderr } = await runIn(box, ['validate', file]);
    expect(code).toBe(1);
    const token = lineOf(file, "Amazon's grows");
    const tokenProblem = msg.faults.notComputedToken('[[derived.amazon.capex-growth]]', why);
    expect(stderr).toContain(line(file, 'text.sections.capex.en', [token, 11], tokenProblem));
    expect(stderr).toContain(
      line(file, 'text.sections.capex.zh-TW', [token - 1, 14], tokenProblem),
    );
    const input = msg.faults.notComputedInput('derived.amazon.capex-growth', why);
    expect(stderr).toContain(
      line(file, 'companies[0].capex.2025.value', [lineOf(file, 'value: -0'), 16], input),
    );
    expect(stderr).toContain(
      line(file, 'companies[0].capex.2026.value', [lineOf(file, 'value: 200'), 16], input),
    );
    const unknown = msg.week.unknownToken('[[derived.amazon.capex-growth]]');
    expect(stderr).not.toContain(`found ${unknown.found} (${unknown.hint})`);
  });

  test('−0 is 0 in the validated week (no −0 reaches the formatter)', async () => {
    const box = sandbox();
    const file = weekFile(box, 'minus-zero.yaml', (t) =>
      swap(t, '      value: -1\n', '      value: -0\n').replaceAll(
        'down 1 basis point',
        'down 0 basis points',
      ),
    );
    const { metrics } = await checkWeekFile(file);
    expect(Object.is(metrics.figures.get('markets.us10y.change')?.value, 0)).toBe(true);
  });

  test('a missing input: the token and the inputs say which is missing', async () => {
    const box = sandbox();
    const file = weekFile(box, 'missing.yaml', (t) =>
      swap(
        swap(
          t,
          '營業現金流 [[amazon.returns.operatingCashFlowTtm]]。',
          '營業現金流 [[amazon.returns.operatingCashFlowTtm]]，雲端占比 [[derived.amazon.cloud-share-of-revenue]]。',
        ),
        'operating cash flow [[amazon.returns.operatingCashFlowTtm]].',
        'operating cash flow [[amazon.returns.operatingCashFlowTtm]]; cloud was [[derived.amazon.cloud-share-of-revenue]].',
      ),
    );
    const why = msg.faults.noFigure(["amazon's cloudRevenue"]);
    const { code, stderr } = await runIn(box, ['validate', file]);
    expect(code).toBe(1);
    const input = msg.faults.notComputedInput('derived.amazon.cloud-share-of-revenue', why);
    // A missing input is located at the mapping it would be in.
    expect(stderr).toContain(
      line(file, 'companies[0].returns.cloudRevenue', [lineOf(file, '    returns:'), 5], input),
    );
    expect(stderr).toContain(
      line(file, 'companies[0].returns.revenue.value', [lineOf(file, 'value: 213.4'), 16], input),
    );
  });
});
