import { Rng } from '@synthkit/core';
import { describe, expect, it } from 'vitest';
import { sidecarLayout } from '../encoder/sidecar.js';
import { cosineSchedule } from '../schedule/noise-schedule.js';
import { drawTrainingBatch } from './training-batch.js';

describe('training batch (forward noising and posterior constants)', () => {
  const layout = sidecarLayout({
    format: 'synthkit-diffusion-encoder',
    version: 1,
    columns: [
      { name: 'v', kind: 'numerical', transform: { kind: 'identity' } },
      { name: 'a', kind: 'categorical', categories: ['x', 'y', 'z', 'w'] },
      { name: 'b', kind: 'categorical', categories: ['p', 'q'] },
    ],
    schedule: { kind: 'cosine', T: 100 },
  });
  const schedule = cosineSchedule(100);
  const n = 50;
  const rng = new Rng(1);
  const data = {
    n,
    num: Float32Array.from({ length: n }, () => rng.normal()),
    codes: Int32Array.from({ length: n * 2 }, (_, i) => (i % 2 === 0 ? rng.int(4) : rng.int(2))),
  };

  it('holds the exact posterior q(x_{t−1} | x_t, x₀) and log A for every class', () => {
    const b = drawTrainingBatch(data, layout, schedule, 400, new Rng(2));
    let negEntropy = 0;
    for (let r = 0; r < b.rows; r++) {
      const t = b.t[r]!;
      const ab = schedule.alphaBar[t]!;
      const abPrev = t > 0 ? schedule.alphaBar[t - 1]! : 1;
      expect(b.logAlphaBarPrev[r]).toBeCloseTo(Math.log(abPrev), 6);
      for (let c = 0; c < 2; c++) {
        const K = layout.spanSize[c]!;
        const at = layout.spanStart[c]!;
        const xt = [...b.x.subarray(r * layout.width + at, r * layout.width + at + K)].indexOf(1);
        expect(xt).toBeGreaterThanOrEqual(0);
        const o = r * (layout.width - 1) + at - 1;
        const alpha = ab / abPrev;
        const logA = (k: number) => Math.log((k === xt ? alpha : 0) + (1 - alpha) / K);
        // Bayes, for a candidate x₀: q(x_t | x_{t−1}=k)·q(x_{t−1}=k | x₀), normalised
        const posterior = (x0: number) => {
          const v = Array.from(
            { length: K },
            (_, k) => Math.exp(logA(k)) * ((k === x0 ? abPrev : 0) + (1 - abPrev) / K),
          );
          const z = v.reduce((s, x) => s + x, 0);
          return v.map((x) => x / z);
        };
        const got = [...b.theta.subarray(o, o + K)];
        const matches = Array.from({ length: K }, (_, x0) =>
          posterior(x0).every((p, k) => Math.abs(p - got[k]!) < 1e-5),
        );
        expect(matches.some(Boolean), `row ${r} column ${c}`).toBe(true);
        for (let k = 0; k < K; k++) {
          expect(b.logA[o + k]).toBeCloseTo(Math.max(logA(k), -69), 4);
          const p = got[k]!;
          if (p > 0) negEntropy += p * Math.log(p);
        }
      }
    }
    expect(b.negEntropy).toBeCloseTo(negEntropy / b.rows, 4);
  });

  it('noises numerical values as √ᾱ·x₀ + √(1−ᾱ)·ε', () => {
    const b = drawTrainingBatch({ ...data, codes: new Int32Array(n * 2) }, layout, schedule, 1, new Rng(3));
    const ab = schedule.alphaBar[b.t[0]!]!;
    const x0 = (b.x[0]! - Math.sqrt(1 - ab) * b.eps[0]!) / Math.sqrt(ab);
    expect([...data.num].some((v) => Math.abs(v - x0) < 1e-4)).toBe(true);
  });
});
