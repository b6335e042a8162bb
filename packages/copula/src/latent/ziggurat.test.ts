import { EmpiricalCdf, ksCriticalValue, ksStatistic, normalCdf, Rng } from '@synthkit/core';
import { describe, expect, it } from 'vitest';
import { fillNormal, NormalStream } from './ziggurat.js';

describe('ziggurat normal draws', () => {
  it('are standard normal: KS test, moments and tails', () => {
    const n = 200_000;
    const x = new Float64Array(n);
    fillNormal(new Rng(5), x, n);
    expect(ksStatistic(EmpiricalCdf.of(x), normalCdf)).toBeLessThan(ksCriticalValue(n, 0.01));
    let m = 0;
    let v = 0;
    let k = 0;
    let beyond3 = 0;
    for (const t of x) {
      m += t;
      v += t * t;
      k += t ** 4;
      if (Math.abs(t) > 3) beyond3++;
    }
    expect(Math.abs(m / n)).toBeLessThan(0.01);
    expect(v / n).toBeCloseTo(1, 1);
    expect(k / n).toBeCloseTo(3, 0);
    // 2·(1 − Φ(3)) = 0.0027: the tail algorithm is exercised and correct in size
    expect(beyond3 / n).toBeGreaterThan(0.0021);
    expect(beyond3 / n).toBeLessThan(0.0033);
  });

  it('is a pure function of the seed and of the position in the stream, however calls cut it', () => {
    const a = new Float64Array(1000);
    fillNormal(new Rng(9), a, 1000);
    const s = new NormalStream(new Rng(9));
    const b = new Float64Array(1000);
    const part = new Float64Array(7);
    for (let at = 0; at < 1000; at += 7) {
      const m = Math.min(7, 1000 - at);
      s.fill(part, m);
      b.set(part.subarray(0, m), at);
    }
    expect(b).toEqual(a);
  });
});
