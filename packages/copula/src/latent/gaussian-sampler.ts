import { cholesky } from './cholesky.js';
import type { NormalStream } from './ziggurat.js';

/**
 * Rows of N(0, R) for a positive-definite correlation matrix R, as z = L·ε with R = L·Lᵀ and ε
 * independent standard normals. ε is drawn row by row, so the stream (and every value) does not
 * depend on how the rows are cut into batches; the multiply runs column-wise over a whole batch.
 */
export class GaussianSampler {
  readonly d: number;
  readonly chol: Float64Array;
  private eps: Float64Array[] = [];
  private flat = new Float64Array(0);

  constructor(correlation: Float64Array, d: number) {
    this.d = d;
    this.chol = cholesky(correlation, d);
  }

  /** Fills z[j][0..n) for every dimension j with n correlated rows. */
  draw(normals: NormalStream, n: number, z: readonly Float64Array[]): void {
    const d = this.d;
    if (this.eps.length !== d || (this.eps[0]?.length ?? 0) < n) {
      this.eps = Array.from({ length: d }, () => new Float64Array(n));
      this.flat = new Float64Array(n * d);
    }
    const eps = this.eps;
    const flat = this.flat;
    normals.fill(flat, n * d);
    for (let k = 0; k < d; k++) {
      const e = eps[k]!;
      for (let i = 0, o = k; i < n; i++, o += d) e[i] = flat[o]!;
    }
    const l = this.chol;
    for (let j = 0; j < d; j++) {
      const out = z[j]!;
      const e0 = eps[0]!;
      const l0 = l[j * d]!;
      for (let i = 0; i < n; i++) out[i] = l0 * e0[i]!;
      for (let k = 1; k <= j; k++) {
        const lk = l[j * d + k]!;
        if (lk === 0) continue;
        const e = eps[k]!;
        for (let i = 0; i < n; i++) out[i] = out[i]! + lk * e[i]!;
      }
    }
  }
}
