import { normalCdf } from '@synthkit/core';
import { describe, expect, it } from 'vitest';
import { Z_MAX, ZTable } from './z-table.js';

describe('ZTable', () => {
  const exp = ZTable.build((z) => Math.exp(z / 2));

  it('interpolates its function to ~1e-6 relative between knots', () => {
    for (let z = -7.9; z < 7.9; z += 0.0137)
      expect(Math.abs(exp.at(z) / Math.exp(z / 2) - 1)).toBeLessThan(1e-5);
    const z = Float64Array.of(-100, -1, 0, 1, 100);
    const out = new Float64Array(7);
    exp.map(z, out, 5, 2);
    expect(out[2]).toBe(exp.min);
    expect(out[4]).toBeCloseTo(1, 12);
    expect(out[6]).toBe(exp.max);
    expect(out[3]).toBeCloseTo(exp.at(-1), 15);
  });

  it('zRange inverts the map: values of z inside the range land inside it', () => {
    const [lo, hi] = exp.zRange(0.5, 2)!;
    expect(exp.at(lo)).toBeCloseTo(0.5, 12);
    expect(exp.at(hi)).toBeCloseTo(2, 12);
    expect(exp.zRange(0, 1)![0]).toBe(Number.NEGATIVE_INFINITY);
    expect(exp.zRange(1, 1e9)![1]).toBe(Number.POSITIVE_INFINITY);
    expect(exp.zRange(1e6, 1e7)).toBeUndefined();
    expect(exp.zRange(3, 2)).toBeUndefined();
  });

  it('flat stretches (point masses) give a latent interval of positive width', () => {
    // A step function: half the mass at 0, half at 1.
    const step = ZTable.build((z) => (normalCdf(z) < 0.5 ? 0 : 1));
    const [lo, hi] = step.zRange(0, 0)!;
    expect(lo).toBe(Number.NEGATIVE_INFINITY);
    expect(hi).toBeGreaterThan(-0.01);
    expect(hi).toBeLessThanOrEqual(0);
    expect(Z_MAX).toBe(8);
  });

  it('repairs rounding wiggles so the table is non-decreasing', () => {
    const t = ZTable.build((z) => (Math.abs(z) < 1e-9 ? -1 : z));
    for (let k = 1; k < t.x.length; k++) expect(t.x[k]!).toBeGreaterThanOrEqual(t.x[k - 1]!);
  });
});
