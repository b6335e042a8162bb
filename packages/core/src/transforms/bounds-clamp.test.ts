import { describe, expect, it } from 'vitest';
import { boundsClamp } from './bounds-clamp.js';

describe('boundsClamp', () => {
  it('clamps to the observed range and round-trips observed values', () => {
    const x = Float64Array.from([17, 90, 45, Number.NaN]);
    const s = boundsClamp.fit(x);
    expect(s).toEqual({ min: 17, max: 90 });
    expect(boundsClamp.reverse(s, boundsClamp.forward(s, x))).toEqual(x);
    expect([...boundsClamp.reverse(s, Float64Array.from([-3, 100, 50]))]).toEqual([17, 90, 50]);
  });

  it('has JSON-safe bounds for an all-missing column', () => {
    const s = boundsClamp.fit(Float64Array.from([Number.NaN]));
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
    expect([...boundsClamp.reverse(s, Float64Array.from([5]))]).toEqual([5]);
  });
});
