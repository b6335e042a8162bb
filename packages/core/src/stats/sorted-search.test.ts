import { describe, expect, it } from 'vitest';
import { drawFromCumulative, lowerBound, upperBound } from './sorted-search.js';

describe('sorted search', () => {
  const x = Float64Array.of(1, 2, 2, 2, 5);
  it('finds the first index at or past a value', () => {
    expect([0, 1, 2, 3, 5, 6].map((v) => lowerBound(x, v))).toEqual([0, 0, 1, 4, 4, 5]);
    expect([0, 1, 2, 3, 5, 6].map((v) => upperBound(x, v))).toEqual([0, 1, 4, 4, 5, 5]);
  });
  it('draws an index by cumulative weight and never past the end', () => {
    const cum = Float64Array.of(0.25, 0.25, 1);
    expect(drawFromCumulative(cum, 0)).toBe(0);
    expect(drawFromCumulative(cum, 0.25)).toBe(2); // zero weight is never drawn
    expect(drawFromCumulative(cum, 0.999)).toBe(2);
    expect(drawFromCumulative(cum, 1)).toBe(2);
  });
});
