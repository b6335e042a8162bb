import { normalCdf, normalPdf, normalQuantile, normalSf } from './normal.js';

/**
 * The normal distribution N(μ, σ²) truncated to [lo, hi]. Probabilities are taken from the tail
 * nearer the interval, so an interval far out in either tail (z = 9..12) keeps full precision;
 * sampling and the quantile use inversion (L. Devroye, Non-Uniform Random Variate Generation, 1986,
 * §II.2), which needs exactly one uniform per draw and so keeps seeded streams aligned.
 *
 *     truncatedNormalQuantile(0.5, 0, 1, 0, Infinity) // 0.6744897501960817
 */

/** Φ(β) − Φ(α) for α ≤ β, without cancellation when both are in the upper tail. */
export function normalMass(alpha: number, beta: number): number {
  return alpha > 0 ? normalSf(alpha) - normalSf(beta) : normalCdf(beta) - normalCdf(alpha);
}

/** The z in [alpha, beta] at probability p of the standard normal truncated to [alpha, beta]. */
export function standardTruncatedQuantile(p: number, alpha: number, beta: number): number {
  if (alpha >= beta) return alpha;
  let z: number;
  if (alpha > 0) {
    const sa = normalSf(alpha);
    z = -normalQuantile(sa - p * (sa - normalSf(beta)));
  } else if (beta < 0) {
    const ca = normalCdf(alpha);
    z = normalQuantile(ca + p * (normalCdf(beta) - ca));
  } else {
    // Straddling 0: take whichever tail holds the point, so p near 0 or 1 keeps its precision.
    const ca = normalCdf(alpha);
    const mass = normalCdf(beta) - ca;
    const lower = ca + p * mass;
    z = lower < 0.5 ? normalQuantile(lower) : -normalQuantile(normalSf(beta) + (1 - p) * mass);
  }
  return z < alpha ? alpha : Math.min(z, beta);
}

/** Density of N(mu, sigma²) truncated to [lo, hi] at x. */
export function truncatedNormalPdf(x: number, mu: number, sigma: number, lo: number, hi: number): number {
  if (x < lo || x > hi) return 0;
  return normalPdf((x - mu) / sigma) / (sigma * normalMass((lo - mu) / sigma, (hi - mu) / sigma));
}

/** P(X ≤ x) for X ~ N(mu, sigma²) truncated to [lo, hi]. */
export function truncatedNormalCdf(x: number, mu: number, sigma: number, lo: number, hi: number): number {
  if (x <= lo) return 0;
  if (x >= hi) return 1;
  const a = (lo - mu) / sigma;
  return normalMass(a, (x - mu) / sigma) / normalMass(a, (hi - mu) / sigma);
}

/** The x in [lo, hi] with P(X ≤ x) = p for X ~ N(mu, sigma²) truncated to [lo, hi]. */
export function truncatedNormalQuantile(
  p: number,
  mu: number,
  sigma: number,
  lo: number,
  hi: number,
): number {
  const x = mu + sigma * standardTruncatedQuantile(p, (lo - mu) / sigma, (hi - mu) / sigma);
  return x < lo ? lo : Math.min(x, hi);
}
