import { normalPdf, normalQuantile } from '@synthkit/core';

/** Terms of Mehler's series kept; |ρ|^n·(term bound) makes the tail negligible except near |ρ| = 1. */
const TERMS = 40;

/**
 * Undoes the attenuation of correlations between jittered normal scores. A column with ties (every
 * category, or a point mass such as a zero-inflated amount) gets, within each tie "bucket" k, a
 * uniformly placed score, so its score is s = m_k + noise with m_k = E[z | bucket k] and noise
 * independent of every other column. By Mehler's expansion of the bivariate normal density,
 * φ₂(x, y; ρ) = φ(x)φ(y)·Σₙ ρⁿ hₙ(x) hₙ(y) (hₙ the normalized Hermite polynomials; F. G. Mehler,
 * J. Reine Angew. Math. 66 (1866) 161–176), the scores of two such columns correlate as
 *   corr(s, t) = Σₙ ρⁿ aₙ bₙ,   aₙ = E[m(bucket) hₙ(z)],
 * the series behind Pearson's tetrachoric and Olsson's polychoric correlations (U. Olsson,
 * Psychometrika 44 (1979) 443–460). Solving it for ρ gives the latent correlation the copula must
 * use so that sampled categories keep the observed dependence. A column without ties has a₁ = 1,
 * aₙ = 0 otherwise, and needs no correction.
 */
export function hermiteCoefficients(cuts: ArrayLike<number>): Float64Array {
  // cuts: cumulative probability at the end of each bucket, increasing, the last equal to 1.
  const a = new Float64Array(TERMS + 1);
  const k = cuts.length;
  if (k < 2) return a; // one bucket: a constant score, correlated with nothing
  // Bucket means m and the edges τ (finite edges only; φ(±∞) = 0 contributes nothing).
  const tau = new Float64Array(k - 1);
  for (let i = 0; i < k - 1; i++) tau[i] = normalQuantile(cuts[i]!);
  const m = new Float64Array(k);
  let prevU = 0;
  for (let i = 0; i < k; i++) {
    const left = i === 0 ? 0 : normalPdf(tau[i - 1]!);
    const right = i === k - 1 ? 0 : normalPdf(tau[i]!);
    const p = cuts[i]! - prevU;
    m[i] = p > 0 ? (left - right) / p : 0;
    prevU = cuts[i]!;
  }
  // a_n = Σ_k m_k (h_{n−1}(τ_{k−1})φ(τ_{k−1}) − h_{n−1}(τ_k)φ(τ_k)) / √n
  //     = Σ_edges (m_{right of edge} − m_{left of edge}) · h_{n−1}(τ)φ(τ) / √n
  let hPrev = new Float64Array(k - 1); // h_{n−2}
  let hCur = new Float64Array(k - 1).fill(1); // h_{n−1}
  const weight = Float64Array.from({ length: k - 1 }, (_, e) => (m[e + 1]! - m[e]!) * normalPdf(tau[e]!));
  for (let n = 1; n <= TERMS; n++) {
    let s = 0;
    for (let e = 0; e < k - 1; e++) s += weight[e]! * hCur[e]!;
    a[n] = s / Math.sqrt(n);
    // h_n = (x·h_{n−1} − √(n−1)·h_{n−2}) / √n
    const next = new Float64Array(k - 1);
    const c1 = 1 / Math.sqrt(n);
    const c0 = Math.sqrt(n - 1) * c1;
    for (let e = 0; e < k - 1; e++) next[e] = tau[e]! * hCur[e]! * c1 - c0 * hPrev[e]!;
    hPrev = hCur;
    hCur = next;
  }
  return a;
}

/**
 * The latent ρ with Σₙ ρⁿ aₙ bₙ = r (bisection on [−1, 1]; the series is increasing there whenever
 * a₁b₁ dominates, which holds for any bucketing of a normal variable). Clamped to ±1 when r is
 * beyond what the buckets allow; 0 when either column has no variation.
 */
export function latentCorrelation(r: number, a: Float64Array, b: Float64Array): number {
  if (!(a[1]! > 0 && b[1]! > 0)) return 0;
  const g = (rho: number) => {
    let s = 0;
    let p = 1;
    for (let n = 1; n <= TERMS; n++) {
      p *= rho;
      s += p * a[n]! * b[n]!;
    }
    return s;
  };
  let lo = -1;
  let hi = 1;
  if (r <= g(lo)) return -1;
  if (r >= g(hi)) return 1;
  for (let it = 0; it < 60; it++) {
    const mid = 0.5 * (lo + hi);
    if (g(mid) < r) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}
