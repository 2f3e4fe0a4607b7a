import { describe, expect, it } from 'vitest';
import { BoundedMap } from '../../src/cache/bounded-map.js';

describe('BoundedMap', () => {
  it('forgets the oldest entry once it holds more than its maximum', () => {
    const map = new BoundedMap<string, number>(3);
    for (const [i, key] of ['a', 'b', 'c', 'd', 'e'].entries()) map.set(key, i);
    expect([...map]).toEqual([
      ['c', 2],
      ['d', 3],
      ['e', 4],
    ]);
  });

  it('keeps the place of a key set again, and its new value', () => {
    const map = new BoundedMap<string, number>(2);
    map.set('a', 1).set('b', 2).set('a', 10).set('c', 3);
    expect([...map]).toEqual([
      ['b', 2],
      ['c', 3],
    ]);
    expect(map.get('a')).toBeUndefined();
  });

  it('refuses a maximum below 1', () => {
    expect(() => new BoundedMap(0)).toThrow(RangeError);
    expect(() => new BoundedMap(1.5)).toThrow(RangeError);
  });
});
