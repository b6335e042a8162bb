import { describe, expect, it } from 'vitest';
import { Rng } from './rng.js';

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const variance = (xs: number[]) => {
  const m = mean(xs);
  return xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1);
};
const draw = (n: number, f: () => number) => Array.from({ length: n }, f);

describe('Rng', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const a = new Rng(7);
    const b = new Rng(7);
    const c = new Rng(8);
    const sa = draw(100, () => a.next());
    expect(draw(100, () => b.next())).toEqual(sa);
    expect(draw(100, () => c.next())).not.toEqual(sa);
  });

  it('draws uniforms in [0, 1) with the right mean and variance', () => {
    const r = new Rng(1);
    const xs = draw(200_000, () => r.next());
    expect(xs.reduce((a, b) => Math.min(a, b))).toBeGreaterThanOrEqual(0);
    expect(xs.reduce((a, b) => Math.max(a, b))).toBeLessThan(1);
    expect(mean(xs)).toBeCloseTo(0.5, 2);
    expect(variance(xs)).toBeCloseTo(1 / 12, 3);
  });

  it('draws normals, gammas and betas with their textbook moments', () => {
    const r = new Rng(2);
    const z = draw(200_000, () => r.normal(3, 2));
    expect(mean(z)).toBeCloseTo(3, 1);
    expect(Math.sqrt(variance(z))).toBeCloseTo(2, 1);
    for (const k of [0.5, 2.5]) {
      const g = draw(100_000, () => r.gamma(k, 2));
      expect(mean(g) / (k * 2)).toBeCloseTo(1, 1); // E = kθ
      expect(variance(g) / (k * 4)).toBeCloseTo(1, 1); // Var = kθ²
    }
    const b = draw(100_000, () => r.beta(2, 5));
    expect(mean(b)).toBeCloseTo(2 / 7, 2);
  });

  it('forks independent, reproducible streams by label', () => {
    const r = new Rng(5);
    expect(r.fork('fit').next()).toBe(new Rng(5).fork('fit').next());
    expect(r.fork('fit').next()).not.toBe(r.fork('sample').next());
  });

  it('picks weighted indices in proportion and shuffles into a permutation', () => {
    const r = new Rng(3);
    const counts = [0, 0, 0];
    for (let i = 0; i < 60_000; i++) counts[r.weighted([1, 2, 3])]!++;
    expect(counts[0]! / 60_000).toBeCloseTo(1 / 6, 2);
    expect(counts[2]! / 60_000).toBeCloseTo(3 / 6, 2);
    expect([...r.permutation(50)].sort((a, b) => a - b)).toEqual([...Array(50).keys()]);
  });
});
