import type { ContinuousPair } from '../prepare/prepared.js';
import { pearson } from '../stats/pearson.js';
import { averageRanks } from '../stats/ranks.js';
import { pairMetric } from './pair-metric.js';
import { incomputable } from './types.js';

export type CorrelationCoefficient = 'pearson' | 'spearman';

function distinctAtMostOne(v: Float64Array): boolean {
  let first = Number.NaN;
  for (let i = 0; i < v.length; i++) {
    const x = v[i]!;
    if (Number.isNaN(x)) continue;
    if (Number.isNaN(first)) first = x;
    else if (x !== first) return false;
  }
  return !Number.isNaN(first);
}

function filledWithZero(v: Float64Array): Float64Array {
  let any = false;
  for (let i = 0; i < v.length; i++) if (Number.isNaN(v[i]!)) any = true;
  if (!any) return v;
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = Number.isNaN(v[i]!) ? 0 : v[i]!;
  return out;
}

function correlation(x: Float64Array, y: Float64Array, coefficient: CorrelationCoefficient): number {
  const a = filledWithZero(x);
  const b = filledWithZero(y);
  const r = coefficient === 'spearman' ? pearson(averageRanks(a), averageRanks(b)) : pearson(a, b);
  return Number.isNaN(r) ? 0 : r;
}

/**
 * CorrelationSimilarity = 1 − |r_real − r_synth| / 2 with Pearson's (or Spearman's) r (SDMetrics'
 * definition, including its conventions: a column with a single distinct value makes the score NaN;
 * missing values are replaced by 0 before correlating; an undefined r counts as 0).
 */
export function correlationSimilarity(
  x: ContinuousPair,
  y: ContinuousPair,
  coefficient: CorrelationCoefficient = 'pearson',
): { score: number; real?: number; synthetic?: number; reason?: string } {
  for (const [v, which, name] of [
    [x.real, 'real', x.name],
    [y.real, 'real', y.name],
    [x.synthetic, 'synthetic', x.name],
    [y.synthetic, 'synthetic', y.name],
  ] as const)
    if (distinctAtMostOne(v))
      return incomputable(`the ${which} column "${name}" is constant, so its correlation is undefined`);
  const real = correlation(x.real, y.real, coefficient);
  const synthetic = correlation(x.synthetic, y.synthetic, coefficient);
  return { score: 1 - Math.abs(real - synthetic) / 2, real, synthetic };
}

export function correlationSimilarityMetric(options: { coefficient?: CorrelationCoefficient } = {}) {
  const coefficient = options.coefficient ?? 'pearson';
  return pairMetric({
    name: 'CorrelationSimilarity',
    description: `Column pair trends of two numerical/datetime columns: 1 − |r_real − r_synth| / 2 with ${coefficient === 'pearson' ? "Pearson's" : "Spearman's"} r (SDMetrics)`,
    applies: (a, b) => a.kind === 'continuous' && b.kind === 'continuous',
    compute: (a, b) => correlationSimilarity(a as ContinuousPair, b as ContinuousPair, coefficient),
  });
}
