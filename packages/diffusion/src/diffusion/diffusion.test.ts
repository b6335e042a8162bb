import { Rng } from '@synthkit/core';
import { describe, expect, it } from 'vitest';
import { gaussianReverseStep } from '../../test/reference/gaussian-step.js';
import { multinomialReverseStep } from '../../test/reference/multinomial-step.js';
import { cosineSchedule } from '../schedule/noise-schedule.js';
import { stridedPlan } from '../schedule/strided-plan.js';
import { gaussianStepCoefficients } from './gaussian.js';

describe('Gaussian reverse step', () => {
  it('with η = 1 equals the DDPM posterior q(x_{t−1} | x_t, x̂₀) (Ho et al., eq. 7)', () => {
    const s = cosineSchedule(1000);
    for (const t of [1, 10, 500, 999]) {
      const ab = s.alphaBar[t]!;
      const abPrev = s.alphaBar[t - 1]!;
      const beta = s.betas[t]!;
      const c = gaussianStepCoefficients({ alphaBar: ab, alphaBarPrev: abPrev, eta: 1 });
      const xt = 0.7;
      const eps = -0.3;
      const x0 = c.x0FromXt * xt + c.x0FromEps * eps;
      const ddim = c.prevFromX0 * x0 + c.prevFromEps * eps;
      const ddpm =
        ((beta * Math.sqrt(abPrev)) / (1 - ab)) * x0 + (((1 - abPrev) * Math.sqrt(1 - beta)) / (1 - ab)) * xt;
      expect(ddim).toBeCloseTo(ddpm, 10);
      expect(c.sigma ** 2).toBeCloseTo((beta * (1 - abPrev)) / (1 - ab), 12);
    }
  });

  it('with the exact ε-predictor for N(μ, s²) data, sampling recovers μ and s (full and strided)', () => {
    const sched = cosineSchedule(1000);
    const mu = 1.5;
    const sd = 0.5;
    // strided DDPM (η = 1) is known to shrink the spread a little: its variance ignores Var[x₀ | x_t]
    for (const [steps, eta, tol] of [
      [1000, 1, 0.03],
      [50, 0, 0.03],
      [50, 1, 0.06],
    ] as const) {
      const plan = stridedPlan(sched, steps);
      const n = 4000;
      const rng = new Rng(11);
      const x = Float64Array.from({ length: n }, () => rng.normal());
      const out = new Float32Array(n);
      for (let i = 0; i < steps; i++) {
        const ab = plan.alphaBar[i]!;
        // E[ε | x_t] for x₀ ~ N(μ, s²): √(1−ᾱ)(x_t − √ᾱ μ)/(ᾱ s² + 1 − ᾱ)
        for (let r = 0; r < n; r++)
          out[r] = (Math.sqrt(1 - ab) * (x[r]! - Math.sqrt(ab) * mu)) / (ab * sd * sd + 1 - ab);
        gaussianReverseStep(x, 1, out, 1, n, { alphaBar: ab, alphaBarPrev: plan.alphaBarPrev[i]!, eta }, rng);
      }
      const mean = x.reduce((a, v) => a + v, 0) / n;
      const std = Math.sqrt(x.reduce((a, v) => a + (v - mean) ** 2, 0) / n);
      expect(mean, `steps ${steps} η ${eta}`).toBeCloseTo(mu, 1);
      expect(Math.abs(std - sd), `steps ${steps} η ${eta}`).toBeLessThan(tol);
    }
  });
  it('clips x̂₀ to the data range so an early ε̂ error is not blown up by 1/√ᾱ_T', () => {
    const s = cosineSchedule(1000);
    const step = { alphaBar: s.alphaBar[999]!, alphaBarPrev: 1, eta: 1 }; // straight to x̂₀
    const x = Float64Array.of(0, 0);
    // ε̂ off by 1 on a pure-noise input: x̂₀ = −√(1−ᾱ)·ε̂/√ᾱ is about −160 unclipped
    gaussianReverseStep(
      x,
      2,
      Float32Array.of(1, 1),
      2,
      1,
      step,
      new Rng(1),
      Float64Array.of(5.2, Number.POSITIVE_INFINITY),
    );
    expect(x[0]).toBe(-5.2);
    expect(x[1]).toBeLessThan(-100);
  });
});

describe('multinomial reverse step', () => {
  it('draws from the exact Bayes posterior q(x_{t−1} | x_t, x₀) when the model is sure of x₀', () => {
    const s = cosineSchedule(1000);
    const t = 300;
    const ab = s.alphaBar[t]!;
    const abPrev = s.alphaBar[t - 1]!;
    const alpha = ab / abPrev;
    const K = 4;
    const x0 = 2;
    const xt = 1;
    // Bayes: q(x_t | x_{t−1}=k)·q(x_{t−1}=k | x₀) / q(x_t | x₀)
    const qStep = (to: number, from: number) => (to === from ? alpha : 0) + (1 - alpha) / K;
    const qFrom0 = (k: number) => (k === x0 ? abPrev : 0) + (1 - abPrev) / K;
    const exact = Array.from({ length: K }, (_, k) => qStep(xt, k) * qFrom0(k));
    const z = exact.reduce((a, v) => a + v, 0);
    const n = 40000;
    const logits = new Float32Array(n * K);
    for (let r = 0; r < n; r++) for (let k = 0; k < K; k++) logits[r * K + k] = k === x0 ? 40 : 0;
    const codes = new Int32Array(n).fill(xt);
    multinomialReverseStep(codes, Int32Array.of(0), Int32Array.of(K), logits, K, n, ab, abPrev, new Rng(5));
    const counts = new Array<number>(K).fill(0);
    for (const c of codes) counts[c]!++;
    for (let k = 0; k < K; k++) {
      const p = exact[k]! / z;
      expect(Math.abs(counts[k]! / n - p), `class ${k}`).toBeLessThan(
        4 * Math.sqrt((p * (1 - p)) / n) + 1e-9,
      );
    }
  });

  it('on the last step samples x₀ from the prediction reweighted by q(x₁ | x₀), per column span', () => {
    const n = 30000;
    const stride = 5; // a 2-class span then a 3-class span
    const out = new Float32Array(n * stride);
    const p1 = [0.2, 0.3, 0.5];
    for (let r = 0; r < n; r++) {
      out[r * stride] = 0;
      out[r * stride + 1] = 0;
      for (let k = 0; k < 3; k++) out[r * stride + 2 + k] = Math.log(p1[k]!);
    }
    const codes = new Int32Array(n * 2);
    const ab = 0.999;
    multinomialReverseStep(
      codes,
      Int32Array.of(0, 2),
      Int32Array.of(2, 3),
      out,
      stride,
      n,
      ab,
      1,
      new Rng(9),
    );
    // x_t = class 0 everywhere: A = (α + (1−α)/K, (1−α)/K, …), posterior ∝ A ⊙ p̂
    const a3 = [ab + 0.001 / 3, 0.001 / 3, 0.001 / 3];
    const w = p1.map((p, k) => p * a3[k]!);
    const tot = w.reduce((a, v) => a + v, 0);
    const freq = [0, 0, 0];
    for (let r = 0; r < n; r++) freq[codes[r * 2 + 1]!]!++;
    for (let k = 0; k < 3; k++) expect(freq[k]! / n).toBeCloseTo(w[k]! / tot, 2);
    // the first column's x_t was 0 and α ≈ 1: it stays 0 nearly always
    let stay = 0;
    for (let r = 0; r < n; r++) if (codes[r * 2] === 0) stay++;
    expect(stay / n).toBeGreaterThan(0.99);
  });
});
