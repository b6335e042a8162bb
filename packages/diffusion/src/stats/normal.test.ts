import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile } from './normal.js';

describe('normal distribution', () => {
  it('matches tabulated quantiles', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 12);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 13);
  });

  it('matches tabulated CDF values, including the far tails', () => {
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 15);
    expect(normalCdf(-1)).toBeCloseTo(0.15865525393145707, 15);
    expect(normalCdf(-6) / 9.865876450376981e-10).toBeCloseTo(1, 12);
    expect(normalCdf(3) + normalCdf(-3)).toBeCloseTo(1, 15);
  });

  it('quantile inverts the CDF (upper tail limited by 1 − Φ cancellation)', () => {
    for (let z = -8; z <= 6; z += 0.37) expect(normalQuantile(normalCdf(z))).toBeCloseTo(z, 8);
  });

  it('is infinite at 0 and 1 and NaN outside', () => {
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalQuantile(1.5)).toBeNaN();
  });
});
