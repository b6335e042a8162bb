import { truncatedNormalCdf, truncatedNormalQuantile } from '@synthkit/core';

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
 * A draw from the kernel around `donor`: N(donor, h^2) truncated to [lo, hi] (the column's observed
 * range, or that range cut by a condition), by inversion of one uniform `u`, so no mass piles up at
 * the bounds and a seeded stream stays aligned.
 */
export function kernelDraw(donor: number, h: number, lo: number, hi: number, u: number): number {
  return truncatedNormalQuantile(u, donor, h, lo, hi);
}

/** P(a <= X <= b) for X ~ N(donor, h^2) truncated to [lo, hi]; [a, b] is clipped to [lo, hi]. */
export function kernelMass(donor: number, h: number, lo: number, hi: number, a: number, b: number): number {
  const mass =
    truncatedNormalCdf(Math.min(b, hi), donor, h, lo, hi) -
    truncatedNormalCdf(Math.max(a, lo), donor, h, lo, hi);
  return Math.max(mass, 0);
}
