import { normalQuantile, Rng } from '@synthkit/core';
import { describe, expect, it } from 'vitest';
import { fillGumbelQuantized, fillNormalQuantized } from './noise.js';

describe('fillNormalQuantized', () => {
  it('draws standard normals from 65,536 quantile levels, the same for the same seed', () => {
    const z = fillNormalQuantized(new Rng(1), new Float32Array(200_001));
    let sum = 0;
    let sq = 0;
    let beyond2 = 0;
    let lo = 0;
    let hi = 0;
    for (const x of z) {
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
      sum += x;
      sq += x * x;
      if (Math.abs(x) > 2) beyond2++;
    }
    const n = z.length;
    expect(Math.abs(sum / n)).toBeLessThan(0.01);
    expect(Math.abs(sq / n - 1)).toBeLessThan(0.01);
    // P(|Z| > 2) = 0.0455.
    expect(Math.abs(beyond2 / n - 0.0455)).toBeLessThan(0.003);
    // The extreme levels are the quantiles of 0.5/65536 and 1 − 0.5/65536 (±4.17).
    const edge = Math.fround(normalQuantile(0.5 / 65536));
    expect(lo).toBeGreaterThanOrEqual(edge);
    expect(hi).toBeLessThanOrEqual(-edge);
    expect(z.at(-1)).not.toBe(0); // an odd length fills its last value too
    expect(fillNormalQuantized(new Rng(1), new Float32Array(1000))).toEqual(z.subarray(0, 1000));
  });
});

describe('fillGumbelQuantized', () => {
  it('draws standard Gumbels: mean γ ≈ 0.5772, variance π²/6, same seed same draws', () => {
    const g = fillGumbelQuantized(new Rng(2), new Float32Array(200_000));
    let sum = 0;
    let sq = 0;
    let below0 = 0;
    for (const x of g) {
      sum += x;
      sq += x * x;
      if (x < 0) below0++;
    }
    const n = g.length;
    const mean = sum / n;
    expect(Math.abs(mean - 0.5772)).toBeLessThan(0.01);
    expect(Math.abs(sq / n - mean * mean - Math.PI ** 2 / 6)).toBeLessThan(0.03);
    // P(G < 0) = exp(−1).
    expect(Math.abs(below0 / n - Math.exp(-1))).toBeLessThan(0.004);
    expect(fillGumbelQuantized(new Rng(2), new Float32Array(10))).toEqual(g.subarray(0, 10));
  });
});
