/**
 * The bench's statistics decide its verdicts (met, missed, unclear), so they are checked here
 * against an independent computation: exact binomial tails in BigInt, not the bench's floats.
 */
import { describe, expect, it } from 'vitest';
import { intervalVerdict, medianInterval, meets, summarize, unionMs } from '../../bench/stats.js';

/** P(Binomial(n, ½) < k) as an exact fraction [numerator, 2^n]. */
function lowerTail(n: number, k: number): [bigint, bigint] {
  let sum = 0n;
  let c = 1n; // C(n, 0)
  for (let i = 0; i < k; i++) {
    sum += c;
    c = (c * BigInt(n - i)) / BigInt(i + 1);
  }
  return [sum, 2n ** BigInt(n)];
}

/** The largest k whose interval (k-th smallest .. k-th largest) covers the median with ≥ level. */
function expectedK(n: number, level: number): number | undefined {
  let best: number | undefined;
  for (let k = 1; 2 * k <= n; k++) {
    const [tail, total] = lowerTail(n, k);
    // coverage = 1 - 2·tail/total ≥ level  ⇔  (total - 2·tail) ≥ level·total; level in thousandths
    if ((total - 2n * tail) * 1000n >= BigInt(Math.round(level * 1000)) * total) best = k;
  }
  return best;
}

/** n distinct values in a scrambled order: the interval must come from the sorted runs. */
function scrambled(n: number): number[] {
  return Array.from({ length: n }, (_, i) => ((i * 7 + 3) % n) + 0.5);
}

describe('medianInterval', () => {
  it('takes the narrowest order-statistic interval with at least 90 % coverage, n = 1..40', () => {
    for (let n = 1; n <= 40; n++) {
      const values = scrambled(n);
      const sorted = [...values].sort((a, b) => a - b);
      const k = expectedK(n, 0.9);
      const found = medianInterval(values);
      if (k === undefined) {
        expect(found, `n = ${n}`).toBeNull();
        continue;
      }
      const [tail, total] = lowerTail(n, k);
      expect(found, `n = ${n}`).toEqual({
        low: sorted[k - 1],
        high: sorted[n - k],
        coverage: expect.closeTo(1 - (2 * Number(tail)) / Number(total), 12),
      });
    }
  });

  it('gives the figures bench/README.md quotes: 9 runs → 2nd to 2nd largest, 96 %', () => {
    const found = medianInterval([9, 1, 8, 2, 7, 3, 6, 4, 5]);
    expect(found).toEqual({ low: 2, high: 8, coverage: expect.closeTo(1 - 20 / 512, 12) });
    expect(medianInterval([1, 2, 3, 4])).toBeNull(); // 87.5 % at best
    expect(medianInterval([3, 1, 2, 5, 4])).toEqual({
      low: 1,
      high: 5,
      coverage: expect.closeTo(1 - 2 / 32, 12),
    });
  });

  it('honours another level', () => {
    // 9 runs: k = 2 covers 1 - 20/512 ≈ 96.1 %, k = 1 covers 1 - 2/512 ≈ 99.6 %.
    expect(medianInterval(scrambled(9), 0.95)).toMatchObject({ low: 1.5, high: 7.5 });
    expect(medianInterval(scrambled(9), 0.99)).toMatchObject({ low: 0.5, high: 8.5 });
    expect(medianInterval(scrambled(9), 0.999)).toBeNull();
  });
});

describe('meets and intervalVerdict', () => {
  it('counts a value on the target as meeting it, for either kind of target', () => {
    expect(meets({ max: 1.15 }, 1.15)).toBe(true);
    expect(meets({ max: 1.15 }, 1.16)).toBe(false);
    expect(meets({ min: 0.5 }, 0.5)).toBe(true);
    expect(meets({ min: 0.5 }, 0.49)).toBe(false);
  });

  it('is met or missed only when the whole interval is on one side', () => {
    const at = (low: number, high: number) => ({ low, high, coverage: 0.96 });
    expect(intervalVerdict(at(1.01, 1.12), { max: 1.15 })).toBe('met');
    expect(intervalVerdict(at(1.01, 1.3), { max: 1.15 })).toBe('unclear');
    expect(intervalVerdict(at(0.18, 0.23), { max: 0.1 })).toBe('missed');
    expect(intervalVerdict(at(0.55, 0.61), { min: 0.5 })).toBe('met');
    expect(intervalVerdict(at(0.49, 0.6), { min: 0.5 })).toBe('unclear');
    expect(intervalVerdict(at(0.3, 0.45), { min: 0.5 })).toBe('missed');
    expect(intervalVerdict(null, { min: 0.5 })).toBeNull();
  });
});

describe('unionMs (the wall time inside page.pdf() of two pages printing at once)', () => {
  it('counts overlapping intervals once and disjoint ones each', () => {
    expect(unionMs([])).toBe(0);
    expect(unionMs([[0, 10]])).toBe(10);
    expect(
      unionMs([
        [5, 15],
        [0, 10],
      ]),
    ).toBe(15);
    expect(
      unionMs([
        [0, 10],
        [2, 4],
      ]),
    ).toBe(10);
    expect(
      unionMs([
        [20, 30],
        [0, 10],
        [10, 12],
      ]),
    ).toBe(22);
  });

  it('agrees with a millisecond-by-millisecond count on random intervals', () => {
    let seed = 12345;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % 200;
    };
    for (let trial = 0; trial < 200; trial++) {
      const intervals = Array.from({ length: 1 + (trial % 5) }, () => {
        const a = next();
        const b = next();
        return [Math.min(a, b), Math.max(a, b)] as [number, number];
      });
      const covered = new Set<number>();
      for (const [start, end] of intervals) for (let t = start; t < end; t++) covered.add(t);
      expect(unionMs(intervals)).toBe(covered.size);
    }
  });
});

describe('summarize', () => {
  it('gives median, min, max and n, and NaN for no runs', () => {
    expect(summarize([3, 1, 2, 10])).toEqual({ median: 2.5, min: 1, max: 10, n: 4 });
    expect(summarize([])).toEqual({ median: Number.NaN, min: Number.NaN, max: Number.NaN, n: 0 });
  });
});
