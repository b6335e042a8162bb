import type { Rng } from '@synthkit/core';

/**
 * Kernel smoothing of numeric leaves, as synthpop's `smoothing = "density"` (Nowok, Raab & Dibben
 * 2016, section 3.3): a synthetic value is a donor drawn from the leaf plus Gaussian noise whose
 * standard deviation is the leaf's kernel bandwidth, i.e. a draw from the leaf's Gaussian kernel
 * density estimate. synthpop selects the bandwidth by Sheather-Jones; leaves hold 5 to a few dozen
 * values, where the rule of thumb below is the usual choice.
 */

/**
 * Silverman's rule of thumb, 0.9 min(sd, IQR/1.34) n^(-1/5) (Silverman 1986, eq. 3.31; R's bw.nrd0).
 * `sorted` ascending. Returns 0 when the values do not vary.
 */
export function silvermanBandwidth(sorted: Float64Array): number {
  const n = sorted.length;
  if (n < 2) return 0;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += sorted[i]!;
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (sorted[i]! - mean) ** 2;
  const sd = Math.sqrt(ss / (n - 1));
  const iqr = (quantile(sorted, 0.75) - quantile(sorted, 0.25)) / 1.34;
  const spread = iqr > 0 ? Math.min(sd, iqr) : sd;
  return 0.9 * spread * n ** -0.2;
}

/** R's default (type 7) quantile of ascending values. */
function quantile(sorted: Float64Array, q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/**
 * `donor` plus N(0, h^2) noise, redrawn until it falls in [min, max] (the kernel truncated to the
 * observed range, so no mass piles up at the bounds); the donor itself after 16 misses.
 */
export function smoothDraw(donor: number, h: number, min: number, max: number, rng: Rng): number {
  for (let tries = 0; tries < 16; tries++) {
    const v = donor + h * rng.normal();
    if (v >= min && v <= max) return v;
  }
  return donor;
}
