import type { Rng } from '@synthkit/core';

/**
 * Percentile bootstrap 95% interval (Efron & Tibshirani 1993, ch. 13) of statistics computed from
 * integer resampling weights: each replicate draws members and non-members with replacement
 * within their own group (stratified, so every replicate keeps both classes).
 */
export function stratifiedBootstrap(
  member: Uint8Array,
  replicates: number,
  rng: Rng,
  statistics: (weight: Float64Array) => readonly number[],
): Array<[number, number]> {
  const groups: number[][] = [[], []];
  for (let i = 0; i < member.length; i++) groups[member[i] ? 1 : 0]!.push(i);
  const draws: number[][] = [];
  const weight = new Float64Array(member.length);
  for (let b = 0; b < replicates; b++) {
    weight.fill(0);
    for (const idx of groups) for (let j = 0; j < idx.length; j++) weight[idx[rng.int(idx.length)]!]!++;
    statistics(weight).forEach((v, s) => {
      draws[s] ??= [];
      draws[s].push(v);
    });
  }
  return draws.map((d) => {
    const v = Float64Array.from(d.filter((x) => Number.isFinite(x))).sort();
    if (v.length === 0) return [Number.NaN, Number.NaN];
    const at = (q: number) => v[Math.min(v.length - 1, Math.max(0, Math.round(q * (v.length - 1))))]!;
    return [at(0.025), at(0.975)];
  });
}
