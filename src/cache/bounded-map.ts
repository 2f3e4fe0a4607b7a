/**
 * A Map that keeps at most `max` entries: setting one more forgets the oldest (by insertion;
 * setting a key it already holds keeps that key's place). The process-wide memories (compiled
 * Vega runtimes, text widths, precompiled templates) are bounded with it, so that
 * a long-lived process (a batch of many weeks, a preview server) cannot grow them without end.
 */
export class BoundedMap<K, V> extends Map<K, V> {
  readonly max: number;

  constructor(max: number) {
    super();
    if (!Number.isInteger(max) || max < 1) throw new RangeError(`max must be ≥ 1, got ${max}`);
    this.max = max;
  }

  override set(key: K, value: V): this {
    super.set(key, value);
    if (this.size > this.max) this.delete(this.keys().next().value as K);
    return this;
  }
}
