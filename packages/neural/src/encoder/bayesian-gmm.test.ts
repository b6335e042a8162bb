import { Rng } from '@synthkit/core';
import { describe, expect, it } from 'vitest';
import { digamma, fitBayesianGmm } from './bayesian-gmm.js';

describe('fitBayesianGmm', () => {
  it('finds two well separated modes and drops the unused components', () => {
    const rng = new Rng(1);
    const x = Float64Array.from({ length: 4000 }, (_, i) =>
      i % 4 === 0 ? rng.normal(100, 2) : rng.normal(10, 1),
    );
    const gmm = fitBayesianGmm(x, { maxComponents: 10, weightThreshold: 0.005 });
    const order = [...gmm.means.keys()].sort((a, b) => gmm.means[a]! - gmm.means[b]!);
    // Each cluster may be covered by more than one component, but the extremes must sit on the clusters.
    expect(gmm.means[order[0]!]).toBeCloseTo(10, 0);
    expect(gmm.means[order.at(-1)!]).toBeCloseTo(100, 0);
    expect(gmm.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(gmm.means.length).toBeLessThan(10);
  });

  it('gives one mode with zero spread for a constant column', () => {
    const gmm = fitBayesianGmm(new Float64Array(50).fill(7), { maxComponents: 10 });
    expect([...gmm.means]).toEqual([7]);
    expect([...gmm.stds]).toEqual([0]);
  });

  it('never uses more components than distinct values', () => {
    const gmm = fitBayesianGmm(Float64Array.of(1, 1, 2, 2, 2, 3), { maxComponents: 10, weightThreshold: 0 });
    expect(gmm.means.length).toBeLessThanOrEqual(3);
  });

  it('is deterministic', () => {
    const rng = new Rng(5);
    const x = Float64Array.from({ length: 1000 }, () => rng.normal() * 3 + (rng.next() < 0.3 ? 20 : 0));
    expect(fitBayesianGmm(x, { maxComponents: 10 })).toEqual(fitBayesianGmm(x, { maxComponents: 10 }));
  });
});

describe('digamma', () => {
  it('matches known values', () => {
    expect(digamma(1)).toBeCloseTo(-0.5772156649015329, 10);
    expect(digamma(0.5)).toBeCloseTo(-1.9635100260214235, 10);
    expect(digamma(10)).toBeCloseTo(2.251752589066721, 10);
  });
});
