import { columnMetric } from '../metrics/column-metric.js';
import { incomputable, type Scored } from '../metrics/types.js';
import type { ContinuousPair, DiscretePair } from '../prepare/prepared.js';
import { extent } from '../stats/extent.js';

/**
 * Jensen–Shannon distance √JSD with log base 2 (Lin 1991; Endres & Schindelin 2003), in [0, 1]:
 * JSD = ½ KL(p‖m) + ½ KL(q‖m), m = (p + q)/2. Inputs are counts; they are normalised here.
 */
export function jensenShannonDistance(p: ArrayLike<number>, q: ArrayLike<number>): number {
  let sp = 0;
  let sq = 0;
  for (let k = 0; k < p.length; k++) {
    sp += p[k]!;
    sq += q[k]!;
  }
  let jsd = 0;
  for (let k = 0; k < p.length; k++) {
    const a = p[k]! / sp;
    const b = q[k]! / sq;
    const m = (a + b) / 2;
    if (a > 0) jsd += 0.5 * a * Math.log2(a / m);
    if (b > 0) jsd += 0.5 * b * Math.log2(b / m);
  }
  return Math.sqrt(Math.max(0, jsd));
}

export const JS_BINS = 20;

function discreteCounts(c: DiscretePair): [Float64Array, Float64Array] {
  const r = new Float64Array(c.labels.length);
  const s = new Float64Array(c.labels.length);
  for (const v of c.real) if (v >= 0) r[v]!++;
  for (const v of c.synthetic) if (v >= 0) s[v]!++;
  return [r, s];
}

/** Equal-width bins over the real range; values outside it fall in the outer bins (open edges). */
function binnedCounts(c: ContinuousPair, bins: number): [Float64Array, Float64Array] | undefined {
  const [lo, hi] = extent(c.real);
  if (lo > hi) return undefined;
  const w = hi > lo ? (hi - lo) / bins : 1;
  const count = (values: Float64Array) => {
    const out = new Float64Array(bins);
    for (const v of values)
      if (!Number.isNaN(v)) out[Math.min(bins - 1, Math.max(0, Math.floor((v - lo) / w)))]!++;
    return out;
  };
  return [count(c.real), count(c.synthetic)];
}

export function jensenShannonColumn(c: ContinuousPair | DiscretePair): Scored {
  const counts = c.kind === 'discrete' ? discreteCounts(c) : binnedCounts(c, JS_BINS);
  if (!counts) return incomputable('the real column has no non-missing value');
  const [r, s] = counts;
  if (r.every((x) => x === 0)) return incomputable('the real column has no non-missing value');
  if (s.every((x) => x === 0)) return incomputable('the synthetic column has no non-missing value');
  return { score: 1 - jensenShannonDistance(r, s) };
}

export const jensenShannonMetric = columnMetric({
  name: 'JensenShannonDistance',
  family: 'fidelity',
  description: `1 − Jensen–Shannon distance (base 2) per column; numerical/datetime columns in ${JS_BINS} equal-width bins of the real range`,
  continuous: jensenShannonColumn,
  discrete: jensenShannonColumn,
});
