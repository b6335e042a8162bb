import { lowerBound, normalCdf, normalQuantile, upperBound } from '@synthkit/core';

/**
 * Quantile transform to a standard normal, the numeric preprocessing of TabDDPM (Kotelnikov et al.,
 * 2023), with the behaviour of scikit-learn's QuantileTransformer(output_distribution='normal'):
 * `quantiles[i]` is the empirical quantile at reference i/(n−1); a value maps to its interpolated
 * reference (ties go to the middle of their reference range), clipped to [1e-7, 1 − 1e-7], then Φ⁻¹.
 */

/** TabDDPM's choice: one knot per 30 rows, between 10 and 1000. */
export function defaultQuantileCount(nRows: number): number {
  return Math.max(Math.min(Math.floor(nRows / 30), 1000), 10);
}

/** Empirical quantiles (linear interpolation between order statistics) at n evenly spaced references. */
export function fitQuantiles(
  values: Float64Array,
  nQuantiles = defaultQuantileCount(values.length),
): Float64Array {
  if (values.length === 0) throw new RangeError('fitQuantiles needs at least one value');
  const sorted = Float64Array.from(values).sort();
  const out = new Float64Array(nQuantiles);
  const last = sorted.length - 1;
  for (let i = 0; i < nQuantiles; i++) {
    const pos = nQuantiles === 1 ? 0 : (i / (nQuantiles - 1)) * last;
    const lo = Math.floor(pos);
    const frac = pos - lo;
    out[i] = frac === 0 ? sorted[lo]! : sorted[lo]! + frac * (sorted[Math.min(lo + 1, last)]! - sorted[lo]!);
  }
  return out;
}

const BOUND = 1e-7;
const Z_MIN = normalQuantile(BOUND);
const Z_MAX = -Z_MIN;
/** Every score `toNormal` returns lies in [−QUANTILE_Z_BOUND, QUANTILE_Z_BOUND] (≈ 5.1993). */
export const QUANTILE_Z_BOUND = Z_MAX;

/** Value → standard-normal score. `quantiles` must be non-decreasing. */
export function toNormal(quantiles: Float64Array, x: number): number {
  const n = quantiles.length;
  if (n === 1) return 0;
  let ref: number;
  if (x <= quantiles[0]!) ref = x < quantiles[0]! ? 0 : (upperIndex(quantiles, x) / (n - 1)) * 0.5;
  else if (x >= quantiles[n - 1]!)
    ref = x > quantiles[n - 1]! ? 1 : 0.5 + (lowerIndex(quantiles, x) / (n - 1)) * 0.5;
  else {
    const lo = lowerIndex(quantiles, x); // first knot >= x
    if (quantiles[lo] === x) ref = (lo + upperIndex(quantiles, x)) / 2 / (n - 1);
    else {
      const a = quantiles[lo - 1]!;
      const b = quantiles[lo]!;
      ref = (lo - 1 + (x - a) / (b - a)) / (n - 1);
    }
  }
  const p = Math.min(Math.max(ref, BOUND), 1 - BOUND);
  return Math.min(Math.max(normalQuantile(p), Z_MIN), Z_MAX);
}

/**
 * Standard-normal score → value, by linear interpolation between knots. Scores at or beyond the
 * clipping bounds give the extreme knots exactly (otherwise the 1e-7 clip would shave them).
 */
export function fromNormal(quantiles: Float64Array, z: number): number {
  const n = quantiles.length;
  if (n === 1 || z <= Z_MIN) return quantiles[0]!;
  if (z >= Z_MAX) return quantiles[n - 1]!;
  const pos = Math.min(Math.max(normalCdf(z), 0), 1) * (n - 1);
  const lo = Math.min(Math.floor(pos), n - 2);
  const frac = pos - lo;
  const a = quantiles[lo]!;
  const b = quantiles[lo + 1]!;
  return frac === 0 || a === b ? a : a + frac * (b - a);
}

/** Index of the first knot >= x. */
function lowerIndex(q: Float64Array, x: number): number {
  return lowerBound(q, x);
}

/** Index of the last knot <= x. */
function upperIndex(q: Float64Array, x: number): number {
  return upperBound(q, x) - 1;
}
