import { EmpiricalCdf, Rng } from '@synthkit/core';
import { describe, expect, it } from 'vitest';
import { selectMarginal } from './select.js';

const draw = (n: number, f: (r: Rng) => number, seed = 1) => {
  const r = new Rng(seed);
  return Float64Array.from({ length: n }, () => f(r));
};

describe('selectMarginal', () => {
  it('recognises each parametric family from 3,000 of its own draws', () => {
    const cases: Array<[string, Float64Array]> = [
      ['normal', draw(3000, (r) => r.normal(50, 10))],
      ['gamma', draw(3000, (r) => 5 + r.gamma(2, 3))],
      ['beta', draw(3000, (r) => r.beta(0.7, 3))],
      ['uniform', draw(3000, (r) => r.uniform(-2, 7))],
    ];
    for (const [family, x] of cases)
      expect(selectMarginal(EmpiricalCdf.of(x), 'auto').marginal.family).toBe(family);
  });

  it('fits a truncated normal by maximum likelihood and recovers its parameters', () => {
    // N(2, 3²) cut to [0, 4]: most of the mass, but clearly flattened.
    const x = draw(20000, (r) => {
      for (;;) {
        const v = r.normal(2, 3);
        if (v >= 0 && v <= 4) return v;
      }
    });
    const s = selectMarginal(EmpiricalCdf.of(x), 'truncnorm');
    expect(s.marginal.family).toBe('truncnorm');
    const [mu, sigma] = s.marginal.params;
    expect(mu).toBeCloseTo(2, 0);
    expect(Math.abs(sigma! - 3)).toBeLessThan(0.6);
  });

  it('falls back to the empirical quantile function for shapes no family fits', () => {
    const bimodal = draw(5000, (r) => (r.next() < 0.5 ? r.normal(0, 1) : r.normal(8, 1)));
    const s = selectMarginal(EmpiricalCdf.of(bimodal), 'auto');
    expect(s.marginal.family).toBe('empirical');
    expect(s.candidates.length).toBe(5);
    for (const c of s.candidates) expect(c.ks).toBeGreaterThan(0.05);
    // zero-inflated amounts, like Adult's capital-gain
    const zeroInflated = draw(5000, (r) => (r.next() < 0.9 ? 0 : r.gamma(2, 500)));
    expect(selectMarginal(EmpiricalCdf.of(zeroInflated), 'auto').marginal.family).toBe('empirical');
  });

  it('uses a named family when asked, the empirical one when that family cannot fit, constant for one value', () => {
    const x = draw(500, (r) => r.normal(0, 1));
    expect(selectMarginal(EmpiricalCdf.of(x), 'uniform').marginal.family).toBe('uniform');
    // gamma needs a mean above the minimum; a two-point sample at its minimum half the time still works,
    // but a sample whose variance the beta moments cannot match falls back
    const twoPoint = Float64Array.from({ length: 100 }, (_, i) => (i % 2 ? 1 : 0));
    expect(selectMarginal(EmpiricalCdf.of(twoPoint), 'beta').marginal.family).toBe('empirical');
    const c = selectMarginal(EmpiricalCdf.of([4, 4, 4]), 'auto');
    expect(c.marginal.family).toBe('constant');
    expect(c.marginal.fromZ(3)).toBe(4);
  });

  it('every marginal maps latent scores monotonically into its support', () => {
    const x = draw(3000, (r) => 5 + r.gamma(2, 3));
    for (const family of ['normal', 'truncnorm', 'beta', 'gamma', 'uniform', 'empirical'] as const) {
      const m = selectMarginal(EmpiricalCdf.of(x), family).marginal;
      let prev = Number.NEGATIVE_INFINITY;
      for (let z = -8; z <= 8; z += 0.25) {
        const v = m.fromZ(z);
        expect(v).toBeGreaterThanOrEqual(prev);
        prev = v;
      }
      if (family !== 'normal') {
        expect(m.fromZ(-8)).toBeGreaterThanOrEqual(Math.min(...x) - 1e-9);
        if (family !== 'gamma') expect(m.fromZ(8)).toBeLessThanOrEqual(Math.max(...x) + 1e-9);
      }
      // the median maps from z = 0
      expect(m.cdf(m.fromZ(0))).toBeCloseTo(0.5, 2);
    }
  });
});
