import { normalCdf, normalQuantile, Rng } from '@synthkit/core';
import { describe, expect, it } from 'vitest';
import { hermiteCoefficients, latentCorrelation } from './bucket-correction.js';
import { correlationMatrix } from './correlation.js';
import { NormalStream } from './ziggurat.js';

describe('bucket correction of jittered-score correlations', () => {
  it('a binary split at the median has a₁ = 2/π (the variance of its bucket means)', () => {
    const a = hermiteCoefficients([0.5, 1]);
    expect(a[1]).toBeCloseTo(2 / Math.PI, 12);
    // without ties there is nothing to correct
    const fine = hermiteCoefficients(Float64Array.from({ length: 2000 }, (_, i) => (i + 1) / 2000));
    expect(fine[1]).toBeCloseTo(1, 2);
    expect(Math.abs(fine[2]!)).toBeLessThan(1e-3);
  });

  it('recovers the latent correlation from jittered scores of bucketed Gaussians', () => {
    const rho = 0.6;
    const n = 40000;
    const normals = new NormalStream(new Rng(1));
    const rng = new Rng(2);
    const cutsA = [0.2, 0.7, 1]; // three unequal categories
    const cutsB = [0.9, 1]; // a 90% point mass, like a zero-inflated amount
    const bucket = (u: number, cuts: number[]) => cuts.findIndex((c) => u < c);
    const jitter = (k: number, cuts: number[]) => {
      const lo = k === 0 ? 0 : cuts[k - 1]!;
      return lo + rng.nextOpen() * (cuts[k]! - lo);
    };
    const sa = new Float64Array(n);
    const sb = new Float64Array(n);
    const e = new Float64Array(2);
    for (let i = 0; i < n; i++) {
      normals.fill(e, 2);
      const x = e[0]!;
      const y = rho * e[0]! + Math.sqrt(1 - rho * rho) * e[1]!;
      sa[i] = normalQuantile(jitter(bucket(normalCdf(x), cutsA), cutsA));
      sb[i] = normalQuantile(jitter(bucket(normalCdf(y), cutsB), cutsB));
    }
    const r = correlationMatrix([sa, sb], n)[1]!;
    expect(r).toBeLessThan(rho - 0.15); // attenuated
    const corrected = latentCorrelation(r, hermiteCoefficients(cutsA), hermiteCoefficients(cutsB));
    expect(corrected).toBeCloseTo(rho, 1);
  });

  it('is the identity for columns without ties and 0 for a constant one', () => {
    const fine = hermiteCoefficients(Float64Array.from({ length: 5000 }, (_, i) => (i + 1) / 5000));
    expect(latentCorrelation(0.42, fine, fine)).toBeCloseTo(0.42, 2);
    expect(latentCorrelation(0.42, hermiteCoefficients([1]), fine)).toBe(0);
  });
});
