import { describe, expect, it } from 'vitest';
import { expNonPositive } from './exp-non-positive.js';

describe('expNonPositive', () => {
  it('matches Math.exp within 1e-8 relative over the range a shifted logit takes', () => {
    let worst = 0;
    // down to where doubles turn subnormal (e^−708 ≈ 2e−308) and lose relative precision anyway
    for (let x = 0; x >= -708; x -= 0.0137)
      worst = Math.max(worst, Math.abs(expNonPositive(x) / Math.exp(x) - 1));
    expect(worst).toBeLessThan(1e-8);
    expect(expNonPositive(0)).toBe(1);
  });

  it('is 0 where Math.exp underflows, and never negative', () => {
    expect(expNonPositive(-746)).toBe(0);
    expect(expNonPositive(Number.NEGATIVE_INFINITY)).toBe(0);
    for (let x = -708; x > -746; x -= 0.5) {
      expect(expNonPositive(x)).toBeGreaterThanOrEqual(0);
      expect(expNonPositive(x)).toBeLessThan(1e-307);
    }
  });
});
