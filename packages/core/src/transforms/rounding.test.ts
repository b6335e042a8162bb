import { describe, expect, it } from 'vitest';
import { decimalsOf, rounding } from './rounding.js';

describe('rounding', () => {
  it('counts decimals as printed', () => {
    expect([3, 1.25, 0.1, 1e-7, 2.5e-8, -4.125].map(decimalsOf)).toEqual([0, 2, 1, 7, 9, 3]);
  });

  it('keeps integers integers and round-trips values with their decimals', () => {
    const ints = Float64Array.from([39, 50, 38, 53, Number.NaN]);
    const s = rounding.fit(ints);
    expect(s.decimals).toBe(0);
    expect(rounding.reverse(s, rounding.forward(s, ints))).toEqual(ints);
    expect([...rounding.reverse(s, Float64Array.from([1.4, 1.6, -0.6]))]).toEqual([1, 2, -1]);

    const floats = Float64Array.from([7.0, 2.15, 13.31]);
    const f = rounding.fit(floats);
    expect(f.decimals).toBe(2);
    expect(rounding.reverse(f, rounding.forward(f, floats))).toEqual(floats);
    expect([...rounding.reverse(f, Float64Array.from([2.14999, 0.004]))]).toEqual([2.15, 0]);
  });
});
