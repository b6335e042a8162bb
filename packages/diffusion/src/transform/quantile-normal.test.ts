import { normalQuantile, Rng } from '@synthkit/core';
import { describe, expect, it } from 'vitest';
import { loadAdultView } from '../../test/adult-view.js';
import { defaultQuantileCount, fitQuantiles, fromNormal, toNormal } from './quantile-normal.js';

describe('quantile transform to a normal', () => {
  it('maps a continuous sample to scores with mean 0 and sd 1', () => {
    const rng = new Rng(3);
    const x = Float64Array.from({ length: 6000 }, () => rng.gamma(2, 3));
    const q = fitQuantiles(x);
    expect(q.length).toBe(defaultQuantileCount(6000));
    const z = x.map((v) => toNormal(q, v));
    const mean = z.reduce((s, v) => s + v, 0) / z.length;
    const sd = Math.sqrt(z.reduce((s, v) => s + (v - mean) ** 2, 0) / z.length);
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(sd).toBeGreaterThan(0.97);
    expect(sd).toBeLessThan(1.03);
  });

  it('round-trips every Adult numeric column (ties included) to within interpolation error', async () => {
    const view = await loadAdultView();
    for (const col of view.columns) {
      if (col.kind !== 'continuous') continue;
      const q = fitQuantiles(col.values);
      const range = q[q.length - 1]! - q[0]!;
      let worst = 0;
      for (let i = 0; i < col.values.length; i += 7) {
        const x = col.values[i]!;
        worst = Math.max(worst, Math.abs(fromNormal(q, toNormal(q, x)) - x));
      }
      expect(worst / range, col.name).toBeLessThan(1e-9);
    }
  });

  it('sends a value shared by many rows to the middle of its reference range and back exactly', () => {
    const x = new Float64Array(1000);
    for (let i = 900; i < 1000; i++) x[i] = i; // 90% zeros, like capital-gain
    const q = fitQuantiles(x, 101);
    const z = toNormal(q, 0);
    // knots 0..89 (references 0..0.89) are all 0: the middle reference is 0.445
    expect(z).toBeCloseTo(normalQuantile(0.445), 12);
    expect(fromNormal(q, z)).toBe(0);
  });

  it('clips beyond the fitted range to ±5.199 and maps back to the extremes', () => {
    const q = Float64Array.from([1, 2, 3, 4]);
    expect(toNormal(q, -100)).toBeCloseTo(-5.199337582, 6);
    expect(toNormal(q, 100)).toBeCloseTo(5.199337582, 6);
    expect(fromNormal(q, -9)).toBe(1);
    expect(fromNormal(q, 9)).toBe(4);
  });
});
