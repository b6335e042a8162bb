import { Rng } from '@synthkit/core';
import { describe, expect, it } from 'vitest';
import { kernelDraw, kernelMass, silvermanBandwidth } from './smoothing.js';

describe('silvermanBandwidth', () => {
  it("matches R's bw.nrd0", () => {
    // bw.nrd0(1:10) = 0.9 * min(sd = 3.027650, IQR / 1.34 = 3.358209) * 10^(-1/5) = 1.719286
    expect(silvermanBandwidth(Float64Array.from({ length: 10 }, (_, i) => i + 1))).toBeCloseTo(1.719286, 5);
    // bw.nrd0(c(1, 2, 2, 2, 2, 3, 50)): IQR = 2.5 - 2, IQR / 1.34 = 0.373134 < sd = 18.1
    expect(silvermanBandwidth(Float64Array.from([1, 2, 2, 2, 2, 3, 50]))).toBeCloseTo(
      0.9 * (0.5 / 1.34) * 7 ** -0.2,
      6,
    );
  });

  it('is 0 for fewer than two values or constant values', () => {
    expect(silvermanBandwidth(Float64Array.from([4]))).toBe(0);
    expect(silvermanBandwidth(Float64Array.from([4, 4, 4]))).toBe(0);
  });
});

describe('kernelDraw and kernelMass', () => {
  it('draw from the truncated kernel around the donor, inside the observed range', () => {
    const rng = new Rng(5);
    const draws = Float64Array.from({ length: 20000 }, () => kernelDraw(10, 2, 0, 100, rng.next()));
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    const sd = Math.sqrt(draws.reduce((a, b) => a + (b - mean) ** 2, 0) / draws.length);
    expect(mean).toBeCloseTo(10, 1);
    expect(sd).toBeCloseTo(2, 1);
    const edge = Float64Array.from({ length: 5000 }, () => kernelDraw(0.5, 2, 0, 100, rng.next()));
    expect(Math.min(...edge)).toBeGreaterThanOrEqual(0);
    // the share of draws in [9, 12] is the kernel's mass there
    const inside = draws.filter((v) => v >= 9 && v <= 12).length / draws.length;
    expect(inside).toBeCloseTo(kernelMass(10, 2, 0, 100, 9, 12), 2);
  });

  it('give all the mass to the whole range and none outside it', () => {
    expect(kernelMass(10, 2, 0, 100, -5, 200)).toBeCloseTo(1, 12);
    expect(kernelMass(10, 2, 0, 100, 150, 200)).toBe(0);
  });
});
