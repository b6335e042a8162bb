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
  private flat = new Float64Array(0);

  constructor(correlation: Float64Array, d: number) {
    this.d = d;
    this.chol = cholesky(correlation, d);
  }

  /** Fills z[j][0..n) for every dimension j with n correlated rows. */
  draw(normals: NormalStream, n: number, z: readonly Float64Array[]): void {
    const d = this.d;
    if (this.flat.length < n * d) this.flat = new Float64Array(n * d);
    const flat = this.flat;
    normals.fill(flat, n * d);
    // Row by row: the factor (d²/2 numbers) stays in registers and cache, ε is read once, in order.
    const l = this.chol;
    for (let i = 0, o = 0; i < n; i++, o += d) {
      for (let j = 0; j < d; j++) {
        let s = 0;
        const row = j * d;
        for (let k = 0; k <= j; k++) s += l[row + k]! * flat[o + k]!;
        z[j]![i] = s;
      }
    }
  }
}
