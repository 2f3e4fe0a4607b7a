/** Small numeric helpers shared by the bench scripts. */

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** { median, min, max, n } of a list of numbers (NaN, written as null in JSON, when empty). */
export function summarize(values) {
  if (values.length === 0) return { median: Number.NaN, min: Number.NaN, max: Number.NaN, n: 0 };
  return {
    median: median(values),
    min: Math.min(...values),
    max: Math.max(...values),
    n: values.length,
  };
}

/**
 * Wall time covered by at least one of the intervals ([start, end] in ms): two pages printing
 * at the same time count once, as the wall clock sees them.
 */
export function unionMs(intervals) {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let current;
  for (const [start, end] of sorted) {
    if (!current || start > current[1]) {
      if (current) total += current[1] - current[0];
      current = [start, end];
    } else current[1] = Math.max(current[1], end);
  }
  if (current) total += current[1] - current[0];
  return total;
}

/** C(n, k) as a float (n is a few dozen at most here). */
function choose(n, k) {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return c;
}

/**
 * A distribution-free confidence interval for the median: the k-th smallest and k-th largest of
 * n runs hold the true median with probability 1 - 2·P(Binomial(n, ½) < k), whatever the shape
 * of the noise. The narrowest such interval with at least `level` coverage, or null when n is too
 * small for any (n = 4 or fewer at 0.9).
 */
export function medianInterval(values, level = 0.9) {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  let best = null;
  let tail = 0; // P(Binomial(n, ½) < k)
  for (let k = 1; k <= Math.floor(n / 2); k++) {
    tail += choose(n, k - 1) / 2 ** n;
    const coverage = 1 - 2 * tail;
    if (coverage < level) break;
    best = { low: sorted[k - 1], high: sorted[n - k], coverage };
  }
  return best;
}

/** Whether `value` meets a target `{ max }` or `{ min }`. */
export function meets(target, value) {
  return 'max' in target ? value <= target.max : value >= target.min;
}

/**
 * A target against the interval: 'met' or 'missed' when the whole interval is on one side,
 * 'unclear' when it straddles the target (more runs, or a quieter machine, would tell).
 */
export function intervalVerdict(interval, target) {
  if (!interval) return null;
  const [lowOk, highOk] = [meets(target, interval.low), meets(target, interval.high)];
  if (lowOk && highOk) return 'met';
  if (!lowOk && !highOk) return 'missed';
  return 'unclear';
}

export function round(value, digits = 3) {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
