import type { ColumnPair } from '../prepare/prepared.js';
import { type Slotted, slotted } from '../stats/discretized.js';
import { pairMetric } from './pair-metric.js';
import type { Scored } from './types.js';

/** Joint counts of two slotted columns, row-major [a * b.slots + b]. */
export function jointCounts(a: Slotted, b: Slotted): Float64Array {
  const counts = new Float64Array(a.slots * b.slots);
  const ac = a.codes;
  const bc = b.codes;
  const w = b.slots;
  for (let i = 0; i < ac.length; i++) counts[ac[i]! * w + bc[i]!]!++;
  return counts;
}

/**
 * How cells with a missing categorical value are compared. 'category': missing is one more category
 * (SDMetrics' documented intent). 'sdmetrics': as SDMetrics 0.18 actually computes it with pandas —
 * when both tables have such cells and their cell sets differ, `MultiIndex.union` cannot match
 * NaN-keyed cells, appends the synthetic table's copies, and every such cell present in both tables
 * is counted twice. The reference scores include this, so it is the default.
 */
export type MissingCells = 'sdmetrics' | 'category';

function sdmetricsDuplicatedMissingCells(
  r: Float64Array,
  s: Float64Array,
  nr: number,
  ns: number,
  xMissing: number,
  yMissing: number,
  width: number,
): number {
  if (xMissing < 0 && yMissing < 0) return 0;
  let realHas = false;
  let synHas = false;
  let sameCells = true;
  let extra = 0;
  for (let k = 0; k < r.length; k++) {
    const a = Math.floor(k / width);
    const missing = a === xMissing || k - a * width === yMissing;
    if (r[k]! > 0 !== s[k]! > 0) sameCells = false;
    if (!missing) continue;
    if (r[k]! > 0) realHas = true;
    if (s[k]! > 0) synHas = true;
    if (r[k]! > 0 && s[k]! > 0) extra += Math.abs(r[k]! / nr - s[k]! / ns);
  }
  return realHas && synHas && !sameCells ? extra : 0;
}

/**
 * ContingencySimilarity = 1 − ½ Σ_{a,b} |p_real(a,b) − p_synth(a,b)| over the normalised contingency
 * tables (SDMetrics' definition). Missing values are one more category; numerical and datetime
 * columns are cut into 10 equal-width bins (numpy semantics, see stats/histogram-bins.ts).
 */
export function contingencySimilarity(
  x: ColumnPair,
  y: ColumnPair,
  missingCells: MissingCells = 'sdmetrics',
): Scored {
  const xs = slotted(x);
  const ys = slotted(y);
  const r = jointCounts(xs.real, ys.real);
  const s = jointCounts(xs.synthetic, ys.synthetic);
  const nr = xs.real.codes.length;
  const ns = xs.synthetic.codes.length;
  let tv = 0;
  for (let k = 0; k < r.length; k++) tv += Math.abs(r[k]! / nr - s[k]! / ns);
  if (missingCells === 'sdmetrics')
    tv += sdmetricsDuplicatedMissingCells(
      r,
      s,
      nr,
      ns,
      x.kind === 'discrete' ? xs.real.slots - 1 : -1,
      y.kind === 'discrete' ? ys.real.slots - 1 : -1,
      ys.real.slots,
    );
  return { score: 1 - tv / 2 };
}

export const contingencySimilarityMetric = pairMetric({
  name: 'ContingencySimilarity',
  description:
    'Column pair trends when either column is discrete: 1 − total variation of the contingency tables (SDMetrics)',
  applies: (a, b) => a.kind === 'discrete' || b.kind === 'discrete',
  compute: contingencySimilarity,
});
