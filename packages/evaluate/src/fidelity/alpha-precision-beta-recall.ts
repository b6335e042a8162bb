import { type MetricInput, type MetricPlugin, type MetricResult, Rng, type RunContext } from '@synthkit/core';
import { type PreparedData, prepared } from '../prepare/prepared.js';
import { memo } from '../util/memo.js';
import { distancesToCenter, type MixedPoints, mixedEmbedding, squaredDistance } from './mixed-embedding.js';

/**
 * α-precision and β-recall (Alaa, van Breugel, Saveliev & van der Schaar, "How Faithful is your
 * Synthetic Data?", ICML 2022, Sec. 3, Eq. 3–6), on the mixed embedding of fidelity/mixed-embedding.ts
 * with the minimum-volume sets approximated by balls around the mean point (the paper's evaluation
 * embeds with a one-class network; with no such network we use the standardised space directly).
 *
 * P(α): share of synthetic rows inside the α-quantile ball of the real rows. R(β): share of real rows
 * whose nearest synthetic row lies inside the β-quantile ball of the synthetic rows and no farther than
 * the real row's nearest real neighbour. Ideal curves are the diagonal; the summaries are
 * 1 − 2·mean|P(α) − α| and 1 − 2·mean|R(β) − β| over α, β on a grid in (0, 1): 1 is best.
 */
export interface AlphaBetaResult {
  readonly alphaPrecision: number;
  readonly betaRecall: number;
  readonly alphas: number[];
  readonly precisionCurve: number[];
  readonly recallCurve: number[];
  readonly rows: { readonly real: number; readonly synthetic: number };
}

export const ALPHA_BETA_MAX_ROWS = 2000;
const GRID = 20;

function quantileSorted(sorted: Float64Array, q: number): number {
  // numpy's default (linear) quantile
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

function nearest(
  from: MixedPoints,
  to: MixedPoints,
  skipSelf: boolean,
): { index: Int32Array; dist: Float64Array } {
  const index = new Int32Array(from.n);
  const dist = new Float64Array(from.n);
  for (let i = 0; i < from.n; i++) {
    let best = Number.POSITIVE_INFINITY;
    let arg = -1;
    for (let j = 0; j < to.n; j++) {
      if (skipSelf && i === j) continue;
      const d = squaredDistance(from, i, to, j);
      if (d < best) {
        best = d;
        arg = j;
      }
    }
    index[i] = arg;
    dist[i] = Math.sqrt(best);
  }
  return { index, dist };
}

export function alphaPrecisionBetaRecall(
  data: PreparedData,
  rng: Rng,
  maxRows = ALPHA_BETA_MAX_ROWS,
): AlphaBetaResult {
  const { real, synthetic } = mixedEmbedding(data, maxRows, rng);
  const alphas = Array.from({ length: GRID }, (_, i) => (i + 0.5) / GRID);
  const realToRealCenter = distancesToCenter(real, real);
  const synToRealCenter = distancesToCenter(synthetic, real);
  const synToSynCenter = distancesToCenter(synthetic, synthetic);
  const realRadii = Float64Array.from(realToRealCenter).sort();
  const synRadii = Float64Array.from(synToSynCenter).sort();
  const precisionCurve = alphas.map((a) => {
    const r = quantileSorted(realRadii, a);
    let inside = 0;
    for (const d of synToRealCenter) if (d <= r) inside++;
    return inside / synthetic.n;
  });
  const realNN = nearest(real, real, true);
  const realToSyn = nearest(real, synthetic, false);
  const recallCurve = alphas.map((b) => {
    const r = quantileSorted(synRadii, b);
    let covered = 0;
    for (let i = 0; i < real.n; i++)
      if (realToSyn.dist[i]! <= realNN.dist[i]! && synToSynCenter[realToSyn.index[i]!]! <= r) covered++;
    return covered / real.n;
  });
  const summary = (curve: number[]) =>
    1 - (2 * curve.reduce((s, v, i) => s + Math.abs(v - alphas[i]!), 0)) / curve.length;
  return {
    alphaPrecision: summary(precisionCurve),
    betaRecall: summary(recallCurve),
    alphas,
    precisionCurve,
    recallCurve,
    rows: { real: real.n, synthetic: synthetic.n },
  };
}

const cache = new WeakMap<PreparedData, Map<number, AlphaBetaResult>>();

function cached(input: MetricInput, ctx: RunContext | undefined): AlphaBetaResult {
  const data = prepared(input.real, input.synthetic, input.metadata);
  const seed = ctx?.rng.seed ?? 0;
  const bySeed = memo(cache, data, () => new Map<number, AlphaBetaResult>());
  return memo(bySeed, seed, () =>
    alphaPrecisionBetaRecall(data, (ctx?.rng ?? new Rng(0)).fork('alpha-beta')),
  );
}

function details(r: AlphaBetaResult) {
  return {
    alphas: r.alphas,
    precisionCurve: r.precisionCurve,
    recallCurve: r.recallCurve,
    rows: { ...r.rows },
  };
}

export const alphaPrecisionMetric: MetricPlugin = {
  kind: 'metric',
  name: 'AlphaPrecision',
  family: 'fidelity',
  description:
    'Integrated α-precision (Alaa et al. 2022): do synthetic rows fall where real rows are typical?',
  compute(input, ctx): MetricResult {
    const r = cached(input, ctx);
    return { name: 'AlphaPrecision', score: r.alphaPrecision, details: details(r) };
  },
};

export const betaRecallMetric: MetricPlugin = {
  kind: 'metric',
  name: 'BetaRecall',
  family: 'fidelity',
  description:
    'Integrated β-recall (Alaa et al. 2022): does the synthetic data cover the variety of the real rows?',
  compute(input, ctx): MetricResult {
    const r = cached(input, ctx);
    return { name: 'BetaRecall', score: r.betaRecall, details: details(r) };
  },
};
