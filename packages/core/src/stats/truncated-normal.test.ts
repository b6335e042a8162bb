import { describe, expect, it } from 'vitest';
import { normalCdf } from './normal.js';
import {
  normalMass,
  standardTruncatedQuantile,
  truncatedNormalCdf,
  truncatedNormalPdf,
  truncatedNormalQuantile,
} from './truncated-normal.js';

// Reference values from scipy.stats.truncnorm 1.17.
const relErr = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('truncated normal', () => {
  it('the half-normal median is Φ⁻¹(3/4)', () => {
    expect(
      relErr(truncatedNormalQuantile(0.5, 0, 1, 0, Number.POSITIVE_INFINITY), 0.6744897501960817),
    ).toBeLessThan(1e-14);
  });

  it('keeps precision for an interval far in the upper tail', () => {
    expect(relErr(normalMass(9, 10), 1.1285122074235907e-19)).toBeLessThan(1e-12);
    const z = standardTruncatedQuantile(0.5, 9, 10);
    expect(z).toBeGreaterThan(9);
    expect(relErr(z, 9.075779713738546)).toBeLessThan(1e-12);
    const w = standardTruncatedQuantile(0.5, -10, -9);
    expect(relErr(w, -9.075779713738546)).toBeLessThan(1e-12);
  });

  it('cdf and quantile are inverse, and stay inside the bounds', () => {
    for (const [mu, sigma, lo, hi] of [
      [0, 1, -1, 2],
      [40, 12, 17, 90],
      [5, 0.5, 6, 9],
    ] as const) {
      for (const p of [0, 1e-9, 0.1, 0.5, 0.9, 1 - 1e-9, 1]) {
        const x = truncatedNormalQuantile(p, mu, sigma, lo, hi);
        expect(x).toBeGreaterThanOrEqual(lo);
        expect(x).toBeLessThanOrEqual(hi);
        expect(truncatedNormalCdf(x, mu, sigma, lo, hi)).toBeCloseTo(p, 10);
      }
    }
    expect(relErr(truncatedNormalCdf(0.5, 0, 1, -1, 2), 0.6508804213366272)).toBeLessThan(1e-13);
  });

  it('the density integrates to one over the interval', () => {
    let area = 0;
    const h = 1e-3;
    for (let x = 17; x < 90; x += h) area += h * truncatedNormalPdf(x + h / 2, 40, 12, 17, 90);
    expect(area).toBeCloseTo(1, 6);
    expect(normalMass(-1, 1)).toBeCloseTo(normalCdf(1) - normalCdf(-1), 15);
  });
});
