import { Rng } from '@synthkit/core';
import { describe, expect, it } from 'vitest';
import { ConditionalGaussian } from './conditional-gaussian.js';
import { NormalStream } from './ziggurat.js';

const moments = (x: Float64Array) => {
  let m = 0;
  for (const v of x) m += v;
  m /= x.length;
  let s = 0;
  for (const v of x) s += (v - m) ** 2;
  return [m, s / x.length] as const;
};

describe('ConditionalGaussian', () => {
  const r = Float64Array.of(1, 0.8, 0.3, 0.8, 1, 0.5, 0.3, 0.5, 1);

  it('pinning a coordinate gives the textbook conditional mean and variance', () => {
    const n = 20000;
    const z = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
    new ConditionalGaussian(r, 3, [0]).draw(new Rng(1), new NormalStream(new Rng(11)), n, [1], [1], z);
    expect(z[0]!.every((v) => v === 1)).toBe(true);
    // z1 | z0 = 1 ~ N(0.8, 1 − 0.64)
    const [m1, v1] = moments(z[1]!);
    expect(m1).toBeCloseTo(0.8, 1);
    expect(v1).toBeCloseTo(0.36, 1);
    const [m2, v2] = moments(z[2]!);
    expect(m2).toBeCloseTo(0.3, 1);
    expect(v2).toBeCloseTo(0.91, 1);
  });

  it('draws two fixed coordinates inside their box and matches rejection sampling', () => {
    const n = 20000;
    const z = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
    const lo = [0.5, -1];
    const hi = [Number.POSITIVE_INFINITY, 0];
    new ConditionalGaussian(r, 3, [0, 1]).draw(new Rng(2), new NormalStream(new Rng(12)), n, lo, hi, z);
    for (let i = 0; i < n; i++) {
      expect(z[0]![i]! >= 0.5 && z[1]![i]! >= -1 && z[1]![i]! <= 0).toBe(true);
    }
    // The same moments by brute-force rejection from the unconditional Gaussian.
    const rng = new Rng(3);
    const acc: number[][] = [[], [], []];
    while (acc[0]!.length < 20000) {
      const e = [rng.normal(), rng.normal(), rng.normal()];
      const a = e[0]!;
      const b = 0.8 * e[0]! + 0.6 * e[1]!;
      const c =
        0.3 * a + ((0.5 - 0.24) / 0.6) * e[1]! + Math.sqrt(1 - 0.09 - ((0.5 - 0.24) / 0.6) ** 2) * e[2]!;
      if (a >= 0.5 && b >= -1 && b <= 0) {
        acc[0]!.push(a);
        acc[1]!.push(b);
        acc[2]!.push(c);
      }
    }
    for (let j = 0; j < 3; j++) {
      const [mg, vg] = moments(z[j]!);
      const [mr, vr] = moments(Float64Array.from(acc[j]!));
      expect(Math.abs(mg - mr)).toBeLessThan(0.03);
      expect(Math.abs(vg - vr)).toBeLessThan(0.03);
    }
  });
});
