import { describe, expect, it } from 'vitest';
import { Rng } from '../rng/rng.js';
import { EmpiricalCdf } from './empirical-cdf.js';
import { ksCriticalValue, ksStatistic } from './kolmogorov-smirnov.js';
import { normalCdf } from './normal.js';

describe('Kolmogorov–Smirnov statistic', () => {
  it('matches a hand computation, including both sides of each jump', () => {
    // Uniform(0,1) vs {0.1, 0.5, 0.9}: largest gap is at 0.9 from the left (2/3 − 0.9) or 0.1 (0.1 − 0)…
    expect(ksStatistic(EmpiricalCdf.of([0.1, 0.5, 0.9]), (x) => x)).toBeCloseTo(0.23333333333333334, 15);
    // A point mass: F jumps nowhere, so D is half the jump at best.
    expect(ksStatistic(EmpiricalCdf.of([0.5, 0.5]), (x) => x)).toBeCloseTo(0.5, 15);
  });

  it('separates a right model from a wrong one on real draws, and thinning stays within 1/maxPoints', () => {
    const rng = new Rng(3);
    const x = Array.from({ length: 20000 }, () => rng.normal());
    const e = EmpiricalCdf.of(x);
    const right = ksStatistic(e, normalCdf);
    const wrong = ksStatistic(e, (t) => normalCdf(t / 1.3));
    expect(right).toBeLessThan(ksCriticalValue(e.n));
    expect(wrong).toBeGreaterThan(ksCriticalValue(e.n));
    const thinned = ksStatistic(e, normalCdf, 500);
    expect(thinned).toBeLessThanOrEqual(right);
    expect(right - thinned).toBeLessThan(1 / 500);
  });

  it('the 5% critical value is 1.358/√n', () => {
    expect(ksCriticalValue(100)).toBeCloseTo(0.1358, 4);
  });
});
