import { type Rng, standardTruncatedQuantile } from '@synthkit/core';
import { cholesky, inverseFromCholesky } from './cholesky.js';
import type { NormalStream } from './ziggurat.js';

/** Gibbs sweeps per row over the fixed columns (started from a GHK draw, which is already close). */
const GIBBS_SWEEPS = 10;

/**
 * Rows of N(0, R) conditioned on some coordinates F lying in intervals [lo_f, hi_f] (a category's
 * frequency interval or a value range, on the latent scale):
 *   1. z_F from N(0, R_FF) truncated to the box: a GHK draw (sequential truncated conditionals,
 *      J. Geweke, "Efficient simulation from the multivariate normal and Student-t distributions
 *      subject to linear constraints", 1991) refined by Gibbs sweeps over the exact full conditionals
 *      (mean −(1/P_ff)·Σ P_fg z_g, variance 1/P_ff with P = R_FF⁻¹);
 *   2. the rest from the conditional Gaussian z_R | z_F ~ N(R_RF R_FF⁻¹ z_F, R_RR − R_RF R_FF⁻¹ R_FR).
 * Nothing is rejected: every row satisfies the condition by construction.
 */
export class ConditionalGaussian {
  private readonly fixed: readonly number[];
  private readonly rest: readonly number[];
  private readonly lFF: Float64Array;
  private readonly precision: Float64Array;
  /** A = R_RF R_FF⁻¹, |R|×|F|. */
  private readonly a: Float64Array;
  /** Cholesky factor of the conditional covariance, |R|×|R|. */
  private readonly lC: Float64Array;

  constructor(r: Float64Array, d: number, fixed: readonly number[]) {
    this.fixed = fixed;
    const isFixed = new Set(fixed);
    this.rest = Array.from({ length: d }, (_, i) => i).filter((i) => !isFixed.has(i));
    const f = fixed.length;
    const m = this.rest.length;
    const rFF = new Float64Array(f * f);
    for (let i = 0; i < f; i++) for (let j = 0; j < f; j++) rFF[i * f + j] = r[fixed[i]! * d + fixed[j]!]!;
    this.lFF = cholesky(rFF, f);
    this.precision = inverseFromCholesky(this.lFF, f);
    this.a = new Float64Array(m * f);
    for (let i = 0; i < m; i++)
      for (let j = 0; j < f; j++) {
        let s = 0;
        for (let k = 0; k < f; k++) s += r[this.rest[i]! * d + fixed[k]!]! * this.precision[k * f + j]!;
        this.a[i * f + j] = s;
      }
    const cov = new Float64Array(m * m);
    for (let i = 0; i < m; i++)
      for (let j = 0; j < m; j++) {
        let s = r[this.rest[i]! * d + this.rest[j]!]!;
        for (let k = 0; k < f; k++) s -= this.a[i * f + k]! * r[fixed[k]! * d + this.rest[j]!]!;
        cov[i * m + j] = s;
      }
    // Guard against round-off making a near-deterministic conditional slightly indefinite.
    for (let i = 0; i < m; i++) cov[i * m + i] = Math.max(cov[i * m + i]!, 1e-12) + 1e-12;
    this.lC = cholesky(cov, m);
  }

  /**
   * Fills z[j][0..n) for every dimension j with rows whose fixed coordinates lie in [lo[k], hi[k]]
   * (k indexes `fixed`; lo[k] === hi[k] pins the coordinate).
   */
  draw(
    rng: Rng,
    normals: NormalStream,
    n: number,
    lo: ArrayLike<number>,
    hi: ArrayLike<number>,
    z: readonly Float64Array[],
  ): void {
    const f = this.fixed.length;
    const m = this.rest.length;
    const l = this.lFF;
    const p = this.precision;
    const zf = new Float64Array(f);
    const w = new Float64Array(f);
    const eps = new Float64Array(m);
    for (let row = 0; row < n; row++) {
      // GHK: z_F = L_FF·w with each w_k truncated so that z_k lands in its interval.
      for (let k = 0; k < f; k++) {
        let s = 0;
        for (let j = 0; j < k; j++) s += l[k * f + j]! * w[j]!;
        const lkk = l[k * f + k]!;
        w[k] = standardTruncatedQuantile(rng.nextOpen(), (lo[k]! - s) / lkk, (hi[k]! - s) / lkk);
        zf[k] = s + lkk * w[k]!;
      }
      if (f > 1) {
        for (let sweep = 0; sweep < GIBBS_SWEEPS; sweep++) {
          for (let k = 0; k < f; k++) {
            const pkk = p[k * f + k]!;
            let s = 0;
            for (let j = 0; j < f; j++) if (j !== k) s += p[k * f + j]! * zf[j]!;
            const mean = -s / pkk;
            const sd = 1 / Math.sqrt(pkk);
            zf[k] =
              mean +
              sd * standardTruncatedQuantile(rng.nextOpen(), (lo[k]! - mean) / sd, (hi[k]! - mean) / sd);
          }
        }
      }
      for (let k = 0; k < f; k++) z[this.fixed[k]!]![row] = zf[k]!;
      normals.fill(eps, m);
      for (let i = 0; i < m; i++) {
        let s = 0;
        for (let k = 0; k < f; k++) s += this.a[i * f + k]! * zf[k]!;
        for (let j = 0; j <= i; j++) s += this.lC[i * m + j]! * eps[j]!;
        z[this.rest[i]!]![row] = s;
      }
    }
  }
}
