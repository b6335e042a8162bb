import { describe, expect, it } from 'vitest';
import { erfc, normalCdf, normalPdf, normalQuantile, normalQuantileUpper, normalSf } from './normal.js';

// Reference values from mpmath at 40 digits.
const relErr = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('normal distribution', () => {
  it('erfc matches reference values across all of Cody’s intervals', () => {
    const ref: Array<[number, number]> = [
      [0.1, 0.887537083981715],
      [0.4, 0.5716076449533315],
      [0.5, 0.4795001221869535],
      [2, 0.004677734981047266],
      [4.5, 1.9661604415428876e-10],
      [10, 2.088487583762545e-45],
      [26, 5.663192408856143e-296],
      [-0.5, 1.5204998778130465],
      [-2, 1.9953222650189528],
    ];
    for (const [x, v] of ref) expect(relErr(erfc(x), v)).toBeLessThan(2e-15);
  });

  it('Φ is accurate to ~1e-15 relative, ~x²·1e-16 deep in the lower tail', () => {
    const ref: Array<[number, number]> = [
      [-37.5, 4.605353009581955e-308],
      [-20, 2.7536241186062337e-89],
      [-8.3, 5.205569744890254e-17],
      [-5, 2.866515718791939e-7],
      [-1.96, 0.024997895148220435],
      [-0.3, 0.3820885778110474],
      [0, 0.5],
      [0.2, 0.579259709439103],
      [1, 0.8413447460685429],
      [3, 0.9986501019683699],
      [7, 0.9999999999987201],
    ];
    for (const [x, v] of ref) expect(relErr(normalCdf(x), v)).toBeLessThan(2e-16 * Math.max(5, x * x));
    expect(relErr(normalSf(8.3), 5.205569744890254e-17)).toBeLessThan(1e-13);
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(40)).toBe(1);
  });

  it('Φ⁻¹ (AS 241) matches reference quantiles to ~1e-15', () => {
    const ref: Array<[number, number]> = [
      [1e-300, -37.0470962993612],
      [1e-20, -9.262340089798409],
      [1e-10, -6.361340902404057],
      [0.001, -3.0902323061678136],
      [0.025, -1.9599639845400543],
      [0.3, -0.5244005127080408],
      [0.975, 1.9599639845400538],
      [0.999999, 4.753424308817087],
    ];
    for (const [p, z] of ref) expect(relErr(normalQuantile(p), z)).toBeLessThan(2e-15);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalQuantile(1.5)).toBeNaN();
    expect(normalQuantile(Number.NaN)).toBeNaN();
  });

  it('Φ⁻¹ inverts Φ across the range', () => {
    for (let z = -30; z <= 0; z += 0.37) expect(relErr(normalQuantile(normalCdf(z)), z)).toBeLessThan(1e-13);
    // Above 0, Φ(z) rounds toward 1; the upper-tail pair keeps full precision.
    for (let z = 0.2; z <= 30; z += 0.37)
      expect(relErr(normalQuantileUpper(normalSf(z)), z)).toBeLessThan(1e-13);
  });

  it('the density integrates to the distribution function (trapezoid check)', () => {
    let area = 0;
    const h = 1e-3;
    for (let x = -1; x < 1; x += h) area += 0.5 * h * (normalPdf(x) + normalPdf(x + h));
    expect(area).toBeCloseTo(normalCdf(1) - normalCdf(-1), 6);
  });
});
