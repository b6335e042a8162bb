import { Rng } from '@synthkit/core';
import { describe, expect, it } from 'vitest';
import { stratifiedBootstrap } from './bootstrap.js';
import { advantageOf, aucOf, sortScores } from './roc.js';

function bruteAuc(scores: Float64Array, member: Uint8Array): number {
  let s = 0;
  let n = 0;
  for (let i = 0; i < scores.length; i++)
    for (let j = 0; j < scores.length; j++)
      if (member[i] && !member[j]) {
        s += scores[i]! > scores[j]! ? 1 : scores[i] === scores[j] ? 0.5 : 0;
        n++;
      }
  return s / n;
}

describe('AUC, membership advantage and bootstrap', () => {
  it('computes the Mann–Whitney AUC with ties counted one half', () => {
    const rng = new Rng(3);
    const scores = Float64Array.from({ length: 300 }, () => Math.round(rng.normal(0, 2)));
    const member = Uint8Array.from({ length: 300 }, (_, i) => (i < 150 ? 1 : 0));
    for (let i = 0; i < 150; i++) scores[i]! += 1;
    const auc = aucOf(sortScores(scores, member), new Float64Array(300).fill(1));
    expect(auc).toBeCloseTo(bruteAuc(scores, member), 12);
    expect(auc).toBeGreaterThan(0.55);
  });

  it('cross-fits the advantage: about 0 for a useless score, near 1 for a perfect one', () => {
    const rng = new Rng(4);
    const n = 2000;
    const member = Uint8Array.from({ length: n }, (_, i) => (i < n / 2 ? 1 : 0));
    const fold = Uint8Array.from({ length: n }, () => rng.int(2));
    const ones = new Float64Array(n).fill(1);
    const noise = Float64Array.from({ length: n }, () => rng.normal());
    expect(Math.abs(advantageOf(sortScores(noise, member), ones, fold))).toBeLessThan(0.06);
    const perfect = Float64Array.from(member, (m) => m + 0.01 * rng.normal());
    expect(advantageOf(sortScores(perfect, member), ones, fold)).toBeGreaterThan(0.99);
  });

  it('gives seeded bootstrap intervals that contain the estimate and repeat exactly', () => {
    const rng = new Rng(5);
    const member = Uint8Array.from({ length: 400 }, (_, i) => (i % 2 ? 1 : 0));
    const scores = Float64Array.from(member, (m) => m * 0.5 + rng.normal());
    const sorted = sortScores(scores, member);
    const auc = aucOf(sorted, new Float64Array(400).fill(1));
    const run = () => stratifiedBootstrap(member, 300, new Rng(9), (w) => [aucOf(sorted, w)])[0]!;
    const [lo, hi] = run();
    expect(lo).toBeLessThan(auc);
    expect(hi).toBeGreaterThan(auc);
    expect(run()).toEqual([lo, hi]);
  });
});
