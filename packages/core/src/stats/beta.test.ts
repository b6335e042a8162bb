import { describe, expect, it } from 'vitest';
import { betaCdf, betaPdf, betaQuantile } from './beta.js';

// Reference values from scipy.stats 1.17.
const relErr = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('beta', () => {
  it('the distribution function matches references, both sides of the symmetry switch', () => {
    expect(relErr(betaCdf(0.5, 2, 3), 0.6875)).toBeLessThan(1e-14);
    expect(relErr(betaCdf(0.001, 0.5, 0.5), 0.020135041633377492)).toBeLessThan(1e-13);
    expect(relErr(betaCdf(0.99, 30, 2), 0.9616104854047645)).toBeLessThan(1e-13);
    expect(betaCdf(0, 2, 2)).toBe(0);
    expect(betaCdf(1, 2, 2)).toBe(1);
    expect(relErr(betaPdf(0.3, 2.5, 4), 2.0342672530690695)).toBeLessThan(1e-13);
  });

  it('the quantile inverts the distribution function, including U-shaped densities', () => {
    expect(relErr(betaQuantile(0.3, 0.4, 7), 0.005583154582276075)).toBeLessThan(1e-11);
    expect(relErr(betaQuantile(0.999, 2, 2), 0.9816297461411884)).toBeLessThan(1e-12);
    expect(betaQuantile(0.6875, 2, 3)).toBeCloseTo(0.5, 13);
    for (const [a, b] of [
      [0.3, 0.3],
      [1, 1],
      [2, 9],
      [50, 3],
    ] as const) {
      for (const p of [0.001, 0.25, 0.5, 0.75, 0.999]) // near 1 a U-shaped cdf is so steep that x itself (spacing 1e-16) limits the precision
        expect(betaCdf(betaQuantile(p, a, b), a, b)).toBeCloseTo(p, 9);
    }
  });
});
